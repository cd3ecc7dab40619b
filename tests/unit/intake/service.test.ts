/** The intake channels as the hosts call them: folder, export/scan/apply jobs, status for badges. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeApplyResult, IntakeInbox } from '../../../src/shared/intake-types';
import type { JobInfo } from '../../../src/shared/types';
import { pdfWith, seedIntake, type IntakeSeed } from './support';

let seed: IntakeSeed;
beforeAll(async () => {
  seed = await seedIntake();
});
afterAll(() => seed.close());

async function finished(info: JobInfo | null): Promise<JobInfo> {
  await seed.app.jobs.idle();
  return seed.api['jobs:get']({ id: info!.id });
}

describe('intake channels', () => {
  it('refuses a folder that does not exist and needs a folder before scanning', async () => {
    await expect(seed.api['intake:set-folder']({ periodId: seed.periodId, path: path.join(seed.dir, 'tidak-ada') })).rejects.toThrow(/tidak ditemukan/u);
    await expect(seed.api['intake:scan']({ periodId: seed.periodId })).rejects.toThrow(/belum punya folder kiriman/u);
  });

  it('folder → kits → scan → status counts units with news → apply with a verified backup', async () => {
    fs.mkdirSync(seed.collection, { recursive: true });
    const status = await seed.api['intake:set-folder']({ periodId: seed.periodId, path: seed.collection });
    expect(status).toMatchObject({ folder: seed.collection, newCount: 0, lastScanAt: null });
    const exported = await finished(await seed.api['intake:export']({ periodId: seed.periodId }));
    expect(exported.status).toBe('selesai');
    expect((exported.result as { kits: unknown[] }).kits).toHaveLength(3);

    const kit = path.join(seed.collection, 'Kit 2026 - Dinas Kesehatan');
    const manifest = JSON.parse(fs.readFileSync(path.join(kit, 'patuh-kit.json'), 'utf8')) as { folders: Array<{ path: string }> };
    fs.writeFileSync(path.join(kit, manifest.folders[0]!.path, 'SK.pdf'), pdfWith('kesehatan'));
    const scanned = await finished(await seed.api['intake:scan']({ periodId: seed.periodId }));
    expect((scanned.result as IntakeInbox).newCount).toBe(1);
    expect(await seed.api['intake:status']({ periodId: seed.periodId })).toMatchObject({ newCount: 1, unitsWithNews: [seed.unitIds[1]] });
    expect((await seed.api['intake:inbox']({ periodId: seed.periodId }))!.units).toHaveLength(3);

    const backupsBefore = (await seed.api['backup:list'](undefined)).length;
    const applied = await finished(await seed.api['intake:apply']({ periodId: seed.periodId }));
    const result = applied.result as IntakeApplyResult;
    expect(result.units).toEqual([expect.objectContaining({ unitId: seed.unitIds[1], applied: true, files: 1 })]);
    const backups = await seed.api['backup:list'](undefined);
    expect(backups).toHaveLength(backupsBefore + 1);
    expect(backups[0]).toMatchObject({ id: result.backupId, verified: true, reason: 'sebelum-impor' });
    expect(await seed.api['intake:status']({ periodId: seed.periodId })).toMatchObject({ newCount: 0 });
    const history = await seed.api['checklist:history']({ periodId: seed.periodId, unitId: seed.unitIds[1], instrumentId: (await seed.api['checklist:get']({ periodId: seed.periodId, unitId: seed.unitIds[1] })).instruments[0]!.instrumentId, requirementCode: (await seed.api['checklist:get']({ periodId: seed.periodId, unitId: seed.unitIds[1] })).instruments[0]!.aspects[0]!.indicators[0]!.requirements[0]!.code });
    expect(history.map((entry) => entry.summary).join('\n')).toMatch(/Diterima dari kiriman unit: berkas "SK\.pdf"/u);
  });
});

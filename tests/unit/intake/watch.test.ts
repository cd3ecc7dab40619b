/**
 * While the app runs the collection folder is rescanned (events, plus an interval for
 * synced folders without events): the badge count follows, and nothing is applied.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { headlessPlatform } from '../../../src/server/platform';
import { createIntakeService, type IntakeService } from '../../../src/server/intake/intake-service';
import { previewFormImport } from '../../../src/server/excel/forms';
import { silentJob } from '../../../src/server/jobs/job';
import { dbHash } from '../excel-forms/support';
import { findIn, pdfWith, seedIntake, type IntakeSeed } from './support';

let seed: IntakeSeed;
let service: IntakeService;
beforeAll(async () => {
  seed = await seedIntake();
  await seed.exportAll();
  service = createIntakeService({ ctx: seed.ctx, jobs: seed.app.jobs, backups: seed.app.backups, platform: headlessPlatform, watch: true, rescanMs: 100, eventDelayMs: 50 });
});
afterAll(() => {
  service.stop();
  seed.close();
});

describe('watching the collection folder', () => {
  it('a file dropped into a kit raises the count of units with news; nothing is applied', async () => {
    await service.setFolder({ periodId: seed.periodId, path: seed.collection });
    expect(service.status(seed.periodId).newCount).toBe(0);
    const kit = path.join(seed.collection, 'Kit 2026 - Dinas Sosial');
    const manifest = JSON.parse(fs.readFileSync(path.join(kit, 'patuh-kit.json'), 'utf8')) as { folders: Array<{ path: string }> };
    const before = dbHash(seed.ctx);
    fs.writeFileSync(path.join(kit, manifest.folders[0]!.path, 'SK.pdf'), pdfWith('dipantau'));
    await vi.waitFor(() => expect(service.status(seed.periodId)).toMatchObject({ newCount: 1, unitsWithNews: [seed.unitIds[0]] }), { timeout: 20_000, interval: 50 });
    expect(dbHash(seed.ctx)).toBe(before);
    expect(fs.existsSync(path.join(seed.ctx.dataDir, 'cache', 'intake-index.json'))).toBe(true);
  });

  it('the Ekspor & Impor form import sends a kit workbook to Kiriman Unit instead of dropping its F-01 levels', async () => {
    const preview = await previewFormImport(seed.ctx, { file: findIn(path.join(seed.collection, 'Kit 2026 - Dinas Sosial'), /\.xlsx$/u) }, silentJob());
    expect(preview.rejected?.message).toMatch(/Kiriman Unit/u);
  });
});

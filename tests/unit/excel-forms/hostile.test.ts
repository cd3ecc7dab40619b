import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyFormImport, exportForm, previewFormImport } from '../../../src/server/excel/forms';
import { silentJob } from '../../../src/server/jobs/job';
import { AppError } from '../../../src/shared/result';
import { HOSTILE_CASES, type CorpusInputs } from './hostile-corpus';
import { dbHash, seed, type Seeded } from './support';

let seeded: Seeded;
let inputs: CorpusInputs;
let corpusDir: string;

beforeAll(async () => {
  seeded = await seed();
  corpusDir = path.join(seeded.dir, 'corpus');
  fs.mkdirSync(corpusDir);
  const exportTo = async (periodId: number, unitId: number, name: string) => {
    const outFile = path.join(seeded.dir, name);
    await exportForm(seeded.ctx, { periodId, unitId, outFile }, silentJob());
    return fs.readFileSync(outFile);
  };
  inputs = {
    own: await exportTo(seeded.periodId, seeded.unitId, 'own.xlsx'),
    otherUnit: await exportTo(seeded.periodId, seeded.otherUnitId, 'other-unit.xlsx'),
    otherYear: await exportTo(seeded.oldPeriodId, seeded.unitId, 'other-year.xlsx'),
  };
});

afterAll(() => seeded.close());

describe('hostile corpus', () => {
  it('has at least 30 distinct cases', () => {
    expect(new Set(HOSTILE_CASES.map((item) => item.name)).size).toBe(HOSTILE_CASES.length);
    expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(HOSTILE_CASES.map((item) => [item.name, item] as const))('%s: refused or row-errored, database unchanged', async (_, item) => {
    const file = path.join(corpusDir, `${item.name}.xlsx`);
    fs.writeFileSync(file, await item.make(inputs));
    const target = { periodId: seeded.periodId, unitId: seeded.unitId };
    const before = dbHash(seeded.ctx);
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const preview = await previewFormImport(seeded.ctx, { file, ...target }, silentJob());
    // The worker deadline is 20 s; every case should be far below it.
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(200 * 1024 * 1024);
    expect(preview.ok).toBe(false);
    if (item.expect === 'rejected') {
      expect(preview.rejected?.message).toMatch(item.pattern);
      expect(preview.changes).toEqual([]);
    } else {
      expect(preview.rejected).toBeUndefined();
      expect(preview.errors.map((error) => error.message)).toContainEqual(expect.stringMatching(item.pattern));
      for (const error of preview.errors) {
        expect(error).toMatchObject({ row: expect.any(Number), column: expect.any(String), cell: expect.stringMatching(/^[A-Z]+\d+$/), message: expect.any(String), action: expect.any(String) });
      }
      // A row with an error is listed as an error only, never also as a change or conflict.
      const errorRows = new Set(preview.errors.map((error) => error.row));
      expect([...preview.changes, ...preview.conflicts].filter((change) => errorRows.has(change.row))).toEqual([]);
    }
    // Even with the preview's own token, apply refuses and writes nothing.
    await expect(applyFormImport(seeded.ctx, { file, ...target, token: preview.token }, silentJob())).rejects.toBeInstanceOf(AppError);
    expect(dbHash(seeded.ctx)).toBe(before);
  });

  it('kills a parse that exceeds the time limit or the memory limit', async () => {
    const file = path.join(corpusDir, 'genuine.xlsx');
    fs.writeFileSync(file, inputs.own);
    const before = dbHash(seeded.ctx);
    const { DEFAULT_LIMITS } = await import('../../../src/server/excel/forms');
    const slow = await previewFormImport(seeded.ctx, { file }, silentJob(), { ...DEFAULT_LIMITS, parseTimeoutMs: 1 });
    expect(slow.rejected?.message).toMatch(/terlalu rumit untuk dibaca/);
    const hungry = await previewFormImport(seeded.ctx, { file }, silentJob(), { ...DEFAULT_LIMITS, workerHeapMb: 2 });
    expect(hungry.rejected?.message).toMatch(/terlalu rumit untuk dibaca/);
    const fine = await previewFormImport(seeded.ctx, { file }, silentJob());
    expect(fine).toMatchObject({ ok: true, changes: [], conflicts: [], errors: [] });
    expect(dbHash(seeded.ctx)).toBe(before);
  });

  it('refuses an oversized file before reading it, and a file that does not exist', async () => {
    const file = path.join(corpusDir, 'big.xlsx');
    fs.writeFileSync(file, Buffer.alloc(21 * 1024 * 1024));
    const preview = await previewFormImport(seeded.ctx, { file }, silentJob());
    expect(preview.rejected?.message).toMatch(/terlalu besar/);
    await expect(previewFormImport(seeded.ctx, { file: path.join(corpusDir, 'tidak-ada.xlsx') }, silentJob())).rejects.toThrow(/tidak ditemukan/);
  });
});

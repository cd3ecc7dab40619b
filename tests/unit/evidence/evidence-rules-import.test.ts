/** A returned form follows the same evidence rule as the app: a new link re-queues a verified requirement. */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyFormImport, exportForm, previewFormImport } from '../../../src/server/excel/forms';
import { silentJob } from '../../../src/server/jobs/job';
import { editForm, rowOf, seed, type Seeded } from '../excel-forms/support';

let open: Seeded[] = [];
afterEach(() => {
  for (const seeded of open) seeded.close();
  open = [];
});

describe('form import and the evidence rules', () => {
  it('a link added by the unit moves a verified requirement back to menunggu verifikasi, with the reason in the history', async () => {
    const s = await seed();
    open.push(s);
    const all = await s.requirements();
    const verified = all[1]!;
    await s.api['evidence:link']({ ...s.keyOf(verified), url: 'https://drive.google.com/kantor', documentDate: '2026-02-01' });
    await s.api['checklist:set-status']({ ...s.keyOf(verified), status: 'terverifikasi' });
    const outFile = path.join(s.dir, 'formulir.xlsx');
    await exportForm(s.ctx, { periodId: s.periodId, unitId: s.unitId, outFile }, silentJob());
    const filled = await editForm(outFile, path.join(s.dir, 'kembali.xlsx'), (sheet) => {
      sheet.getCell(`H${rowOf(all, verified)}`).value = 'https://drive.google.com/versi-baru';
      sheet.getCell(`I${rowOf(all, verified)}`).value = '2026-06-01';
    });
    const preview = await previewFormImport(s.ctx, { file: filled }, silentJob());
    expect(preview.changes.filter((change) => change.field === 'status').map((change) => [change.before, change.after])).toEqual([['Terverifikasi', 'Menunggu verifikasi']]);
    await applyFormImport(s.ctx, { file: filled, token: preview.token }, silentJob());
    const after = (await s.requirements()).find((item) => item.code === verified.code && item.instrumentId === verified.instrumentId)!;
    expect(after).toMatchObject({ status: 'menunggu_verifikasi', verifiedBy: null });
    expect(after.evidence.map((item) => [item.url, item.documentDate])).toEqual([
      ['https://drive.google.com/kantor', '2026-02-01'],
      ['https://drive.google.com/versi-baru', '2026-06-01'],
    ]);
    const history = await s.api['checklist:history'](s.keyOf(verified));
    expect(history.map((entry) => entry.summary)).toContain(
      'Status diubah dari "Terverifikasi" menjadi "Menunggu verifikasi" — bukti baru ditambahkan pada persyaratan yang sudah terverifikasi; perlu diverifikasi ulang (impor buku kerja).',
    );
  });
});

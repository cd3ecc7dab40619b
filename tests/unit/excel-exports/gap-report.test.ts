import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportGapReport, gapReportModel } from '../../../src/server/excel/exports';
import { GAP_HEADERS, GAP_SHEET } from '../../../src/server/excel/exports/gap-report';
import { silentJob, type JobControl } from '../../../src/server/jobs/job';
import { tempDir } from '../helpers';
import { formatNip } from '../../../src/core/documents/identity';
import { HEAD_NIP, KABAG, seedOffice } from '../documents/office';
import { findRow, readWorkbook, rowValues, sheetTexts } from './read-back';
import { seedYear } from './seed';

describe('gap report', () => {
  it('model: countdown, current values and prediction sentences from the reports', async () => {
    const { api, period, unit } = await seedYear();
    const gaps = await api['gaps:unit']({ periodId: period.id, unitId: unit.id });
    const scores = await api['scores:unit']({ periodId: period.id, unitId: unit.id });
    const settings = await api['settings:get'](undefined);
    const model = gapReportModel(gaps, scores, settings, { year: 2026, today: '2026-11-24', headName: 'Dra. Ani Lestari' });
    expect(model.deadline).toEqual({ date: '2026-12-04', daysLeft: 10, text: '4 Des 2026 (10 hari lagi)' });
    // Gaps are ranked from nilai terkini by default, and the fact says which view it is.
    expect(gaps.basis).toBe('terkini');
    expect(model.facts[1]).toMatchObject({ label: 'Indeks PEKPPP (nilai terkini)', value: scores.pekppp!.current!.index });
    expect(model.facts[1]!.text).toMatch(/\(sementara\) · \d+ diverifikasi, \d+ mandiri, \d+ belum dinilai$/);
    expect(model.facts[2]).toMatchObject({ value: scores.ombudsman!.report.total });
    expect(model.sections[0]!.rows.map((row) => row.gain)).toEqual(gaps.pekppp!.actions.map((action) => action.gain));
    expect(model.sections[0]!.predictions[0]).toBe(`PEKPPP: ${gaps.pekppp!.predictions[0]!.sentence}.`);
    expect(model.sections[0]!.predictions.join(' ')).toMatch(/jika \d+ langkah ini selesai/);
    // Never signed by "Operator": without the document model the blocks name the jabatan and leave a line to sign.
    expect(model.signatures).toEqual([
      { caption: 'Mengetahui,', position: 'Kepala Dinas Sosial', name: 'Dra. Ani Lestari', rank: '', nip: '' },
      { caption: '24 Nov 2026', position: 'Kepala Bagian Organisasi', name: '', rank: '', nip: '' },
    ]);
  });

  it('renders a print-ready sheet with ranked actions, predictions and signatures', async () => {
    const { app, api, period, unit } = await seedOffice();
    const dir = tempDir();
    const result = await exportGapReport(app.ctx, { periodId: period.id, unitId: unit.id, outFile: path.join(dir, 'Kesenjangan Dinsos.xlsx') }, silentJob());
    expect(fs.readdirSync(dir)).toEqual(['Kesenjangan Dinsos.xlsx']);
    const gaps = await api['gaps:unit']({ periodId: period.id, unitId: unit.id });
    const sheet = (await readWorkbook(result.path)).getWorksheet(GAP_SHEET)!;
    expect(sheet.getCell(1, 1).value).toBe('PEMERINTAH KABUPATEN CONTOH');
    expect(sheet.getImages()).toHaveLength(1);
    const header = findRow(sheet, 'No');
    expect(rowValues(sheet, header, 5)).toEqual([...GAP_HEADERS]);
    const first = gaps.pekppp!.actions[0]!;
    expect(rowValues(sheet, header + 1, 5)).toEqual([1, expect.stringContaining(first.title), expect.stringContaining(`Indikator ${first.indicatorNumber}.`), first.gain, first.fromLevel === null ? 'Belum dinilai' : `Tingkat ${first.fromLevel}`]);
    expect(sheet.getCell(header + 1, 4).numFmt).toBe('0.0000');
    const texts = sheet.getColumn(1).values.filter((value): value is string => typeof value === 'string');
    expect(texts).toContain(`PEKPPP: ${gaps.pekppp!.predictions[0]!.sentence}.`);
    expect(texts).toContain(`Ombudsman: ${gaps.ombudsman!.predictions[0]!.sentence}.`);
    const omHeader = findRow(sheet, 'Ombudsman RI — bukti dukung yang paling menaikkan estimasi') + 1;
    expect(sheet.getCell(omHeader + 1, 4).value).toBe(gaps.ombudsman!.actions[0]!.gain);
    const all = sheetTexts(sheet);
    for (const line of ['Mengetahui,', 'Kepala Dinas Sosial', 'Dra. Ani Lestari', `NIP. ${formatNip(HEAD_NIP)}`, 'Contoh, 24 November 2026', KABAG.position, KABAG.name, KABAG.rank, `NIP. ${formatNip(KABAG.nip)}`]) expect(all).toContain(line);
    expect(all.some((text) => text.includes('Operator'))).toBe(false);
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, printTitlesRow: `${header}:${header}` });
    expect(sheet.headerFooter.oddFooter).toContain('Halaman &P dari &N');
    expect(sheet.headerFooter.oddHeader).toContain('Daftar Langkah Perbaikan');
  });

  it('a cancelled export writes nothing', async () => {
    const { app, period, unit } = await seedYear();
    const dir = tempDir();
    const controller = new AbortController();
    const job: JobControl = { signal: controller.signal, progress: () => controller.abort() };
    await expect(exportGapReport(app.ctx, { periodId: period.id, unitId: unit.id, outFile: path.join(dir, 'x.xlsx') }, job)).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

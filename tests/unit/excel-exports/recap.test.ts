import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formatNip } from '../../../src/core/documents/identity';
import { exportRecap } from '../../../src/server/excel/exports';
import { exportGapList, GAPS_HEADER_ROW, GAPS_HEADERS, GAPS_SHEET } from '../../../src/server/excel/exports/gap-list';
import { KOP_ROWS } from '../../../src/server/excel/exports/kop';
import { FOOTER_LABELS, GROUP_HEADER_ROW } from '../../../src/server/excel/exports/recap-sheet-groups';
import { CATEGORY_TABLE_TITLE, GROUP_MEAN_LABEL, LOCAL_GOVERNMENT_ROW_LABEL, RECAP_MAIN_HEADER_ROW } from '../../../src/server/excel/exports/recap-sheet-main';
import { KABAG, seedOffice } from '../documents/office';
import { silentJob } from '../../../src/server/jobs/job';
import { tempDir } from '../helpers';
import { allCells, findRow, readWorkbook, readZip, rowValues, sheetTexts } from './read-back';
import { FORMULA_NOTE } from './seed';

async function exported() {
  const seeded = await seedOffice();
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'Rekap 2026.xlsx'), 'lama');
  const result = await exportRecap(seeded.app.ctx, { periodId: seeded.period.id, outFile: path.join(dir, 'Rekap 2026') }, silentJob());
  const board = await seeded.api['scores:dashboard']({ periodId: seeded.period.id });
  return { ...seeded, dir, result, board, workbook: await readWorkbook(result.path) };
}

describe('year recap', () => {
  it('replaces the chosen file atomically and leaves no temp behind', async () => {
    const { dir, result } = await exported();
    expect(result.path).toBe(path.join(dir, 'Rekap 2026.xlsx'));
    expect(fs.readdirSync(dir)).toEqual(['Rekap 2026.xlsx']);
  });

  it('Rekap: kop, group sub-headings with per-group numbering and averages, the pemda row', async () => {
    const { workbook, board } = await exported();
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Rekap', 'Bukti Dukung']);
    const sheet = workbook.getWorksheet('Rekap')!;
    expect(sheet.getCell(1, 1).value).toBe('PEMERINTAH KABUPATEN CONTOH');
    expect(sheet.getCell(3, 1).value).toBe('BAGIAN ORGANISASI');
    expect(String(sheet.getCell(KOP_ROWS + 1, 1).value)).toBe('REKAPITULASI HASIL PENILAIAN MANDIRI PELAYANAN PUBLIK TAHUN 2026');
    const aspects = ['Kebijakan', 'SDM', 'Sarpras', 'SIPP', 'Konsultasi & Pengaduan', 'Inovasi'];
    const headers = ['No', 'Nama Unit', 'Kelompok', ...aspects, 'Nilai Terkini', 'Dasar Nilai', 'Kategori', 'Predikat', 'Estimasi Ombudsman', 'Zona', 'Bukti terverifikasi (%)'];
    expect(rowValues(sheet, RECAP_MAIN_HEADER_ROW, headers.length)).toEqual(headers);
    let row = RECAP_MAIN_HEADER_ROW + 1;
    for (const [letter, group] of [['A', 'Perangkat Daerah'], ['B', 'Kecamatan']] as const) {
      expect(sheet.getCell(row, 1).value).toBe(`${letter}. ${group}`);
      const unit = board.units.find((item) => item.groupName === group)!;
      const values = rowValues(sheet, row + 1, headers.length);
      expect(values.slice(0, 3)).toEqual([1, unit.unitName, unit.groupName]);
      expect(values.slice(3, 9)).toEqual(board.aspects.map((aspect) => unit.aspectIndexes.find((item) => item.code === aspect.code)?.index ?? '–'));
      const predicate = unit.category ? `${unit.category.label}${unit.category.provisional ? ' (sementara)' : ''}` : '–';
      expect(values.slice(9)).toEqual([unit.current?.index ?? 'belum dinilai', expect.any(String), unit.category?.code ?? '–', predicate, unit.ombudsman?.total ?? '–', expect.any(String), unit.progress.percentVerified]);
      // Never 0,00 / F for a unit nobody assessed.
      if (!unit.current) expect(values.slice(9, 12)).toEqual(['belum dinilai', '–', '–']);
      // One unit in the group: its average is the unit's own value.
      expect(sheet.getCell(row + 2, 2).value).toBe(GROUP_MEAN_LABEL(group, 1));
      expect(sheet.getCell(row + 2, 10).value).toBe(unit.current?.index ?? '–');
      row += 3;
    }
    const totals = findRow(sheet, LOCAL_GOVERNMENT_ROW_LABEL, 2);
    expect(totals).toBe(row);
    expect(sheet.getCell(totals, 10).value).toBe(board.pekppp!.index);
    expect(String(sheet.getCell(totals, 11).value)).toMatch(/unit dinilai/);
    expect(sheet.getCell(totals, 12).value).toBe(board.pekppp!.band!.code);
    expect(sheet.getCell(totals, 14).value).toBe(board.ombudsman!.total);
    expect(sheet.getCell(totals, 4).value).toBe(board.pekppp!.aspects[0]!.mean);
  });

  it('Rekap: a category table with count and share, and the chosen signatory with NIP', async () => {
    const { workbook, board } = await exported();
    const sheet = workbook.getWorksheet('Rekap')!;
    const title = findRow(sheet, CATEGORY_TABLE_TITLE);
    const distribution = board.pekppp!.distribution;
    distribution.forEach((band, index) => {
      expect(rowValues(sheet, title + 2 + index, 4)).toEqual([band.code, band.label, band.count, band.count / board.units.length]);
    });
    expect(rowValues(sheet, title + 2 + distribution.length, 4)).toEqual([null, 'Jumlah', 2, 1]);
    const texts = sheetTexts(sheet);
    for (const line of ['Contoh, 24 November 2026', KABAG.position, KABAG.name, KABAG.rank, `NIP. ${formatNip(KABAG.nip)}`]) expect(texts).toContain(line);
    expect(sheet.getImages()).toHaveLength(1);
  });

  it('every sheet: one font family, A4 fit to width, print titles, "Halaman x dari y", headers never cut inside a word', async () => {
    const { workbook } = await exported();
    for (const sheet of workbook.worksheets) {
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(sheet.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
      expect(sheet.headerFooter.oddFooter).toContain('Halaman &P dari &N');
      expect(sheet.headerFooter.oddHeader).toContain('Rekapitulasi');
      const headerRow = Number(sheet.pageSetup.printTitlesRow!.split(':')[0]);
      sheet.getRow(headerRow).eachCell((cell) => {
        const longest = Math.max(...String(cell.value).split(/[\s/]+/u).map((word) => word.length));
        expect(sheet.getColumn(cell.col).width ?? 8.43, `${sheet.name} ${cell.col} ${String(cell.value)}`).toBeGreaterThanOrEqual(longest);
      });
    }
    const fonts = new Set([...allCells(workbook)].map(({ cell }) => cell.font?.name));
    expect([...fonts]).toEqual(['Arial']);
  });

  it('F4 paper when chosen in Pengaturan', async () => {
    const seeded = await seedOffice();
    await seeded.api['documents:update-settings']({ paper: 'F4' });
    const result = await exportRecap(seeded.app.ctx, { periodId: seeded.period.id, outFile: path.join(tempDir(), 'rekap.xlsx') }, silentJob());
    const workbook = await readWorkbook(result.path);
    expect(workbook.worksheets.map((sheet) => sheet.pageSetup.paperSize)).toEqual([14, 14]);
  });

  it('colours follow the text: conditional formats on Kategori and Zona, colour scale on aspects', async () => {
    const { workbook } = await exported();
    const sheet = workbook.getWorksheet('Rekap')!;
    // exceljs reads conditional formats back but does not declare the property.
    const formats = (sheet as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
    const byRef = new Map(formats.map((format) => [format.ref, format.rules]));
    const first = RECAP_MAIN_HEADER_ROW + 1;
    const last = findRow(sheet, LOCAL_GOVERNMENT_ROW_LABEL, 2);
    const category = byRef.get(`L${first}:L${last}`)!;
    expect(category.map((rule) => (rule as { formulae?: string[] }).formulae?.[0])).toEqual(['"A"', '"A-"', '"B"', '"B-"', '"C"', '"C-"', '"D"', '"E"', '"F"']);
    expect(category[0]).toMatchObject({ type: 'cellIs', operator: 'equal', style: { fill: { bgColor: { argb: 'FFC6EFCE' } } } });
    const zone = byRef.get(`O${first}:O${last}`)!;
    expect(zone.map((rule) => (rule as { formulae?: string[] }).formulae?.[0])).toEqual(['"Hijau"', '"Kuning"', '"Merah"']);
    expect(byRef.get(`D${first}:I${last}`)![0]).toMatchObject({ type: 'colorScale' });
  });

  it('Bukti Dukung: the office layout per group with ✓ / - / share and labelled footers', async () => {
    const { workbook, api, period, unit } = await exported();
    const sheet = workbook.getWorksheet('Bukti Dukung')!;
    expect(rowValues(sheet, GROUP_HEADER_ROW, 9)).toEqual(['NO', 'NAMA UNIT', 'KEBIJAKAN', 'SDM', 'SARPRAS', 'SIPP', 'KONSULTASI & PENGADUAN', 'INOVASI', 'TOTAL']);
    expect(sheet.getCell(GROUP_HEADER_ROW + 1, 1).value).toBe('A. Perangkat Daerah');
    const checklist = await api['checklist:get']({ periodId: period.id, unitId: unit.id });
    const pekppp = checklist.instruments[0]!;
    const row = rowValues(sheet, GROUP_HEADER_ROW + 2, 9);
    expect(row.slice(0, 2)).toEqual([1, 'Dinas Sosial']);
    expect(row[2]).toBeCloseTo(pekppp.aspects[0]!.progress.percentVerified / 100, 6);
    expect(sheet.getCell(GROUP_HEADER_ROW + 2, 3).numFmt).toBe('0.0%');
    expect(row[3]).toBe('-');
    expect(rowValues(sheet, GROUP_HEADER_ROW + 3, 3)).toEqual([null, FOOTER_LABELS.count, 0]);
    expect(rowValues(sheet, GROUP_HEADER_ROW + 4, 3)).toEqual([null, FOOTER_LABELS.percent, 0]);
    expect(sheet.getCell(GROUP_HEADER_ROW + 5, 2).value).toBe(FOOTER_LABELS.mean);
    expect(sheet.getCell(GROUP_HEADER_ROW + 5, 3).value).toBeCloseTo(pekppp.aspects[0]!.progress.verified / pekppp.aspects[0]!.progress.applicable, 4);
    expect(sheet.getCell(GROUP_HEADER_ROW + 6, 1).value).toBe('B. Kecamatan');
    expect(sheet.getCell(GROUP_HEADER_ROW + 7, 1).value).toBe(1);
  });

  it('streamed file: merged kop, logo on both sheets from one picture, print titles, centred A4, frozen header', async () => {
    const { workbook, result } = await exported();
    const zip = await readZip(result.path);
    const names = [...zip.keys()];
    // One media part for the logo, one drawing per sheet, each declared in the content types.
    expect(names.filter((name) => name.startsWith('xl/media/'))).toHaveLength(1);
    const types = zip.get('[Content_Types].xml')!.toString('utf8');
    for (const drawing of ['drawing1', 'drawing2']) {
      expect(names).toContain(`xl/drawings/${drawing}.xml`);
      expect(names).toContain(`xl/drawings/_rels/${drawing}.xml.rels`);
      expect(types).toContain(`/xl/drawings/${drawing}.xml`);
    }
    expect(zip.get('xl/workbook.xml')!.toString('utf8')).toContain('_xlnm.Print_Titles');
    for (const sheet of workbook.worksheets) {
      const last = sheet.getRow(sheet.pageSetup.printTitlesRow ? Number(sheet.pageSetup.printTitlesRow.split(':')[0]) : 1).cellCount;
      const merges = (sheet.model as unknown as { merges: string[] }).merges;
      const lastLetter = sheet.getColumn(last).letter;
      for (let row = 1; row <= 5; row += 1) expect(merges).toContain(`A${row}:${lastLetter}${row}`);
      expect(sheet.getImages()).toHaveLength(1);
      expect(sheet.getImages()[0]!.range.tl).toMatchObject({ nativeCol: 0, nativeRow: 0 });
      expect(sheet.pageSetup.horizontalCentered).toBe(true);
      const headerRow = Number(sheet.pageSetup.printTitlesRow!.split(':')[0]);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow });
      expect(sheet.getCell(1, 1).font).toMatchObject({ name: 'Arial', bold: true, size: 13 });
    }
  });

  it('evidence progress for every unit: the Rekap percentage is the dashboard\'s, Bukti Dukung marks follow each checklist', async () => {
    const seeded = await seedOffice();
    const { api, period, unit, other } = seeded;
    // A hidden requirement that was verified no longer counts; an office's own requirement does.
    const before = await api['checklist:get']({ periodId: period.id, unitId: unit.id });
    const pekpppId = before.instruments.find((instrument) => instrument.family === 'pekppp')!.instrumentId;
    const verified = before.instruments[0]!.aspects[0]!.indicators[0]!.requirements.find((requirement) => requirement.status === 'terverifikasi')!;
    await api['checklist:hide-requirement']({ periodId: period.id, instrumentId: pekpppId, requirementCode: verified.code, reason: 'Tidak relevan untuk pemda kami' });
    const indicator = before.instruments[0]!.aspects[1]!.indicators[0]!;
    const custom = await api['checklist:add-requirement']({ periodId: period.id, instrumentId: pekpppId, indicatorCode: indicator.code, text: 'Foto papan SP di loket', kind: 'foto' });
    await api['evidence:link']({ periodId: period.id, unitId: other.id, instrumentId: pekpppId, requirementCode: custom.code, url: 'https://contoh.go.id/foto', title: 'Foto' });
    await api['checklist:set-status']({ periodId: period.id, unitId: other.id, instrumentId: pekpppId, requirementCode: custom.code, status: 'terverifikasi' });
    const result = await exportRecap(seeded.app.ctx, { periodId: period.id, outFile: path.join(tempDir(), 'rekap.xlsx') }, silentJob());
    const workbook = await readWorkbook(result.path);
    const board = await api['scores:dashboard']({ periodId: period.id });
    const rekap = workbook.getWorksheet('Rekap')!;
    const evidence = workbook.getWorksheet('Bukti Dukung')!;
    for (const unit of board.units) {
      const row = findRow(rekap, unit.unitName, 2);
      expect(rekap.getCell(row, 16).value).toBe(unit.progress.percentVerified);
      const checklist = await api['checklist:get']({ periodId: period.id, unitId: unit.unitId });
      const pekppp = checklist.instruments.find((instrument) => instrument.family === 'pekppp')!;
      const expected = [...board.aspects.map((aspect) => pekppp.aspects.find((item) => item.code === aspect.code)!.progress), pekppp.progress].map((progress) =>
        progress.applicable > 0 && progress.verified === progress.applicable ? '✓' : progress.verified === 0 ? '-' : progress.percentVerified / 100,
      );
      expect(rowValues(evidence, findRow(evidence, unit.unitName, 2), 2 + expected.length).slice(2)).toEqual(expected);
    }
  });

  it('cancelled while writing: no file and no temp left behind', async () => {
    const seeded = await seedOffice();
    const dir = tempDir();
    const controller = new AbortController();
    const job = { signal: controller.signal, progress: (_fraction: number, message: string) => (message.startsWith('Menyusun') ? controller.abort() : undefined) };
    await expect(exportRecap(seeded.app.ctx, { periodId: seeded.period.id, outFile: path.join(dir, 'rekap.xlsx') }, job)).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('the gap list is its own export: every open requirement, notes shown exactly as typed', async () => {
    const { app, api, period, board } = await exported();
    const result = await exportGapList(app.ctx, { periodId: period.id, outFile: path.join(tempDir(), 'kekurangan.xlsx') }, silentJob());
    const workbook = await readWorkbook(result.path);
    const sheet = workbook.getWorksheet(GAPS_SHEET)!;
    expect(rowValues(sheet, GAPS_HEADER_ROW, GAPS_HEADERS.length)).toEqual([...GAPS_HEADERS]);
    let open = 0;
    for (const unit of board.units) {
      const checklist = await api['checklist:get']({ periodId: period.id, unitId: unit.unitId });
      open += checklist.instruments.flatMap((i) => i.aspects.flatMap((a) => a.indicators.flatMap((x) => x.requirements))).filter((r) => r.status !== 'terverifikasi' && r.status !== 'tidak_berlaku').length;
    }
    const numbered = Array.from({ length: sheet.rowCount }, (_, index) => sheet.getCell(index + 1, 1).value).filter((value) => typeof value === 'number');
    expect(numbered).toHaveLength(open);
    const note = [...allCells(workbook)].find(({ cell }) => typeof cell.value === 'string' && cell.value.includes('SUM(A1)'))!;
    expect(note.cell.type).toBe(ExcelJS.ValueType.String);
    expect(String(note.cell.value)).toContain(FORMULA_NOTE);
    expect([...allCells(workbook)].filter(({ cell }) => cell.type === ExcelJS.ValueType.Formula)).toEqual([]);
    expect(sheetTexts(sheet)).toContain(`NIP. ${formatNip(KABAG.nip)}`);
  });
});

const soffice = ['soffice', 'libreoffice'].find((command) => {
  try {
    execFileSync('which', [command], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});

describe.skipIf(!soffice)('opens in LibreOffice', () => {
  it('converts the recap headless without error', async () => {
    const { result } = await exported();
    const out = tempDir();
    execFileSync(soffice!, ['--headless', '--convert-to', 'pdf', '--outdir', out, result.path], { timeout: 120_000, stdio: 'ignore' });
    expect(fs.readdirSync(out).some((file) => file.endsWith('.pdf'))).toBe(true);
  }, 180_000);
});

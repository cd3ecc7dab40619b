import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { unsafeText } from '../../../src/server/excel/cells';
import { exportRecap } from '../../../src/server/excel/exports';
import { GAPS_HEADER_ROW, GAPS_HEADERS, GROUP_HEADER_ROW } from '../../../src/server/excel/exports/recap-sheet-groups';
import { LOCAL_GOVERNMENT_ROW_LABEL, RECAP_MAIN_HEADER_ROW } from '../../../src/server/excel/exports/recap-sheet-main';
import { silentJob } from '../../../src/server/jobs/job';
import { tempDir } from '../helpers';
import { allCells, findRow, readWorkbook, rowValues } from './read-back';
import { FORMULA_NOTE, seedYear } from './seed';

async function exported() {
  const seeded = await seedYear();
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

  it('Rekap: one row per unit with the dashboard numbers and the local-government row', async () => {
    const { workbook, board } = await exported();
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Rekap', 'Perangkat Daerah', 'Kecamatan', 'Kesenjangan']);
    const sheet = workbook.getWorksheet('Rekap')!;
    const aspects = ['Kebijakan Pelayanan', 'Profesionalisme Sumber Daya Manusia', 'Sarana dan Prasarana', 'SIPP', 'Konsultasi dan Pengaduan', 'Inovasi Pelayanan Publik'];
    const headers = ['No', 'Nama Unit', 'Kelompok', ...aspects, 'Nilai Terkini', 'Dasar Nilai', 'Kategori', 'Predikat', 'Estimasi Ombudsman', 'Zona', 'Bukti terverifikasi (%)'];
    expect(rowValues(sheet, RECAP_MAIN_HEADER_ROW, headers.length)).toEqual(headers);
    for (const [index, unit] of board.units.entries()) {
      const values = rowValues(sheet, RECAP_MAIN_HEADER_ROW + 1 + index, headers.length);
      expect(values.slice(0, 3)).toEqual([index + 1, unit.unitName, unit.groupName]);
      expect(values.slice(3, 9)).toEqual(board.aspects.map((aspect) => unit.aspectIndexes.find((item) => item.code === aspect.code)?.index ?? '–'));
      const predicate = unit.category ? `${unit.category.label}${unit.category.provisional ? ' (sementara)' : ''}` : '–';
      expect(values.slice(9)).toEqual([unit.current?.index ?? 'belum dinilai', expect.any(String), unit.category?.code ?? '–', predicate, unit.ombudsman?.total ?? '–', expect.any(String), unit.progress.percentVerified]);
      // Never 0,00 / F for a unit nobody assessed.
      if (!unit.current) expect(values.slice(9, 12)).toEqual(['belum dinilai', '–', '–']);
    }
    const totals = findRow(sheet, LOCAL_GOVERNMENT_ROW_LABEL, 2);
    expect(sheet.getCell(totals, 10).value).toBe(board.pekppp!.index);
    expect(String(sheet.getCell(totals, 11).value)).toMatch(/unit dinilai/);
    expect(sheet.getCell(totals, 12).value).toBe(board.pekppp!.band!.code);
    expect(sheet.getCell(totals, 14).value).toBe(board.ombudsman!.total);
    expect(sheet.getCell(totals, 4).value).toBe(board.pekppp!.aspects[0]!.mean);
  });

  it('colours follow the text: conditional formats on Kategori and Zona, colour scale on aspects', async () => {
    const { workbook } = await exported();
    // exceljs reads conditional formats back but does not declare the property.
    const formats = (workbook.getWorksheet('Rekap')! as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
    const byRef = new Map(formats.map((format) => [format.ref, format.rules]));
    const category = byRef.get(`L${RECAP_MAIN_HEADER_ROW + 1}:L${RECAP_MAIN_HEADER_ROW + 3}`)!;
    expect(category.map((rule) => (rule as { formulae?: string[] }).formulae?.[0])).toEqual(['"A"', '"A-"', '"B"', '"B-"', '"C"', '"C-"', '"D"', '"E"', '"F"']);
    expect(category[0]).toMatchObject({ type: 'cellIs', operator: 'equal', style: { fill: { bgColor: { argb: 'FFC6EFCE' } } } });
    const zone = byRef.get(`O${RECAP_MAIN_HEADER_ROW + 1}:O${RECAP_MAIN_HEADER_ROW + 3}`)!;
    expect(zone.map((rule) => (rule as { formulae?: string[] }).formulae?.[0])).toEqual(['"Hijau"', '"Kuning"', '"Merah"']);
    expect(byRef.get(`D${RECAP_MAIN_HEADER_ROW + 1}:I${RECAP_MAIN_HEADER_ROW + 3}`)![0]).toMatchObject({ type: 'colorScale' });
  });

  it('group sheets use the office layout with ✓ / - / share, JUMLAH and PERSENTASE', async () => {
    const { workbook, api, period, unit } = await exported();
    const sheet = workbook.getWorksheet('Perangkat Daerah')!;
    expect(String(sheet.getCell(1, 1).value)).toMatch(/^PERANGKAT DAERAH — TAHUN 2026/);
    expect(rowValues(sheet, GROUP_HEADER_ROW, 9)).toEqual(['NO', 'NAMA UNIT', 'KEBIJAKAN PELAYANAN', 'PROFESIONALISME SUMBER DAYA MANUSIA', 'SARANA DAN PRASARANA', 'SISTEM INFORMASI PELAYANAN PUBLIK (SIPP)', 'KONSULTASI DAN PENGADUAN', 'INOVASI PELAYANAN PUBLIK', 'TOTAL']);
    const checklist = await api['checklist:get']({ periodId: period.id, unitId: unit.id });
    const pekppp = checklist.instruments[0]!;
    const row = rowValues(sheet, GROUP_HEADER_ROW + 1, 9);
    expect(row.slice(0, 2)).toEqual([1, 'Dinas Sosial']);
    expect(row[2]).toBeCloseTo(pekppp.aspects[0]!.progress.percentVerified / 100, 6);
    expect(sheet.getCell(GROUP_HEADER_ROW + 1, 3).numFmt).toBe('0.0%');
    expect(row[3]).toBe('-');
    expect(rowValues(sheet, GROUP_HEADER_ROW + 2, 3)).toEqual([null, 'JUMLAH', 0]);
    expect(rowValues(sheet, GROUP_HEADER_ROW + 3, 3)).toEqual([null, 'PERSENTASE', 0]);
  });

  it('Kesenjangan lists every open requirement with notes kept as text', async () => {
    const { workbook, api, period, board } = await exported();
    const sheet = workbook.getWorksheet('Kesenjangan')!;
    expect(rowValues(sheet, GAPS_HEADER_ROW, 7)).toEqual([...GAPS_HEADERS]);
    let open = 0;
    for (const unit of board.units) {
      const checklist = await api['checklist:get']({ periodId: period.id, unitId: unit.unitId });
      open += checklist.instruments.flatMap((i) => i.aspects.flatMap((a) => a.indicators.flatMap((x) => x.requirements))).filter((r) => r.status !== 'terverifikasi' && r.status !== 'tidak_berlaku').length;
    }
    expect(sheet.rowCount - GAPS_HEADER_ROW).toBe(open);
    const statuses = new Set(Array.from({ length: open }, (_, index) => sheet.getCell(GAPS_HEADER_ROW + 1 + index, 6).value));
    expect([...statuses].sort()).toEqual(['Belum ada', 'Menunggu verifikasi', 'Perlu perbaikan']);
    const note = [...allCells(workbook)].find(({ cell }) => typeof cell.value === 'string' && cell.value.includes('SUM(A1)'))!;
    expect(note.sheet).toBe('Kesenjangan');
    expect(note.cell.type).toBe(ExcelJS.ValueType.String);
    expect(unsafeText(String(note.cell.value))).toContain(FORMULA_NOTE);
    expect([...allCells(workbook)].filter(({ cell }) => cell.type === ExcelJS.ValueType.Formula)).toEqual([]);
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

/** Kedaluwarsa and shared files are marked in the unit package (aspect sheets and Daftar Berkas). */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportUnitPackage } from '../../../src/server/excel/exports';
import { FILES_HEADER_ROW } from '../../../src/server/excel/exports/unit-sheet-files';
import { silentJob } from '../../../src/server/jobs/job';
import { tempDir } from '../helpers';
import { allCells, readWorkbook } from '../excel-exports/read-back';
import { requirementAt, seedYear } from '../excel-exports/seed';

describe('exports mark the evidence rules', () => {
  it('an expired document and a file shared with another unit are marked; an unknown date says so', async () => {
    const seeded = await seedYear();
    const { api, app, period, unit, other } = seeded;
    const checklist = await api['checklist:get']({ periodId: period.id, unitId: unit.id });
    const i02 = requirementAt(checklist, 'pekppp', 'i02', 0);
    const key = (unitId: number, requirement: typeof i02) => ({ periodId: period.id, unitId, instrumentId: requirement.instrumentId, requirementCode: requirement.code });
    const old = Buffer.from('%PDF-1.4\nBA 2023\n%%EOF');
    await api['evidence:upload']({ ...key(unit.id, i02), documentDate: '2023-08-17', files: [{ name: 'BA lama.pdf', data: old }] });
    await api['evidence:upload']({ ...key(other.id, i02), documentDate: '2023-08-17', files: [{ name: 'BA kecamatan.pdf', data: old }] });

    const result = await exportUnitPackage(app.ctx, { periodId: period.id, unitId: unit.id, outDir: tempDir(), zip: false }, silentJob());
    const workbook = await readWorkbook(path.join(result.path, 'Kabupaten Contoh - Dinas Sosial - 2026.xlsx'));
    const files = workbook.getWorksheet('Daftar Berkas')!;
    let found = false;
    for (let row = FILES_HEADER_ROW + 1; row <= files.rowCount; row += 1) {
      const name = String((files.getCell(row, 2).value as { text?: string })?.text ?? files.getCell(row, 2).value);
      const date = String(files.getCell(row, 6).value);
      if (name.startsWith('BA lama')) {
        found = true;
        expect(date).toBe('17 Agu 2023\nkedaluwarsa');
        expect(String(files.getCell(row, 7).value)).toMatch(/Berkas yang sama juga dilampirkan oleh: Kecamatan Barat/);
      } else if (name === 'Maklumat Pelayanan.pdf') {
        expect(date).toBe('tidak diketahui');
      }
    }
    expect(found).toBe(true);
    const cells = [...allCells(workbook)].map(({ cell }) => String(cell.value && typeof cell.value === 'object' && 'text' in cell.value ? cell.value.text : cell.value));
    expect(cells.some((text) => /KEDALUWARSA: BA lama \(bertanggal 17 Agu 2023, di luar rentang/.test(text))).toBe(true);
  });
});

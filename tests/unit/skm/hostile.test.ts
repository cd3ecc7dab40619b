/**
 * The SKM import faces the same hostile workbooks as the form import, through the same
 * guard and parse worker: each must be refused with the guard's message and change nothing.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { HOSTILE_CASES } from '../excel-forms/hostile-corpus';
import { FORM_HEADERS, word } from './forms-csv';
import { seedUnit, upload } from './forms-fixture';

/** File-level cases: the ones about the Patuh form's key and layout do not apply here. */
const FILE_LEVEL = new Set([
  'empty', 'random-bytes', 'csv-renamed', 'html-renamed', 'pdf-renamed', 'encrypted-ole', 'legacy-xls', 'zero-entry-zip', 'zip-without-workbook',
  'truncated', 'zip-bomb', 'declared-size-bomb', 'huge-sharedstrings', 'many-entries', 'path-traversal', 'absolute-path', 'backslash-path',
  'encrypted-entry', 'lying-entry-size', 'xxe-sharedstrings', 'billion-laughs', 'xxe-utf16',
]);

async function genuineExport(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Respons Formulir 1');
  sheet.addRow(FORM_HEADERS);
  for (let i = 0; i < 20; i += 1) sheet.addRow([`2026-03-0${(i % 9) + 1}`, `r${i}@contoh.id`, 'Perempuan', 30 + i, 'SMA', 'Swasta', ...Array.from({ length: 9 }, (_, u) => word(u, 1 + ((i + u) % 4))), '']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('SKM import refuses hostile workbooks', () => {
  const cases = HOSTILE_CASES.filter((item) => FILE_LEVEL.has(item.name));
  it('covers every file-level case of the form import corpus', () => expect(cases).toHaveLength(FILE_LEVEL.size));

  it.each(cases.map((item) => [item.name, item]))('%s', async (_name, item) => {
    const { api, unitId } = await seedUnit();
    const survey = await api['skm:survey-save']({ unitId, serviceName: 'KTP', year: 2026, semester: 0, population: null });
    const own = await genuineExport();
    const data = await item.make({ own, otherUnit: own, otherYear: own });
    const preview = await api['skm:import-preview']({ surveyId: survey.id, upload: upload(`${item.name}.xlsx`, data) });
    expect(preview.ok).toBe(false);
    expect(preview.rejected?.message).toMatch(item.pattern);
    await expect(api['skm:import-apply']({ surveyId: survey.id, upload: upload(`${item.name}.xlsx`, data), mapping: {}, token: 'x', acceptRows: [] })).rejects.toMatchObject({ code: 'FILE_REJECTED' });
    expect((await api['skm:unit']({ unitId, year: 2026, semester: 0 })).surveys[0]!.respondents).toBe(0);
  }, 60_000);
});

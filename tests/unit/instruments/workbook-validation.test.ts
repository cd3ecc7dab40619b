import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { InstrumentDefinition } from '../../../src/core/instrument/schema';
import { describeProblem, type WorkbookProblem } from '../../../src/core/instrument/workbook-cells';
import { validateInstrument } from '../../../src/core/instrument/validate';
import { exportInstrumentWorkbook } from '../../../src/server/instruments/instrument-workbook-export';
import { readInstrumentSource } from '../../../src/server/instruments/instrument-workbook-import';
import { RESOURCES, readJson, tempDir } from '../helpers';

let pekppp: InstrumentDefinition;
let template: Buffer;

beforeAll(async () => {
  const result = validateInstrument(readJson(path.join(RESOURCES, 'instruments', 'pekppp-2022-a.json')));
  if (!result.ok) throw new Error('shipped instrument invalid');
  pekppp = result.instrument;
  const file = await exportInstrumentWorkbook(pekppp, path.join(tempDir(), 'pekppp.xlsx'));
  template = Buffer.from(await import('node:fs').then((fs) => fs.readFileSync(file)));
});

/** Edit the exported template like an office user would, then read it back. */
async function problemsAfter(edit: (workbook: ExcelJS.Workbook) => void): Promise<WorkbookProblem[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  edit(workbook);
  const data = new Uint8Array(await workbook.xlsx.writeBuffer());
  const reading = await readInstrumentSource({ name: 'instrumen.xlsx', data });
  return reading.ok ? [] : reading.problems;
}

const sheet = (workbook: ExcelJS.Workbook, name: string) => workbook.getWorksheet(name)!;

describe('instrument workbook validation names sheet, row and column', () => {
  it('aspect weights that do not sum to 100', async () => {
    const problems = await problemsAfter((wb) => {
      sheet(wb, 'Aspek').getCell('C2').value = 30; // Kebijakan 24 → 30: total 106
    });
    expect(problems).toEqual([expect.objectContaining({ sheet: 'Aspek', row: null, column: 'Bobot (%)', message: expect.stringContaining('106%') })]);
    expect(describeProblem(problems[0]!)).toBe('Lembar "Aspek", kolom "Bobot (%)": Jumlah bobot aspek adalah 106%, seharusnya 100%.');
  });

  it('indicator weights inside an aspect that do not sum to 100', async () => {
    const problems = await problemsAfter((wb) => {
      sheet(wb, 'Indikator').getCell('E3').value = 20; // indicator 2: 14 → 20
    });
    expect(problems).toEqual([expect.objectContaining({ sheet: 'Indikator', row: 2, column: 'Bobot (%)', cell: 'E2', message: expect.stringContaining('106%') })]);
  });

  it('a duplicate indicator code', async () => {
    const problems = await problemsAfter((wb) => {
      const indicators = sheet(wb, 'Indikator');
      indicators.getCell('C3').value = indicators.getCell('C2').value;
    });
    expect(problems).toContainEqual(expect.objectContaining({ sheet: 'Indikator', row: 3, column: 'Kode', cell: 'C3', message: expect.stringContaining('Kode ganda "i01"') }));
  });

  it('a duplicate requirement code', async () => {
    const problems = await problemsAfter((wb) => {
      const requirements = sheet(wb, 'Bukti dukung');
      requirements.getCell('B5').value = requirements.getCell('B4').value;
    });
    expect(problems).toEqual([expect.objectContaining({ sheet: 'Bukti dukung', row: 5, column: 'Kode', message: expect.stringContaining('Kode ganda') })]);
  });

  it('a band gap and a band overlap', async () => {
    const gap = await problemsAfter((wb) => {
      sheet(wb, 'Skala').getCell('C2').value = 4.6; // A from 4.51 → 4.6: hole after A- (4.50)
    });
    expect(gap).toEqual([expect.objectContaining({ sheet: 'Skala', row: 2, column: 'Min', cell: 'C2', message: expect.stringContaining('celah') })]);
    const overlap = await problemsAfter((wb) => {
      sheet(wb, 'Skala').getCell('D3').value = 4.7; // A- up to 4.7 overlaps A
    });
    expect(overlap).toEqual([expect.objectContaining({ sheet: 'Skala', row: 2, column: 'Min', message: expect.stringContaining('tumpang tindih') })]);
  });

  it('a level text missing, reported once at its cell', async () => {
    const problems = await problemsAfter((wb) => {
      sheet(wb, 'Indikator').getCell('J4').value = null; // indicator 3, Tingkat 3
    });
    expect(problems).toEqual([expect.objectContaining({ sheet: 'Indikator', row: 4, column: 'Tingkat 3', cell: 'J4', message: expect.stringContaining('Teks tingkat 3 kosong') })]);
  });

  it('an unknown aspect code, a weight that is not a number, an unknown kind', async () => {
    const problems = await problemsAfter((wb) => {
      const indicators = sheet(wb, 'Indikator');
      indicators.getCell('A5').value = 'kebijakan-x';
      indicators.getCell('E6').value = 'tujuh belas';
      sheet(wb, 'Bukti dukung').getCell('D2').value = 'video';
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: 'Indikator', row: 5, column: 'Kode aspek', message: 'Kode aspek "kebijakan-x" tidak ada di lembar "Aspek".' }),
        expect.objectContaining({ sheet: 'Indikator', row: 6, column: 'Bobot (%)', message: 'Harus berupa angka, bukan "tujuh belas".' }),
        expect.objectContaining({ sheet: 'Bukti dukung', row: 2, column: 'Jenis', message: expect.stringContaining('"video" tidak dikenal') }),
      ]),
    );
  });

  it('accepts numbers typed as Indonesian text ("17,5") and a new requirement kind', async () => {
    const problems = await problemsAfter((wb) => {
      const indicators = sheet(wb, 'Indikator');
      indicators.getCell('E2').value = '17,5';
      indicators.getCell('E3').value = '13,5';
      sheet(wb, 'Bukti dukung').getCell('D2').value = 'tangkapan layar';
    });
    expect(problems).toEqual([]);
  });

  it('a file that is not a workbook is refused by the same guard as form imports', async () => {
    await expect(readInstrumentSource({ name: 'instrumen.xlsx', data: new TextEncoder().encode('kode,nama\n1,2') })).rejects.toMatchObject({ code: 'FILE_REJECTED' });
  });
});

describe('every problem of a file in one pass', () => {
  it('a missing level text does not hide the weight sum and the band gap', async () => {
    const problems = await problemsAfter((wb) => {
      sheet(wb, 'Aspek').getCell('C2').value = 30;
      sheet(wb, 'Indikator').getCell('J4').value = null;
      sheet(wb, 'Skala').getCell('C2').value = 4.6;
    });
    expect(problems.map((problem) => `${problem.sheet}|${problem.row}|${problem.column}`).sort()).toEqual(['Aspek|null|Bobot (%)', 'Indikator|4|Tingkat 3', 'Skala|2|Min']);
  });
});

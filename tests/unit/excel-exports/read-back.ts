/** Reading exports back the way a user's tools would: files on disk, exceljs, yauzl. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';

export function listFiles(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(path.join(dir, entry.name), relative) : [relative];
  });
}

export const sha256 = (data: Buffer) => crypto.createHash('sha256').update(data).digest('hex');

export async function readWorkbook(source: string | Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  if (typeof source === 'string') await workbook.xlsx.readFile(source);
  else await workbook.xlsx.load(source as unknown as ArrayBuffer);
  return workbook;
}

export function* allCells(workbook: ExcelJS.Workbook): Generator<{ sheet: string; cell: ExcelJS.Cell }> {
  for (const sheet of workbook.worksheets) {
    const cells: ExcelJS.Cell[] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => void cells.push(cell)));
    for (const cell of cells) yield { sheet: sheet.name, cell };
  }
}

/** Values of a row from column 1 to `last`. */
export function rowValues(sheet: ExcelJS.Worksheet, row: number, last: number): unknown[] {
  return Array.from({ length: last }, (_, index) => sheet.getCell(row, index + 1).value);
}

/** First row whose column-1 text equals `label`. */
export function findRow(sheet: ExcelJS.Worksheet, label: string, column = 1): number {
  for (let row = 1; row <= sheet.rowCount; row += 1) if (sheet.getCell(row, column).value === label) return row;
  throw new Error(`"${label}" tidak ditemukan di lembar ${sheet.name}`);
}

export function readZip(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const entries = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** Every string a sheet shows (hyperlink labels included), in row order. */
export function sheetTexts(sheet: ExcelJS.Worksheet): string[] {
  const texts: string[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      const value = cell.value;
      if (typeof value === 'string') texts.push(value);
      else if (value && typeof value === 'object' && 'text' in value) texts.push(String(value.text));
    }),
  );
  return texts;
}

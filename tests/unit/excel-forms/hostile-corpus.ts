/**
 * Hostile and malformed workbooks for the import. Each case says whether the whole file
 * must be refused or must produce row errors, and which Indonesian message proves the
 * right check caught it (not merely some later one).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { rawZip, replaceEntry, type RawEntry } from './raw-zip';

export interface CorpusInputs {
  /** A genuine form for the unit and year the test imports into. */
  own: Buffer;
  otherUnit: Buffer;
  otherYear: Buffer;
}

export interface HostileCase {
  name: string;
  expect: 'rejected' | 'errors';
  pattern: RegExp;
  make: (inputs: CorpusInputs) => Promise<Buffer> | Buffer;
}

const text = (value: string) => Buffer.from(value, 'utf8');
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const cfb = (...streams: string[]) => Buffer.concat([CFB_MAGIC, Buffer.alloc(504), ...streams.map((name) => Buffer.from(name, 'utf16le')), Buffer.alloc(1024)]);
const PARTS: RawEntry[] = [
  { name: '[Content_Types].xml', data: text('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
  { name: 'xl/workbook.xml', data: text('<?xml version="1.0"?><workbook/>') },
];

async function viaExcel(source: Buffer, edit: (form: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(source as unknown as ExcelJS.Buffer);
  edit(workbook.getWorksheet('Isian')!, workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const keySheet = (workbook: ExcelJS.Workbook) => workbook.getWorksheet('_kunci')!;
const rowEdit = (edit: (form: ExcelJS.Worksheet) => void) => (inputs: CorpusInputs) => viaExcel(inputs.own, (form) => edit(form));
const sharedStrings = (inputs: CorpusInputs, xml: Buffer) => replaceEntry(inputs.own, 'xl/sharedStrings.xml', xml);

const LAUGHS = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('')}]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>`;
const XXE = '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&xxe;</t></si></sst>';

const FILE_CASES: HostileCase[] = [
  { name: 'empty', expect: 'rejected', pattern: /Berkas kosong/, make: () => Buffer.alloc(0) },
  { name: 'random-bytes', expect: 'rejected', pattern: /bukan buku kerja Excel/, make: () => Buffer.concat([Buffer.from([0, 1, 2, 3]), crypto.randomBytes(8192)]) },
  { name: 'csv-renamed', expect: 'rejected', pattern: /berisi teks/, make: () => text('No;Status;Tautan\n1;Menunggu verifikasi;https://contoh.go.id\n') },
  { name: 'html-renamed', expect: 'rejected', pattern: /berisi teks/, make: () => text('<html><body><table><tr><td>1</td></tr></table></body></html>') },
  { name: 'pdf-renamed', expect: 'rejected', pattern: /bukan buku kerja Excel/, make: () => Buffer.concat([text('%PDF-1.7\n'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3, 0, 1, 2, 0x80, 0x81, 0x82]), crypto.randomBytes(2048)]) },
  { name: 'encrypted-ole', expect: 'rejected', pattern: /terenkripsi\/berkata sandi/, make: () => cfb('EncryptionInfo', 'EncryptedPackage') },
  { name: 'legacy-xls', expect: 'rejected', pattern: /\.xls lama tidak didukung/, make: () => cfb('Workbook', 'SummaryInformation') },
  { name: 'zero-entry-zip', expect: 'rejected', pattern: /ZIP kosong/, make: () => rawZip([]) },
  { name: 'zip-without-workbook', expect: 'rejected', pattern: /bukan buku kerja Excel/, make: () => rawZip([{ name: 'readme.txt', data: text('halo') }]) },
  { name: 'truncated', expect: 'rejected', pattern: /rusak atau tidak lengkap/, make: ({ own }) => own.subarray(0, Math.floor(own.length / 2)) },
  {
    name: 'zip-bomb',
    expect: 'rejected',
    pattern: /bom ZIP/,
    make: () => rawZip([...PARTS, { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(30 * 1024 * 1024, 0x20) }]),
  },
  {
    name: 'declared-size-bomb',
    expect: 'rejected',
    pattern: /bom ZIP/,
    make: () => rawZip([...PARTS, { name: 'xl/worksheets/sheet1.xml', data: text('<worksheet/>'), declaredSize: 0xfffffff0 }]),
  },
  {
    name: 'huge-sharedstrings',
    expect: 'rejected',
    pattern: /sharedStrings/,
    make: () => rawZip([...PARTS, { name: 'xl/sharedStrings.xml', data: Buffer.concat([text('<sst>'), Buffer.alloc(17 * 1024 * 1024, 'a'), text('</sst>')]) }]),
  },
  {
    name: 'many-entries',
    expect: 'rejected',
    pattern: /terlalu banyak bagian/,
    make: () => rawZip([...PARTS, ...Array.from({ length: 2100 }, (_, i) => ({ name: `xl/media/image${i}.bin`, data: text(String(i)), method: 0 as const }))]),
  },
  { name: 'path-traversal', expect: 'rejected', pattern: /berbahaya/, make: () => rawZip([...PARTS, { name: '../../evil.xml', data: text('<x/>') }]) },
  { name: 'absolute-path', expect: 'rejected', pattern: /berbahaya/, make: () => rawZip([...PARTS, { name: '/etc/evil.xml', data: text('<x/>') }]) },
  { name: 'backslash-path', expect: 'rejected', pattern: /berbahaya/, make: () => rawZip([...PARTS, { name: '..\\..\\evil.xml', data: text('<x/>') }]) },
  { name: 'encrypted-entry', expect: 'rejected', pattern: /terenkripsi/, make: () => rawZip([...PARTS, { name: 'xl/worksheets/sheet1.xml', data: text('<worksheet/>'), flags: 1 }]) },
  {
    name: 'lying-entry-size',
    expect: 'rejected',
    pattern: /rusak atau tidak lengkap/,
    make: () => rawZip([...PARTS, { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(64 * 1024, 0x41), declaredSize: 100 }]),
  },
  { name: 'xxe-sharedstrings', expect: 'rejected', pattern: /DTD/, make: (inputs) => sharedStrings(inputs, text(XXE)) },
  { name: 'billion-laughs', expect: 'rejected', pattern: /DTD/, make: (inputs) => sharedStrings(inputs, text(LAUGHS)) },
  { name: 'xxe-utf16', expect: 'rejected', pattern: /DTD/, make: (inputs) => sharedStrings(inputs, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(XXE, 'utf16le')])) },
  { name: 'corrupt-sheet-xml', expect: 'rejected', pattern: /tidak dapat dibaca|Judul kolom/, make: (inputs) => replaceEntry(inputs.own, 'xl/worksheets/sheet2.xml', text('<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>')) },
];

const FORM_CASES: HostileCase[] = [
  {
    name: 'not-our-form',
    expect: 'rejected',
    pattern: /bukan formulir isian Patuh/,
    make: async () => {
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('Data').addRow(['No', 'Nama']);
      return Buffer.from(await workbook.xlsx.writeBuffer());
    },
  },
  { name: 'key-sheet-deleted', expect: 'rejected', pattern: /kunci formulir .* tidak ditemukan/, make: ({ own }) => viaExcel(own, (_, wb) => wb.removeWorksheet(keySheet(wb).id)) },
  { name: 'hmac-broken', expect: 'rejected', pattern: /Kunci buku kerja diubah atau rusak/, make: ({ own }) => viaExcel(own, (_, wb) => void (keySheet(wb).getCell('B5').value = '0'.repeat(64))) },
  {
    name: 'key-row-edited',
    expect: 'rejected',
    pattern: /Kunci buku kerja diubah atau rusak/,
    make: ({ own }) => viaExcel(own, (_, wb) => void (keySheet(wb).getCell('C7').value = keySheet(wb).getCell('C8').value)),
  },
  { name: 'key-format-changed', expect: 'rejected', pattern: /format lain/, make: ({ own }) => viaExcel(own, (_, wb) => void (keySheet(wb).getCell('B1').value = 'patuh-formulir-0')) },
  { name: 'other-unit', expect: 'rejected', pattern: /untuk unit "Dinas Kesehatan" tahun 2026, bukan untuk unit "Dinas Sosial"/, make: ({ otherUnit }) => otherUnit },
  { name: 'other-year', expect: 'rejected', pattern: /untuk unit "Dinas Sosial" tahun 2025, bukan .* tahun 2026/, make: ({ otherYear }) => otherYear },
  { name: 'header-changed', expect: 'rejected', pattern: /Judul kolom G berubah/, make: rowEdit((form) => void (form.getCell('G1').value = 'Status baru')) },
  {
    name: 'columns-reordered',
    expect: 'rejected',
    pattern: /Judul kolom G berubah/,
    make: rowEdit((form) => {
      form.eachRow((row) => {
        const [g, h] = [row.getCell(7).value, row.getCell(8).value];
        row.getCell(7).value = h;
        row.getCell(8).value = g;
      });
    }),
  },
  { name: 'sheet-renamed', expect: 'rejected', pattern: /Lembar "Isian" tidak ditemukan/, make: rowEdit((form) => void (form.name = 'Data')) },
  { name: 'extra-sheet', expect: 'rejected', pattern: /lembar tambahan "Catatan saya"/, make: ({ own }) => viaExcel(own, (_, wb) => void wb.addWorksheet('Catatan saya')) },
  { name: 'far-away-cell', expect: 'rejected', pattern: /terlalu banyak baris/, make: rowEdit((form) => void (form.getCell('A900000').value = 'x')) },
  { name: 'rows-deleted', expect: 'errors', pattern: /hilang|tidak cocok/, make: rowEdit((form) => void form.spliceRows(5, 2)) },
  { name: 'duplicated-row', expect: 'errors', pattern: /muncul dua kali/, make: rowEdit((form) => void (form.getRow(5).values = form.getRow(4).values)) },
  {
    name: 'numbers-swapped',
    expect: 'errors',
    pattern: /tidak cocok dengan formulir asli/,
    make: rowEdit((form) => {
      const [second, third] = [form.getCell('A2').value, form.getCell('A3').value];
      form.getCell('A2').value = third;
      form.getCell('A3').value = second;
    }),
  },
  { name: 'grey-cell-edited', expect: 'errors', pattern: /tidak cocok dengan formulir asli/, make: rowEdit((form) => void (form.getCell('E3').value = 'Bukti karangan sendiri')) },
  { name: 'extra-row', expect: 'errors', pattern: /Baris tambahan/, make: rowEdit((form) => void form.addRow([999, 'X', 'Y', 'Z', 'Persyaratan karangan', '', 'Menunggu verifikasi'])) },
  { name: 'formula-cells', expect: 'errors', pattern: /Rumus tidak diizinkan; ketik nilainya/, make: rowEdit((form) => void (form.getCell('J3').value = { formula: 'SUM(1,2)', result: 3 } as ExcelJS.CellFormulaValue)) },
  { name: 'excel-error-cell', expect: 'errors', pattern: /galat Excel/, make: rowEdit((form) => void (form.getCell('J3').value = { error: '#REF!' } as ExcelJS.CellErrorValue)) },
  { name: 'javascript-link', expect: 'errors', pattern: /harus alamat web lengkap yang diawali http:\/\/ atau https:\/\//, make: rowEdit((form) => void (form.getCell('H3').value = 'javascript:alert(1)')) },
  {
    name: 'hyperlink-target-mismatch',
    expect: 'errors',
    pattern: /javascript:alert/,
    make: rowEdit((form) => void (form.getCell('H3').value = { text: 'https://drive.google.com/aman', hyperlink: 'javascript:alert(document.cookie)' })),
  },
  {
    name: 'invalid-date',
    expect: 'errors',
    pattern: /"31\/02\/2026" tidak ada di kalender/,
    make: rowEdit((form) => {
      form.getCell('H3').value = 'https://drive.google.com/file/d/abc';
      form.getCell('I3').value = '31/02/2026';
    }),
  },
  { name: 'date-without-link', expect: 'errors', pattern: /Tautan bukti kosong/, make: rowEdit((form) => void (form.getCell('I3').value = new Date(Date.UTC(2026, 2, 1)))) },
  { name: 'unknown-status', expect: 'errors', pattern: /Status "Selesai" tidak dikenal/, make: rowEdit((form) => void (form.getCell('G3').value = 'Selesai')) },
  { name: 'unit-verifies', expect: 'errors', pattern: /"Terverifikasi" hanya dapat diberikan oleh Bagian Organisasi/, make: rowEdit((form) => void (form.getCell('G3').value = 'Terverifikasi')) },
  { name: 'reason-missing', expect: 'errors', pattern: /wajib disertai alasan/, make: rowEdit((form) => void (form.getCell('G3').value = 'Tidak berlaku')) },
  { name: 'note-5000-chars', expect: 'errors', pattern: /Catatan terlalu panjang \(5\.000 karakter/, make: rowEdit((form) => void (form.getCell('J3').value = 'x'.repeat(5000))) },
  { name: 'too-many-links', expect: 'errors', pattern: /Terlalu banyak tautan/, make: rowEdit((form) => void (form.getCell('H3').value = Array.from({ length: 11 }, (_, i) => `https://contoh.go.id/${i}`).join('\n'))) },
];

export const HOSTILE_CASES: readonly HostileCase[] = [...FILE_CASES, ...FORM_CASES];

/** Write every case into `dir` as <name>.xlsx; returns the cases with their paths. */
export async function buildHostileCorpus(dir: string, inputs: CorpusInputs): Promise<Array<HostileCase & { file: string }>> {
  const built: Array<HostileCase & { file: string }> = [];
  for (const item of HOSTILE_CASES) {
    const file = path.join(dir, `${item.name}.xlsx`);
    fs.writeFileSync(file, await item.make(inputs));
    built.push({ ...item, file });
  }
  return built;
}

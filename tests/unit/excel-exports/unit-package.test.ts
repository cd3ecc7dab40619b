import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportUnitPackage } from '../../../src/server/excel/exports';
import { ASPECT_HEADERS, ASPECT_HEADER_ROW } from '../../../src/server/excel/exports/unit-sheet-aspects';
import { FILES_HEADER_ROW, FILES_HEADERS } from '../../../src/server/excel/exports/unit-sheet-files';
import { OMBUDSMAN_HEADERS, OMBUDSMAN_HEADER_ROW } from '../../../src/server/excel/exports/unit-sheet-ombudsman';
import { RECAP_LABELS } from '../../../src/server/excel/exports/unit-sheet-summary';
import { silentJob, type JobControl } from '../../../src/server/jobs/job';
import { LATEST_SCHEMA_VERSION } from '../../../src/server/db/migrations';
import { tempDir } from '../helpers';
import { allCells, findRow, listFiles, readWorkbook, readZip, rowValues, sha256 } from './read-back';
import { KOP_ROWS } from '../../../src/server/excel/exports/kop';
import { AT_NOTE, FORMULA_NOTE, FULLWIDTH_NOTE, LINK_URL, seedYear } from './seed';

const NAME = 'Kabupaten Contoh - Dinas Sosial - 2026';

async function exported(zip = false) {
  const seeded = await seedYear();
  const outDir = tempDir();
  const progress: Array<[number, string]> = [];
  const params = { periodId: seeded.period.id, unitId: seeded.unit.id, outDir, zip };
  const result = await exportUnitPackage(seeded.app.ctx, params, silentJob((fraction, message) => progress.push([fraction, message])));
  return { ...seeded, outDir, result, progress, params };
}

describe('unit package (folder)', () => {
  it('writes workbook, evidence folders and a manifest whose hashes match the files', async () => {
    const { result, outDir, progress } = await exported();
    expect(result.path).toBe(path.join(outDir, NAME));
    expect(fs.readdirSync(outDir)).toEqual([NAME]);
    const files = listFiles(result.path).sort();
    expect(files).toContain(`${NAME}.xlsx`);
    expect(files).toContain('Berkas/PEKPPP/01 Kebijakan Pelayanan/01 Tersedia Standar Pelayanan (SP) sesuai…/SK SP.pdf');
    expect(files).toContain('Berkas/PEKPPP/01 Kebijakan Pelayanan/01 Tersedia Standar Pelayanan (SP) sesuai…/SK SP (2).pdf');
    // The same SK supports an Ombudsman requirement too: copied into that indicator's folder.
    expect(files.filter((file) => file.startsWith('Berkas/Ombudsman/') && file.endsWith('/SK SP.pdf'))).toHaveLength(1);
    const manifest = JSON.parse(fs.readFileSync(path.join(result.path, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ app: 'Patuh', appVersion: 'test', schemaVersion: LATEST_SCHEMA_VERSION, localGovernment: 'Kabupaten Contoh', unit: 'Dinas Sosial', year: 2026, exportedAt: '2026-11-24T08:00:00.000Z' });
    expect(manifest.files.map((file: { path: string }) => file.path).sort()).toEqual(files.filter((file) => file !== 'manifest.json'));
    for (const file of manifest.files) {
      const data = fs.readFileSync(path.join(result.path, ...file.path.split('/')));
      expect({ path: file.path, sha256: sha256(data), size: data.length }).toEqual(file);
    }
    expect(result.fileCount).toBe(files.length);
    expect(result.bytes).toBe(files.reduce((sum, file) => sum + fs.statSync(path.join(result.path, file)).size, 0));
    expect(progress.filter(([, message]) => /^Menyalin berkas bukti \d+ dari 4$/.test(message))).toHaveLength(4);
    expect(progress.map(([fraction]) => fraction)).toEqual([...progress.map(([fraction]) => fraction)].sort((a, b) => a - b));
    expect(progress.at(-1)![0]).toBe(1);
  });

  it('renders the same numbers as the score reports, with sheets, headers and tone fills', async () => {
    const { api, period, unit, result } = await exported();
    const scores = await api['scores:unit']({ periodId: period.id, unitId: unit.id });
    const workbook = await readWorkbook(path.join(result.path, `${NAME}.xlsx`));
    // Sheet names are the instrument's short aspect names, never a name cut mid-word ("…Sumber Daya Man").
    const aspectSheets = ['Kebijakan', 'SDM', 'Sarpras', 'SIPP', 'Konsultasi & Pengaduan', 'Inovasi'];
    expect(scores.pekppp!.verified.aspects.filter((aspect) => aspect.scored)).toHaveLength(aspectSheets.length);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Identitas', ...aspectSheets, 'Ombudsman', 'Rekap', 'Daftar Berkas']);
    // Every sheet opens with the kop; the identity rows start below it.
    for (const sheet of workbook.worksheets) expect(sheet.getCell(1, 1).value, sheet.name).toBe('PEMERINTAH KABUPATEN CONTOH');
    expect(workbook.getWorksheet('Identitas')!.getCell(KOP_ROWS + 3, 1).value).toBe('Pemerintah daerah');
    const first = workbook.getWorksheet(aspectSheets[0]!)!;
    expect(rowValues(first, ASPECT_HEADER_ROW, 9)).toEqual([...ASPECT_HEADERS]);
    expect(first.views[0]).toMatchObject({ state: 'frozen', ySplit: ASPECT_HEADER_ROW });
    expect(first.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, printTitlesRow: `${ASPECT_HEADER_ROW}:${ASPECT_HEADER_ROW}` });
    const indicatorRow = ASPECT_HEADER_ROW + 1;
    expect(rowValues(first, indicatorRow, 4).slice(2)).toEqual([4, 3]); // i01: self 4, verified 3
    expect(String(first.getCell(indicatorRow, 5).value)).toMatch(/^Tingkat 3 \(verifikasi\): /);
    expect(rowValues(workbook.getWorksheet('Ombudsman')!, OMBUDSMAN_HEADER_ROW, 7)).toEqual([...OMBUDSMAN_HEADERS]);
    expect(rowValues(workbook.getWorksheet('Daftar Berkas')!, FILES_HEADER_ROW, 8)).toEqual([...FILES_HEADERS]);

    const recap = workbook.getWorksheet('Rekap')!;
    const indexRow = findRow(recap, RECAP_LABELS.index);
    const { current, self, verified } = scores.pekppp!;
    expect([3, 4, 5].map((column) => recap.getCell(indexRow, column).value)).toEqual([current!.index, self.index, verified.index]);
    expect(recap.getCell(indexRow, 3).numFmt).toBe('0.00');
    for (const aspect of current!.aspects.filter((item) => item.scored)) {
      expect(recap.getCell(findRow(recap, aspect.name), 3).value).toBe(aspect.assessedCount > 0 ? aspect.index : '–');
    }
    // Verification is still running: the verified category is marked provisional, never a bare F.
    const category = recap.getCell(findRow(recap, RECAP_LABELS.category), 5);
    expect(verified.state).toBe('sementara');
    expect(category.value).toBe(`${verified.band!.code} (sementara)`);
    expect(category.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } }); // F is red
    expect(recap.getCell(findRow(recap, RECAP_LABELS.completeness), 3).value).toBe(`${current!.basis.verified} diverifikasi, ${current!.basis.selfOnly} mandiri, ${current!.basis.unassessed} belum dinilai`);
    expect(recap.getCell(findRow(recap, RECAP_LABELS.ombudsmanTotal), 2).value).toBe(scores.ombudsman!.report.total);
    expect(scores.ombudsman!.report.total).toBeGreaterThan(0);
    const derivation = current!.derivation[0]!;
    expect(derivation).toMatch(/^Nilai terkini: indikator /);
    expect([...allCells(workbook)].some(({ sheet, cell }) => sheet === 'Rekap' && cell.value === derivation)).toBe(true);
  });

  it('hyperlinks in Daftar Berkas resolve to files inside the package; web links stay http(s)', async () => {
    const { result } = await exported();
    const sheet = (await readWorkbook(path.join(result.path, `${NAME}.xlsx`))).getWorksheet('Daftar Berkas')!;
    const targets: string[] = [];
    for (let row = FILES_HEADER_ROW + 1; row <= sheet.rowCount; row += 1) {
      const cell = sheet.getCell(row, 2);
      if (cell.hyperlink) targets.push(cell.hyperlink);
    }
    const internal = targets.filter((target) => !/^https?:/.test(target));
    expect(internal).toHaveLength(4);
    for (const target of internal) {
      const resolved = path.resolve(result.path, ...decodeURIComponent(target).split('/'));
      expect(path.relative(result.path, resolved).startsWith('..')).toBe(false);
      expect(fs.statSync(resolved).isFile()).toBe(true);
    }
    expect(targets.filter((target) => /^https?:/.test(target))).toEqual([LINK_URL]);
    // Every other hyperlink in the workbook (Berkas columns) is a web link or resolves inside the package.
    const workbook = await readWorkbook(path.join(result.path, `${NAME}.xlsx`));
    const links = [...allCells(workbook)].map(({ cell }) => cell.hyperlink).filter((target): target is string => Boolean(target));
    expect(links.length).toBeGreaterThan(targets.length);
    for (const target of links) {
      if (/^https?:\/\//.test(target)) continue;
      const resolved = path.resolve(result.path, ...decodeURIComponent(target).split('/'));
      expect(resolved.startsWith(result.path + path.sep) && fs.existsSync(resolved), target).toBe(true);
    }
  });

  it('stores formula-looking user text as text, never as a formula', async () => {
    const { result } = await exported();
    const workbook = await readWorkbook(path.join(result.path, `${NAME}.xlsx`));
    const cells = [...allCells(workbook)];
    expect(cells.filter(({ cell }) => cell.type === ExcelJS.ValueType.Formula)).toEqual([]);
    for (const note of [FORMULA_NOTE, AT_NOTE, FULLWIDTH_NOTE]) {
      const hits = cells.filter(({ cell }) => cell.type !== ExcelJS.ValueType.Merge && typeof cell.value === 'string' && cell.value.includes(note.slice(1)));
      expect(hits.length, note).toBeGreaterThan(0);
      for (const { cell } of hits) {
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        // Shown exactly as typed (no apostrophe); the Text format keeps it text when edited.
        expect(String(cell.value).startsWith("'")).toBe(false);
        if (String(cell.value).startsWith(note)) expect(cell.numFmt).toBe('@');
      }
    }
    const note = cells.find(({ cell }) => typeof cell.value === 'string' && cell.value.includes('SUM(A1)'))!;
    expect(String(note.cell.value)).toContain(FORMULA_NOTE);
  });

  it.each([false, true])('cancelling mid-copy leaves neither a package nor a temp (zip: %s)', async (zip) => {
    const seeded = await seedYear();
    const outDir = tempDir();
    const controller = new AbortController();
    const seen: string[] = [];
    const job: JobControl = {
      signal: controller.signal,
      progress: (_fraction, message) => {
        seen.push(message);
        // The first file is already in the temp; cancel while the others are being copied.
        if (message.startsWith('Menyalin berkas bukti 1 ')) controller.abort();
      },
    };
    const params = { periodId: seeded.period.id, unitId: seeded.unit.id, outDir, zip };
    await expect(exportUnitPackage(seeded.app.ctx, params, job)).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(seen).toContain('Menyalin berkas bukti 1 dari 4');
    expect(fs.readdirSync(outDir)).toEqual([]);
  });

  it.each([false, true])('a stored file damaged on disk (same size, other bytes) is caught while copying: no package (zip: %s)', async (zip) => {
    const seeded = await seedYear();
    const outDir = tempDir();
    const blobs = seeded.app.ctx.db.prepare('SELECT stored_path FROM blobs').pluck().all() as string[];
    const damaged = path.join(seeded.app.ctx.dataDir, blobs[0]!);
    const bytes = fs.readFileSync(damaged);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 2) ^ 0xff, bytes.length - 2);
    fs.writeFileSync(damaged, bytes);
    const params = { periodId: seeded.period.id, unitId: seeded.unit.id, outDir, zip };
    const error = await exportUnitPackage(seeded.app.ctx, params, silentJob()).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'IO', message: expect.stringContaining('sebagian berkas bukti rusak') });
    expect(fs.readdirSync(outDir)).toEqual([]);
  });

  it('never overwrites: a second export becomes "… (2)"', async () => {
    const { app, params, result } = await exported();
    const second = await exportUnitPackage(app.ctx, params, silentJob());
    expect(second.path).toBe(`${result.path} (2)`);
    expect(fs.existsSync(path.join(second.path, `${NAME}.xlsx`))).toBe(true);
  });
});

describe('unit package (ZIP)', () => {
  it('contains the same layout under one root folder, with a matching manifest', async () => {
    const { app, result, outDir, params } = await exported(true);
    expect(result.path).toBe(path.join(outDir, `${NAME}.zip`));
    expect(fs.readdirSync(outDir)).toEqual([`${NAME}.zip`]);
    const entries = await readZip(result.path);
    const folder = await exportUnitPackage(app.ctx, { ...params, zip: false }, silentJob());
    expect([...entries.keys()].sort()).toEqual(listFiles(folder.path).map((file) => `${NAME}/${file}`).sort());
    const manifest = JSON.parse(entries.get(`${NAME}/manifest.json`)!.toString('utf8'));
    for (const file of manifest.files) {
      const data = entries.get(`${NAME}/${file.path}`)!;
      expect({ sha256: sha256(data), size: data.length }).toEqual({ sha256: file.sha256, size: file.size });
    }
    const workbook = await readWorkbook(entries.get(`${NAME}/${NAME}.xlsx`)!);
    expect(workbook.getWorksheet('Rekap')).toBeDefined();
    expect(result.bytes).toBe(fs.statSync(result.path).size);
  });
});

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run';
import { tempDir } from '../helpers';
import { FOUR_ROWS, formCsv, seedUnit, upload } from './forms-fixture';

const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
})();

async function seedResults() {
  const seeded = await seedUnit();
  const { api, unitId } = seeded;
  const survey = await api['skm:survey-save']({ unitId, serviceName: 'Kartu Tanda Penduduk Elektronik', year: 2026, semester: 0, population: 100 });
  const file = upload('respons.csv', formCsv(FOUR_ROWS));
  const preview = await api['skm:import-preview']({ surveyId: survey.id, upload: file });
  await api['skm:import-apply']({ surveyId: survey.id, upload: file, mapping: preview.mapping, token: preview.token, acceptRows: [5] });
  const paper = await api['skm:survey-save']({ unitId, serviceName: 'Akta Kelahiran', year: 2026, semester: 0, population: 1000 });
  await api['skm:counts-set']({ surveyId: paper.id, respondents: 40, counts: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`U${i + 1}`, [1, 4, 20, 15]])) });
  await api['skm:follow-up-save']({ unitId, year: 2026, semester: 0, unsurCode: 'U3', activity: 'Menambah petugas loket pada jam sibuk', schedule: 'Triwulan II 2026', responsible: 'Sekretaris Dinas', done: true });
  await api['skm:follow-up-save']({ unitId, year: 2026, semester: 0, unsurCode: 'U9', activity: 'Perbaikan ruang tunggu dan toilet', schedule: 'Juli 2026', responsible: 'Kasubbag Umum', done: false });
  return seeded;
}

describe('SKM report documents', () => {
  it('writes the .docx and .xlsx with kop, NRR table, chart, RTL and signature; never overwrites', async () => {
    const { api, unitId } = await seedResults();
    const outDir = tempDir();
    const result = await api['skm:export-report']({ unitId, year: 2026, semester: 0, outDir });
    expect(result!.files.map((file) => file.name)).toEqual([
      'Laporan SKM Dinas Kependudukan dan Pencatatan Sipil Tahun 2026.docx',
      'Laporan SKM Dinas Kependudukan dan Pencatatan Sipil Tahun 2026.xlsx',
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(result!.files[1]!.path);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Hasil SKM', 'Per Layanan', 'Profil Responden', 'RTL', 'Publikasi']);
    const sheet = workbook.getWorksheet('Hasil SKM')!;
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts).toContain('PEMERINTAH KABUPATEN CONTOH');
    expect(texts).toContain('DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL');
    expect(texts).toContain('Persyaratan');
    expect(texts.some((text) => text.includes('Drs. Budi Santoso, M.Si.'))).toBe(true);
    expect(sheet.getImages()).toHaveLength(1);
    const again = await api['skm:export-report']({ unitId, year: 2026, semester: 0, outDir });
    expect(again!.files[0]!.name).toBe('Laporan SKM Dinas Kependudukan dan Pencatatan Sipil Tahun 2026 (2).docx');
    const docx = fs.readFileSync(result!.files[0]!.path);
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it.runIf(hasSoffice)('opens in LibreOffice and converts to PDF (A4)', async () => {
    const { api, unitId } = await seedResults();
    const outDir = process.env['SKM_REPORT_DIR'] ?? tempDir();
    fs.mkdirSync(outDir, { recursive: true });
    const result = await api['skm:export-report']({ unitId, year: 2026, semester: 0, outDir });
    for (const file of result!.files) {
      execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', outDir, file.path], { stdio: 'ignore', timeout: 180_000 });
      const pdf = path.join(outDir, `${path.basename(file.path, path.extname(file.path))}.pdf`);
      const bytes = fs.readFileSync(pdf);
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // A4 = 595 × 842 points.
      expect(bytes.toString('latin1')).toMatch(/MediaBox\s*\[\s*0 0 59[45][.\d]* 84[12]/u);
      fs.renameSync(pdf, `${pdf}.${path.extname(file.path).slice(1)}.pdf`);
    }
  }, 400_000);
});

describe('SKM report as evidence', () => {
  it('attaches the finished report to the PEKPPP SKM indicators and the Ombudsman requirements, waiting for verification', async () => {
    const { api, unitId, periodId } = await seedResults();
    const result = await api['skm:attach-evidence']({ unitId, year: 2026, semester: 0, periodId });
    expect(result.attached.map((item) => item.requirementCode)).toEqual(['6.laporan-skm', '6.rtl-skm', '8.laporan-skm-rtl', '9.laporan-skm-2-tahun', 'output.nilai-ikm', 'proses.laporan-skm']);
    expect(result.skipped).toEqual([]);
    const checklist = await api['checklist:get']({ periodId, unitId });
    const requirements = checklist.instruments.flatMap((instrument) => instrument.aspects.flatMap((aspect) => aspect.indicators.flatMap((indicator) => indicator.requirements)));
    const attached = requirements.filter((item) => result.attached.some((target) => target.requirementCode === item.code));
    expect(attached).toHaveLength(6);
    for (const item of attached) {
      expect(item.status).toBe('menunggu_verifikasi');
      expect(item.evidence.map((evidence) => evidence.title)).toEqual(['Laporan SKM Dinas Kependudukan dan Pencatatan Sipil Tahun 2026']);
    }
    // One file in the unit's library, reused by all six requirements.
    expect(await api['evidence:library']({ unitId })).toHaveLength(1);
  });

  it('refuses to attach an unfinished report', async () => {
    const { api, unitId, periodId } = await seedUnit();
    await api['skm:survey-save']({ unitId, serviceName: 'KTP', year: 2026, semester: 0, population: null });
    await expect(api['skm:attach-evidence']({ unitId, year: 2026, semester: 0, periodId })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('belum selesai') });
    expect(await api['evidence:library']({ unitId })).toHaveLength(0);
  });
});

describe('skm command line', () => {
  it('imports a Google Forms CSV and scores the unit with the contract fields', async () => {
    const { app } = await seedUnit();
    const dataDir = app.dataDir;
    app.close();
    const csv = path.join(tempDir(), 'respons.csv');
    fs.writeFileSync(csv, formCsv(FOUR_ROWS.slice(0, 3)));
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (text: string) => out.push(text), err: (text: string) => err.push(text) };
    const code = await runCli(['skm', 'import', '--unit', 'Disdukcapil', '--period', '2026', '--service', 'KTP Elektronik', csv, '--json', '--data-dir', dataDir], io);
    expect(err.join('')).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(out.join(''))).toMatchObject({ imported: 3, service: 'KTP Elektronik', score: { respondents: 3, ikmConverted: 79.63, category: 'B' } });
    out.length = 0;
    expect(await runCli(['skm', 'score', '--unit', 'Disdukcapil', '--period', '2026', '--json', '--data-dir', dataDir], io)).toBe(0);
    const score = JSON.parse(out.join(''));
    expect(score.services).toEqual([{ service: 'KTP Elektronik', respondents: 3, nrr: [3, 3, 3, 3, 3.33, 3.33, 3.33, 3.33, 3.33], ikm: 3.185, ikmConverted: 79.63, category: 'B', sampleNeeded: null }]);
    expect(score.total).toEqual({ respondents: 3, nrr: [3, 3, 3, 3, 3.33, 3.33, 3.33, 3.33, 3.33], ikm: 3.185, ikmConverted: 79.63, category: 'B', sampleNeeded: null });
    out.length = 0;
    expect(await runCli(['skm', 'score', '--unit', 'Disdukcapil', '--period', '2026-S3', '--data-dir', dataDir], io)).toBe(2);
    expect(err.join('')).toContain('Periode "2026-S3" tidak dikenal');

    // A refused file changes nothing, not even the survey the command would have created.
    const bad = path.join(tempDir(), 'salah.csv');
    fs.writeFileSync(bad, formCsv([{ ...FOUR_ROWS[0]!, answers: ['9', ...Array(8).fill('4')] }]));
    err.length = 0;
    expect(await runCli(['skm', 'import', '--unit', 'Disdukcapil', '--period', '2026-S1', '--service', 'Akta', bad, '--data-dir', dataDir], io)).toBe(2);
    expect(err.join('')).toContain('Baris 2, kolom G');
    out.length = 0;
    expect(await runCli(['skm', 'score', '--unit', 'Disdukcapil', '--period', '2026-S1', '--json', '--data-dir', dataDir], io)).toBe(0);
    expect(JSON.parse(out.join('')).services).toEqual([]);
  });
});

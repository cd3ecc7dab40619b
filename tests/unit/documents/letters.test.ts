import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatNip } from '../../../src/core/documents/identity';
import { writeLetters } from '../../../src/server/documents/letters/write-letters';
import { silentJob } from '../../../src/server/jobs/job';
import { readZip } from '../excel-exports/read-back';
import { tempDir } from '../helpers';
import { convert, HEAD_NIP, KABAG, pdfPages, SEKDA, seedOffice, soffice } from './office';

/** The text of a .docx as Word shows it: one line per paragraph, table cells included. */
async function docx(file: string): Promise<{ text: string; images: number }> {
  const entries = await readZip(file);
  const xml = entries.get('word/document.xml')!.toString('utf8');
  const text = xml
    .replace(/<w:tab\/>/gu, '\t')
    .replace(/<\/w:p>/gu, '\n')
    .replace(/<[^>]+>/gu, '')
    .replace(/&amp;/gu, '&')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'");
  return { text, images: [...entries.keys()].filter((name) => name.startsWith('word/media/')).length };
}

describe('letters (.docx)', () => {
  it('Nota Dinas: one per unit with gaps plus a combined file, running numbers never reused', async () => {
    const { app, period, unit } = await seedOffice();
    const out = tempDir();
    const first = await writeLetters(app.ctx, { periodId: period.id, kind: 'nota-dinas', outDir: out }, silentJob());
    expect(first.files.map((file) => path.basename(file))).toEqual(['Nota Dinas 2026 - Dinas Sosial.docx', 'Nota Dinas 2026 - Kecamatan Barat.docx', 'Nota Dinas 2026 - semua unit (2).docx']);
    expect(first.numbers.map((item) => item.nomor)).toEqual(['000.8/1/Org/2026', '000.8/2/Org/2026']);
    const { text, images } = await docx(first.files[0]!);
    for (const line of ['PEMERINTAH KABUPATEN CONTOH', 'SEKRETARIAT DAERAH', 'BAGIAN ORGANISASI', 'NOTA DINAS', 'Kepala Dinas Sosial', '000.8/1/Org/2026', 'Segera', 'Permintaan Kelengkapan Data Dukung Penilaian Pelayanan Publik Tahun 2026', 'paling lambat tanggal 4 Desember 2026', KABAG.name, `NIP. ${formatNip(KABAG.nip)}`, 'Tanda tangan belum ada', 'Perlu perbaikan']) {
      expect(text, line).toContain(line);
    }
    expect(images).toBe(1);
    const combined = await docx(first.files[2]!);
    expect(combined.text).toContain('Kepala Dinas Sosial');
    expect(combined.text).toContain('Kepala Kecamatan Barat');
    const again = await writeLetters(app.ctx, { periodId: period.id, kind: 'nota-dinas', unitIds: [unit.id], outDir: out, replyBy: '2026-12-01' }, silentJob());
    expect(again.numbers).toEqual([{ unitName: 'Dinas Sosial', nomor: '000.8/3/Org/2026' }]);
    expect(path.basename(again.files[0]!)).toBe('Nota Dinas 2026 - Dinas Sosial (2).docx');
    expect((await docx(again.files[0]!)).text).toContain('paling lambat tanggal 1 Desember 2026');
  });

  it('Berita Acara: parties, self and verified index per aspect with the category, items to fix, both signatures', async () => {
    const { app, api, period, unit } = await seedOffice();
    const scores = await api['scores:unit']({ periodId: period.id, unitId: unit.id });
    const done = await writeLetters(app.ctx, { periodId: period.id, kind: 'berita-acara', unitIds: [unit.id], outDir: tempDir() }, silentJob());
    expect(done.files).toHaveLength(1);
    const { text } = await docx(done.files[0]!);
    for (const line of ['BERITA ACARA', 'DINAS SOSIAL TAHUN 2026', 'Selasa tanggal dua puluh empat bulan November tahun dua ribu dua puluh enam', 'PIHAK PERTAMA', 'PIHAK KEDUA', KABAG.name, 'Dra. Ani Lestari', formatNip(HEAD_NIP), 'Tanda tangan belum ada', 'Contoh, 24 November 2026']) {
      expect(text, line).toContain(line);
    }
    const verified = scores.pekppp!.verified;
    expect(text).toContain(verified.index!.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
    // Verification is still running in the seed: the category says so.
    expect(text).toContain(`${verified.band!.code} (${verified.band!.label}), sementara`);
  });

  it('Laporan: pemda summary, two charts as images, per-unit table, top actions, signed by the Sekda', async () => {
    const { app, period } = await seedOffice();
    const done = await writeLetters(app.ctx, { periodId: period.id, kind: 'laporan', outDir: tempDir() }, silentJob());
    const { text, images } = await docx(done.files[0]!);
    for (const line of ['LAPORAN HASIL PENILAIAN MANDIRI', 'Kepada Yth. Bupati Contoh', 'I. Ringkasan', 'Estimasi kesiapan Penilaian Ombudsman RI', 'III. Hasil per unit', 'Dinas Sosial', 'Kecamatan Barat', 'IV. Langkah prioritas', SEKDA.name, `NIP. ${formatNip(SEKDA.nip)}`]) {
      expect(text, line).toContain(line);
    }
    expect(text).not.toContain('Informasi Tambahan (tidak dinilai) (');
    expect(images).toBe(3); // logo + two charts
  });

  it('refuses units outside the year and writes nothing', async () => {
    const { app, period } = await seedOffice();
    const out = tempDir();
    await expect(writeLetters(app.ctx, { periodId: period.id, kind: 'berita-acara', unitIds: [999], outDir: out }, silentJob())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(fs.readdirSync(out)).toEqual([]);
  });
});

describe.skipIf(!soffice)('letters in LibreOffice', () => {
  it('nota dinas, berita acara and laporan convert to PDF', async () => {
    const { app, period } = await seedOffice();
    const out = tempDir();
    for (const kind of ['nota-dinas', 'berita-acara', 'laporan'] as const) {
      const done = await writeLetters(app.ctx, { periodId: period.id, kind, outDir: out }, silentJob());
      for (const file of done.files) expect(pdfPages(convert(file, 'pdf')), file).toBeGreaterThan(0);
    }
  }, 600_000);
});

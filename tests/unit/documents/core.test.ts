import { describe, expect, it } from 'vitest';
import { dateInWords, longDateId, numberInWords } from '../../../src/core/documents/dates';
import { groupInOrder, meanOfPresent } from '../../../src/core/documents/groups';
import { formatNip, nipProblem, waNumber } from '../../../src/core/documents/identity';
import { governmentName, governmentTitle } from '../../../src/core/documents/kop';
import { formatLetterNumber, letterPatternProblem } from '../../../src/core/documents/letter-number';
import { mailtoUrl, reminderMessage, whatsappUrl, type OpenItem } from '../../../src/core/documents/reminder';
import { shortenName } from '../../../src/core/documents/shorten';
import { signatureLines } from '../../../src/core/documents/signature';
import { readableFileName, readableSegment } from '../../../src/server/excel/exports/file-plan';
import { exportSheetName } from '../../../src/server/excel/exports/sheet-style';

describe('identity', () => {
  it('accepts an 18-digit NIP typed with spaces and explains every refusal', () => {
    expect(nipProblem('19700512 199503 1 002')).toBeNull();
    expect(nipProblem('1970051219950310')).toBe('NIP harus 18 angka (sekarang 16).');
    expect(nipProblem('19701312199503100x')).toBe('NIP hanya berisi angka.');
    expect(nipProblem('197013121995031002')).toMatch(/tanggal lahir/u);
    expect(nipProblem('197005121995033002')).toMatch(/1 \(pria\) atau 2 \(wanita\)/u);
    expect(formatNip('197005121995031002')).toBe('19700512 199503 1 002');
  });

  it('turns Indonesian mobile numbers into the wa.me form and refuses others', () => {
    expect(waNumber('0812-3456-7890')).toBe('6281234567890');
    expect(waNumber('+62 812 3456 7890')).toBe('6281234567890');
    expect(waNumber('(0274) 868405')).toBeNull();
    expect(waNumber('')).toBeNull();
  });
});

describe('kop, dates and numbers', () => {
  it('writes the government line however the name was typed', () => {
    expect(governmentTitle('Sleman', 'kabupaten')).toBe('PEMERINTAH KABUPATEN SLEMAN');
    expect(governmentTitle('Kota Malang', 'kota')).toBe('PEMERINTAH KOTA MALANG');
    expect(governmentTitle('Pemerintah Provinsi Jawa Tengah', 'provinsi')).toBe('PEMERINTAH PROVINSI JAWA TENGAH');
    expect(governmentName('Pemerintah Kabupaten Sleman', 'kabupaten')).toBe('Kabupaten Sleman');
  });

  it('spells dates as letters do', () => {
    expect(longDateId('2026-11-24')).toBe('24 November 2026');
    expect(numberInWords(2026)).toBe('dua ribu dua puluh enam');
    expect(numberInWords(111)).toBe('seratus sebelas');
    expect(dateInWords('2026-11-24')).toBe('Selasa tanggal dua puluh empat bulan November tahun dua ribu dua puluh enam');
  });

  it('numbers letters from the office pattern', () => {
    expect(formatLetterNumber('000.8/{n}/Org/{tahun}', { n: 12, year: 2026, isoDate: '2026-11-24' })).toBe('000.8/12/Org/2026');
    expect(formatLetterNumber('000.8/{n}/Org/{bulan}/{tahun}', { n: 3, year: 2026, isoDate: '2026-11-24' })).toBe('000.8/3/Org/XI/2026');
    expect(letterPatternProblem('000.8/Org/2026')).toMatch(/\{n\}/u);
    expect(letterPatternProblem('000.8/{n}/{unit}/{tahun}')).toMatch(/\{unit\}/u);
  });

  it('signature lines leave a line to sign when the name is missing and never print "NIP. –"', () => {
    expect(signatureLines({ caption: 'Sleman, 24 November 2026', position: 'Kepala Bagian Organisasi', name: 'Drs. B', rank: 'Pembina (IV/a)', nip: '197005121995031002' })).toEqual({
      top: ['Sleman, 24 November 2026', 'Kepala Bagian Organisasi'],
      name: 'Drs. B',
      bottom: ['Pembina (IV/a)', 'NIP. 19700512 199503 1 002'],
    });
    expect(signatureLines({ caption: '', position: 'Kepala Dinas Sosial', name: '', rank: '', nip: '' })).toEqual({ top: ['Kepala Dinas Sosial'], name: '(.......................................)', bottom: [] });
  });
});

describe('names shortened only where the meaning survives', () => {
  it('keeps the extension and the distinguishing tail of a file name', () => {
    const name = readableFileName({ title: 'Laporan hasil survei kepuasan masyarakat semester pertama final rev.2', originalName: 'x.pdf' });
    expect(name.endsWith('final rev.2.pdf')).toBe(true);
    expect(name.length).toBeLessThanOrEqual(64);
    expect(name).toContain('…');
  });

  it('keeps the year and the closing bracket of a folder', () => {
    const year = readableSegment('Dokumentasi kegiatan forum konsultasi publik kecamatan tahun 2026', 40);
    expect(year.endsWith('2026')).toBe(true);
    const bracket = readableSegment('UPTD Perlindungan Perempuan dan Anak Kabupaten Sleman (P2TP2A)', 40);
    expect(bracket.endsWith('(P2TP2A)')).toBe(true);
    expect(bracket.length).toBeLessThanOrEqual(40);
  });

  it('leaves short names alone and cuts long sheet names at a word, never mid-word', () => {
    expect(shortenName('SK SP.pdf', 40)).toBe('SK SP.pdf');
    const sheet = exportSheetName('Profesionalisme Sumber Daya Manusia Aparatur', new Set());
    expect(sheet.length).toBeLessThanOrEqual(31);
    expect(sheet).toMatch(/…$/u);
    expect(sheet).not.toMatch(/Man…$/u);
    expect(exportSheetName('UPTD Perlindungan Perempuan dan Anak (P2TP2A)', new Set())).toMatch(/… \(P2TP2A\)$/u);
  });
});

describe('groups and reminders', () => {
  it('letters groups in order and averages only what exists', () => {
    const grouped = groupInOrder(['a1', 'b1', 'a2'], (item) => item[0]!);
    expect(grouped.map((group) => [group.letter, group.name, group.items])).toEqual([
      ['A', 'a', ['a1', 'a2']],
      ['B', 'b', ['b1']],
    ]);
    expect(meanOfPresent([3.125, null, 3.13])).toBe(3.13);
    expect(meanOfPresent([null, undefined])).toBeNull();
  });

  it('writes a short message with counts, first items (fixes first), deadline and where to send', () => {
    const items: OpenItem[] = [
      { text: 'SK jam layanan', where: 'PEKPPP, indikator 10', shortWhere: 'PEKPPP ind. 10', status: 'belum_ada', reason: '' },
      { text: 'SK SP', where: 'PEKPPP, indikator 1', shortWhere: 'PEKPPP ind. 1', status: 'perlu_perbaikan', reason: 'Tanda tangan belum ada' },
    ];
    const { subject, message } = reminderMessage({ unitName: 'Dinas Sosial', headName: 'Dra. Ani', year: 2026, deadline: '2026-12-04', daysLeft: 10, percentVerified: 12.5, missing: 1, needsFix: 1, waiting: 0, items, sender: 'Bagian Organisasi Setda Kabupaten Contoh', sendTo: 'ke Bagian Organisasi' });
    expect(subject).toBe('Kelengkapan bukti dukung Dinas Sosial — Tahun 2026');
    expect(message).toContain('baru 12,5% terverifikasi');
    expect(message.indexOf('1. SK SP (PEKPPP ind. 1) — perlu perbaikan: Tanda tangan belum ada')).toBeGreaterThan(0);
    expect(message).toContain('2. SK jam layanan (PEKPPP ind. 10)');
    expect(message).toContain('paling lambat 4 Desember 2026 (10 hari lagi) ke Bagian Organisasi');
    const wa = whatsappUrl('6281234567890', message)!;
    expect(wa.startsWith('https://wa.me/6281234567890?text=')).toBe(true);
    expect(decodeURIComponent(wa.split('text=')[1]!)).toBe(message);
    expect(mailtoUrl('dinsos@contoh.go.id', subject, message)).toMatch(/^mailto:dinsos@contoh\.go\.id\?subject=Kelengkapan/u);
    expect(whatsappUrl(null, message)).toBeNull();
  });
});

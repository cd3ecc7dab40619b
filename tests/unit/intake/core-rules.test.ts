import { describe, expect, it } from 'vitest';
import { placeFile, skipReason } from '../../../src/core/intake/file-rules';
import { MAX_RELATIVE_PATH_CHARS, requirementFolder, safeSegment, shortCode, withinLimits } from '../../../src/core/intake/kit-paths';
import { judgeEdit, judgeLevel, judgeStatus, type SelfAssessmentState } from '../../../src/core/intake/unit-rules';

const state = (level: number | null, elements: string[] = [], justification = '', overrideReason = ''): SelfAssessmentState => ({ level, elements, justification, overrideReason });
const elements = { items: [{ code: 'a', label: 'A', base: true }, { code: 'b', label: 'B', base: false }, { code: 'c', label: 'C', base: false }], thresholds: [1, 2, 3, 3, 3] };

describe('kit paths', () => {
  it('folder names are Windows-safe, readable and within the limits', () => {
    expect(safeSegment('Laporan: SKM/2026?.')).toBe('Laporan SKM 2026');
    expect(safeSegment('CON')).toBe('_CON');
    expect(safeSegment('   ')).toBe('folder');
    const long = requirementFolder({ instrumentFolder: 'PEKPPP 2022 (Kelompok A)', code: shortCode('pekppp', 3, 1), title: 'Dokumen '.repeat(40) });
    const [instrument, folder] = long.split('/');
    expect(instrument!.length).toBeLessThanOrEqual(24);
    expect(instrument).toMatch(/^PEKPPP 2022/u);
    expect(folder).toMatch(/^P03\.2 Dokumen( Dokumen)+$/u);
    expect(withinLimits(long)).toBe(true);
    expect(long.length).toBeLessThanOrEqual(MAX_RELATIVE_PATH_CHARS);
    expect(long).not.toMatch(/ $/u);
  });
});

describe('file rules', () => {
  it('half-synced, lock, shortcut and system files are left for later', () => {
    for (const name of ['~$Laporan.docx', 'a.pdf.tmp', 'video.mp4.part', 'unduh.crdownload', 'Dokumen.gdoc', 'Tabel.gsheet', 'desktop.ini', '.DS_Store', 'Thumbs.db', '._foto.jpg']) {
      expect(skipReason(name, 10), name).not.toBeNull();
    }
    expect(skipReason('kosong.pdf', 0)).toBe('sedang-disinkronkan');
    expect(skipReason('SK.pdf', 10)).toBeNull();
  });

  it('files are placed in their requirement folder, also from sub-folders; others are misplaced', () => {
    const folders = new Set(['PEKPPP/P01.1 SK']);
    const kit = new Set(['Formulir.xlsx']);
    expect(placeFile('PEKPPP/P01.1 SK/a.pdf', folders, kit)).toEqual({ kind: 'requirement', folder: 'PEKPPP/P01.1 SK' });
    expect(placeFile('PEKPPP/P01.1 SK/foto/b.jpg', folders, kit)).toEqual({ kind: 'requirement', folder: 'PEKPPP/P01.1 SK' });
    expect(placeFile('a.pdf', folders, kit)).toEqual({ kind: 'misplaced', where: 'akar-kit' });
    expect(placeFile('Lain/a.pdf', folders, kit)).toEqual({ kind: 'misplaced', where: 'folder-tidak-dikenal' });
    expect(placeFile('Formulir.xlsx', folders, kit)).toEqual({ kind: 'kit-file' });
  });
});

describe('unit rules', () => {
  it('a unit may supply or mark not applicable with a reason, never verify or reject', () => {
    expect(judgeStatus({ exported: 'belum_ada', wanted: 'menunggu_verifikasi', reason: '' }).kind).toBe('apply');
    expect(judgeStatus({ exported: 'belum_ada', wanted: 'tidak_berlaku', reason: 'Tidak ada layanan malam' }).kind).toBe('apply');
    expect(judgeStatus({ exported: 'belum_ada', wanted: 'tidak_berlaku', reason: ' ' }).kind).toBe('error');
    expect(judgeStatus({ exported: 'belum_ada', wanted: 'terverifikasi', reason: '' }).kind).toBe('error');
    expect(judgeStatus({ exported: 'menunggu_verifikasi', wanted: 'perlu_perbaikan', reason: 'x' }).kind).toBe('error');
    expect(judgeStatus({ exported: 'terverifikasi', wanted: 'terverifikasi', reason: '' }).kind).toBe('apply');
  });

  it('anything sent for a verified item, or one the office changed since export, is a conflict', () => {
    expect(judgeEdit({ current: 'terverifikasi', changedSinceExport: false }).kind).toBe('conflict');
    expect(judgeEdit({ current: 'menunggu_verifikasi', changedSinceExport: true }).kind).toBe('conflict');
    expect(judgeEdit({ current: 'perlu_perbaikan', changedSinceExport: false }).kind).toBe('apply');
  });

  it('F-01: ticked elements suggest the level, a different level needs a reason, verified indicators conflict', () => {
    const base = { elements, exported: state(null), current: state(null), verifiedLevel: null };
    expect(judgeLevel({ ...base, sent: state(null) }).kind).toBe('unchanged');
    expect(judgeLevel({ ...base, sent: state(null, ['a', 'b']) })).toMatchObject({ kind: 'apply', level: 2, suggested: 2 });
    expect(judgeLevel({ ...base, sent: state(4, ['a', 'b']) })).toMatchObject({ kind: 'error' });
    expect(judgeLevel({ ...base, sent: state(4, ['a', 'b'], '', 'Ada bukti tambahan') })).toMatchObject({ kind: 'apply', level: 4, state: { overrideReason: 'Ada bukti tambahan' } });
    expect(judgeLevel({ ...base, sent: state(3, ['b', 'c']) })).toMatchObject({ kind: 'error' });
    expect(judgeLevel({ ...base, sent: state(3), verifiedLevel: 2 })).toMatchObject({ kind: 'conflict', reason: expect.stringMatching(/diverifikasi/u) });
    expect(judgeLevel({ ...base, current: state(1), sent: state(3) })).toMatchObject({ kind: 'conflict', reason: expect.stringMatching(/setelah kit diekspor/u) });
    expect(judgeLevel({ ...base, sent: state(7) })).toMatchObject({ kind: 'error' });
    expect(judgeLevel({ elements: undefined, exported: state(2), current: state(2), verifiedLevel: null, sent: state(null, [], 'penjelasan') })).toMatchObject({ kind: 'apply', level: 2 });
  });
});

describe('workbook copies made by sync tools', () => {
  it('are recognised by the kit workbook name', async () => {
    const { isWorkbookCopy } = await import('../../../src/server/intake/scan-kit');
    const name = 'Formulir isian 2026 - Dinas Sosial.xlsx';
    expect(isWorkbookCopy('Formulir isian 2026 - Dinas Sosial (1).xlsx', name)).toBe(true);
    expect(isWorkbookCopy('Formulir isian 2026 - Dinas Sosial - Copy.xlsx', name)).toBe(true);
    expect(isWorkbookCopy(name, name)).toBe(false);
    expect(isWorkbookCopy('Data pengaduan.xlsx', name)).toBe(false);
  });
});

describe('a workbook applied before and filled in further', () => {
  it('an indicator already holding what the unit sent is unchanged, not a conflict', () => {
    const applied = state(3, [], 'tiga kegiatan');
    expect(judgeLevel({ elements: undefined, exported: state(null), sent: applied, current: applied, verifiedLevel: null }).kind).toBe('unchanged');
    expect(judgeLevel({ elements: undefined, exported: state(null), sent: applied, current: applied, verifiedLevel: 3 }).kind).toBe('unchanged');
  });
});

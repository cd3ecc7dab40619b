import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_NAME_CHARS, extensionOf, safeJoin, sanitizeOriginalName } from '../../../src/server/evidence/store';
import { AppError } from '../../../src/shared/result';
import { assertSafeName } from './support';

describe('sanitizeOriginalName', () => {
  it.each([
    ['../../x', 'x'],
    ['..\\..\\x', 'x'],
    ['/etc/passwd', 'passwd'],
    ['C:\\Windows\\x.pdf', 'x.pdf'],
    ['C:x.pdf', 'x.pdf'],
    ['CON', '_CON'],
    ['con.pdf', '_con.pdf'],
    ['nul.txt', '_nul.txt'],
    ['COM1.docx', '_COM1.docx'],
    ['lpt9.tar.zip', '_lpt9.tar.zip'],
    ['con .txt', '_con.txt'],
    ['console.pdf', 'console.pdf'],
    ['a.pdf:evil', 'a.pdf'],
    ['a.pdf::$DATA', 'a.pdf'],
    ['Rapat: 2024.pdf', 'Rapat 2024.pdf'],
    ['a\u0000b.pdf', 'a b.pdf'],
    ['a\u001fb.pdf', 'a b.pdf'],
    ['baris\nbaru.pdf', 'baris baru.pdf'],
    ['....pdf', 'berkas.pdf'],
    [' .pdf ', 'berkas.pdf'],
    ['.hidden.pdf', 'hidden.pdf'],
    ['laporan.pdf. . ', 'laporan.pdf'],
    ['a<b>c|d?e*"f.pdf', 'abcdef.pdf'],
    ['Surat Keputusan – Kepala Dinas ✓.pdf', 'Surat Keputusan – Kepala Dinas ✓.pdf'],
    ['laporan\u202efdp.exe', 'laporanfdp.exe'],
    ['', 'berkas'],
    ['...', 'berkas'],
    ['???', 'berkas'],
  ])('%j → %j', (input, expected) => {
    const result = sanitizeOriginalName(input);
    expect(result).toBe(expected);
    assertSafeName(result);
  });

  it('normalises to NFC', () => {
    expect(sanitizeOriginalName('Cafe\u0301.pdf')).toBe('Caf\u00e9.pdf');
  });

  it('limits long names to 120 characters, keeping the extension', () => {
    const result = sanitizeOriginalName(`${'a'.repeat(296)}.pdf`);
    expect(result).toHaveLength(MAX_NAME_CHARS);
    expect(result).toBe(`${'a'.repeat(116)}.pdf`);
    assertSafeName(result);
  });

  it('never splits an emoji and keeps the name within 240 UTF-8 bytes', () => {
    const result = sanitizeOriginalName(`${'😀'.repeat(200)}.pdf`);
    expect(result.endsWith('😀.pdf')).toBe(true);
    assertSafeName(result);
  });

  it('does not let truncation expose trailing dots or reserved names', () => {
    const result = sanitizeOriginalName(`CON.${'x'.repeat(200)}. .pdf`);
    assertSafeName(result);
    expect(result.startsWith('_CON')).toBe(true);
  });

  it('stays fast on huge hostile names (no quadratic regex backtracking)', () => {
    const started = performance.now();
    expect(sanitizeOriginalName(`${'. '.repeat(500_000)}x.pdf`)).toBe('x.pdf');
    const colons = sanitizeOriginalName(`${'a.b:'.repeat(250_000)}.pdf`);
    expect(colons.endsWith('.pdf')).toBe(true);
    assertSafeName(colons);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('extensionOf reads the lower-case extension of a sanitised name', () => {
    expect(extensionOf('Laporan.PDF')).toBe('pdf');
    expect(extensionOf('berkas')).toBe('');
    expect(extensionOf('Versi 2. final')).toBe('');
  });
});

describe('safeJoin', () => {
  const root = path.resolve('/data/patuh');

  it('joins paths that stay inside the root', () => {
    expect(safeJoin(root, 'evidence/ab/x.pdf')).toBe(path.join(root, 'evidence', 'ab', 'x.pdf'));
    expect(safeJoin(root, 'evidence\\ab\\x.pdf')).toBe(path.join(root, 'evidence', 'ab', 'x.pdf'));
    expect(safeJoin(root, 'evidence/../evidence/x')).toBe(path.join(root, 'evidence', 'x'));
    expect(safeJoin(root, '..x')).toBe(path.join(root, '..x'));
  });

  it.each(['../x', '..', 'evidence/../../x', '..\\..\\x', '/etc/passwd', 'C:\\Windows\\x', 'C:x', '\\\\server\\share\\x', 'a\u0000b'])(
    'rejects %j with an AppError',
    (relative) => {
      expect(() => safeJoin(root, relative)).toThrow(AppError);
      try {
        safeJoin(root, relative);
      } catch (error) {
        expect((error as AppError).code).toBe('VALIDATION');
        expect((error as AppError).message).toContain('ke luar folder data Patuh');
      }
    },
  );
});

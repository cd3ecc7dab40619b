import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extensionOf, ingestBuffer, ingestFile, sanitizeOriginalName, type IngestedFile } from '../../../src/server/evidence/store';
import { AppError } from '../../../src/shared/result';
import { assertSafeName, contentFor, snapshot, tempRoot } from './support';

/**
 * Hostile names from file dialogs, browser uploads and zip entries. Whatever the name,
 * the sanitised name must be safe and the only bytes written must be a blob inside
 * <dataDir>/evidence/ (the data dir sits several levels deep so any "../" escape would
 * land inside the scanned temp root and be caught).
 */
const CORPUS = [
  '../../x',
  '..\\..\\x',
  '../../../../x.pdf',
  '..\\..\\..\\..\\x.pdf',
  '/etc/passwd',
  'C:\\Windows\\x.pdf',
  'CON',
  'con.pdf',
  'nul.txt',
  'COM1.docx',
  'a.pdf:evil',
  'nol\u0000byte.pdf',
  'kontrol\u001f.pdf',
  'baris\nbaru.pdf',
  `${'p'.repeat(296)}.pdf`,
  '....pdf',
  ' .pdf ',
  'Surat Keputusan – Kepala Dinas ✓.pdf',
  'laporan\u202efdp.exe',
  'foto\u202egnp.pdf',
];

function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** A name can be a real file name here when it has no NUL or "/" and fits in 255 bytes. */
const creatable = (name: string): boolean =>
  !name.includes('\0') && !name.includes('/') && Buffer.byteLength(name) <= 255 && name.trim() !== '' && !/^\.+$/.test(name) &&
  (process.platform !== 'win32' || !/[\\:*?"<>|\p{Cc}]/u.test(name));

async function attempt(run: () => Promise<IngestedFile>): Promise<IngestedFile | AppError> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

describe('path corpus', () => {
  it.each(CORPUS)('%j is stored safely or rejected, writing nothing elsewhere', async (name) => {
    const root = tempRoot();
    const dataDir = path.join(root, 'l1', 'l2', 'l3', 'l4', 'data');
    const srcDir = path.join(root, 'sumber');
    fs.mkdirSync(srcDir, { recursive: true });
    const safe = sanitizeOriginalName(name);
    assertSafeName(safe);
    const ext = extensionOf(safe);
    const data = contentFor(ext, `isi untuk ${JSON.stringify(name)}`);
    const neutralSource = path.join(srcDir, 'sumber.bin');
    fs.writeFileSync(neutralSource, data);
    const sources = [neutralSource];
    if (creatable(name)) {
      const named = path.join(srcDir, name);
      fs.writeFileSync(named, data);
      sources.push(named);
    }
    const before = snapshot(root);

    const outcomes = [
      await attempt(() => ingestFile(dataDir, neutralSource, { originalName: name })),
      await attempt(() => ingestBuffer(dataDir, data, name)),
      ...(sources[1] ? [await attempt(() => ingestFile(dataDir, sources[1]!))] : []),
    ];

    const accepted = ['pdf', 'txt', 'docx'].includes(ext);
    for (const outcome of outcomes) {
      if (!accepted) {
        expect(outcome).toBeInstanceOf(AppError);
        expect((outcome as AppError).code).toBe('FILE_REJECTED');
        continue;
      }
      expect(outcome).not.toBeInstanceOf(AppError);
      const result = outcome as IngestedFile;
      expect(result.originalName).toBe(safe);
      expect(result.storedPath).toMatch(/^evidence\/[0-9a-f]{2}\/[0-9a-f]{64}\.(pdf|txt|docx)$/);
      const absolute = path.resolve(dataDir, result.storedPath);
      expect(isInside(path.join(dataDir, 'evidence'), absolute)).toBe(true);
      expect(fs.readFileSync(absolute).equals(data)).toBe(true);
    }

    const after = snapshot(root);
    const added = [...after.keys()].filter((file) => !before.has(file));
    const evidencePrefix = 'l1/l2/l3/l4/data/evidence/';
    for (const file of added) {
      expect(file.startsWith(evidencePrefix)).toBe(true);
      expect(file.startsWith(`${evidencePrefix}.tmp/`)).toBe(false);
    }
    expect(added).toHaveLength(accepted ? 1 : 0); // identical bytes each time: one blob
    for (const [file, size] of before) expect(after.get(file)).toBe(size);
    expect(fs.existsSync(path.join(path.dirname(root), 'x'))).toBe(false);
  });
});

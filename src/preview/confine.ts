/**
 * The page is not trusted with paths. In the browser preview the page cannot pick files
 * or folders (there are no native dialogs), so any path it sends was typed or forged:
 * output locations are dropped — the preview platform then writes into its own download
 * folder — and input locations are accepted only inside that folder. Works by field name
 * so channels added later (e.g. intake folders) are covered without a list to maintain.
 */
import path from 'node:path';
import { AppError } from '../shared/result';

/**
 * Top-level fields that name a place on disk: file, dir, outDir, outFile, archiveDir,
 * sourceFolder, … — by camelCase word, so "profile" or "filePreview" are not paths.
 */
const PATH_FIELD = /^(?:dir|file|path|folder)$|[a-z](?:Dir|File|Path|Folder)$/;
const OUTPUT_FIELD = /^out(?:[A-Z]|$)/;

export function confinePaths(payload: unknown, downloadDir: string | null): unknown {
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return payload;
  const input = { ...(payload as Record<string, unknown>) };
  for (const [key, value] of Object.entries(input)) {
    if (!PATH_FIELD.test(key) || value === undefined || value === null) continue;
    if (OUTPUT_FIELD.test(key)) {
      delete input[key];
      continue;
    }
    if (typeof value !== 'string' || !downloadDir || !inside(downloadDir, value)) {
      const where = downloadDir ? ` dan folder unduhan pratinjau (${downloadDir})` : '';
      throw new AppError(
        'FORBIDDEN',
        `Di pratinjau peramban, halaman hanya dapat memakai berkas yang diunggah${where}. ` +
          'Untuk berkas atau folder lain di komputer ini, gunakan aplikasi desktop Patuh atau baris perintah (npm run cli).',
      );
    }
  }
  return input;
}

function inside(root: string, candidate: string): boolean {
  const base = path.resolve(root);
  const target = path.resolve(base, candidate);
  const relative = path.relative(base, target);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

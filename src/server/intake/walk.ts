/**
 * Walking a kit folder without trusting it: entries are lstat'ed and never followed, so
 * a symbolic link (or Windows junction) leading out of the kit is reported, not read;
 * folders Drive and the OS keep for themselves are not entered; and the walk stops at a
 * hard limit so a folder flooded with files costs bounded time.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { skipFolder } from '../../core/intake/file-rules';
import { AppError } from '../../shared/result';

export interface WalkedFile {
  /** POSIX path relative to the walked root. */
  relative: string;
  absolute: string;
  name: string;
  size: number;
  mtimeMs: number;
}

export interface WalkResult {
  files: WalkedFile[];
  /** Links and other non-regular entries: never read. */
  links: Array<{ relative: string; name: string }>;
  truncated: boolean;
}

export const MAX_KIT_ENTRIES = 25_000;
const MAX_DEPTH = 8;

export async function walkKit(root: string, signal?: AbortSignal, maxEntries = MAX_KIT_ENTRIES): Promise<WalkResult> {
  const result: WalkResult = { files: [], links: [], truncated: false };
  const queue: Array<{ dir: string; relative: string; depth: number }> = [{ dir: root, relative: '', depth: 0 }];
  let count = 0;
  while (queue.length > 0) {
    if (signal?.aborted) throw new AppError('CANCELLED', 'Pemeriksaan kiriman dibatalkan; tidak ada yang diubah.');
    const { dir, relative, depth } = queue.shift()!;
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      count += 1;
      if (count > maxEntries) {
        result.truncated = true;
        return result;
      }
      const childRelative = relative === '' ? entry.name : `${relative}/${entry.name}`;
      const absolute = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) {
        result.links.push({ relative: childRelative, name: entry.name });
      } else if (entry.isDirectory()) {
        if (!skipFolder(entry.name) && depth < MAX_DEPTH) queue.push({ dir: absolute, relative: childRelative, depth: depth + 1 });
      } else if (entry.isFile()) {
        const stat = await fs.lstat(absolute).catch(() => null);
        if (stat?.isFile()) result.files.push({ relative: childRelative, absolute, name: entry.name, size: stat.size, mtimeMs: stat.mtimeMs });
      } else {
        result.links.push({ relative: childRelative, name: entry.name });
      }
    }
  }
  return result;
}

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

/**
 * Folders read this many at a time: a kit has ~150 folders, and readdir waits overlap well
 * (a rescan of 300 kits with nothing new: 1.06–1.16 s at 16, 0.79 s at 64).
 */
const READ_CONCURRENCY = 64;

export async function walkKit(root: string, signal?: AbortSignal, maxEntries = MAX_KIT_ENTRIES): Promise<WalkResult> {
  const result: WalkResult = { files: [], links: [], truncated: false };
  let level: Array<{ dir: string; relative: string }> = [{ dir: root, relative: '' }];
  let count = 0;
  for (let depth = 0; level.length > 0 && depth <= MAX_DEPTH; depth += 1) {
    const next: typeof level = [];
    for (let start = 0; start < level.length; start += READ_CONCURRENCY) {
      if (signal?.aborted) throw new AppError('CANCELLED', 'Pemeriksaan kiriman dibatalkan; tidak ada yang diubah.');
      const batch = level.slice(start, start + READ_CONCURRENCY);
      const listings = await Promise.all(batch.map((folder) => fs.readdir(folder.dir, { withFileTypes: true }).catch(() => [])));
      const files: Array<{ relative: string; absolute: string; name: string }> = [];
      for (const [index, entries] of listings.entries()) {
        const { dir, relative } = batch[index]!;
        for (const entry of entries) {
          count += 1;
          if (count > maxEntries) {
            result.truncated = true;
            return result;
          }
          const childRelative = relative === '' ? entry.name : `${relative}/${entry.name}`;
          const absolute = path.join(dir, entry.name);
          if (entry.isSymbolicLink()) result.links.push({ relative: childRelative, name: entry.name });
          else if (entry.isDirectory()) {
            if (!skipFolder(entry.name) && depth < MAX_DEPTH) next.push({ dir: absolute, relative: childRelative });
          } else if (entry.isFile()) files.push({ relative: childRelative, absolute, name: entry.name });
          else result.links.push({ relative: childRelative, name: entry.name });
        }
      }
      // lstat, not stat: a file swapped for a link after readdir is still never followed.
      // One wait for the whole batch of folders, not one per folder.
      const stats = await Promise.all(files.map((file) => fs.lstat(file.absolute).catch(() => null)));
      stats.forEach((stat, position) => {
        if (stat?.isFile()) result.files.push({ ...files[position]!, size: stat.size, mtimeMs: stat.mtimeMs });
      });
    }
    level = next;
  }
  return result;
}

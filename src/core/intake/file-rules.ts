/**
 * Which files found in a kit are looked at, and where they belong. Synced folders hold
 * files that are still arriving (Drive's `.tmp`, a browser's `.part`, zero bytes) and
 * files that are not the unit's documents at all (Office lock files, Explorer's
 * desktop.ini): those are left alone and looked at again on the next scan.
 */

export type SkipReason = 'sedang-disinkronkan' | 'berkas-sistem';

const SYSTEM_NAMES = new Set(['desktop.ini', '.ds_store', 'thumbs.db', 'ehthumbs.db', 'icon\r', '.localized']);
const IN_PROGRESS_EXTENSIONS = /\.(tmp|temp|part|partial|crdownload|download|gdownload|!sync|sb-[0-9a-z-]+)$/iu;
const SHORTCUT_EXTENSIONS = /\.(gdoc|gsheet|gslides|gdraw|gform|gmap|gsite|gjam|lnk|url|webloc)$/iu;

/** Why a file is left for later, or null when it is a candidate document. */
export function skipReason(name: string, size: number): SkipReason | null {
  const lower = name.toLowerCase();
  // "~$Laporan.docx" is Office's lock file; "~WRL1234.tmp" its autosave.
  if (lower.startsWith('~$') || lower.startsWith('.~lock.') || lower.startsWith('~wrl')) return 'sedang-disinkronkan';
  if (IN_PROGRESS_EXTENSIONS.test(lower)) return 'sedang-disinkronkan';
  if (size === 0) return 'sedang-disinkronkan';
  if (SYSTEM_NAMES.has(lower) || lower.startsWith('._') || SHORTCUT_EXTENSIONS.test(lower)) return 'berkas-sistem';
  // Folders Drive and OneDrive keep for themselves.
  if (lower === '.tmp.drivedownload' || lower === '.tmp.driveupload') return 'sedang-disinkronkan';
  return null;
}

/** Folder names that are never a requirement folder and never walked into. */
export function skipFolder(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('.') || lower === '$recycle.bin' || lower === 'system volume information' || lower.startsWith('.tmp.drive');
}

export type Placement =
  | { kind: 'requirement'; folder: string }
  | { kind: 'kit-file' }
  | { kind: 'misplaced'; where: 'akar-kit' | 'folder-tidak-dikenal' };

/**
 * Where a file inside a kit belongs, from its POSIX path relative to the kit root and the
 * kit's folder list. Files in sub-folders of a requirement folder still count for it.
 */
export function placeFile(relative: string, folders: ReadonlySet<string>, kitFiles: ReadonlySet<string>): Placement {
  if (kitFiles.has(relative)) return { kind: 'kit-file' };
  const parts = relative.split('/');
  if (parts.length === 1) return { kind: 'misplaced', where: 'akar-kit' };
  for (let depth = parts.length - 1; depth >= 1; depth -= 1) {
    const folder = parts.slice(0, depth).join('/');
    if (folders.has(folder)) return { kind: 'requirement', folder };
  }
  return { kind: 'misplaced', where: 'folder-tidak-dikenal' };
}

/**
 * Names inside a unit's kit. A unit opens the kit in Windows Explorer, Google Drive or a
 * phone, so every folder name must be readable (short code + requirement title), valid on
 * Windows, at most 60 characters per segment and 150 for the whole relative path: synced
 * folders often sit deep below C:\Users\…\Google Drive\…, and Windows stops at 260.
 */

export const MAX_SEGMENT_CHARS = 60;
export const MAX_RELATIVE_PATH_CHARS = 150;

const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/iu;

/** One path segment safe on Windows, macOS and Linux, cut at a word boundary when it can be. */
export function safeSegment(text: string, max = MAX_SEGMENT_CHARS): string {
  const cleaned = text
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/[<>:"/\\|?*]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  let cut = cleaned;
  if (cut.length > max) {
    const head = cut.slice(0, max + 1);
    const space = head.lastIndexOf(' ');
    cut = space > max / 2 ? head.slice(0, space) : head.slice(0, max);
  }
  // Windows drops trailing dots and spaces, so "Laporan." would name another folder.
  cut = cut.replace(/[. ]+$/u, '').replace(/^[. ]+/u, '');
  if (RESERVED.test(cut)) cut = `_${cut}`.slice(0, max);
  return cut === '' ? 'folder' : cut;
}

/** "P" for PEKPPP, "O" for Ombudsman; then the indicator number and the requirement's place in it. */
export function shortCode(family: 'pekppp' | 'ombudsman', indicatorNumber: number, index: number): string {
  return `${family === 'pekppp' ? 'P' : 'O'}${String(indicatorNumber).padStart(2, '0')}.${index + 1}`;
}

export interface FolderRequest {
  instrumentFolder: string;
  code: string;
  title: string;
}

/**
 * Relative POSIX path of a requirement's folder: `<instrument>/<short code> <title>`.
 * The short code keeps it unique and sorted whatever the title is cut to.
 */
export function requirementFolder(request: FolderRequest): string {
  const instrument = safeSegment(request.instrumentFolder, 24);
  const room = Math.min(MAX_SEGMENT_CHARS, MAX_RELATIVE_PATH_CHARS - instrument.length - 1);
  const folder = safeSegment(`${request.code} ${request.title}`, room);
  return `${instrument}/${folder}`;
}

/** True when a relative path fits the limits above (checked for every planned folder). */
export function withinLimits(relative: string): boolean {
  return relative.length <= MAX_RELATIVE_PATH_CHARS && relative.split('/').every((part) => part.length > 0 && part.length <= MAX_SEGMENT_CHARS);
}

/**
 * The first of the wanted names that fits whole: a unit's name is never cut where a
 * shorter wording or its short name would do ("Disdukcapil" beats "Dinas Kependudukan dan").
 */
export function firstFitting(candidates: string[], max: number): string {
  const fitting = candidates.map((candidate) => safeSegment(candidate, 1000)).find((candidate) => candidate.length <= max);
  return fitting ?? safeSegment(candidates[0] ?? '', max);
}

/** The kit's own folder, e.g. "Kit 2026 - Dinas Sosial". */
export function kitFolderName(year: number, unitName: string, shortName?: string | null): string {
  return firstFitting([`Kit ${year} - ${unitName}`, ...(shortName ? [`Kit ${year} - ${shortName}`] : [])], MAX_SEGMENT_CHARS);
}

/**
 * Pure text helpers shared by every export: Indonesian dates, labels for zones and
 * statuses, the colours paired with each tone, and the only two kinds of hyperlink an
 * export may contain (a relative path inside the package, or an http/https URL).
 */
import { EVIDENCE_STATUS_LABELS, type EvidenceStatus } from '../../../core/checklist/types';
import type { Tone, Zone } from '../../../core/scoring/types';
import type { Settings } from '../../../shared/types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];

/** "2026-11-24" → "24 Nov 2026"; '' for null or unparsable input. */
export function formatDateId(iso: string | null | undefined): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/u.exec(iso ?? '');
  if (!match) return '';
  const month = MONTHS[Number(match[2]) - 1];
  return month ? `${Number(match[3])} ${month} ${match[1]}` : '';
}

const pad = (value: number) => String(value).padStart(2, '0');

/** Local wall-clock time, because the operator reads it next to the computer's clock. */
export function formatDateTimeId(date: Date): string {
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `${formatDateId(day)} pukul ${pad(date.getHours())}.${pad(date.getMinutes())}`;
}

/** Local calendar day (YYYY-MM-DD) of a timestamp. */
export function localIsoDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export const FALLBACK_LOCAL_GOVERNMENT = 'Pemerintah Daerah';

export function localGovernmentOf(settings: Settings): string {
  return settings.localGovernmentName.trim() || FALLBACK_LOCAL_GOVERNMENT;
}

export function statusLabel(status: EvidenceStatus): string {
  return EVIDENCE_STATUS_LABELS[status];
}

export function zoneLabel(zone: Zone | null | undefined): string {
  if (!zone) return '';
  return zone.charAt(0).toUpperCase() + zone.slice(1);
}

export const ZONE_TONE: Record<Zone, Tone> = { hijau: 'green', kuning: 'amber', merah: 'red' };

/** Soft fill + dark text per tone (the pairs Excel itself uses for "good/neutral/bad"). */
export const TONE_COLORS: Record<Tone, { fill: string; font: string }> = {
  green: { fill: 'FFC6EFCE', font: 'FF006100' },
  teal: { fill: 'FFCCEFEC', font: 'FF0B5D57' },
  amber: { fill: 'FFFFEB9C', font: 'FF9C5700' },
  red: { fill: 'FFFFC7CE', font: 'FF9C0006' },
};

/** Folder and column name of an instrument family, e.g. "Berkas/PEKPPP/…". */
export function familyShort(family: 'pekppp' | 'ombudsman'): string {
  return family === 'pekppp' ? 'PEKPPP' : 'Ombudsman';
}

/** A header-sized name: the abbreviation in brackets when there is one ("SIPP"). */
export function aspectShortName(name: string): string {
  const abbreviation = /\(([^()]{2,12})\)\s*$/u.exec(name)?.[1]?.trim();
  return abbreviation && !/\s/u.test(abbreviation) ? abbreviation : name;
}

/** Only web addresses become hyperlinks; anything else (javascript:, file:) stays text. */
export function safeWebUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * Hyperlink target for a file inside the package: each segment percent-encoded (spaces,
 * "#", non-ASCII), so Excel and LibreOffice resolve it relative to the workbook. Refuses
 * anything that could leave the package.
 */
export function packageHref(relativePath: string): string {
  const parts = relativePath.split('/');
  if (relativePath.startsWith('/') || parts.some((part) => part === '' || part === '.' || part === '..' || part.includes('\\'))) {
    throw new Error(`Jalur di dalam paket tidak sah: ${relativePath}`);
  }
  return parts.map((part) => encodeURIComponent(part)).join('/');
}

/** Two-digit ordinal used for readable folder names ("01 Kebijakan Pelayanan"). */
export function ordinal(value: number): string {
  return pad(value);
}

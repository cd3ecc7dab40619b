/** Everything the user reads is formatted for id-ID: 89,45 and 24 Nov 2026. */
import { formatPercent as formatWeightPercent, formatShare } from '../../core/scoring/rounding';

const LOCALE = 'id-ID';

const numberFormats = new Map<number, Intl.NumberFormat>();

/** A number with a fixed count of decimals: formatNumber(89.45) → "89,45". */
export function formatNumber(value: number, decimals = 2): string {
  let format = numberFormats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    numberFormats.set(decimals, format);
  }
  return format.format(value);
}

const flexible = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 });

/** Whole numbers stay whole, fractions keep up to two decimals: 17 → "17", 21.85 → "21,85". */
export function formatCount(value: number): string {
  return flexible.format(value);
}

/** A measured share, one decimal everywhere: formatPercent(12) → "12,0%" (the rule lives in core). */
export function formatPercent(value: number): string {
  return formatShare(value);
}

/** A weight as the instrument defines it: formatWeight(17) → "17%", formatWeight(6.25) → "6,25%". */
export function formatWeight(value: number): string {
  return formatWeightPercent(value);
}

/** An inclusive range at a given precision: "4,51–5,00". */
export function formatRange(min: number, max: number, decimals: number): string {
  return `${formatNumber(min, decimals)}–${formatNumber(max, decimals)}`;
}

const dateFormat = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const longDateFormat = new Intl.DateTimeFormat(LOCALE, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

function parseIsoDate(iso: string): Date | null {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "2026-11-24" → "24 Nov 2026"; an empty or broken value → "–". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '–';
  const date = parseIsoDate(iso);
  return date ? dateFormat.format(date) : '–';
}

/** "2026-11-24" → "Selasa, 24 November 2026". */
export function formatLongDate(iso: string | null | undefined): string {
  if (!iso) return '–';
  const date = parseIsoDate(iso);
  return date ? longDateFormat.format(date) : '–';
}

/** Today's date in the user's own time zone, as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/** Whole days from today until an ISO date (negative when past). */
export function daysUntil(iso: string, today: string = todayIso()): number {
  const target = parseIsoDate(iso);
  const start = parseIsoDate(today);
  if (!target || !start) return 0;
  return Math.round((target.getTime() - start.getTime()) / 86_400_000);
}

/** Years an instrument applies to: "2022–2025" or "2025–sekarang". */
export function formatYears(from: number, to: number | null): string {
  if (to === null) return `${from}–sekarang`;
  return from === to ? String(from) : `${from}–${to}`;
}

const collator = new Intl.Collator(LOCALE, { sensitivity: 'base', numeric: true });

export function compareText(a: string, b: string): number {
  return collator.compare(a, b);
}

export function normalizeSearch(text: string): string {
  return text.toLocaleLowerCase(LOCALE).normalize('NFD').replace(/\p{M}/gu, '').trim();
}

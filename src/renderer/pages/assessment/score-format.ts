/**
 * Small formatting helpers shared by Penilaian Mandiri, Kesenjangan and Beranda. The
 * numbers come from the scoring reports already rounded; these only format them.
 */
import type { Tone } from '../../components/badge';
import { formatNumber } from '../../lib/format';

/** An index or score with two decimals ("4,51"), or "–" when there is none. */
export function formatScore(value: number | null | undefined, decimals = 2): string {
  return value === null || value === undefined ? '–' : formatNumber(value, decimals);
}

/** A signed difference with a real minus sign: "+1", "−2", "±0"; "+0,32" with decimals. */
export function formatDelta(delta: number, decimals = 0): string {
  if (delta === 0) return decimals === 0 ? '±0' : `±${formatNumber(0, decimals)}`;
  const text = formatNumber(Math.abs(delta), decimals);
  return delta > 0 ? `+${text}` : `−${text}`;
}

const TONES: readonly Tone[] = ['green', 'teal', 'amber', 'red', 'neutral', 'blue'];

/** A tone string from a report (typed loosely in some payloads) as a badge tone. */
export function asTone(tone: string | null | undefined): Tone {
  return TONES.includes(tone as Tone) ? (tone as Tone) : 'neutral';
}

/** Band-like shape the BandCode badge accepts, from loosely typed payloads. */
export function bandOf(band: { code: string; label: string; tone: string } | null | undefined) {
  if (!band) return null;
  const tone = asTone(band.tone);
  return { code: band.code, label: band.label, tone: tone === 'neutral' || tone === 'blue' ? ('teal' as const) : tone };
}

/**
 * Colour of a 0–5 index on a continuous red → amber → teal → green ramp (the heatmap and
 * aspect bars). Colour is never the only signal: the value is always printed next to it.
 */
export function indexColor(value: number, max = 5): string {
  const stops: Array<[number, [number, number, number]]> = [
    [0, [234, 122, 110]],
    [0.4, [244, 190, 92]],
    [0.6, [245, 214, 120]],
    [0.75, [98, 190, 176]],
    [1, [52, 160, 101]],
  ];
  const t = Math.max(0, Math.min(1, value / max));
  for (let index = 1; index < stops.length; index += 1) {
    const [end, to] = stops[index]!;
    const [start, from] = stops[index - 1]!;
    if (t <= end) {
      const k = (t - start) / (end - start || 1);
      const mix = from.map((channel, i) => Math.round(channel + (to[i]! - channel) * k));
      return `rgb(${mix[0]}, ${mix[1]}, ${mix[2]})`;
    }
  }
  return 'rgb(52, 160, 101)';
}

/** Shorter aspect names for narrow column heads; the full name stays in the tooltip. */
export function shortAspectName(name: string): string {
  name = name.replace(/\s*\(tidak dinilai\)\s*$/i, '');
  const inParentheses = /\(([^)]+)\)\s*$/.exec(name);
  if (inParentheses && inParentheses[1]!.length <= 8) return inParentheses[1]!;
  return name
    .replace('Sumber Daya Manusia', 'SDM')
    .replace('Sarana dan Prasarana', 'Sarana Prasarana')
    .replace('Konsultasi dan Pengaduan', 'Konsultasi & Pengaduan')
    .replace(' Pelayanan Publik', '');
}

/** "Tingkat 3" / "belum dinilai". */
export function levelLabel(level: number | null): string {
  return level === null ? 'belum dinilai' : `Tingkat ${level}`;
}

/** The previous year's *nilai terkini* of a unit, or null when that year was not assessed. */
export function previousIndexOf(unit: { previousIndex: number | null }): number | null {
  return unit.previousIndex;
}

/** A unit's *nilai terkini*, or null when it has no level at all (*belum dinilai*). */
export function currentIndexOf(unit: { current: { index: number } | null }): number | null {
  return unit.current?.index ?? null;
}

/** One word per aspect for tight bars ("Kebijakan", "SDM", "Sarpras", "SIPP", "Pengaduan"); full name in the tooltip. */
export function compactAspectName(name: string): string {
  const short = shortAspectName(name);
  if (/\bSDM\b/.test(short)) return 'SDM';
  if (/^Sarana Prasarana$/i.test(short)) return 'Sarpras';
  if (short.includes(' & ')) return short.split(' & ').at(-1)!;
  return short.split(/\s+/)[0] ?? short;
}

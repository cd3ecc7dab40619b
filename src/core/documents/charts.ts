/**
 * Bar charts as SVG text for printed reports (rendered to PNG by the server): plain
 * shapes and text only, so every renderer draws them the same. Values label each bar,
 * so the chart reads in black and white too.
 */

export interface Bar {
  label: string;
  value: number;
  /** CSS colour; a neutral blue when omitted. */
  color?: string;
  /** Text shown at the bar's end, e.g. "3 unit" or "3,45". */
  valueLabel: string;
}

const escape = (value: string) => value.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
export const CHART_FONT = 'Arial, Liberation Sans, DejaVu Sans, sans-serif';

/** Horizontal bars, one per row: label left, bar scaled to `max`, value at the end. */
export function horizontalBarChart(options: { title: string; bars: readonly Bar[]; max: number; width?: number }): { svg: string; width: number; height: number } {
  const width = options.width ?? 900;
  const rowHeight = 34;
  const top = 46;
  const labelWidth = 300;
  const barArea = width - labelWidth - 110;
  const height = top + options.bars.length * rowHeight + 16;
  const max = options.max > 0 ? options.max : 1;
  const rows = options.bars.map((bar, index) => {
    const y = top + index * rowHeight;
    const length = Math.max(0, Math.min(1, bar.value / max)) * barArea;
    return [
      `<text x="${labelWidth - 10}" y="${y + 21}" font-size="17" text-anchor="end" fill="#222">${escape(bar.label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 5}" width="${barArea}" height="22" fill="#f0f2f5"/>`,
      `<rect x="${labelWidth}" y="${y + 5}" width="${length.toFixed(1)}" height="22" fill="${escape(bar.color ?? '#3b6fb6')}"/>`,
      `<text x="${labelWidth + length + 8}" y="${y + 22}" font-size="16" fill="#222">${escape(bar.valueLabel)}</text>`,
    ].join('');
  });
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${CHART_FONT}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="12" y="28" font-size="20" font-weight="bold" fill="#111">${escape(options.title)}</text>`,
    ...rows,
    '</svg>',
  ].join('');
  return { svg, width, height };
}

/** Print colours per category tone (same families as the app's badges). */
export const TONE_CHART_COLORS: Record<string, string> = { green: '#2e8b57', teal: '#1f8a85', amber: '#d99a1e', red: '#c0392b' };

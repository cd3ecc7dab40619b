/**
 * The NRR-per-unsur bar chart as SVG, rendered to PNG with resvg for the .docx and the
 * workbook (Word and Excel cannot draw an SVG chart of ours reliably). Bars carry their
 * value and the axis its unsur numbers, so the printout reads without colour.
 */
import { createRequire } from 'node:module';
import type * as ResvgTypes from '@resvg/resvg-js';
import type { SkmGroupResult } from '../../core/skm';
import { formatDecimal } from '../../core/scoring/rounding';

const TONE_FILL = { green: '#2e7d32', teal: '#00796b', amber: '#b26a00', red: '#c62828' } as const;
const FONT = "Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";

const escapeXml = (text: string) => text.replace(/[<>&'"]/gu, (c) => `&#${c.charCodeAt(0)};`);

export function chartSvg(group: SkmGroupResult, title: string, max = 4): string {
  const width = 900;
  const height = 420;
  const left = 60;
  const right = 20;
  const top = 50;
  const bottom = 60;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const step = plotW / group.unsur.length;
  const y = (value: number) => top + plotH - (value / max) * plotH;
  const grid = Array.from({ length: max + 1 }, (_, i) => i)
    .map((v) => `<line x1="${left}" x2="${width - right}" y1="${y(v)}" y2="${y(v)}" stroke="#d0d0d0"/><text x="${left - 10}" y="${y(v) + 5}" text-anchor="end" font-size="14">${v}</text>`)
    .join('');
  const bars = group.unsur
    .map((item, i) => {
      const x = left + i * step + step * 0.18;
      const w = step * 0.64;
      const label = `<text x="${x + w / 2}" y="${height - bottom + 22}" text-anchor="middle" font-size="15">U${item.number}</text>`;
      if (item.nrr === null) return `${label}<text x="${x + w / 2}" y="${y(0) - 8}" text-anchor="middle" font-size="13" fill="#555">–</text>`;
      const fill = TONE_FILL[item.band?.tone ?? 'teal'];
      return `${label}<rect x="${x}" y="${y(item.nrr)}" width="${w}" height="${y(0) - y(item.nrr)}" fill="${fill}"/><text x="${x + w / 2}" y="${y(item.nrr) - 8}" text-anchor="middle" font-size="14" font-weight="bold">${formatDecimal(item.nrr, 2)}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">
<rect width="100%" height="100%" fill="#ffffff"/>
<text x="${width / 2}" y="28" text-anchor="middle" font-size="18" font-weight="bold">${escapeXml(title)}</text>
${grid}${bars}
<text x="${width / 2}" y="${height - 12}" text-anchor="middle" font-size="13" fill="#444">Nilai rata-rata (NRR, skala 1–4) per unsur pelayanan</text>
</svg>`;
}

type ResvgModule = typeof ResvgTypes;
let resvgModule: ResvgModule | null = null;

/**
 * resvg is a native addon: loaded on the first chart, at run time, so start-up and the
 * bundled helper scripts (crash tests, which externalize only better-sqlite3) never load it.
 */
function resvg(): ResvgModule {
  resvgModule ??= createRequire(import.meta.url)('@resvg/resvg-js') as ResvgModule;
  return resvgModule;
}

export function chartPng(group: SkmGroupResult, title: string): Buffer {
  const { Resvg } = resvg();
  const resvgInstance = new Resvg(chartSvg(group, title), { fitTo: { mode: 'width', value: 1800 }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } });
  return Buffer.from(resvgInstance.render().asPng());
}

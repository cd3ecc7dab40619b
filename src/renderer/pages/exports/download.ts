/**
 * Small helpers for export results: the preview host's download links (token-checked),
 * file names from paths, sizes in id-ID.
 */
import type { ExportResult } from '../../../shared/types';
import { formatCount } from '../../lib/format';

/** An export as the job returns it; a multi-unit form export also lists one link per workbook. */
export interface ExportOutput extends ExportResult {
  files?: Array<string | null>;
}

function sessionToken(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="patuh-token"]')?.content ?? '';
}

/** "/unduh/Rekap.xlsx" → "/unduh/Rekap.xlsx?token=…" (the preview host refuses downloads without it). */
export function downloadHref(url: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}token=${encodeURIComponent(sessionToken())}`;
}

/** The last part of a path or download URL, decoded: "C:\\Ekspor\\Rekap 2026.xlsx" → "Rekap 2026.xlsx". */
export function fileNameOf(pathOrUrl: string): string {
  const last = pathOrUrl.split(/[\\/]/u).filter(Boolean).pop() ?? pathOrUrl;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** The folder that holds a file or folder: "D:\\Paket\\Dinas.zip" → "D:\\Paket". */
export function parentOf(path: string): string {
  const trimmed = path.replace(/[\\/]+$/u, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  return cut > 0 ? trimmed.slice(0, cut) : trimmed;
}

const size = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatCount(bytes)} B`;
  if (bytes < 1024 * 1024) return `${size.format(bytes / 1024)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${size.format(bytes / (1024 * 1024))} MB`;
  return `${size.format(bytes / (1024 * 1024 * 1024))} GB`;
}

export function asExportOutput(value: unknown): ExportOutput | null {
  if (!value || typeof value !== 'object' || typeof (value as ExportResult).path !== 'string') return null;
  return value as ExportOutput;
}

/** "12 berkas · 3,4 MB" when the host reported them. */
export function describeOutput(output: ExportOutput): string {
  const parts: string[] = [];
  if (output.fileCount !== null && output.fileCount > 1) parts.push(`${formatCount(output.fileCount)} berkas`);
  if (output.bytes !== null) parts.push(formatBytes(output.bytes));
  return parts.join(' · ');
}

/** Labels and formats of the Cadangan page. */
import type { BackupInfo } from '../../../shared/types';
import { formatCount } from '../../lib/format';

export const REASON_LABELS: Record<string, { label: string; hint: string }> = {
  mulai: { label: 'Saat mulai', hint: 'Dibuat otomatis ketika Patuh dibuka.' },
  berkala: { label: 'Berkala', hint: 'Dibuat otomatis selama Patuh dipakai.' },
  'sebelum-migrasi': { label: 'Sebelum migrasi', hint: 'Dibuat sebelum struktur basis data diperbarui.' },
  'sebelum-impor': { label: 'Sebelum impor', hint: 'Dibuat sebelum data dari Excel dimasukkan.' },
  'sebelum-pemulihan': { label: 'Sebelum pemulihan', hint: 'Keadaan data tepat sebelum sebuah pemulihan; dipakai untuk membatalkannya.' },
  manual: { label: 'Manual', hint: 'Dibuat dengan tombol “Cadangkan sekarang”.' },
};

export function reasonLabel(reason: string | null): { label: string; hint: string } {
  return (reason && REASON_LABELS[reason]) || { label: 'Tidak diketahui', hint: 'Alasan tidak tercatat.' };
}

const dateTime = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const size = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

/** "25 Nov 2026 pukul 11.57" in the user's own time zone. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date).replace(', ', ' pukul ');
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatCount(bytes)} B`;
  if (bytes < 1024 * 1024) return `${size.format(bytes / 1024)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${size.format(bytes / (1024 * 1024))} MB`;
  return `${size.format(bytes / (1024 * 1024 * 1024))} GB`;
}

/** "12 unit · 2 tahun · 40 berkas" from a backup's row counts. */
export function contentSummary(counts: BackupInfo['rowCounts']): string {
  if (!counts) return '–';
  const parts = [
    counts['units'] !== undefined ? `${formatCount(counts['units'])} unit` : null,
    counts['periods'] !== undefined ? `${formatCount(counts['periods'])} tahun` : null,
    counts['evidence'] !== undefined ? `${formatCount(counts['evidence'])} bukti` : null,
  ];
  return parts.filter(Boolean).join(' · ') || '–';
}

export interface ArchiveResult {
  path: string;
  name: string;
  fileCount: number;
  totalBytes: number;
}

export function asArchiveResult(value: unknown): ArchiveResult | null {
  if (!value || typeof value !== 'object') return null;
  const record = value as Partial<ArchiveResult>;
  return typeof record.path === 'string' ? { path: record.path, name: record.name ?? '', fileCount: record.fileCount ?? 0, totalBytes: record.totalBytes ?? 0 } : null;
}

/** Labels and formats of the Kiriman Unit screen. */
import type { IntakeUnitState } from '../../../shared/intake-types';
import type { Tone } from '../../components/badge';

export const STATE_LABEL: Record<IntakeUnitState | 'belum', string> = {
  kosong: 'Tidak ada yang baru',
  baru: 'Siap diterapkan',
  'perlu-tinjau': 'Perlu ditinjau',
  ditolak: 'Ditolak',
  belum: 'Belum ada kit',
};

export const STATE_TONE: Record<IntakeUnitState | 'belum', Tone> = {
  kosong: 'neutral',
  baru: 'green',
  'perlu-tinjau': 'amber',
  ditolak: 'red',
  belum: 'neutral',
};

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toLocaleString('id-ID', { maximumFractionDigits: 1 })} ${units[unit]}`;
}

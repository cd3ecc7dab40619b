/** Display helpers of the SKM screens: the server's rounded numbers, printed id-ID. */
import type { SkmBandRef, SkmSemester } from '../../../shared/skm-types';

export const SEMESTERS: Array<{ value: SkmSemester; label: string }> = [
  { value: 0, label: 'Setahun' },
  { value: 1, label: 'Semester I' },
  { value: 2, label: 'Semester II' },
];

export function decimal(value: number | null | undefined, decimals: number): string {
  if (value === null || value === undefined) return '–';
  return value.toLocaleString('id-ID', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

export function count(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : value.toLocaleString('id-ID');
}

export function bandText(band: SkmBandRef | null): string {
  return band ? `${band.mutu} · ${band.kinerja}` : 'Belum dapat dihitung';
}

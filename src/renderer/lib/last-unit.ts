/**
 * The unit last opened on any per-unit screen (profile, Daftar Periksa, Penilaian,
 * Kesenjangan), so moving between screens keeps the unit; a convenience only.
 */
import { idParam } from './router';

const KEY = 'patuh.lastUnit';

export function rememberUnit(unitId: number): void {
  try {
    window.localStorage.setItem(KEY, String(unitId));
  } catch {
    // Storage may be unavailable (private mode); the screens still work without it.
  }
}

export function lastUnit(): number | null {
  try {
    return idParam(window.localStorage.getItem(KEY) ?? undefined);
  } catch {
    return null;
  }
}

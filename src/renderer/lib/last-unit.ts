/**
 * The unit last opened on any per-unit screen (profile, Daftar Periksa, Penilaian,
 * Kesenjangan), so moving between screens keeps the unit; a convenience only.
 *
 * Remembered per year (by year number, like the active year in app-data, so it survives a
 * restart): switching to last year's data reopens the unit worked on there. Without a year
 * (the unit profile spans years) the choice also counts for every year not yet visited.
 */
import { idParam } from './router';

const KEY = 'patuh.lastUnit';
const BY_YEAR_KEY = 'patuh.lastUnitByYear';

function readByYear(): Record<string, number> {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(BY_YEAR_KEY) ?? '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, number>) : {};
  } catch {
    return {};
  }
}

export function rememberUnit(unitId: number, year?: number | null): void {
  try {
    window.localStorage.setItem(KEY, String(unitId));
    if (year !== undefined && year !== null) window.localStorage.setItem(BY_YEAR_KEY, JSON.stringify({ ...readByYear(), [String(year)]: unitId }));
  } catch {
    // Storage may be unavailable (private mode); the screens still work without it.
  }
}

/** The year's last unit, else the last unit of any screen; callers check it is in the year's scope. */
export function lastUnit(year?: number | null): number | null {
  try {
    const ofYear = year !== undefined && year !== null ? idParam(String(readByYear()[String(year)] ?? '')) : null;
    return ofYear ?? idParam(window.localStorage.getItem(KEY) ?? undefined);
  } catch {
    return null;
  }
}

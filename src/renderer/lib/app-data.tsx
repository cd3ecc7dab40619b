/**
 * Data the whole window shares: settings (the local government's name in the sidebar),
 * the list of assessment years and which one is active. The active year is remembered
 * in localStorage by its year number, which stays meaningful across restarts.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Period, PeriodDetail, Settings } from '../../shared/types';
import { api } from './api';
import { useQuery, type Query } from './use-query';

const STORAGE_KEY = 'patuh.tahunAktif';

interface AppData {
  settings: Settings | null;
  periods: Period[];
  activePeriod: Period | null;
  loaded: boolean;
  loadError: unknown;
  setActiveYear: (year: number) => void;
  refreshSettings: () => Promise<void>;
  refreshPeriods: () => Promise<void>;
}

const AppDataContext = createContext<AppData | null>(null);

function storedYear(): number | null {
  try {
    const value = Number(window.localStorage.getItem(STORAGE_KEY));
    return Number.isInteger(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
}

function pickActive(periods: Period[], preferred: number | null): Period | null {
  if (periods.length === 0) return null;
  const byYear = (year: number | null) => periods.find((period) => period.year === year) ?? null;
  return byYear(preferred) ?? byYear(new Date().getFullYear()) ?? periods[0] ?? null;
}

export function AppDataProvider({ children }: { children: ReactNode }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [periods, setPeriods] = useState<Period[]>([]);
  const [preferredYear, setPreferredYear] = useState<number | null>(storedYear);
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(undefined);

  const refreshSettings = useCallback(async () => {
    setSettings(await api['settings:get']());
  }, []);
  const refreshPeriods = useCallback(async () => {
    setPeriods(await api['periods:list']());
  }, []);

  useEffect(() => {
    Promise.all([refreshSettings(), refreshPeriods()]).then(
      () => setLoaded(true),
      (error: unknown) => {
        setLoadError(error);
        setLoaded(true);
      },
    );
  }, [refreshSettings, refreshPeriods]);

  const setActiveYear = useCallback((year: number) => {
    setPreferredYear(year);
    try {
      window.localStorage.setItem(STORAGE_KEY, String(year));
    } catch {
      // Storage can be unavailable (private mode); the choice then lasts this session.
    }
  }, []);

  const value = useMemo<AppData>(
    () => ({
      settings,
      periods,
      activePeriod: pickActive(periods, preferredYear),
      loaded,
      loadError,
      setActiveYear,
      refreshSettings,
      refreshPeriods,
    }),
    [settings, periods, preferredYear, loaded, loadError, setActiveYear, refreshSettings, refreshPeriods],
  );

  return <AppDataContext.Provider value={value}>{children}</AppDataContext.Provider>;
}

export function useAppData(): AppData {
  const context = useContext(AppDataContext);
  if (!context) throw new Error('useAppData dipakai di luar AppDataProvider');
  return context;
}

/**
 * The active year's full detail (scope, instruments, units), fetched again when the
 * active year changes; `key` names the screen's own cache entry. Null without an active year.
 */
export function useActivePeriodDetail(key: string): Query<PeriodDetail | null> {
  const { activePeriod } = useAppData();
  return useQuery(`${key}-${activePeriod?.id ?? 0}`, () => (activePeriod ? api['periods:get']({ id: activePeriod.id }) : Promise.resolve(null)));
}

export const KIND_LABELS: Record<Settings['localGovernmentKind'], string> = {
  kabupaten: 'Kabupaten',
  kota: 'Kota',
  provinsi: 'Provinsi',
};

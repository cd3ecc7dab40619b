import { useEffect, useId, useState, type ReactNode } from 'react';
import { useAppData } from '../lib/app-data';
import { href } from '../lib/router';
import { IntakeNavBadge } from '../pages/intake/intake-badge';
import { Icon, LogoMark, type IconName } from './icons';

export interface NavItem {
  path: string;
  label: string;
  icon: IconName;
  /** Pages inside the section, listed under it while the section is open. */
  children?: Array<{ path: string; label: string }>;
  /** A count shown after the label (units with something new). */
  badge?: () => ReactNode;
}

export const NAV_ITEMS: NavItem[] = [
  { path: '/', label: 'Beranda', icon: 'home' },
  { path: '/unit', label: 'Unit', icon: 'building' },
  { path: '/daftar-periksa', label: 'Daftar Periksa', icon: 'check-circle' },
  { path: '/penilaian', label: 'Penilaian Mandiri', icon: 'target' },
  { path: '/kesenjangan', label: 'Kesenjangan', icon: 'chart' },
  { path: '/pengingat', label: 'Pengingat', icon: 'clock' },
  { path: '/ombudsman', label: 'Survei & Temuan', icon: 'shield' },
  { path: '/skm', label: 'Survei Kepuasan', icon: 'users' },
  { path: '/ekspor', label: 'Ekspor & Impor', icon: 'archive' },
  { path: '/kiriman', label: 'Kiriman Unit', icon: 'upload', badge: () => <IntakeNavBadge /> },
  { path: '/tahun', label: 'Tahun Penilaian', icon: 'calendar' },
  { path: '/instrumen', label: 'Instrumen', icon: 'book' },
  {
    path: '/pengaturan',
    label: 'Pengaturan',
    icon: 'settings',
    children: [
      { path: '/pengaturan', label: 'Umum' },
      { path: '/pengaturan/cadangan', label: 'Cadangan' },
    ],
  },
  { path: '/bantuan', label: 'Bantuan', icon: 'info' },
];

/** The path without its query: "/daftar-periksa/3?aspek=sdm" → "/daftar-periksa/3". */
function bare(path: string): string {
  return path.split('?')[0] ?? path;
}

function isActive(item: { path: string }, path: string): boolean {
  const current = bare(path);
  if (item.path === '/') return current === '/' || current === '';
  return current === item.path || current.startsWith(`${item.path}/`);
}

const COLLAPSED_KEY = 'patuh.sidebarCollapsed';

/** Below this width (1366 px at 125 % Windows scaling is 1093 CSS px) the menu starts as icons. */
const NARROW_QUERY = '(max-width: 1199px)';

function storedPreference(): boolean | null {
  try {
    const stored = window.localStorage.getItem(COLLAPSED_KEY);
    return stored === '1' ? true : stored === '0' ? false : null;
  } catch {
    return null;
  }
}

/**
 * Collapsed to icons. The user's own choice is remembered between sessions; until they
 * choose, the menu follows the window: icons on a narrow window, labels on a wide one.
 */
function useCollapsed(): [boolean, () => void] {
  const [preference, setPreference] = useState<boolean | null>(storedPreference);
  const [narrow, setNarrow] = useState(() => window.matchMedia(NARROW_QUERY).matches);
  useEffect(() => {
    const query = window.matchMedia(NARROW_QUERY);
    const onChange = () => setNarrow(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  const collapsed = preference ?? narrow;
  useEffect(() => {
    document.documentElement.dataset['sidebar'] = collapsed ? 'collapsed' : 'open';
  }, [collapsed]);
  const toggle = () => {
    const next = !collapsed;
    setPreference(next);
    try {
      window.localStorage.setItem(COLLAPSED_KEY, next ? '1' : '0');
    } catch {
      // Only a preference.
    }
  };
  return [collapsed, toggle];
}

export function Sidebar({ path }: { path: string }) {
  const { settings, periods, activePeriod, setActiveYear } = useAppData();
  const [collapsed, toggleCollapsed] = useCollapsed();
  const yearId = useId();
  const governmentName = settings?.localGovernmentName.trim();
  const operator = settings?.operatorName.trim();

  return (
    <aside className={`sidebar${collapsed ? ' sidebar--collapsed' : ''}`}>
      <div className="sidebar__brand">
        <LogoMark size={34} />
        <div className="sidebar__brand-text">
          <div className="sidebar__app">Patuh</div>
          <div className={`sidebar__gov${governmentName ? '' : ' sidebar__gov--missing'}`} title={governmentName || undefined}>
            {governmentName || 'Pemerintah Daerah belum diatur'}
          </div>
        </div>
      </div>

      <div className="sidebar__year">
        <label htmlFor={yearId} className="sidebar__year-label">
          Tahun penilaian aktif
        </label>
        {periods.length > 0 ? (
          <div className="sidebar__select-wrap">
            <select
              id={yearId}
              className="sidebar__select"
              value={activePeriod?.year ?? ''}
              onChange={(event) => setActiveYear(Number(event.target.value))}
            >
              {periods.map((period) => (
                <option key={period.id} value={period.year}>
                  {period.year}
                </option>
              ))}
            </select>
            <Icon name="chevron-down" size={16} className="sidebar__select-icon" />
          </div>
        ) : (
          <select id={yearId} className="sidebar__select" disabled value="">
            <option value="">Belum ada</option>
          </select>
        )}
      </div>

      <nav className="sidebar__nav" aria-label="Navigasi utama">
        <ul>
          {NAV_ITEMS.map((item) => {
            const active = isActive(item, path);
            // A child is current only on its exact page (the section's own page is "Umum").
            const currentChild = item.children?.find((child) => bare(path) === child.path);
            return (
              <li key={item.path}>
                <a
                  href={href(item.path)}
                  className={`nav-link${active ? ' nav-link--active' : ''}`}
                  aria-current={active && !currentChild ? 'page' : undefined}
                  title={collapsed ? item.label : undefined}
                >
                  <Icon name={item.icon} size={19} />
                  <span>{item.label}</span>
                  {item.badge?.()}
                </a>
                {active && item.children && !collapsed ? (
                  <ul className="nav-sub" aria-label={item.label}>
                    {item.children.map((child) => {
                      const here = currentChild?.path === child.path;
                      return (
                        <li key={child.path}>
                          <a href={href(child.path)} className={`nav-sub__link${here ? ' nav-sub__link--active' : ''}`} aria-current={here ? 'page' : undefined}>
                            {child.label}
                          </a>
                        </li>
                      );
                    })}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ul>
      </nav>

      <button
        type="button"
        className="sidebar__collapse"
        onClick={toggleCollapsed}
        aria-pressed={collapsed}
        title={collapsed ? 'Lebarkan menu' : 'Ciutkan menu ke ikon'}
      >
        <Icon name="chevron-right" size={18} className={collapsed ? undefined : 'icon--flip'} />
        <span>{collapsed ? 'Lebarkan menu' : 'Ciutkan menu'}</span>
      </button>

      <div className="sidebar__footer">
        <div className="sidebar__user-avatar" aria-hidden="true">
          {(operator || 'O').slice(0, 1).toUpperCase()}
        </div>
        <div className="sidebar__user">
          <div className="sidebar__user-name">{operator || 'Operator belum diisi'}</div>
          <div className="sidebar__user-role">Operator · Bagian Organisasi</div>
        </div>
      </div>
    </aside>
  );
}

/** Extra line icons of the Daftar Periksa screen, drawn like components/icons.tsx. */
import { Icon, type IconName } from '../../components/icons';

const EXTRA = {
  'circle-dashed': ['M10.1 3.2a9 9 0 0 1 3.8 0', 'M17.6 5a9 9 0 0 1 2.1 3.2', 'M20.8 13.9a9 9 0 0 1-1.6 3.5', 'M15.5 20.3a9 9 0 0 1-3.5.7 9 9 0 0 1-3.4-.7', 'M4.8 17.4a9 9 0 0 1-1.6-3.5', 'M4.3 8.2A9 9 0 0 1 6.4 5'],
  'alert-triangle': ['M10.3 3.9 2.4 17.5A2 2 0 0 0 4.1 20.5h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z', 'M12 9v4.5', 'M12 17h.01'],
  ban: ['M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z', 'M5.6 5.6l12.8 12.8'],
  paperclip: ['M21 11.5l-8.6 8.6a5.5 5.5 0 0 1-7.8-7.8l8.6-8.6a3.7 3.7 0 0 1 5.2 5.2l-8.6 8.6a1.8 1.8 0 0 1-2.6-2.6l7.9-7.9'],
  upload: ['M12 15V3', 'M7 8l5-5 5 5', 'M4 15v4a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-4'],
  folder: ['M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z'],
  trash: ['M4 7h16', 'M10 11v6', 'M14 11v6', 'M6 7l1 12a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2l1-12', 'M9 7V4h6v3'],
  unlink: ['M10 14a5 5 0 0 0 7 0l3-3a5 5 0 0 0-7-7l-1 1', 'M14 10a5 5 0 0 0-7 0l-3 3a5 5 0 0 0 7 7l1-1', 'M3 3l18 18'],
  'eye-off': ['M3 3l18 18', 'M10.6 5.1A10 10 0 0 1 12 5c5 0 9 4.5 10 7a13 13 0 0 1-2.8 3.9', 'M6.6 6.6A13 13 0 0 0 2 12c1 2.5 5 7 10 7a9.7 9.7 0 0 0 5.4-1.6', 'M9.9 9.9a3 3 0 0 0 4.2 4.2'],
  eye: ['M2 12c1-2.5 5-7 10-7s9 4.5 10 7c-1 2.5-5 7-10 7S3 14.5 2 12z', 'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z'],
  history: ['M3 12a9 9 0 1 0 3-6.7L3 8', 'M3 3v5h5', 'M12 7v5l3 2'],
  note: ['M5 4h14a1 1 0 0 1 1 1v10l-5 5H5a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1z', 'M15 20v-5h5', 'M8 9h8', 'M8 13h5'],
  copy: ['M9 9h10a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H11a2 2 0 0 1-2-2z', 'M5 15H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v1'],
  filter: ['M3 5h18l-7 8v6l-4 2v-8z'],
  video: ['M4 6h11a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1z', 'M16 10l5-3v10l-5-3'],
  music: ['M9 18V5l12-2v13', 'M6 21a3 3 0 1 0 0-6 3 3 0 0 0 0 6z', 'M18 19a3 3 0 1 0 0-6 3 3 0 0 0 0 6z'],
  grid: ['M4 4h16v16H4z', 'M4 10h16', 'M4 15h16', 'M10 4v16'],
  presentation: ['M3 4h18', 'M4 4v11h16V4', 'M12 15v4', 'M8 21l4-2 4 2'],
  zip: ['M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z', 'M14 3v5h5', 'M10 5h1', 'M10 8h1', 'M10 11h1', 'M9.5 14h2v3h-2z'],
  more: ['M5 12h.01', 'M12 12h.01', 'M19 12h.01'],
} as const;

export type ChecklistIconName = IconName | keyof typeof EXTRA;

function isExtra(name: ChecklistIconName): name is keyof typeof EXTRA {
  return Object.prototype.hasOwnProperty.call(EXTRA, name);
}

export function CIcon({ name, size = 18, className }: { name: ChecklistIconName; size?: number; className?: string }) {
  if (!isExtra(name)) return <Icon name={name} size={size} {...(className ? { className } : {})} />;
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {EXTRA[name].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}

import type { ReactNode } from 'react';
import type { Band } from '../../core/instrument/schema';
import { Icon, type IconName } from './icons';

export type Tone = 'green' | 'teal' | 'amber' | 'red' | 'neutral' | 'blue';

/** Colour is never the only signal: every badge carries its text. */
export function Badge({ tone = 'neutral', icon, children, title }: { tone?: Tone; icon?: IconName; children: ReactNode; title?: string }) {
  return (
    <span className={`badge badge--${tone}`} title={title}>
      {icon ? <Icon name={icon} size={13} /> : null}
      {children}
    </span>
  );
}

/** Marks inferred (unpublished) numbers. */
export function EstimateTag({ title }: { title?: string }) {
  return (
    <span className="tag-estimate" title={title ?? 'Angka ini disimpulkan, belum diterbitkan resmi.'}>
      estimasi
    </span>
  );
}

const ZONE_LABEL: Record<NonNullable<Band['zone']>, string> = { hijau: 'Zona Hijau', kuning: 'Zona Kuning', merah: 'Zona Merah' };
const ZONE_TONE: Record<NonNullable<Band['zone']>, Tone> = { hijau: 'green', kuning: 'amber', merah: 'red' };

export function ZoneBadge({ zone }: { zone: NonNullable<Band['zone']> }) {
  return <Badge tone={ZONE_TONE[zone]}>{ZONE_LABEL[zone]}</Badge>;
}

/** A category/grade code in its tone, e.g. "A-" in green. */
export function BandCode({ band }: { band: Pick<Band, 'code' | 'tone' | 'label'> }) {
  return (
    <span className={`band-code badge--${band.tone}`} title={band.label}>
      {band.code}
    </span>
  );
}

export function FamilyBadge({ family }: { family: 'pekppp' | 'ombudsman' }) {
  return family === 'pekppp' ? <Badge tone="blue">PEKPPP</Badge> : <Badge tone="teal">Ombudsman</Badge>;
}

/** Marks a category that can still change: unassessed indicators or verification still running. */
export function ProvisionalTag({ title }: { title?: string }) {
  return (
    <span className="tag-provisional" title={title ?? 'Kategori sementara: masih ada indikator yang belum dinilai atau belum diverifikasi.'}>
      sementara
    </span>
  );
}

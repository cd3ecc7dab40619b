import type { SkmBandRef } from '../../../shared/skm-types';
import { Badge } from '../../components/badge';

/** Mutu with its kinerja in words: colour is never the only signal. */
export function SkmBandBadge({ band, incomplete = 'Belum lengkap' }: { band: SkmBandRef | null; incomplete?: string }) {
  if (!band) return <Badge tone="neutral">{incomplete}</Badge>;
  return (
    <Badge tone={band.tone}>
      {band.mutu} · {band.kinerja}
    </Badge>
  );
}

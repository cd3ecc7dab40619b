/** Small pieces of the Daftar Periksa screen: status chip, progress ring. */
import { EVIDENCE_STATUS_LABELS, type EvidenceStatus, type Progress } from '../../../shared/types';
import { formatCount, formatPercent } from '../../lib/format';
import { Icon } from '../../components/icons';
import { STATUS_META } from './model';

/** Colour and text together: the label is always written out. */
export function StatusChip({ status, compact = false }: { status: EvidenceStatus; compact?: boolean }) {
  const meta = STATUS_META[status];
  return (
    <span className={`status-chip status-chip--${status}${compact ? ' status-chip--compact' : ''}`} title={EVIDENCE_STATUS_LABELS[status]}>
      <Icon name={meta.icon} size={13} />
      <span>{compact ? meta.short : EVIDENCE_STATUS_LABELS[status]}</span>
    </span>
  );
}

export function progressTitle(progress: Progress): string {
  const parts = [
    `${formatCount(progress.verified)} dari ${formatCount(progress.applicable)} terverifikasi (${formatPercent(progress.percentVerified)})`,
    `${formatCount(progress.supplied)} sudah ada bukti (${formatPercent(progress.percentSupplied)})`,
  ];
  if (progress.notApplicable > 0) parts.push(`${formatCount(progress.notApplicable)} tidak berlaku`);
  return parts.join(' · ');
}

/**
 * A ring: the solid arc is the verified share, the pale arc behind it the share that has
 * evidence. The numbers are in the tooltip and in the accessible name.
 */
export function ProgressRing({ progress, size = 22, showLabel = false }: { progress: Progress; size?: number; showLabel?: boolean }) {
  const stroke = size >= 30 ? 4 : 3;
  const radius = (size - stroke) / 2;
  const circumference = 2 * Math.PI * radius;
  const supplied = Math.min(100, progress.percentSupplied);
  const verified = Math.min(100, progress.percentVerified);
  const done = progress.applicable > 0 && progress.verified === progress.applicable;
  const title = progressTitle(progress);
  return (
    <span className={`ring${done ? ' ring--done' : ''}`} title={title} role="img" aria-label={title}>
      <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} aria-hidden="true" focusable="false">
        <circle className="ring__track" cx={size / 2} cy={size / 2} r={radius} strokeWidth={stroke} fill="none" />
        <circle
          className="ring__supplied"
          cx={size / 2}
          cy={size / 2}
          r={radius}
          strokeWidth={stroke}
          fill="none"
          strokeDasharray={`${(supplied / 100) * circumference} ${circumference}`}
          transform={`rotate(-90 ${size / 2} ${size / 2})`}
        />
        <circle
          className="ring__verified"
          cx={size / 2}
          cy={size / 2}
          r={radius}
          strokeWidth={stroke}
          fill="none"
          strokeLinecap={verified > 0 && verified < 100 ? 'round' : 'butt'}
          strokeDasharray={`${(verified / 100) * circumference} ${circumference}`}
          transform={`rotate(-90 ${size / 2} ${size / 2})`}
        />
      </svg>
      {showLabel ? <span className="ring__label">{formatPercent(verified)}</span> : null}
    </span>
  );
}

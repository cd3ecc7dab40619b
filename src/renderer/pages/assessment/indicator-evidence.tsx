/** The evidence linked to an indicator's requirements; a click opens the file or link. */
import type { AssessmentIndicator, LinkedEvidence } from '../../../shared/types';
import { Icon } from '../../components/icons';
import { errorMessage, openEvidence } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { href } from '../../lib/router';
import { useToast } from '../../lib/toast';

function evidenceIcon(item: LinkedEvidence) {
  if (item.kind === 'link') return 'link' as const;
  return item.mime?.startsWith('image/') ? ('image' as const) : ('file' as const);
}

export function IndicatorEvidence({ indicator, unitId, aspectCode }: { indicator: AssessmentIndicator; unitId: number; aspectCode: string }) {
  const toast = useToast();
  const open = (item: LinkedEvidence) => {
    openEvidence(item.id).catch((error: unknown) => toast.error('Bukti tidak dapat dibuka', errorMessage(error)));
  };
  return (
    <div className="evidence-box">
      <div className="evidence-box__head">
        <h4 className="card-heading">Bukti dukung</h4>
        <a className="panel__link" href={href(`/daftar-periksa/${unitId}?aspek=${encodeURIComponent(aspectCode)}`)}>
          Daftar Periksa <Icon name="chevron-right" size={14} />
        </a>
      </div>
      {indicator.evidence.length === 0 ? (
        <p className="evidence-box__empty">Belum ada berkas atau tautan. Lampirkan di Daftar Periksa unit ini.</p>
      ) : (
        <ul className="evidence-box__list">
          {indicator.evidence.map((item) => (
            <li key={item.id}>
              <button type="button" className="evidence-link" onClick={() => open(item)} title={item.originalName ?? item.url ?? item.title}>
                <Icon name={evidenceIcon(item)} size={16} />
                <span className="evidence-link__title">{item.title}</span>
              </button>
              <span className={`evidence-box__date${item.outsideWindow ? ' evidence-box__date--warn' : ''}`} title={item.outsideWindow ? 'Tanggal dokumen di luar rentang tahun penilaian' : undefined}>
                {item.documentDate ? formatDate(item.documentDate) : 'tanpa tanggal'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

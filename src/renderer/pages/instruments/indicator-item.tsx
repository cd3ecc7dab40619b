/** One indicator: a summary row that expands into its level texts, elements and evidence. */
import type { Indicator, Requirement } from '../../../core/instrument/schema';
import { Badge, EstimateTag } from '../../components/badge';
import { Icon, type IconName } from '../../components/icons';
import { formatCount, formatWeight } from '../../lib/format';

const KIND: Record<Requirement['kind'], { label: string; icon: IconName }> = {
  dokumen: { label: 'Dokumen', icon: 'file' },
  foto: { label: 'Foto', icon: 'image' },
  tautan: { label: 'Tautan', icon: 'link' },
  'tangkapan layar': { label: 'Tangkapan layar', icon: 'image' },
  data: { label: 'Data', icon: 'database' },
};

interface IndicatorItemProps {
  indicator: Indicator;
  expanded: boolean;
  onToggle: () => void;
}

export function IndicatorItem({ indicator, expanded, onToggle }: IndicatorItemProps) {
  const panelId = `indikator-${indicator.code}`;
  const elements = indicator.elements;
  const baseItems = elements?.items.filter((item) => item.base) ?? [];
  return (
    <li className={`indicator${expanded ? ' indicator--open' : ''}`}>
      <button type="button" className="indicator__summary" aria-expanded={expanded} aria-controls={panelId} onClick={onToggle}>
        <Icon name="chevron-right" size={16} className="indicator__chevron" />
        <span className="indicator__number">{indicator.number}</span>
        <span className="indicator__name">{indicator.name}</span>
        <span className="indicator__meta">
          {indicator.estimated ? <EstimateTag /> : null}
          {elements ? <span className="indicator__count">{formatCount(elements.items.length)} unsur</span> : null}
          <span className="indicator__count">{formatCount(indicator.requirements.length)} bukti dukung</span>
          <span className="indicator__weight">{indicator.weight === 0 ? 'Tidak dinilai' : `Bobot ${formatWeight(indicator.weight)}`}</span>
        </span>
      </button>
      {expanded ? (
        <div className={`indicator__detail${indicator.levels ? '' : ' indicator__detail--single'}`} id={panelId}>
          {indicator.levels ? (
            <section className="indicator__section">
              <h4 className="indicator__heading">Kriteria nilai</h4>
              <ol className="levels">
                {indicator.levels.map((text, level) => (
                  <li key={level} className="levels__item">
                    <span className={`level-chip level-chip--${level}`} aria-label={`Nilai ${level}`}>
                      {level}
                    </span>
                    <span>{text}</span>
                  </li>
                ))}
              </ol>
            </section>
          ) : null}
          {elements ? (
            <section className="indicator__section">
              <h4 className="indicator__heading">Unsur yang dihitung</h4>
              <ul className="elements">
                {elements.items.map((item) => (
                  <li key={item.code}>
                    <Icon name="check" size={15} className="elements__icon" />
                    <span>{item.label}</span>
                    {item.base ? <Badge tone="amber">wajib</Badge> : null}
                  </li>
                ))}
              </ul>
              <div className="thresholds" aria-label="Ambang nilai berdasarkan jumlah unsur">
                {elements.thresholds.map((minimum, index) => (
                  <span key={index} className="thresholds__item">
                    Tingkat {index + 1}: ≥ {formatCount(minimum)} unsur
                  </span>
                ))}
              </div>
              {baseItems.length > 0 ? (
                <p className="indicator__note">
                  <Icon name="info" size={14} /> Tanpa unsur wajib ({baseItems.map((item) => item.label.toLocaleLowerCase('id-ID')).join(', ')}), nilai
                  tetap 0.
                </p>
              ) : null}
            </section>
          ) : null}
          <section className="indicator__section">
            <h4 className="indicator__heading">Bukti dukung</h4>
            {indicator.requirements.length === 0 ? (
              <p className="text-subtle">Tidak ada bukti dukung yang ditetapkan.</p>
            ) : (
              <ul className="requirements">
                {indicator.requirements.map((requirement) => (
                  <li key={requirement.code}>
                    <span className={`kind kind--${requirement.kind}`}>
                      <Icon name={KIND[requirement.kind].icon} size={14} />
                      {KIND[requirement.kind].label}
                    </span>
                    <span>{requirement.text}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      ) : null}
    </li>
  );
}

/** One instrument, read-only: what it measures, how results are banded, every indicator. */
import { useState } from 'react';
import type { Instrument } from '../../../shared/types';
import { EstimateTag, FamilyBadge } from '../../components/badge';
import { Button } from '../../components/button';
import { Icon } from '../../components/icons';
import { formatCount, formatNumber, formatWeight, formatYears } from '../../lib/format';
import { BandsTable } from './bands-table';
import { IndicatorItem } from './indicator-item';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

function ScoringSummary({ instrument }: { instrument: Instrument }) {
  const { scoring, aspectLabel } = instrument.definition;
  const label = aspectLabel.toLocaleLowerCase('id-ID');
  const scale = `${formatNumber(scoring.scale.min, scoring.scale.decimals)}–${formatNumber(scoring.scale.max, scoring.scale.decimals)}`;
  return (
    <div className="scoring">
      <div className="scoring__item">
        <span className="scoring__label">Cara menilai</span>
        <span>
          {scoring.kind === 'levels'
            ? `Setiap indikator dinilai 0–5 menurut kriteria, lalu dibobot per ${label} menjadi indeks ${scale}.`
            : `Persentase persyaratan yang terpenuhi per ${label}, dibobot menjadi nilai ${scale}.`}
        </span>
      </div>
      {scoring.kind === 'requirements' && scoring.trust ? (
        <div className="scoring__item">
          <span className="scoring__label">Komposisi nilai akhir</span>
          <span className="share">
            <span className="share__bar" aria-hidden="true">
              <span className="share__part share__part--dims" style={{ width: `${100 - scoring.trust.share}%` }} />
              <span className="share__part share__part--trust" style={{ width: `${scoring.trust.share}%` }} />
            </span>
            <span className="share__legend">
              <span>
                <i className="share__dot share__dot--dims" /> Empat {label}: {formatWeight(100 - scoring.trust.share)}
              </span>
              <span>
                <i className="share__dot share__dot--trust" /> {scoring.trust.label}: {formatWeight(scoring.trust.share)}
                {scoring.trust.estimated ? <EstimateTag title="Pembagian bobot ini belum diterbitkan resmi; dapat diubah lewat templat instrumen." /> : null}
              </span>
            </span>
            {scoring.trust.note ? <span className="scoring__note">{scoring.trust.note}</span> : null}
          </span>
        </div>
      ) : null}
      {scoring.kind === 'requirements' && scoring.suffix ? (
        <div className="scoring__item">
          <span className="scoring__label">Keterangan tambahan opini</span>
          <span>
            <strong>“{scoring.suffix.label}”</strong> — bila {scoring.suffix.condition.charAt(0).toLocaleLowerCase('id-ID') + scoring.suffix.condition.slice(1)}.
          </span>
        </div>
      ) : null}
    </div>
  );
}

export function InstrumentView({ instrument }: { instrument: Instrument }) {
  const { definition } = instrument;
  const [open, setOpen] = useState<Set<string>>(new Set());
  const allKeys = definition.aspects.flatMap((aspect) => aspect.indicators.map((indicator) => `${aspect.code}/${indicator.code}`));
  const toggle = (key: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  return (
    <div className="instrument-view">
      <section className="panel panel--padded">
        <div className="instrument-head">
          <div className="instrument-head__badges">
            <FamilyBadge family={instrument.family} />
            <span className="text-subtle">
              Versi {instrument.version} · berlaku {formatYears(instrument.yearsFrom, instrument.yearsTo)}
              {definition.variant ? ` · varian ${definition.variant}` : ''} · {instrument.source === 'bawaan' ? 'bawaan aplikasi' : 'diimpor'}
            </span>
            {instrument.hasEstimates ? <EstimateTag title="Sebagian bobot atau rentang nilai disimpulkan, belum diterbitkan resmi." /> : null}
          </div>
          <h2 className="instrument-head__title">{definition.name}</h2>
          {definition.legalBasis ? (
            <p className="instrument-head__legal">
              <Icon name="shield" size={15} /> Dasar hukum: {definition.legalBasis}
            </p>
          ) : null}
          {definition.description ? <p className="instrument-head__description">{definition.description}</p> : null}
          {instrument.yearsNote ? <p className="instrument-head__description">Masa berlaku: {instrument.yearsNote}</p> : null}
          <dl className="instrument-head__counts">
            <div>
              <dt>{definition.aspectLabel}</dt>
              <dd>{formatCount(instrument.aspectCount)}</dd>
            </div>
            <div>
              <dt>Indikator</dt>
              <dd>{formatCount(instrument.indicatorCount)}</dd>
            </div>
            <div>
              <dt>Bukti dukung</dt>
              <dd>{formatCount(instrument.requirementCount)}</dd>
            </div>
          </dl>
        </div>
      </section>

      <section className="panel panel--padded" aria-labelledby="bands-title">
        <div className="panel__head">
          <h3 className="panel__title" id="bands-title">
            Skala hasil
          </h3>
        </div>
        <ScoringSummary instrument={instrument} />
        <BandsTable bands={definition.scoring.bands} decimals={definition.scoring.scale.decimals} />
      </section>

      <section className="panel panel--padded" aria-labelledby="aspects-title">
        <div className="panel__head">
          <div>
            <h3 className="panel__title" id="aspects-title">
              {definition.aspectLabel} dan indikator
            </h3>
            <p className="panel__subtitle">Klik indikator untuk melihat kriteria nilai, unsur dan bukti dukungnya.</p>
          </div>
          <Button size="sm" variant="ghost" onClick={() => setOpen(open.size === allKeys.length ? new Set() : new Set(allKeys))}>
            {open.size === allKeys.length ? 'Tutup semua' : 'Buka semua'}
          </Button>
        </div>
        {definition.aspects.map((aspect, index) => (
          <div key={aspect.code} className="aspect">
            <div className="aspect__head">
              <span className="aspect__roman">{ROMAN[index] ?? index + 1}</span>
              <h4 className="aspect__name">
                {definition.aspectLabel} {aspect.name}
              </h4>
              {aspect.estimated ? <EstimateTag /> : null}
              <span className="aspect__weight">{aspect.weight === 0 ? 'Tidak dinilai' : formatWeight(aspect.weight)}</span>
            </div>
            <ul className="indicator-list">
              {aspect.indicators.map((indicator) => {
                const key = `${aspect.code}/${indicator.code}`;
                return <IndicatorItem key={key} indicator={indicator} expanded={open.has(key)} onToggle={() => toggle(key)} />;
              })}
            </ul>
          </div>
        ))}
      </section>
    </div>
  );
}

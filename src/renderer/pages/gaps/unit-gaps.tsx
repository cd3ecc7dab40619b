/**
 * Kesenjangan of one unit: where it stands, what the top steps would bring, and the
 * ranked actions for PEKPPP and Ombudsman — printable for the unit head ("Cetak").
 */
import { useState } from 'react';
import type { GapBasis, PeriodDetail, Prediction, UnitGaps as UnitGapsData } from '../../../shared/types';
import { BandCode, EstimateTag } from '../../components/badge';
import { Icon } from '../../components/icons';
import { ErrorState, Loading } from '../../components/states';
import { api } from '../../lib/api';
import { daysUntil, formatCount, formatDate } from '../../lib/format';
import { href } from '../../lib/router';
import { useQuery } from '../../lib/use-query';
import { formatScore } from '../assessment/score-format';
import { FindingGapsSection, useFindings } from './finding-gaps';
import { ActionList } from './action-list';
import { GapsPrintHeader, SignatureBlock } from './gaps-print';
import { PredictionCards, sentenceCase } from './prediction-cards';

export type Basis = GapBasis;

export function DeadlineCountdown({ deadline }: { deadline: string | null }) {
  if (!deadline) return <span className="text-subtle">Tenggat belum diatur</span>;
  const days = daysUntil(deadline);
  const text = days > 0 ? `${formatCount(days)} hari lagi` : days === 0 ? 'Hari ini' : `Lewat ${formatCount(-days)} hari`;
  return (
    <span className={days < 14 ? 'text-danger' : undefined}>
      {text} <span className="text-subtle">· {formatDate(deadline)}</span>
    </span>
  );
}

function NextBand({ next }: { next: Prediction | null }) {
  if (!next) return <span className="text-subtle">Tidak ada kategori lebih tinggi yang terjangkau</span>;
  if (next.steps === 0) return <span>Sudah tercapai</span>;
  return (
    <span className="next-band">
      <strong>{formatCount(next.steps)} langkah</strong> menuju {next.after.band ? <BandCode band={next.after.band} /> : '–'}
    </span>
  );
}

interface SectionProps {
  title: string;
  estimate?: boolean;
  section: NonNullable<UnitGapsData['pekppp']> | NonNullable<UnitGapsData['ombudsman']>;
  decimals: number;
  unitId: number;
  printLimit: number;
}

function Section({ title, estimate, section, decimals, unitId, printLimit }: SectionProps) {
  const current = section.predictions[0]?.before ?? section.toNextBand?.before ?? null;
  const unknown = current !== null && current.value === null;
  return (
    <section className="panel panel--padded gap-section" aria-label={title}>
      <div className="panel__head">
        <div>
          <h2 className="panel__title">
            {title} {estimate ? <EstimateTag title="Perkiraan dari bukti terverifikasi; bukan nilai resmi Ombudsman RI." /> : null}
          </h2>
          <p className="panel__subtitle">
            Diurutkan menurut tambahan nilai terbesar. {section.toNextBand && section.toNextBand.steps > 0 ? sentenceCase(section.toNextBand.sentence) + '.' : ''}
          </p>
        </div>
        {unknown ? null : (
          <div className="gap-section__now">
            <span className="gap-section__now-label">Saat ini</span>
            {current?.band ? <BandCode band={current.band} /> : null}
            <span className="gap-section__now-value">{formatScore(current?.value ?? null, decimals)}</span>
          </div>
        )}
      </div>
      {unknown ? (
        <div className="gap-notice">
          <Icon name="info" size={18} />
          <span>
            {sentenceCase(section.predictions[0]?.sentence ?? 'nilai akhir belum dapat dihitung.')} Isi hasil survei di{' '}
            <a href={href(`/penilaian/${unitId}`)}>Penilaian Mandiri › Ombudsman</a>. Langkah di bawah tetap menaikkan nilai dimensi.
          </span>
        </div>
      ) : (
        <PredictionCards predictions={section.predictions} decimals={decimals} />
      )}
      <h3 className="gap-section__list-title">Langkah perbaikan</h3>
      {section.actions.length === 0 ? <p className="text-subtle">Tidak ada langkah tersisa.</p> : <ActionList label={`Langkah perbaikan ${title}`} actions={section.actions} printLimit={printLimit} />}
    </section>
  );
}

/** Documents past their date: steps of their own, listed after the scoring steps. */
function Renewals({ steps, unitId }: { steps: UnitGapsData['renewals']; unitId: number }) {
  return (
    <section className="panel panel--padded gap-section" aria-label="Perbarui bukti kedaluwarsa">
      <div className="panel__head">
        <div>
          <h2 className="panel__title">Perbarui bukti kedaluwarsa</h2>
          <p className="panel__subtitle">Tanggal dokumennya di luar rentang tahun penilaian atau melewati batas umur bukti; ganti dengan dokumen yang lebih baru.</p>
        </div>
      </div>
      <ol className="gap-actions" aria-label="Langkah pembaruan bukti">
        {steps.map((step, index) => (
          <li key={`${step.instrumentId}-${step.requirementCode}`} className="gap-action">
            <span className="gap-action__rank" aria-hidden="true">
              {index + 1}
            </span>
            <div className="gap-action__body">
              <div className="gap-action__title">{step.title}</div>
              <div className="gap-action__detail">
                {step.instrument} · Indikator {step.indicatorNumber} {step.indicatorName}
              </div>
              <ul className="renewal-docs">
                {step.documents.map((document) => (
                  <li key={document.evidenceId}>
                    {document.title} — {document.reason}
                  </li>
                ))}
              </ul>
            </div>
            <a className="btn btn--ghost btn--sm no-print" href={href(`/daftar-periksa/${unitId}`)}>
              Buka daftar periksa
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}

interface UnitGapsProps {
  period: PeriodDetail;
  unitId: number;
  basis: Basis;
  /** Steps per instrument on paper; 0 = all. */
  printLimit: number;
}

export function UnitGapsView({ period, unitId, basis, printLimit }: UnitGapsProps) {
  const gaps = useQuery(`gaps-${period.id}-${unitId}-${basis}`, () => api['gaps:unit']({ periodId: period.id, unitId, basis }));
  const unit = useQuery(`gaps-unit-${unitId}`, () => api['units:get']({ id: unitId }));
  const [printedAt] = useState(() => new Date().toISOString().slice(0, 10));
  const findings = useFindings(period.id, unitId, period.instruments.some((item) => item.family === 'ombudsman'));

  if (gaps.error && !gaps.data) return <ErrorState error={gaps.error} onRetry={gaps.reload} />;
  if (!gaps.data) return <Loading />;
  const data = gaps.data;
  const pekpppNow = data.pekppp?.predictions[0]?.before ?? data.pekppp?.toNextBand?.before ?? null;
  const ombudsmanNow = data.ombudsman?.predictions[0]?.before ?? data.ombudsman?.toNextBand?.before ?? null;

  return (
    <div className="gaps-unit print-root">
      <GapsPrintHeader unitName={data.unitName} period={period} basis={basis} />
      <section className="gap-strip" aria-label="Ringkasan kesenjangan">
        {data.pekppp ? (
          <div className="gap-strip__item">
            <span className="gap-strip__label">Kategori PEKPPP (nilai {basis})</span>
            <span className="gap-strip__value">
              {pekpppNow?.band ? <BandCode band={pekpppNow.band} /> : null}
              <strong>{formatScore(pekpppNow?.value ?? null)}</strong>
              <span className="text-subtle">{pekpppNow?.band?.label}</span>
            </span>
          </div>
        ) : null}
        {data.pekppp ? (
          <div className="gap-strip__item">
            <span className="gap-strip__label">Menuju kategori berikutnya</span>
            <span className="gap-strip__value" data-testid="langkah-kategori-berikutnya">
              <NextBand next={data.pekppp.toNextBand} />
            </span>
          </div>
        ) : null}
        {data.ombudsman ? (
          <div className="gap-strip__item">
            <span className="gap-strip__label">
              Ombudsman <EstimateTag />
            </span>
            <span className="gap-strip__value">
              {ombudsmanNow?.band ? <BandCode band={ombudsmanNow.band} /> : null}
              <strong>{formatScore(ombudsmanNow?.value ?? null)}</strong>
              <span className="text-subtle">{ombudsmanNow?.value === null ? 'menunggu survei' : 'estimasi kesiapan'}</span>
            </span>
          </div>
        ) : null}
        <div className="gap-strip__item">
          <span className="gap-strip__label">
            <Icon name="clock" size={14} /> Tenggat
          </span>
          <span className="gap-strip__value" data-testid="tenggat-kesenjangan">
            <DeadlineCountdown deadline={data.deadline} />
          </span>
        </div>
      </section>
      {data.pekppp ? <Section title="PEKPPP" section={data.pekppp} decimals={2} unitId={unitId} printLimit={printLimit} /> : null}
      {data.ombudsman ? <Section title="Ombudsman" estimate section={data.ombudsman} decimals={2} unitId={unitId} printLimit={printLimit} /> : null}
      {data.renewals.length > 0 ? <Renewals steps={data.renewals} unitId={unitId} /> : null}
      {findings.data ? <FindingGapsSection findings={findings.data} unitId={unitId} /> : null}
      <SignatureBlock headName={unit.data?.headName ?? null} printedAt={printedAt} />
    </div>
  );
}

/**
 * Penilaian Mandiri (one unit): every PEKPPP indicator as a card with the unit's own
 * level and the office's verified level, a live summary beside it, and the Ombudsman
 * readiness estimate on its own tab. Routes: /penilaian and /penilaian/<unitId>.
 */
import { useEffect, useState } from 'react';
import type { Assessment, PeriodDetail } from '../../../shared/types';
import { Button } from '../../components/button';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { api } from '../../lib/api';
import { useActivePeriodDetail, useAppData } from '../../lib/app-data';
import { href, idParam, segments, usePath } from '../../lib/router';
import { lastUnit, rememberUnit } from '../../lib/last-unit';
import { useQuery } from '../../lib/use-query';
import { AssessmentSummary } from './assessment-summary';
import { IndicatorCard, type Column } from './indicator-card';
import { OmbudsmanPanel } from './ombudsman-panel';
import { UnitChooser } from './unit-chooser';
import { UnitSwitcher } from './unit-switcher';
import { compactAspectName, formatScore } from './score-format';
import '../../styles/assessment.css';
import { formatWeight } from '../../lib/format';

type Tab = 'pekppp' | 'ombudsman';
type Filter = 'semua' | 'belum' | 'beda' | 'bukti';

const FILTERS: Array<[Filter, string, string]> = [
  ['semua', 'Semua', 'Semua indikator'],
  ['belum', 'Belum dinilai', 'Indikator yang belum diberi tingkat pada kolom ini'],
  ['beda', 'Berbeda', 'Nilai mandiri berbeda dari nilai verifikasi'],
  ['bukti', 'Bukti kurang', 'Belum semua bukti dukung terverifikasi'],
];

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

function Segmented<T extends string>({ label, value, options, onChange }: { label: string; value: T; options: Array<[T, string, string?]>; onChange: (value: T) => void }) {
  return (
    <div className="segmented" role="group" aria-label={label}>
      {options.map(([key, text, title]) => (
        <button key={key} type="button" title={title} className={`segmented__item${value === key ? ' segmented__item--on' : ''}`} aria-pressed={value === key} onClick={() => onChange(key)}>
          {text}
        </button>
      ))}
    </div>
  );
}

/** Sticky bar of the aspects: where each stands, one click to jump to it. */
function AspectBar({ assessment, column, onJump }: { assessment: Assessment; column: Column; onJump: (code: string) => void }) {
  const report = column === 'mandiri' ? assessment.selfReport : assessment.verifiedReport;
  return (
    <nav className="aspect-bar" aria-label="Lompat ke aspek">
      {assessment.aspects.map((aspect, index) => {
        const result = report.aspects.find((entry) => entry.code === aspect.code);
        const assessed = aspect.indicators.filter((indicator) => (column === 'mandiri' ? indicator.selfLevel : indicator.verifiedLevel) !== null).length;
        return (
          <button key={aspect.code} type="button" className="aspect-bar__item" onClick={() => onJump(aspect.code)} title={`${aspect.name}: ${assessed} dari ${aspect.indicators.length} indikator dinilai`}>
            <span className="aspect-bar__roman">{ROMAN[index] ?? index + 1}</span>
            <span className="aspect-bar__name">{compactAspectName(aspect.name)}</span>
            <span className="aspect-bar__value">{aspect.weight > 0 && result && result.assessedCount > 0 ? formatScore(result.index) : `${assessed}/${aspect.indicators.length}`}</span>
          </button>
        );
      })}
    </nav>
  );
}

function PekpppView({ assessment, onSaved }: { assessment: Assessment; onSaved: (next: Assessment) => void }) {
  const [column, setColumn] = useState<Column>('mandiri');
  const [filter, setFilter] = useState<Filter>('semua');
  // Collapsed by default: 30 indicators read as one line each; open the ones being worked on.
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = (code: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });
  const allCodes = assessment.aspects.flatMap((aspect) => aspect.indicators.map((indicator) => indicator.code));
  const allOpen = allCodes.every((code) => open.has(code));
  const jump = (code: string) => document.getElementById(`aspek-${code}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });

  const visible = (indicator: Assessment['aspects'][number]['indicators'][number]) => {
    const level = column === 'mandiri' ? indicator.selfLevel : indicator.verifiedLevel;
    if (filter === 'belum') return level === null;
    if (filter === 'beda') return indicator.selfLevel !== indicator.verifiedLevel;
    if (filter === 'bukti') return indicator.requirementsVerified < indicator.requirementsTotal;
    return true;
  };
  const reportOf = (code: string) => (column === 'mandiri' ? assessment.selfReport : assessment.verifiedReport).aspects.find((aspect) => aspect.code === code);
  const shown = assessment.aspects.map((aspect) => ({ aspect, indicators: aspect.indicators.filter(visible) })).filter((entry) => entry.indicators.length > 0);

  return (
    <div className="assess-layout">
      <div className="assess-main">
        <div className="assess-toolbar">
          <div className="assess-toolbar__group">
            <span className="toolbar__label">Kolom</span>
            <Segmented<Column> label="Kolom yang diisi" value={column} options={[['mandiri', 'Mandiri'], ['verifikasi', 'Verifikasi']]} onChange={setColumn} />
          </div>
          <div className="assess-toolbar__group">
            <span className="toolbar__label">Tampilkan</span>
            <Segmented<Filter> label="Saring indikator" value={filter} options={FILTERS} onChange={setFilter} />
          </div>
          <Button size="sm" variant="ghost" icon={allOpen ? 'arrow-up' : 'chevron-down'} onClick={() => setOpen(allOpen ? new Set() : new Set(allCodes))}>
            {allOpen ? 'Tutup semua' : 'Buka semua'}
          </Button>
        </div>
        <AspectBar assessment={assessment} column={column} onJump={jump} />
        <p className="assess-hint">
          <Icon name="info" size={15} />
          {column === 'mandiri'
            ? 'Kolom mandiri diisi unit. Pilih tingkat yang paling sesuai; setiap pilihan langsung tersimpan.'
            : 'Kolom verifikasi diisi Bagian Organisasi setelah memeriksa bukti dukung; tingkat mandiri ditandai pada pilihannya.'}
        </p>
        {shown.length === 0 ? (
          <EmptyState icon="check-circle" title="Tidak ada indikator yang cocok">
            Ubah saringan “Tampilkan” untuk melihat indikator lain.
          </EmptyState>
        ) : null}
        {shown.map(({ aspect, indicators }) => {
          const report = reportOf(aspect.code);
          const index = assessment.aspects.indexOf(aspect);
          return (
            <section key={aspect.code} className="aspect-group" aria-labelledby={`aspek-${aspect.code}`}>
              <h2 className="aspect-group__title" id={`aspek-${aspect.code}`}>
                <span className="aspect-group__roman" aria-hidden="true">
                  {ROMAN[index] ?? index + 1}
                </span>
                <span className="aspect-group__name">{aspect.name}</span>
                <span className="aspect-group__meta">
                  {aspect.weight > 0 ? `bobot ${formatWeight(aspect.weight)} · indeks ${column} ${formatScore(report?.index)}` : 'tidak dinilai'}
                </span>
              </h2>
              {indicators.map((indicator) => (
                <IndicatorCard
                  key={`${indicator.code}-${column}`}
                  indicator={indicator}
                  aspectCode={aspect.code}
                  aspectScored={aspect.weight > 0}
                  column={column}
                  periodId={assessment.periodId}
                  unitId={assessment.unitId}
                  onSaved={onSaved}
                  expanded={open.has(indicator.code)}
                  onToggle={() => toggle(indicator.code)}
                />
              ))}
            </section>
          );
        })}
      </div>
      <AssessmentSummary assessment={assessment} column={column} onJump={jump} />
    </div>
  );
}

function UnitAssessment({ period, unitId }: { period: PeriodDetail; unitId: number }) {
  const hasPekppp = period.instruments.some((item) => item.family === 'pekppp');
  const hasOmbudsman = period.instruments.some((item) => item.family === 'ombudsman');
  const [tab, setTab] = useState<Tab>(hasPekppp ? 'pekppp' : 'ombudsman');
  const assessment = useQuery(`assessment-${period.id}-${unitId}`, () => (hasPekppp ? api['assessment:get']({ periodId: period.id, unitId }) : Promise.resolve(null)));
  const unit = period.units.find((entry) => entry.unitId === unitId);

  if (!unit) {
    return (
      <EmptyState icon="building" title="Unit tidak dinilai tahun ini">
        Unit ini tidak termasuk cakupan {period.name}. Pilih unit lain di atas atau atur cakupan di halaman tahun penilaian.
      </EmptyState>
    );
  }
  const tabs: Array<[Tab, string, boolean]> = [
    ['pekppp', 'PEKPPP — penilaian mandiri', hasPekppp],
    ['ombudsman', 'Ombudsman — estimasi kesiapan', hasOmbudsman],
  ];
  return (
    <>
      <div className="tabs">
        <div className="tabs__list" role="tablist" aria-label="Instrumen">
          {tabs
            .filter(([, , available]) => available)
            .map(([key, label]) => (
              <button key={key} type="button" role="tab" id={`tab-${key}`} aria-selected={tab === key} aria-controls={`panel-${key}`} className={`tabs__tab${tab === key ? ' tabs__tab--on' : ''}`} onClick={() => setTab(key)}>
                {label}
              </button>
            ))}
        </div>
        <a className="tabs__link" href={href(`/kesenjangan/${unitId}`)}>
          <Icon name="target" size={16} /> Lihat kesenjangan
        </a>
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'ombudsman' ? (
          <OmbudsmanPanel periodId={period.id} unitId={unitId} />
        ) : assessment.error && !assessment.data ? (
          <ErrorState error={assessment.error} onRetry={assessment.reload} />
        ) : !assessment.data ? (
          <Loading />
        ) : (
          <PekpppView assessment={assessment.data} onSaved={assessment.setData} />
        )}
      </div>
    </>
  );
}

export function AssessmentPage({ unitId: unitIdProp }: { unitId?: number | null } = {}) {
  const path = usePath();
  const routeUnitId = unitIdProp !== undefined ? unitIdProp : idParam(segments(path)[1]);
  const { activePeriod } = useAppData();
  const period = useActivePeriodDetail('assessment-period');
  // No unit in the address: the year's last unit (lib/last-unit.ts) instead of the chooser.
  const remembered = lastUnit(activePeriod?.year);
  const unitId = routeUnitId ?? (period.data?.units.some((unit) => unit.unitId === remembered) ? remembered : null);
  const shownUnit = period.data?.units.some((unit) => unit.unitId === unitId) ? unitId : null;
  useEffect(() => {
    if (shownUnit !== null) rememberUnit(shownUnit, activePeriod?.year);
  }, [shownUnit, activePeriod?.year]);
  const unitName = period.data?.units.find((unit) => unit.unitId === unitId)?.unitName;
  const breadcrumb = [{ label: 'Beranda', path: '/' }, { label: 'Penilaian Mandiri', ...(unitId !== null ? { path: '/penilaian' } : {}) }, ...(unitId !== null ? [{ label: unitName ?? '…' }] : [])];

  return (
    <div className="page">
      <PageHeader
        title="Penilaian Mandiri"
        breadcrumb={breadcrumb}
        description={period.data ? `${unitName ? `${unitName} · ` : ''}${period.data.name} · ${period.data.instruments.map((item) => item.shortName).join(' dan ')}` : 'Nilai mandiri dan nilai verifikasi per indikator.'}
        actions={period.data && period.data.units.length > 0 ? <UnitSwitcher units={period.data.units} unitId={unitId} basePath="/penilaian" /> : null}
      />
      {!activePeriod ? (
        <EmptyState icon="calendar" title="Belum ada tahun penilaian aktif" action={<a className="btn btn--primary" href={href('/tahun')}>Buat tahun penilaian</a>}>
          Penilaian mandiri diisi per tahun penilaian.
        </EmptyState>
      ) : period.error ? (
        <ErrorState error={period.error} onRetry={period.reload} />
      ) : !period.data ? (
        <Loading />
      ) : period.data.units.length === 0 ? (
        <EmptyState icon="building" title="Belum ada unit dalam cakupan" action={<a className="btn btn--primary" href={href(`/tahun/${period.data.id}`)}>Atur cakupan</a>}>
          Masukkan unit ke {period.data.name} agar dapat dinilai.
        </EmptyState>
      ) : unitId === null ? (
        <UnitChooser periodId={period.data.id} basePath="/penilaian" title="Pilih unit yang akan dinilai" subtitle={`${period.data.units.length} unit dalam ${period.data.name}`} />
      ) : (
        <UnitAssessment key={`${period.data.id}-${unitId}`} period={period.data} unitId={unitId} />
      )}
    </div>
  );
}

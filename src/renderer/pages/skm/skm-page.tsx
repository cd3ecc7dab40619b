/**
 * Survei Kepuasan Masyarakat: /skm is the pemda table of IKM per unit, /skm/<unitId> one
 * unit's surveys, results and RTL. The year follows the active tahun penilaian; the
 * semester is chosen here (most units survey once a year).
 */
import { useState } from 'react';
import type { PeriodUnit } from '../../../shared/types';
import type { SkmSemester } from '../../../shared/skm-types';
import { PageHeader } from '../../components/page-header';
import { ErrorState, Loading } from '../../components/states';
import { api } from '../../lib/api';
import { useAppData } from '../../lib/app-data';
import { navigate } from '../../lib/router';
import { useQuery } from '../../lib/use-query';
import { UnitSwitcher } from '../assessment/unit-switcher';
import { SEMESTERS } from './format';
import { PemdaTable } from './pemda-table';
import { UnitSkm } from './unit-skm';
import '../../styles/assessment.css';
import '../../styles/gaps.css';
import '../../styles/skm.css';

export function SkmPage({ unitId }: { unitId: number | null }) {
  const { activePeriod } = useAppData();
  const year = activePeriod?.year ?? new Date().getFullYear();
  const [semester, setSemester] = useState<SkmSemester>(0);
  const scheme = useQuery('skm-scheme', () => api['skm:scheme']());
  const units = useQuery('skm-units', () => api['units:list']({}));
  const choices: PeriodUnit[] = (units.data ?? []).map((unit) => ({ unitId: unit.id, unitName: unit.name, groupName: unit.groupName, ombudsmanSample: false, archived: unit.archived }));
  const unit = choices.find((item) => item.unitId === unitId) ?? null;
  const breadcrumb = [{ label: 'Beranda', path: '/' }, { label: 'SKM', ...(unitId !== null ? { path: '/skm' } : {}) }, ...(unitId !== null ? [{ label: unit?.unitName ?? '…' }] : [])];
  const error = scheme.error ?? units.error;
  return (
    <div className="page">
      <PageHeader
        title="Survei Kepuasan Masyarakat"
        breadcrumb={breadcrumb}
        description={unitId !== null ? `${unit?.unitName ?? 'Unit'} · tahun ${year} — PermenPANRB 14/2017.` : `Tahun ${year} — IKM setiap unit menurut PermenPANRB 14/2017.`}
        actions={choices.length > 0 ? <UnitSwitcher units={choices} unitId={unitId} basePath="/skm" /> : null}
      />
      <div className="tabs no-print">
        <div className="tabs__list" role="tablist" aria-label="Tampilan SKM">
          <button type="button" role="tab" aria-selected={unitId === null} className={`tabs__tab${unitId === null ? ' tabs__tab--on' : ''}`} onClick={() => navigate('/skm')}>
            Semua unit
          </button>
          {unitId !== null ? (
            <button type="button" role="tab" aria-selected className="tabs__tab tabs__tab--on">
              {unit?.unitName ?? 'Unit'}
            </button>
          ) : null}
        </div>
        <div className="tabs__aside">
          <span className="toolbar__label">Periode {year}</span>
          <div className="segmented" role="group" aria-label="Periode survei">
            {SEMESTERS.map((item) => (
              <button key={item.value} type="button" className={`segmented__item${semester === item.value ? ' segmented__item--on' : ''}`} aria-pressed={semester === item.value} onClick={() => setSemester(item.value)}>
                {item.label}
              </button>
            ))}
          </div>
        </div>
      </div>
      {error && !scheme.data ? (
        <ErrorState error={error} onRetry={scheme.reload} />
      ) : !scheme.data || !units.data ? (
        <Loading />
      ) : unitId === null ? (
        <PemdaTable year={year} semester={semester} />
      ) : !unit ? (
        <ErrorState error={new Error('Unit tidak ditemukan. Pilih unit lain di atas.')} />
      ) : (
        <UnitSkm key={`${unitId}-${year}-${semester}`} scheme={scheme.data} unitId={unitId} year={year} semester={semester} />
      )}
    </div>
  );
}

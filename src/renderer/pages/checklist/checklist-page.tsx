/**
 * Daftar Periksa: `/daftar-periksa` (the year's last unit, lib/last-unit.ts, else the first in scope) and
 * `/daftar-periksa/<unitId>`, optionally `?aspek=<aspectCode>` (and `&instrumen=<id, code
 * or family>` when two instruments share an aspect code) to open on that aspect.
 */
import { Button } from '../../components/button';
import { useEffect, useState, type ReactNode } from 'react';
import type { Period, UnitProgress } from '../../../shared/types';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { Icon } from '../../components/icons';
import { api } from '../../lib/api';
import { useAppData } from '../../lib/app-data';
import { href, navigate } from '../../lib/router';
import { useToast } from '../../lib/toast';
import { useQuery } from '../../lib/use-query';
import { formatCount } from '../../lib/format';
import { lastUnit, rememberUnit } from '../../lib/last-unit';
import { CarryOverDialog, sourceYears } from './carry-over-dialog';
import { ChecklistWorkspace } from './checklist-workspace';
import { TrashDialog } from './evidence-dialogs';

const BASE_CRUMB = [{ label: 'Daftar Periksa', path: '/daftar-periksa' }];

function Frame({ children, crumbs = BASE_CRUMB, actions }: { children: ReactNode; crumbs?: Array<{ label: string; path?: string }>; actions?: ReactNode }) {
  return (
    <div className="page">
      <PageHeader title="Daftar Periksa" breadcrumb={crumbs} description="Bukti dukung setiap persyaratan PEKPPP dan Ombudsman per unit: unggah, periksa, verifikasi." actions={actions} />
      {children}
    </div>
  );
}

export function ChecklistPage({ unitId, query }: { unitId: number | null; query: string }) {
  const { activePeriod, periods } = useAppData();
  const params = new URLSearchParams(query);
  if (!activePeriod) {
    return (
      <Frame>
        <section className="panel">
          <EmptyState
            icon="calendar"
            title="Belum ada tahun penilaian aktif"
            action={
              <a className="btn btn--primary" href={href('/tahun')}>
                <Icon name="plus" /> Buat tahun penilaian
              </a>
            }
          >
            Daftar periksa disusun per tahun penilaian. Buat tahun penilaian dan pilih unit yang dinilai terlebih dahulu.
          </EmptyState>
        </section>
      </Frame>
    );
  }
  return (
    <PeriodChecklist
      key={activePeriod.id}
      period={activePeriod}
      periods={periods}
      routeUnitId={unitId}
      aspectParam={params.get('aspek')}
      instrumentParam={params.get('instrumen')}
    />
  );
}

function NoUnits({ period }: { period: Period }) {
  const units = useQuery('checklist-any-units', () => api['units:list']());
  if (!units.data) return units.error ? <ErrorState error={units.error} onRetry={units.reload} /> : <Loading />;
  return units.data.length === 0 ? (
    <EmptyState
      icon="building"
      title="Belum ada unit"
      action={
        <a className="btn btn--primary" href={href('/unit')}>
          <Icon name="plus" /> Tambah unit
        </a>
      }
    >
      Tambahkan unit penyelenggara pelayanan (dinas, kecamatan, puskesmas, …) lalu masukkan ke {period.name}.
    </EmptyState>
  ) : (
    <EmptyState
      icon="building"
      title={`Belum ada unit pada ${period.name}`}
      action={
        <a className="btn btn--primary" href={href(`/tahun/${period.id}`)}>
          Atur unit yang dinilai
        </a>
      }
    >
      Ada {formatCount(units.data.length)} unit terdaftar, tetapi belum ada yang dimasukkan ke tahun penilaian ini.
    </EmptyState>
  );
}

function NotInScope({ unitId, period, units }: { unitId: number; period: Period; units: UnitProgress[] }) {
  const unit = useQuery(`checklist-unit-${unitId}`, () => api['units:get']({ id: unitId }));
  const name = unit.data?.name ?? (unit.error ? 'Unit ini' : '…');
  return (
    <EmptyState
      icon="alert"
      title={`${name} tidak termasuk ${period.name}`}
      action={
        <>
          {units[0] ? (
            <a className="btn btn--primary" href={href(`/daftar-periksa/${units[0].unitId}`)}>
              Buka unit lain
            </a>
          ) : null}
          <a className="btn btn--secondary" href={href(`/tahun/${period.id}`)}>
            Atur unit yang dinilai
          </a>
        </>
      }
    >
      Unit yang tidak dinilai pada tahun ini tidak mempunyai daftar periksa. Masukkan unit ke tahun penilaian, atau pilih tahun lain di bilah samping.
    </EmptyState>
  );
}

interface PeriodChecklistProps {
  period: Period;
  periods: Period[];
  routeUnitId: number | null;
  aspectParam: string | null;
  instrumentParam: string | null;
}

function PeriodChecklist({ period, periods, routeUnitId, aspectParam, instrumentParam }: PeriodChecklistProps) {
  const toast = useToast();
  const progress = useQuery(`checklist-progress-${period.id}`, () => api['checklist:progress']({ periodId: period.id }));
  const [dialog, setDialog] = useState<'carry' | 'trash' | null>(null);
  const units = progress.data ?? [];
  const inScope = (id: number | null) => id !== null && units.some((unit) => unit.unitId === id);
  const remembered = lastUnit(period.year);
  const unitId = routeUnitId ?? (inScope(remembered) ? remembered : (units[0]?.unitId ?? null));
  const showable = unitId !== null && inScope(unitId);

  const checklist = useQuery(`checklist-${period.id}-${showable ? unitId : 0}`, () =>
    showable ? api['checklist:get']({ periodId: period.id, unitId }) : Promise.resolve(null),
  );
  // The unit shown is remembered, so the menu entry reopens it.
  useEffect(() => {
    if (showable && unitId !== null) rememberUnit(unitId, period.year);
  }, [showable, unitId, period.year]);

  if (progress.error && !progress.data) {
    return (
      <Frame>
        <ErrorState error={progress.error} onRetry={progress.reload} />
      </Frame>
    );
  }
  if (!progress.data) {
    return (
      <Frame>
        <Loading />
      </Frame>
    );
  }
  if (units.length === 0 && routeUnitId === null) {
    return (
      <Frame>
        <section className="panel">
          <NoUnits period={period} />
        </section>
      </Frame>
    );
  }
  if (!showable || unitId === null) {
    return (
      <Frame crumbs={[...BASE_CRUMB, { label: 'Unit tidak dinilai' }]}>
        <section className="panel">
          <NotInScope unitId={unitId ?? 0} period={period} units={units} />
        </section>
      </Frame>
    );
  }
  if (checklist.error && (!checklist.data || checklist.data.unit.id !== unitId)) {
    return (
      <Frame>
        <ErrorState error={checklist.error} onRetry={checklist.reload} />
      </Frame>
    );
  }
  if (!checklist.data) {
    return (
      <Frame>
        <Loading label="Memuat daftar periksa…" />
      </Frame>
    );
  }

  const data = checklist.data;
  const hasSources = sourceYears(period, periods).length > 0;
  const headerActions = (
    <>
      <Button icon="trash" onClick={() => setDialog('trash')}>
        Tempat sampah
      </Button>
      <Button
        icon="copy"
        onClick={() => setDialog('carry')}
        disabled={!hasSources}
        title={hasSources ? 'Bawa bukti dan catatan dari tahun penilaian lain' : 'Belum ada tahun penilaian lain'}
      >
        Salin dari tahun sebelumnya
      </Button>
    </>
  );

  return (
    <>
      <ChecklistWorkspace
        checklist={data}
        stale={data.unit.id !== unitId || data.periodId !== period.id}
        units={units}
        aspectParam={aspectParam}
        instrumentParam={instrumentParam}
        headerActions={headerActions}
        onUnitChange={(id) => {
          rememberUnit(id, period.year);
          navigate(`/daftar-periksa/${id}`);
        }}
        reloadChecklist={checklist.reload}
        reloadProgress={progress.reload}
      />
      {dialog === 'carry' ? (
        <CarryOverDialog
          target={period}
          periods={periods}
          unit={{ id: unitId, name: data.unit.name }}
          onClose={() => setDialog(null)}
          onDone={() => {
            checklist.reload();
            progress.reload();
          }}
        />
      ) : null}
      {dialog === 'trash' ? (
        <TrashDialog
          unitId={data.unit.id}
          unitName={data.unit.name}
          onClose={() => setDialog(null)}
          onRestored={(item) => {
            checklist.reload();
            toast.success('Bukti dipulihkan', item.title);
          }}
        />
      ) : null}
    </>
  );
}

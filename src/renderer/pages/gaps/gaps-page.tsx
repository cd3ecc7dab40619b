/**
 * Kesenjangan: per unit (/kesenjangan/<unitId>) the ranked actions and predictions with a
 * print view; across units (/kesenjangan/semua) who is furthest from the target and which
 * requirements are missing most often. /kesenjangan opens the year's last unit (see
 * lib/last-unit.ts), or the cross-unit view when none was chosen yet.
 */
import { useEffect, useState } from 'react';
import { Button } from '../../components/button';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useActivePeriodDetail, useAppData } from '../../lib/app-data';
import { compareText } from '../../lib/format';
import { href, idParam, navigate, segments, usePath } from '../../lib/router';
import { lastUnit, rememberUnit } from '../../lib/last-unit';
import { UnitSwitcher } from '../assessment/unit-switcher';
import { PeriodGapsView } from './period-gaps';
import { UnitGapsView, type Basis } from './unit-gaps';
import '../../styles/assessment.css';
import '../../styles/gaps.css';

/** How many steps per instrument go on paper; 0 = every step. */
const PRINT_CHOICES: ReadonlyArray<[number, string]> = [
  [0, 'semua langkah'],
  [10, '10 langkah teratas'],
  [20, '20 langkah teratas'],
  [5, '5 langkah teratas'],
];

export function GapsPage({ unitId: unitIdProp }: { unitId?: number | null } = {}) {
  const path = usePath();
  const allUnits = segments(path)[1] === 'semua';
  const routeUnitId = unitIdProp !== undefined ? unitIdProp : idParam(segments(path)[1]);
  const { activePeriod } = useAppData();
  const [basis, setBasis] = useState<Basis>('terkini');
  const [printLimit, setPrintLimit] = useState<number>(0);
  const period = useActivePeriodDetail('gaps-period');
  const detail = period.data ?? null;
  const remembered = lastUnit(activePeriod?.year);
  // No unit in the address: the year's last unit, unless the cross-unit view was asked for.
  const unitId = routeUnitId ?? (!allUnits && detail?.units.some((entry) => entry.unitId === remembered) ? remembered : null);
  const unit = detail?.units.find((entry) => entry.unitId === unitId) ?? null;
  const knownUnitId = unit?.unitId ?? null;
  useEffect(() => {
    if (knownUnitId !== null) rememberUnit(knownUnitId, activePeriod?.year);
  }, [knownUnitId, activePeriod?.year]);

  const openUnitTab = () => {
    if (!detail) return;
    const target = detail.units.find((entry) => entry.unitId === remembered) ?? [...detail.units].sort((a, b) => compareText(a.unitName, b.unitName))[0];
    if (target) navigate(`/kesenjangan/${target.unitId}`);
  };

  const breadcrumb = [{ label: 'Beranda', path: '/' }, { label: 'Kesenjangan', ...(unitId !== null ? { path: '/kesenjangan/semua' } : {}) }, ...(unitId !== null ? [{ label: unit?.unitName ?? '…' }] : [])];
  const description = detail
    ? unitId !== null
      ? `${unit?.unitName ?? 'Unit'} · ${detail.name} — langkah yang paling menaikkan nilai lebih dulu.`
      : `${detail.name} — unit yang paling perlu dibantu dan bukti dukung yang paling sering belum ada.`
    : 'Langkah perbaikan yang paling menaikkan nilai.';

  return (
    <div className="page">
      <PageHeader
        title="Kesenjangan"
        breadcrumb={breadcrumb}
        description={description}
        actions={
          detail && unitId !== null ? (
            <>
              <UnitSwitcher units={detail.units} unitId={unitId} basePath="/kesenjangan" />
              <label className="print-choice">
                <span>Cetak</span>
                <select className="input select" value={printLimit} onChange={(event) => setPrintLimit(Number(event.target.value))} aria-label="Jumlah langkah yang dicetak">
                  {PRINT_CHOICES.map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              </label>
              <Button icon="file" onClick={() => window.print()}>
                Cetak
              </Button>
            </>
          ) : null
        }
      />
      {!activePeriod ? (
        <EmptyState icon="calendar" title="Belum ada tahun penilaian aktif" action={<a className="btn btn--primary" href={href('/tahun')}>Buat tahun penilaian</a>} />
      ) : period.error ? (
        <ErrorState error={period.error} onRetry={period.reload} />
      ) : !detail ? (
        <Loading />
      ) : detail.units.length === 0 ? (
        <EmptyState icon="building" title="Belum ada unit dalam cakupan" action={<a className="btn btn--primary" href={href(`/tahun/${detail.id}`)}>Atur cakupan</a>} />
      ) : (
        <>
          <div className="tabs no-print">
            <div className="tabs__list" role="tablist" aria-label="Tampilan kesenjangan">
              <button type="button" role="tab" aria-selected={unitId !== null} className={`tabs__tab${unitId !== null ? ' tabs__tab--on' : ''}`} onClick={openUnitTab}>
                Per unit
              </button>
              <button type="button" role="tab" aria-selected={unitId === null} className={`tabs__tab${unitId === null ? ' tabs__tab--on' : ''}`} onClick={() => navigate('/kesenjangan/semua')}>
                Semua unit
              </button>
            </div>
            {unitId !== null ? (
              <div className="tabs__aside">
                <span className="toolbar__label">Dasar nilai</span>
                <div className="segmented" role="group" aria-label="Dasar nilai">
                  {(['terkini', 'mandiri', 'verifikasi'] as const).map((item) => (
                    <button key={item} type="button" className={`segmented__item${basis === item ? ' segmented__item--on' : ''}`} aria-pressed={basis === item} onClick={() => setBasis(item)}>
                      {item === 'terkini' ? 'Terkini' : item === 'mandiri' ? 'Mandiri' : 'Verifikasi'}
                    </button>
                  ))}
                </div>
              </div>
            ) : null}
          </div>
          {unitId === null ? (
            <PeriodGapsView period={detail} />
          ) : !unit ? (
            <EmptyState icon="building" title="Unit tidak dinilai tahun ini">
              Pilih unit lain di atas.
            </EmptyState>
          ) : (
            <UnitGapsView key={`${detail.id}-${unitId}`} period={detail} unitId={unitId} basis={basis} printLimit={printLimit} />
          )}
        </>
      )}
    </div>
  );
}

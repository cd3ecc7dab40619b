/** Which units take part in a year, and which of them are in the Ombudsman sample. */
import { useMemo, useState } from 'react';
import type { PeriodDetail, Unit } from '../../../shared/types';
import { Badge } from '../../components/badge';
import { Button } from '../../components/button';
import { useConfirm } from '../../components/confirm';
import { DataTable, type Column } from '../../components/data-table';
import { Switch } from '../../components/field';
import { SearchBox } from '../../components/search-box';
import { EmptyState } from '../../components/states';
import { api, errorMessage } from '../../lib/api';
import { formatCount, normalizeSearch } from '../../lib/format';
import { useToast } from '../../lib/toast';

interface ScopeRow {
  unitId: number;
  name: string;
  groupName: string;
  inScope: boolean;
  sample: boolean;
  archived: boolean;
}

type Filter = 'semua' | 'cakupan' | 'luar';

function buildRows(period: PeriodDetail, units: Unit[]): ScopeRow[] {
  const inScope = new Set(period.units.map((unit) => unit.unitId));
  const rows: ScopeRow[] = period.units.map((unit) => ({
    unitId: unit.unitId,
    name: unit.unitName,
    groupName: unit.groupName,
    inScope: true,
    sample: unit.ombudsmanSample,
    archived: unit.archived,
  }));
  for (const unit of units) {
    if (!inScope.has(unit.id)) rows.push({ unitId: unit.id, name: unit.name, groupName: unit.groupName, inScope: false, sample: false, archived: false });
  }
  return rows;
}

interface PeriodScopeProps {
  period: PeriodDetail;
  units: Unit[];
  onChanged: (period: PeriodDetail) => void;
}

export function PeriodScope({ period, units, onChanged }: PeriodScopeProps) {
  const toast = useToast();
  const confirm = useConfirm();
  const [filter, setFilter] = useState<Filter>('semua');
  const [search, setSearch] = useState('');
  const [pending, setPending] = useState<Set<number>>(new Set());

  const rows = useMemo(() => buildRows(period, units), [period, units]);
  const visible = useMemo(() => {
    const needle = normalizeSearch(search);
    return rows.filter(
      (row) =>
        (filter === 'semua' || (filter === 'cakupan') === row.inScope) &&
        (!needle || normalizeSearch(`${row.name} ${row.groupName}`).includes(needle)),
    );
  }, [rows, filter, search]);
  const addable = visible.filter((row) => !row.inScope).map((row) => row.unitId);

  const run = async (ids: number[], work: () => Promise<PeriodDetail>, success: string) => {
    setPending((current) => new Set([...current, ...ids]));
    try {
      onChanged(await work());
      toast.success(success);
    } catch (error) {
      toast.error('Perubahan tidak tersimpan', errorMessage(error));
    } finally {
      setPending((current) => new Set([...current].filter((id) => !ids.includes(id))));
    }
  };

  const setScope = async (row: ScopeRow, include: boolean) => {
    if (!include) {
      const ok = await confirm({
        title: 'Keluarkan unit dari tahun ini?',
        message: (
          <>
            <strong>{row.name}</strong> tidak lagi dinilai pada {period.name}
            {row.sample ? ' dan tanda sampel Ombudsman-nya dihapus' : ''}. Unit dapat dimasukkan kembali kapan saja.
          </>
        ),
        confirmLabel: 'Keluarkan',
      });
      if (!ok) return;
    }
    await run(
      [row.unitId],
      () => api['periods:set-scope']({ periodId: period.id, add: include ? [row.unitId] : [], remove: include ? [] : [row.unitId] }),
      include ? `${row.name} masuk ${period.name}` : `${row.name} dikeluarkan dari ${period.name}`,
    );
  };

  const setSample = (row: ScopeRow, sample: boolean) =>
    run(
      [row.unitId],
      () => api['periods:set-sample']({ periodId: period.id, unitIds: [row.unitId], sample }),
      sample ? `${row.name} ditandai sampel Ombudsman` : `Tanda sampel Ombudsman ${row.name} dihapus`,
    );

  const columns: Column<ScopeRow>[] = [
    {
      key: 'scope',
      header: 'Dinilai',
      width: '104px',
      sortValue: (row) => (row.inScope ? 0 : 1),
      render: (row) => (
        <input
          type="checkbox"
          className="check__box"
          aria-label={`${row.name} dinilai pada ${period.name}`}
          checked={row.inScope}
          disabled={pending.has(row.unitId)}
          onChange={(event) => void setScope(row, event.target.checked)}
        />
      ),
    },
    { key: 'name', header: 'Nama unit', width: 'minmax(220px, 2.4fr)', sortValue: (row) => row.name, render: (row) => <span className="cell-strong">{row.name}</span> },
    { key: 'group', header: 'Kelompok', width: 'minmax(140px, 1.2fr)', sortValue: (row) => row.groupName, render: (row) => row.groupName },
    {
      key: 'sample',
      header: 'Sampel Ombudsman',
      width: '190px',
      sortValue: (row) => (row.sample ? 0 : 1),
      render: (row) =>
        row.inScope ? (
          <Switch
            checked={row.sample}
            disabled={pending.has(row.unitId)}
            label={row.sample ? 'Sampel' : 'Bukan sampel'}
            ariaLabel={`Sampel Ombudsman: ${row.name}`}
            onChange={(on) => void setSample(row, on)}
          />
        ) : (
          <span className="text-subtle">–</span>
        ),
    },
    {
      key: 'status',
      header: 'Status',
      width: '140px',
      render: (row) =>
        row.archived ? <Badge tone="amber">Diarsipkan</Badge> : row.inScope ? <Badge tone="green">Dinilai</Badge> : <Badge tone="neutral">Tidak dinilai</Badge>,
    },
  ];

  const filters: { value: Filter; label: string; count: number }[] = [
    { value: 'semua', label: 'Semua unit', count: rows.length },
    { value: 'cakupan', label: 'Dinilai', count: period.units.length },
    { value: 'luar', label: 'Tidak dinilai', count: rows.length - period.units.length },
  ];

  return (
    <section className="panel" aria-labelledby="scope-title">
      <div className="panel__head panel__head--padded">
        <div>
          <h2 className="panel__title" id="scope-title">
            Unit dalam cakupan
          </h2>
          <p className="panel__subtitle">
            {formatCount(period.unitCount)} unit dinilai · {formatCount(period.sampleCount)} sampel Ombudsman
          </p>
        </div>
        <Button size="sm" icon="plus" disabled={addable.length === 0} onClick={() => void run(addable, () => api['periods:set-scope']({ periodId: period.id, add: addable, remove: [] }), `${formatCount(addable.length)} unit dimasukkan`)}>
          Masukkan semua yang tampil ({formatCount(addable.length)})
        </Button>
      </div>
      <div className="toolbar">
        <div className="segmented" role="group" aria-label="Saring unit">
          {filters.map((item) => (
            <button key={item.value} type="button" className={`segmented__item${filter === item.value ? ' segmented__item--on' : ''}`} aria-pressed={filter === item.value} onClick={() => setFilter(item.value)}>
              {item.label} <span className="segmented__count">{formatCount(item.count)}</span>
            </button>
          ))}
        </div>
        <SearchBox label="Cari unit di tahun ini" value={search} onChange={setSearch} placeholder="Cari unit…" />
      </div>
      <DataTable
        label={`Unit pada ${period.name}`}
        rows={visible}
        columns={columns}
        rowKey={(row) => row.unitId}
        rowClassName={(row) => (row.inScope ? '' : 'table__row--muted')}
        maxHeight="560px"
        empty={<EmptyState icon="building" title={rows.length === 0 ? 'Belum ada unit' : 'Tidak ada unit yang cocok'}>{rows.length === 0 ? 'Tambahkan unit di halaman Unit terlebih dahulu.' : 'Ubah saringan atau kata kunci.'}</EmptyState>}
      />
    </section>
  );
}

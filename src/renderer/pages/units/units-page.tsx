/** Unit: every service unit of the local government, with search, group filter and archive. */
import { useId, useState } from 'react';
import type { Unit } from '../../../shared/types';
import { Badge } from '../../components/badge';
import { Button, IconButton } from '../../components/button';
import { useConfirm } from '../../components/confirm';
import { DataTable, type Column } from '../../components/data-table';
import { Checkbox } from '../../components/field';
import { PageHeader } from '../../components/page-header';
import { SearchBox } from '../../components/search-box';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { api, errorMessage } from '../../lib/api';
import { formatCount } from '../../lib/format';
import { useToast } from '../../lib/toast';
import { href } from '../../lib/router';
import { useDebounced, useQuery } from '../../lib/use-query';
import { TemplatesDialog } from './templates-dialog';
import { UnitFormDialog } from './unit-form-dialog';
import { IntakeUnitBadge } from '../intake/intake-badge';

function countLabel(list: Unit[], totalActive: number, filtered: boolean): string {
  const archived = list.filter((unit) => unit.archived).length;
  const active = list.length - archived;
  const base = filtered ? `${formatCount(active)} dari ${formatCount(totalActive)} unit aktif` : `${formatCount(active)} unit aktif`;
  return archived > 0 ? `${base} · ${formatCount(archived)} diarsipkan` : base;
}

const muted = (text: string | null) => (text ? text : <span className="text-subtle">–</span>);

export function UnitsPage() {
  const toast = useToast();
  const confirm = useConfirm();
  const groupId = useId();
  const [search, setSearch] = useState('');
  const [group, setGroup] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const [templatesOpen, setTemplatesOpen] = useState(false);
  const query = useDebounced(search.trim(), 180);

  const groups = useQuery('unit-groups', () => api['unit-groups:list']());
  const units = useQuery(`units|${query}|${group}|${showArchived}`, () =>
    api['units:list']({
      ...(query ? { search: query } : {}),
      ...(group ? { groupId: Number(group) } : {}),
      includeArchived: showArchived,
    }),
  );
  const reload = () => {
    units.reload();
    groups.reload();
  };

  const archive = async (unit: Unit) => {
    const ok = await confirm({
      title: 'Arsipkan unit?',
      message: (
        <>
          <strong>{unit.name}</strong> tidak akan muncul lagi di daftar kerja dan tidak bisa dimasukkan ke tahun penilaian baru. Semua datanya
          tetap tersimpan dan unit dapat dipulihkan kapan saja.
        </>
      ),
      confirmLabel: 'Arsipkan',
    });
    if (!ok) return;
    try {
      await api['units:archive']({ id: unit.id });
      toast.success(`${unit.name} diarsipkan`);
      reload();
    } catch (error) {
      toast.error('Unit gagal diarsipkan', errorMessage(error));
    }
  };

  const restore = async (unit: Unit) => {
    try {
      await api['units:restore']({ id: unit.id });
      toast.success(`${unit.name} dipulihkan`);
      reload();
    } catch (error) {
      toast.error('Unit gagal dipulihkan', errorMessage(error));
    }
  };

  const columns: Column<Unit>[] = [
    {
      key: 'name',
      header: 'Nama',
      width: 'minmax(220px, 2.6fr)',
      sortValue: (unit) => unit.name,
      render: (unit) => (
        <a className="cell-strong" href={href(`/unit/${unit.id}`)} title={`Buka profil ${unit.name}`}>
          {unit.name}
        </a>
      ),
    },
    { key: 'intake', header: 'Kiriman', width: '146px', render: (unit) => <IntakeUnitBadge unitId={unit.id} /> },
    { key: 'shortName', header: 'Singkatan', width: 'minmax(90px, 1fr)', optional: 2, sortValue: (unit) => unit.shortName, render: (unit) => muted(unit.shortName) },
    { key: 'group', header: 'Kelompok', width: 'minmax(120px, 1.3fr)', sortValue: (unit) => unit.groupName, render: (unit) => unit.groupName },
    { key: 'head', header: 'Kepala', width: 'minmax(140px, 1.6fr)', optional: 1, sortValue: (unit) => unit.headName, render: (unit) => muted(unit.headName) },
    {
      key: 'status',
      header: 'Status',
      width: '120px',
      sortValue: (unit) => unit.archived,
      render: (unit) => (unit.archived ? <Badge tone="neutral">Diarsipkan</Badge> : <Badge tone="green">Aktif</Badge>),
    },
    {
      key: 'actions',
      header: 'Tindakan',
      srOnlyHeader: true,
      width: '92px',
      align: 'end',
      render: (unit) => (
        <div className="row-actions">
          <IconButton icon="edit" label={`Ubah ${unit.name}`} onClick={() => setEditing(unit)} />
          {unit.archived ? (
            <IconButton icon="restore" label={`Pulihkan ${unit.name}`} onClick={() => void restore(unit)} />
          ) : (
            <IconButton icon="archive" label={`Arsipkan ${unit.name}`} onClick={() => void archive(unit)} />
          )}
        </div>
      ),
    },
  ];

  const filtered = query !== '' || group !== '';
  const totalActive = (groups.data ?? []).reduce((sum, item) => sum + item.unitCount, 0);
  const list = units.data ?? [];

  return (
    <div className="page">
      <PageHeader
        title="Unit"
        breadcrumb={[{ label: 'Beranda', path: '/' }, { label: 'Unit' }]}
        description="Unit layanan (OPD, Puskesmas, kecamatan, …) yang disiapkan untuk penilaian."
        actions={
          <>
            <Button icon="list" onClick={() => setTemplatesOpen(true)}>
              Tambah dari daftar bawaan
            </Button>
            <Button variant="primary" icon="plus" onClick={() => setEditing('new')}>
              Tambah unit
            </Button>
          </>
        }
      />

      <section className="panel">
        <div className="toolbar">
          <SearchBox label="Cari unit" value={search} onChange={setSearch} placeholder="Cari nama, singkatan atau kepala unit…" />
          <div className="toolbar__filter">
            <label htmlFor={groupId} className="toolbar__label">
              Kelompok
            </label>
            <select id={groupId} className="input select" value={group} onChange={(event) => setGroup(event.target.value)}>
              <option value="">Semua kelompok</option>
              {(groups.data ?? []).map((item) => (
                <option key={item.id} value={item.id}>
                  {item.name} ({formatCount(item.unitCount)})
                </option>
              ))}
            </select>
          </div>
          <Checkbox label="Tampilkan yang diarsipkan" checked={showArchived} onChange={setShowArchived} />
          <div className="toolbar__count" aria-live="polite">
            {units.data ? countLabel(list, totalActive, filtered) : ''}
          </div>
        </div>

        {units.error ? (
          <ErrorState error={units.error} onRetry={units.reload} />
        ) : !units.data ? (
          <Loading />
        ) : (
          <DataTable
            label="Daftar unit"
            rows={list}
            columns={columns}
            rowKey={(unit) => unit.id}
            rowClassName={(unit) => (unit.archived ? 'table__row--muted' : '')}
            maxHeight="calc(100vh - 290px)"
            empty={
              filtered || showArchived ? (
                <EmptyState icon="search" title="Tidak ada unit yang cocok">
                  Ubah kata kunci atau pilih kelompok lain.
                </EmptyState>
              ) : (
                <EmptyState
                  icon="building"
                  title="Belum ada unit"
                  action={
                    <>
                      <Button icon="list" onClick={() => setTemplatesOpen(true)}>
                        Tambah dari daftar bawaan
                      </Button>
                      <Button variant="primary" icon="plus" onClick={() => setEditing('new')}>
                        Tambah unit
                      </Button>
                    </>
                  }
                >
                  Mulai dari daftar bawaan (OPD, Puskesmas, kecamatan yang umum) atau tambahkan satu per satu.
                </EmptyState>
              )
            }
          />
        )}
      </section>

      {editing !== null ? (
        <UnitFormDialog
          unit={editing === 'new' ? null : editing}
          groups={groups.data ?? []}
          onClose={() => setEditing(null)}
          onSaved={(unit, created) => {
            setEditing(null);
            toast.success(created ? `${unit.name} ditambahkan` : 'Perubahan unit disimpan', created ? `Kelompok: ${unit.groupName}` : unit.name);
            reload();
          }}
        />
      ) : null}
      {templatesOpen ? (
        <TemplatesDialog
          onClose={() => setTemplatesOpen(false)}
          onDone={(report) => {
            setTemplatesOpen(false);
            toast.success(`${formatCount(report.created.length)} unit ditambahkan, ${formatCount(report.skipped.length)} dilewati`);
            reload();
          }}
        />
      ) : null}
    </div>
  );
}

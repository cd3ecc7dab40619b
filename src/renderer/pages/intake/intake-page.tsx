/**
 * Kiriman Unit (/kiriman): the year's collection folder, kits for the units, and what
 * came back — a table of units (last received, new files, changes, errors), the inbox
 * of the unit chosen, and apply for the units chosen or all that are ready. Scanning and
 * applying are host jobs with progress and cancel; nothing is applied without a click.
 */
import { useMemo, useState } from 'react';
import type { IntakeApplyResult, IntakeInbox, IntakePlacement, IntakeUnit } from '../../../shared/intake-types';
import type { JobInfo, PeriodDetail } from '../../../shared/types';
import { Badge } from '../../components/badge';
import { Button } from '../../components/button';
import { useConfirm } from '../../components/confirm';
import { Checkbox } from '../../components/field';
import { JobProgress, useJob } from '../../components/job-progress';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { api, errorMessage, isPreview } from '../../lib/api';
import { useActivePeriodDetail, useAppData } from '../../lib/app-data';
import { compareText, formatCount } from '../../lib/format';
import { href } from '../../lib/router';
import { useToast } from '../../lib/toast';
import { useQuery } from '../../lib/use-query';
import { FolderPanel } from './folder-panel';
import { announceIntakeChange, useIntakeStatus } from './intake-badge';
import { UnitsTable, type Row } from './units-table';
import { UnitDetail, type RequirementOption } from './unit-detail';
import '../../styles/jobs.css';
import '../../styles/intake.css';

function rowsOf(period: PeriodDetail, inbox: IntakeInbox | null): Row[] {
  const rows: Row[] = (inbox?.units ?? []).map((unit, index) => ({ key: `k${index}`, unitName: unit.unitName, unitId: unit.unitId, unit }));
  for (const scoped of period.units) {
    if (!rows.some((row) => row.unitId === scoped.unitId)) rows.push({ key: `u${scoped.unitId}`, unitName: scoped.unitName, unitId: scoped.unitId, unit: null });
  }
  return rows.sort((a, b) => (a.unitId === null ? 1 : 0) - (b.unitId === null ? 1 : 0) || compareText(a.unitName, b.unitName));
}

function useRequirements(periodId: number, unit: IntakeUnit | null): RequirementOption[] {
  const needed = unit && unit.unitId !== null && unit.misplaced.length > 0 ? unit.unitId : null;
  const query = useQuery(`kiriman-persyaratan-${periodId}-${needed ?? 0}`, () => (needed ? api['checklist:get']({ periodId, unitId: needed }) : Promise.resolve(null)));
  return useMemo(
    () =>
      query.data?.instruments.flatMap((instrument) =>
        instrument.aspects.flatMap((aspect) =>
          aspect.indicators.flatMap((indicator) =>
            indicator.requirements.map((requirement) => ({ instrumentId: instrument.instrumentId, code: requirement.code, label: `${instrument.shortName} ${indicator.number}. ${requirement.text}`.slice(0, 140) })),
          ),
        ),
      ) ?? [],
    [query.data],
  );
}

function AppliedSummary({ result }: { result: IntakeApplyResult }) {
  if (result.units.length === 0) return <>Tidak ada kiriman yang siap diterapkan.</>;
  return (
    <ul className="intake-list">
      {result.units.map((unit) => (
        <li key={`${unit.unitId}-${unit.unitName}`}>
          <strong>{unit.unitName}</strong>:{' '}
          {unit.applied ? `diterapkan — ${formatCount(unit.files)} berkas, ${formatCount(unit.changes)} perubahan, ${formatCount(unit.levels)} tingkat F-01${unit.skippedConflicts > 0 ? `, ${formatCount(unit.skippedConflicts)} konflik dilewati` : ''}.` : `tidak diterapkan — ${unit.refused}`}
        </li>
      ))}
      {result.backupId ? <li className="intake-hint">Cadangan terverifikasi dibuat sebelum menerapkan.</li> : null}
    </ul>
  );
}

function Workspace({ period }: { period: PeriodDetail }) {
  const toast = useToast();
  const confirm = useConfirm();
  const status = useIntakeStatus();
  const saved = useQuery(`kiriman-inbox-${period.id}`, () => api['intake:inbox']({ periodId: period.id }));
  const [inbox, setInbox] = useState<IntakeInbox | null>(null);
  const current = inbox ?? saved.data ?? null;
  const [selected, setSelected] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [placements, setPlacements] = useState<IntakePlacement[]>([]);
  const [overwrite, setOverwrite] = useState(false);
  const scanJob = useJob({ onFinish: (job) => job.status === 'selesai' && (setInbox(job.result as IntakeInbox), announceIntakeChange()) });
  const applyJob = useJob({
    onFinish: (job) => {
      // Choices for units that were not applied stay, so the office does not make them twice.
      const done = new Set(((job.result as IntakeApplyResult | null)?.units ?? []).filter((unit) => unit.applied).map((unit) => unit.unitId));
      setChosen((previous) => new Set([...previous].filter((unitId) => !done.has(unitId))));
      setPlacements((previous) => previous.filter((entry) => !done.has(entry.unitId)));
      setInbox(null);
      saved.reload();
      announceIntakeChange();
    },
  });

  const kitJob = useJob({ onFinish: () => announceIntakeChange() });
  const exportUnit = (unitId: number) => start(() => api['intake:export']({ periodId: period.id, unitIds: [unitId], ...(status.status?.folder ? { outDir: status.status.folder } : {}), zip: false }), kitJob);
  const rows = useMemo(() => rowsOf(period, current), [period, current]);
  const selectedRow = rows.find((row) => row.key === selected) ?? rows.find((row) => row.unit && row.unit.state !== 'kosong') ?? null;
  const requirements = useRequirements(period.id, selectedRow?.unit ?? null);
  const ready = (current?.units ?? []).filter((unit) => unit.state === 'baru' && unit.unitId !== null);

  const start = async (run: () => Promise<JobInfo | null>, handle: typeof scanJob) => {
    try {
      const info = await run();
      if (info) handle.track(info);
    } catch (error) {
      toast.error('Tidak dapat dimulai', errorMessage(error));
    }
  };
  const scan = (pick = false) => start(() => api['intake:scan']({ periodId: period.id, pick }), scanJob);
  const apply = async (unitIds: number[] | undefined) => {
    if (overwrite && !(await confirm({ title: 'Timpa data kantor?', message: 'Isian unit akan menggantikan perubahan Bagian Organisasi pada baris yang konflik, termasuk persyaratan yang sudah terverifikasi. Lanjutkan?', confirmLabel: 'Timpa dan terapkan', tone: 'danger' }))) return;
    const tokens = Object.fromEntries((current?.units ?? []).filter((unit) => unit.unitId !== null).map((unit) => [String(unit.unitId), unit.token]));
    await start(() => api['intake:apply']({ periodId: period.id, overwriteConflicts: overwrite, tokens, ...(unitIds ? { unitIds } : {}), ...(placements.length > 0 ? { placements } : {}), ...(current ? { paths: current.from } : {}) }), applyJob);
  };
  const place = (unit: IntakeUnit, path: string, choice: { instrumentId: number; requirementCode: string } | null) =>
    setPlacements((list) => [...list.filter((entry) => !(entry.unitId === unit.unitId && entry.path === path)), ...(choice ? [{ unitId: unit.unitId!, path, ...choice }] : [])]);

  return (
    <>
      <FolderPanel period={period} status={status.status} onChanged={() => (announceIntakeChange(), setInbox(null), saved.reload())} onScan={() => void scan()} scanning={scanJob.running} />
      <section className="panel intake-units" aria-label="Kiriman per unit">
        <header className="intake-units__head">
          <div>
            <h2 className="intake-units__title">Kiriman per unit</h2>
            <p className="intake-hint">{current ? `Diperiksa ${new Date(current.scannedAt).toLocaleString('id-ID', { dateStyle: 'medium', timeStyle: 'short' })} · ${formatCount(current.newCount)} unit mengirim sesuatu yang baru.` : 'Belum diperiksa. Tekan "Periksa kiriman".'}</p>
          </div>
          <div className="intake-units__actions">
            <Checkbox label="Timpa konflik dengan isian unit" checked={overwrite} onChange={setOverwrite} />
            <Button variant="secondary" icon="check" disabled={chosen.size === 0 || applyJob.running} onClick={() => void apply([...chosen])}>
              Terapkan terpilih ({formatCount(chosen.size)})
            </Button>
            <Button variant="primary" icon="check-circle" disabled={ready.length === 0 || applyJob.running} onClick={() => void apply(undefined)}>
              Terapkan yang siap ({formatCount(ready.length)})
            </Button>
          </div>
        </header>
        <div className="intake-split">
          <UnitsTable rows={rows} selectedKey={selectedRow?.key ?? null} onSelect={setSelected} chosen={chosen} onChoose={setChosen} />
          {selectedRow?.unit ? (
            <UnitDetail unit={selectedRow.unit} requirements={requirements} placements={placements} onPlace={(path, choice) => place(selectedRow.unit!, path, choice)} onRefreshKit={() => void exportUnit(selectedRow.unit!.unitId!)} />
          ) : (
            <div className="intake-detail">
              <EmptyState
                icon="folder"
                title={selectedRow ? `Belum ada kiriman dari ${selectedRow.unitName}` : 'Pilih unit'}
                action={
                  selectedRow?.unitId && status.status?.folder ? (
                    <Button variant="secondary" icon="upload" onClick={() => void exportUnit(selectedRow.unitId!)}>
                      Buat kit unit ini
                    </Button>
                  ) : null
                }
              >
                Kit unit ini belum ditemukan di folder kiriman. Buat kitnya, lalu minta unit mengisinya di folder bersama atau mengirimkannya kembali sebagai .zip.
              </EmptyState>
            </div>
          )}
        </div>
      </section>
      <JobProgress handle={kitJob} title="Memperbarui kit unit" renderResult={(result) => `Kit diperbarui di ${(result as { path: string }).path}. Berkas yang sudah ditaruh unit tidak disentuh.`} />
      <JobProgress handle={scanJob} title="Memeriksa kiriman unit" renderResult={(result) => `${formatCount((result as IntakeInbox).units.length)} kiriman diperiksa; ${formatCount((result as IntakeInbox).newCount)} unit dengan sesuatu yang baru.`} />
      <JobProgress handle={applyJob} title="Menerapkan kiriman unit" runningNote="Cadangan dibuat lebih dulu." renderResult={(result) => <AppliedSummary result={result as IntakeApplyResult} />} />
      {!isPreview() ? (
        <p className="intake-hint intake-footnote">
          Kiriman yang datang lewat WhatsApp atau surel: simpan .zip atau workbook-nya, lalu{' '}
          <button type="button" className="link-button" onClick={() => void scan(true)}>
            pilih berkas kiriman
          </button>
          .
        </p>
      ) : null}
    </>
  );
}

export function IntakePage() {
  const { activePeriod } = useAppData();
  const detail = useActivePeriodDetail('kiriman-periode');
  const period = detail.data && detail.data.id === activePeriod?.id ? detail.data : null;
  return (
    <div className="page intake-page">
      <PageHeader
        title="Kiriman Unit"
        breadcrumb={[{ label: 'Beranda', path: '/' }, { label: 'Kiriman Unit' }]}
        description="Bukti dan penilaian mandiri yang dikirim unit lewat folder bersama atau .zip — diperiksa dulu, diterapkan setelah Anda setujui."
        meta={activePeriod ? <Badge tone="blue" icon="calendar">{`Tahun ${activePeriod.year}`}</Badge> : null}
      />
      {!activePeriod ? (
        <section className="panel">
          <EmptyState icon="calendar" title="Belum ada tahun penilaian aktif" action={<a className="btn btn--primary" href={href('/tahun')}>Buat tahun penilaian</a>}>
            Kiriman unit selalu untuk satu tahun penilaian.
          </EmptyState>
        </section>
      ) : detail.error && !period ? (
        <ErrorState error={detail.error} onRetry={detail.reload} />
      ) : !period ? (
        <Loading />
      ) : (
        <Workspace key={period.id} period={period} />
      )}
    </div>
  );
}

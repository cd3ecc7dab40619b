/**
 * The Daftar Periksa of one unit: header, unit bar, filter bar and the three panes.
 * Holds a local copy of the checklist so every change updates just the requirement the
 * host returned (progress recomputed locally), never the whole tree fetched again.
 */
import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import {
  EVIDENCE_STATUSES,
  EVIDENCE_STATUS_LABELS,
  type AttachReport,
  type Checklist,
  type ChecklistIndicator,
  type ChecklistRequirement,
  type EvidenceItem,
  type EvidenceStatus,
  type EvidenceLinkResult,
  type LinkedEvidence,
  type UnitProgress,
} from '../../../shared/types';
import { Badge } from '../../components/badge';
import { useConfirm } from '../../components/confirm';
import { Switch } from '../../components/field';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/page-header';
import { SearchBox } from '../../components/search-box';
import { api, errorMessage, openEvidence } from '../../lib/api';
import { compareText, formatCount, formatPercent, normalizeSearch } from '../../lib/format';
import { useToast } from '../../lib/toast';
import { ChecklistTree } from './checklist-tree';
import { EditEvidenceDialog, LibraryDialog, LinkDialog } from './evidence-dialogs';
import { EvidencePanel, type EvidenceHandlers } from './evidence-panel';
import {
  applyAttached,
  filtersActive,
  findIndicator,
  findRequirement,
  initialSelection,
  insertRequirement,
  matchesSearch,
  passesStatus,
  removeEvidence,
  replaceRequirement,
  reqKeyOf,
  resolveNode,
  selectionId,
  updateEvidence,
  STATUS_META,
  type Filters,
  type ReqKey,
  type Selection,
} from './model';
import { AddRequirementDialog, HiddenDialog, ReasonDialog } from './requirement-dialogs';
import { RequirementList, buildList, type UploadState } from './requirement-list';
import { ProgressRing } from './widgets';

/** The evidence store refuses more than this; checked here first so a huge file is never read into memory. */
const MAX_FILE_BYTES = 200 * 1024 * 1024;

type DialogState =
  | { kind: 'reason'; requirement: ChecklistRequirement; status: 'perlu_perbaikan' | 'tidak_berlaku' }
  | { kind: 'hide'; requirement: ChecklistRequirement }
  | { kind: 'add'; indicator: ChecklistIndicator }
  | { kind: 'hidden'; indicator: ChecklistIndicator | null }
  | { kind: 'link'; requirement: ChecklistRequirement }
  | { kind: 'library'; requirement: ChecklistRequirement }
  | { kind: 'edit'; item: EvidenceItem };

interface WorkspaceProps {
  checklist: Checklist;
  /** The unit shown is not yet the one chosen (its checklist is loading). */
  stale: boolean;
  units: UnitProgress[];
  aspectParam: string | null;
  instrumentParam: string | null;
  headerActions: ReactNode;
  onUnitChange: (unitId: number) => void;
  reloadChecklist: () => void;
  reloadProgress: () => void;
}

interface LocalCopy {
  source: Checklist;
  value: Checklist;
}

function groupUnits(units: UnitProgress[]): Array<[string, UnitProgress[]]> {
  const groups = new Map<string, UnitProgress[]>();
  for (const unit of [...units].sort((a, b) => compareText(a.unitName, b.unitName))) {
    const list = groups.get(unit.groupName) ?? [];
    list.push(unit);
    groups.set(unit.groupName, list);
  }
  return [...groups.entries()].sort((a, b) => compareText(a[0], b[0]));
}

export function ChecklistWorkspace(props: WorkspaceProps) {
  const { checklist: loaded, stale, units, aspectParam, instrumentParam, headerActions, onUnitChange, reloadChecklist, reloadProgress } = props;
  const toast = useToast();
  const confirm = useConfirm();
  const unitSelectId = useId();

  // Local copy, replaced whenever a fresh checklist arrives from the host.
  const [copy, setCopy] = useState<LocalCopy>({ source: loaded, value: loaded });
  if (copy.source !== loaded) setCopy({ source: loaded, value: loaded });
  const checklist = copy.source === loaded ? copy.value : loaded;
  const periodId = checklist.periodId;
  const unitId = checklist.unit.id;

  /** Apply a change only if the same unit and year are still shown. */
  const patch = (forUnit: number, change: (current: Checklist) => Checklist) =>
    setCopy((previous) => (previous.value.unit.id === forUnit && previous.value.periodId === periodId ? { ...previous, value: change(previous.value) } : previous));

  const [selection, setSelection] = useState<Selection | null>(() => initialSelection(loaded, aspectParam, instrumentParam));
  const [seenParam, setSeenParam] = useState(`${aspectParam ?? ''}|${instrumentParam ?? ''}`);
  const paramKey = `${aspectParam ?? ''}|${instrumentParam ?? ''}`;
  if (paramKey !== seenParam) {
    setSeenParam(paramKey);
    if (aspectParam) setSelection(initialSelection(checklist, aspectParam, instrumentParam));
  }

  const [selectedKey, setSelectedKey] = useState<ReqKey | null>(null);
  const [filters, setFilters] = useState<Filters>({ gapsOnly: false, statuses: new Set(), search: '' });
  const [busyKeys, setBusyKeys] = useState<ReadonlySet<ReqKey>>(new Set());
  const [uploading, setUploading] = useState<UploadState | null>(null);
  const [attachingDialog, setAttachingDialog] = useState(false);
  const [rejected, setRejected] = useState<{ key: ReqKey; items: AttachReport['rejected'] } | null>(null);
  const [historyVersion, setHistoryVersion] = useState(0);
  const [dialog, setDialog] = useState<DialogState | null>(null);

  const node = useMemo(() => resolveNode(checklist, selection), [checklist, selection]);
  const nodeId = node ? selectionId(node.indicator ? { kind: 'indicator', instrumentId: node.instrument.instrumentId, indicatorCode: node.indicator.code } : node.aspect ? { kind: 'aspect', instrumentId: node.instrument.instrumentId, aspectCode: node.aspect.code } : { kind: 'instrument', instrumentId: node.instrument.instrumentId }) : '';
  const model = useMemo(() => (node ? buildList(node, filters) : null), [node, filters]);
  const scopeLabel = node?.indicator ? 'di indikator ini' : node?.aspect ? 'di aspek ini' : 'di instrumen ini';
  const filtersOn = filtersActive(filters);

  // The selected requirement stays while it belongs to the node in view; otherwise the first one shown.
  const nodeKeys = useMemo(() => new Set(node ? node.indicators.flatMap(({ indicator }) => indicator.requirements.map(reqKeyOf)) : []), [node]);
  const firstShown = model?.items.find((item) => item.type === 'req');
  const effectiveKey = selectedKey && nodeKeys.has(selectedKey) ? selectedKey : firstShown?.type === 'req' ? reqKeyOf(firstShown.requirement) : null;
  const selected = findRequirement(checklist, effectiveKey);
  const location = selected ? findIndicator(checklist, selected.instrumentId, selected.indicatorCode) : null;

  // Match counts per tree node while filters are on, so other places with matches are visible.
  const matches = useMemo(() => {
    if (!filtersOn) return null;
    const needle = normalizeSearch(filters.search);
    const counts = new Map<string, number>();
    const add = (id: string, n: number) => counts.set(id, (counts.get(id) ?? 0) + n);
    for (const instrument of checklist.instruments) {
      for (const aspect of instrument.aspects) {
        for (const indicator of aspect.indicators) {
          const n = indicator.requirements.filter((requirement) => matchesSearch(requirement, indicator, needle) && passesStatus(requirement, filters)).length;
          add(`i:${instrument.instrumentId}`, n);
          add(`a:${instrument.instrumentId}:${aspect.code}`, n);
          add(`n:${instrument.instrumentId}:${indicator.code}`, n);
        }
      }
    }
    return counts;
  }, [checklist, filters, filtersOn]);

  const unitCounts = useMemo(() => {
    const counts = Object.fromEntries(EVIDENCE_STATUSES.map((status) => [status, 0])) as Record<EvidenceStatus, number>;
    for (const instrument of checklist.instruments) for (const aspect of instrument.aspects) for (const indicator of aspect.indicators) for (const requirement of indicator.requirements) counts[requirement.status] += 1;
    return counts;
  }, [checklist]);

  // A file dropped outside the pane must not make the window navigate to it.
  useEffect(() => {
    const block = (event: DragEvent) => {
      if (event.dataTransfer && Array.from(event.dataTransfer.types).includes('Files')) event.preventDefault();
    };
    window.addEventListener('dragover', block);
    window.addEventListener('drop', block);
    return () => {
      window.removeEventListener('dragover', block);
      window.removeEventListener('drop', block);
    };
  }, []);

  const itemKey = (requirement: ChecklistRequirement) => ({ periodId, unitId, instrumentId: requirement.instrumentId, requirementCode: requirement.code });
  const changed = (statusMayChange: boolean) => {
    setHistoryVersion((value) => value + 1);
    if (statusMayChange) reloadProgress();
  };
  const setBusy = (key: ReqKey, busy: boolean) =>
    setBusyKeys((previous) => {
      const next = new Set(previous);
      if (busy) next.add(key);
      else next.delete(key);
      return next;
    });

  const saveStatus = async (requirement: ChecklistRequirement, status: EvidenceStatus, reason?: string) => {
    const key = reqKeyOf(requirement);
    const forUnit = unitId;
    setBusy(key, true);
    try {
      const updated = await api['checklist:set-status']({ ...itemKey(requirement), status, ...(reason ? { reason } : {}) });
      patch(forUnit, (current) => replaceRequirement(current, updated));
      changed(true);
    } finally {
      setBusy(key, false);
    }
  };

  const requestStatus = (requirement: ChecklistRequirement, status: EvidenceStatus) => {
    if (status === 'perlu_perbaikan' || status === 'tidak_berlaku') {
      setSelectedKey(reqKeyOf(requirement));
      setDialog({ kind: 'reason', requirement, status });
      return;
    }
    if (requirement.status === status) return;
    saveStatus(requirement, status).catch((error: unknown) => toast.error('Status tidak tersimpan', errorMessage(error)));
  };

  // The server moved a judged requirement back to the queue: say so, it changes the verified count.
  const announceRequeue = (before: EvidenceStatus, after: ChecklistRequirement) => {
    if (after.status === 'menunggu_verifikasi' && (before === 'terverifikasi' || before === 'perlu_perbaikan')) {
      toast.info('Status kembali ke Menunggu verifikasi', 'Bukti baru ditambahkan, jadi persyaratan ini perlu diperiksa ulang.');
    }
  };

  const reportAttach = (requirement: ChecklistRequirement, attached: number, reused: number, refused: AttachReport['rejected']) => {
    const key = reqKeyOf(requirement);
    if (attached > 0) {
      toast.success(
        `${formatCount(attached)} berkas dilampirkan`,
        reused > 0 ? `${formatCount(reused)} berkas sama sudah ada di pustaka unit dan dipakai ulang.` : requirement.text,
      );
    }
    if (refused.length > 0) {
      toast.error(`${formatCount(refused.length)} berkas ditolak`, refused.map((item) => `${item.name}: ${item.message}`).join(' · '));
      setRejected({ key, items: refused });
    } else {
      setRejected((previous) => (previous?.key === key ? null : previous));
    }
  };

  const upload = async (requirement: ChecklistRequirement, files: File[]) => {
    if (uploading) {
      toast.info('Tunggu unggahan sebelumnya selesai');
      return;
    }
    const key = reqKeyOf(requirement);
    const forUnit = unitId;
    setSelectedKey(key);
    let attached = 0;
    let reused = 0;
    const refused: AttachReport['rejected'] = [];
    for (const [index, file] of files.entries()) {
      setUploading({ key, total: files.length, done: index, current: file.name });
      if (file.size > MAX_FILE_BYTES) {
        refused.push({ name: file.name, message: 'Berkas lebih dari 200 MB. Perkecil (kompres) berkas lalu unggah lagi.' });
        continue;
      }
      try {
        const data = new Uint8Array(await file.arrayBuffer());
        const report = await api['evidence:upload']({ ...itemKey(requirement), files: [{ name: file.name, lastModified: file.lastModified, data }] });
        attached += report.attached.length;
        reused += report.reused;
        refused.push(...report.rejected);
        if (report.attached.length > 0) announceRequeue(index === 0 ? requirement.status : report.requirement.status, report.requirement);
        patch(forUnit, (current) => applyAttached(current, report.requirement));
      } catch (error) {
        refused.push({ name: file.name, message: errorMessage(error) });
      }
    }
    setUploading(null);
    if (attached > 0) changed(true);
    reportAttach(requirement, attached, reused, refused);
  };

  const attachWithDialog = async (requirement: ChecklistRequirement) => {
    const forUnit = unitId;
    setAttachingDialog(true);
    try {
      const report = await api['evidence:attach-dialog'](itemKey(requirement));
      if (!report) return;
      if (report.attached.length > 0) announceRequeue(requirement.status, report.requirement);
      patch(forUnit, (current) => applyAttached(current, report.requirement));
      if (report.attached.length > 0) changed(true);
      reportAttach(requirement, report.attached.length, report.reused, report.rejected);
    } catch (error) {
      toast.error('Berkas tidak dapat dilampirkan', errorMessage(error));
    } finally {
      setAttachingDialog(false);
    }
  };

  const evidenceAdded = (result: EvidenceLinkResult) => {
    const before = findRequirement(checklist, reqKeyOf(result.requirement))?.status;
    if (before) announceRequeue(before, result.requirement);
    patch(unitId, (current) => applyAttached(current, result.requirement));
    changed(true);
  };

  const detach = async (requirement: ChecklistRequirement, item: LinkedEvidence) => {
    const forUnit = unitId;
    try {
      const updated = await api['evidence:detach']({ ...itemKey(requirement), evidenceId: item.id });
      patch(forUnit, (current) => replaceRequirement(current, updated));
      changed(true);
      toast.success('Bukti dilepas dari persyaratan', `“${item.title}” tetap ada di pustaka unit dan dapat dilampirkan lagi.`);
    } catch (error) {
      toast.error('Bukti tidak dapat dilepas', errorMessage(error));
    }
  };

  const trash = async (item: LinkedEvidence) => {
    const forUnit = unitId;
    const ok = await confirm({
      title: 'Buang bukti ke tempat sampah?',
      message: (
        <>
          <strong>{item.title}</strong> akan hilang dari {item.usageCount > 1 ? `${formatCount(item.usageCount)} persyaratan` : 'persyaratan ini'} dan dipindahkan ke tempat sampah unit. Bukti dapat dipulihkan kembali dari Tempat sampah.
        </>
      ),
      confirmLabel: 'Buang ke tempat sampah',
    });
    if (!ok) return;
    try {
      await api['evidence:trash']({ evidenceId: item.id });
      patch(forUnit, (current) => removeEvidence(current, item.id));
      changed(false);
      toast.success('Bukti dibuang ke tempat sampah', item.title);
    } catch (error) {
      toast.error('Bukti tidak dapat dibuang', errorMessage(error));
    }
  };

  const open = (item: LinkedEvidence) => {
    openEvidence(item.id).catch((error: unknown) => toast.error('Bukti tidak dapat dibuka', errorMessage(error)));
  };

  const dropFiles = (files: File[]) => {
    if (!selected) {
      toast.error('Pilih satu persyaratan dulu', 'Berkas yang diseret dilampirkan ke persyaratan yang sedang dipilih.');
      return;
    }
    void upload(selected, files);
  };

  const handlers: EvidenceHandlers | null = selected
    ? {
        onStatus: (status) => requestStatus(selected, status),
        onUpload: (files) => void upload(selected, files),
        onAttachDialog: () => void attachWithDialog(selected),
        onAddLink: () => setDialog({ kind: 'link', requirement: selected }),
        onLibrary: () => setDialog({ kind: 'library', requirement: selected }),
        onOpen: open,
        onEdit: (item) => setDialog({ kind: 'edit', item }),
        onDetach: (item) => void detach(selected, item),
        onTrash: (item) => void trash(item),
        onSaveNote: async (note) => {
          const forUnit = unitId;
          const updated = await api['checklist:set-note']({ ...itemKey(selected), note });
          patch(forUnit, (current) => replaceRequirement(current, updated));
          changed(false);
        },
        onDismissRejected: () => setRejected(null),
      }
    : null;

  const currentUnit = units.find((unit) => unit.unitId === unitId);
  const aspectCrumb = node?.aspect ? node.aspect.name : node ? node.instrument.shortName : null;
  const progress = checklist.progress;

  return (
    <div className="page cl-page">
      <PageHeader
        title="Daftar Periksa"
        breadcrumb={[
          { label: 'Daftar Periksa', path: '/daftar-periksa' },
          { label: checklist.unit.name, ...(aspectCrumb ? { path: `/daftar-periksa/${unitId}` } : {}) },
          ...(aspectCrumb ? [{ label: aspectCrumb }] : []),
        ]}
        actions={headerActions}
      />

      <section className="unit-bar panel" aria-label="Unit dan kemajuan">
        <div className="unit-bar__select">
          <label htmlFor={unitSelectId} className="unit-bar__label">
            Unit
          </label>
          <select id={unitSelectId} className="input select" title={units.find((unit) => unit.unitId === unitId)?.unitName} value={unitId} onChange={(event) => onUnitChange(Number(event.target.value))}>
            {groupUnits(units).map(([group, list]) => (
              <optgroup key={group} label={group}>
                {list.map((unit) => (
                  <option key={unit.unitId} value={unit.unitId}>
                    {unit.unitName} — {formatPercent(unit.progress.percentVerified)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="unit-bar__progress">
          <ProgressRing progress={progress} size={40} />
          <div>
            <div className="unit-bar__headline">
              {formatPercent(progress.percentVerified)} terverifikasi
              {currentUnit?.ombudsmanSample ? (
                <Badge tone="teal" title="Unit ini termasuk sampel penilaian Ombudsman">
                  Sampel Ombudsman
                </Badge>
              ) : null}
            </div>
            <div className="unit-bar__sub">
              {formatCount(progress.verified)} dari {formatCount(progress.applicable)} persyaratan · {formatPercent(progress.percentSupplied)} sudah ada bukti
              {(['belum_ada', 'perlu_perbaikan', 'tidak_berlaku'] as const).map((status) => (
                <span key={status} className={`unit-bar__stat unit-bar__stat--${status}`}>
                  {' · '}
                  {formatCount(unitCounts[status])} {EVIDENCE_STATUS_LABELS[status].toLocaleLowerCase('id-ID')}
                </span>
              ))}
            </div>
          </div>
        </div>
      </section>

      <div className="cl-filters" role="group" aria-label="Saring persyaratan">
        <SearchBox label="Cari persyaratan atau indikator" value={filters.search} onChange={(search) => setFilters((previous) => ({ ...previous, search }))} placeholder="Cari persyaratan…" className="cl-filters__search" />
        <Switch
          label={`Hanya kekurangan ${scopeLabel} (${formatCount(model?.gapCount ?? 0)})`}
          ariaLabel="Hanya kekurangan"
          checked={filters.gapsOnly}
          onChange={(gapsOnly) => setFilters((previous) => ({ ...previous, gapsOnly }))}
        />
        <div className="status-filter" role="group" aria-label={`Saring status; jumlah ${scopeLabel}`}>
          {/* The chips count the selected node, the summary above counts the whole unit: say so. */}
          <span className="status-filter__scope">Jumlah {scopeLabel}:</span>
          {EVIDENCE_STATUSES.map((status) => {
            const on = filters.statuses.has(status);
            return (
              <button
                key={status}
                type="button"
                className={`status-filter__item status-filter__item--${status}${on ? ' status-filter__item--on' : ''}`}
                aria-pressed={on}
                aria-label={`${EVIDENCE_STATUS_LABELS[status]} (${formatCount(model?.statusCounts[status] ?? 0)})`}
                onClick={() =>
                  setFilters((previous) => {
                    const statuses = new Set(previous.statuses);
                    if (statuses.has(status)) statuses.delete(status);
                    else statuses.add(status);
                    return { ...previous, statuses };
                  })
                }
              >
                <span className="status-filter__dot" aria-hidden="true" />
                {STATUS_META[status].short}
                <span className="status-filter__count">{formatCount(model?.statusCounts[status] ?? 0)}</span>
              </button>
            );
          })}
        </div>
        {filtersOn ? (
          <button type="button" className="cl-filters__clear" onClick={() => setFilters({ gapsOnly: false, statuses: new Set(), search: '' })}>
            <Icon name="x" size={14} /> Hapus saringan
          </button>
        ) : null}
      </div>

      <div className={`cl-workspace${stale ? ' cl-workspace--stale' : ''}`} aria-busy={stale || undefined}>
        <div className="cl-pane cl-pane--tree">
          <ChecklistTree checklist={checklist} selection={selection} onSelect={setSelection} matches={matches} />
        </div>
        {node && model ? (
          <RequirementList
            nodeId={`${unitId}:${nodeId}`}
            title={node.indicator ? `Indikator ${node.indicator.number}: ${node.indicator.name}` : node.aspect ? node.aspect.name : node.instrument.shortName}
            subtitle={
              node.indicator && node.aspect
                ? `${node.instrument.shortName} · ${node.aspect.name}`
                : node.aspect
                  ? `${node.instrument.shortName} · ${node.instrument.aspectLabel}${node.aspect.weight > 0 ? ` · bobot ${formatCount(node.aspect.weight)}%` : ' · tidak dinilai'}`
                  : `${formatCount(node.instrument.aspects.length)} ${node.instrument.aspectLabel.toLocaleLowerCase('id-ID')}, ${formatCount(node.indicators.length)} indikator`
            }
            countText={filtersOn ? `${formatCount(model.shown)} dari ${formatCount(model.total)} persyaratan` : `${formatCount(model.total)} persyaratan`}
            model={model}
            filtersOn={filtersOn}
            selectedKey={effectiveKey}
            selected={selected}
            busyKeys={busyKeys}
            uploading={uploading}
            onSelect={setSelectedKey}
            onStatus={requestStatus}
            onHide={(requirement) => setDialog({ kind: 'hide', requirement })}
            onAddRequirement={(indicator) => setDialog({ kind: 'add', indicator })}
            onShowHidden={(indicator) => setDialog({ kind: 'hidden', indicator })}
            onClearFilters={() => setFilters({ gapsOnly: false, statuses: new Set(), search: '' })}
            onDropFiles={dropFiles}
          />
        ) : (
          <section className="cl-pane cl-pane--list">
            <div className="req-list__empty">
              <Icon name="book" size={22} />
              <div className="state__title">Tahun ini belum memakai instrumen</div>
            </div>
          </section>
        )}
        <EvidencePanel
          periodId={periodId}
          unitId={unitId}
          windowStart={checklist.windowStart}
          windowEnd={checklist.windowEnd}
          requirement={selected}
          instrument={location?.instrument ?? null}
          aspect={location?.aspect ?? null}
          indicator={location?.indicator ?? null}
          busy={selected ? busyKeys.has(reqKeyOf(selected)) : false}
          uploading={uploading}
          attachingDialog={attachingDialog}
          rejected={selected && rejected?.key === reqKeyOf(selected) ? rejected.items : []}
          historyVersion={historyVersion}
          handlers={
            handlers ?? {
              onStatus: () => undefined,
              onUpload: () => undefined,
              onAttachDialog: () => undefined,
              onAddLink: () => undefined,
              onLibrary: () => undefined,
              onOpen: () => undefined,
              onEdit: () => undefined,
              onDetach: () => undefined,
              onTrash: () => undefined,
              onSaveNote: async () => undefined,
              onDismissRejected: () => undefined,
            }
          }
        />
        {stale ? (
          <div className="cl-workspace__loading" role="status">
            <span className="spinner" aria-hidden="true" /> Memuat daftar periksa…
          </div>
        ) : null}
      </div>

      {dialog?.kind === 'reason' ? (
        <ReasonDialog
          title={dialog.status === 'perlu_perbaikan' ? 'Perlu perbaikan' : 'Tidak berlaku'}
          description={<span className="dialog-req">{dialog.requirement.text}</span>}
          label={dialog.status === 'perlu_perbaikan' ? 'Apa yang perlu diperbaiki?' : 'Mengapa persyaratan ini tidak berlaku untuk unit ini?'}
          placeholder={dialog.status === 'perlu_perbaikan' ? 'Misalnya: SK belum ditandatangani kepala unit; lampiran 14 komponen belum lengkap.' : 'Misalnya: Unit tidak menyelenggarakan layanan tatap muka.'}
          confirmLabel={dialog.status === 'perlu_perbaikan' ? 'Tandai perlu perbaikan' : 'Tandai tidak berlaku'}
          initial={dialog.requirement.status === dialog.status ? dialog.requirement.reason : ''}
          onClose={() => setDialog(null)}
          onSubmit={async (reason) => {
            await saveStatus(dialog.requirement, dialog.status, reason);
            setDialog(null);
          }}
        />
      ) : null}
      {dialog?.kind === 'hide' ? (
        <ReasonDialog
          title="Sembunyikan persyaratan"
          description={
            <>
              <span className="dialog-req">{dialog.requirement.text}</span>
              <span className="dialog-note">Disembunyikan untuk semua unit pada tahun {checklist.year}; dapat ditampilkan lagi kapan saja.</span>
            </>
          }
          label="Alasan disembunyikan"
          placeholder="Misalnya: Tidak diminta pada juknis tahun ini."
          confirmLabel="Sembunyikan"
          tone="danger"
          onClose={() => setDialog(null)}
          onSubmit={async (reason) => {
            await api['checklist:hide-requirement']({ periodId, instrumentId: dialog.requirement.instrumentId, requirementCode: dialog.requirement.code, reason });
            setDialog(null);
            toast.success('Persyaratan disembunyikan', dialog.requirement.text);
            reloadChecklist();
            reloadProgress();
          }}
        />
      ) : null}
      {dialog?.kind === 'add' && node ? (
        <AddRequirementDialog
          periodId={periodId}
          year={checklist.year}
          instrument={node.instrument}
          indicator={dialog.indicator}
          onClose={() => setDialog(null)}
          onAdded={(requirement) => {
            patch(unitId, (current) => insertRequirement(current, requirement));
            setSelectedKey(reqKeyOf(requirement));
            setDialog(null);
            reloadProgress();
            toast.success('Persyaratan tambahan ditambahkan', requirement.text);
          }}
        />
      ) : null}
      {dialog?.kind === 'hidden' && node ? (
        <HiddenDialog
          periodId={periodId}
          year={checklist.year}
          instrument={node.instrument}
          indicator={dialog.indicator}
          onClose={() => setDialog(null)}
          onUnhidden={(row) => {
            toast.success('Persyaratan ditampilkan lagi', row.text);
            reloadChecklist();
            reloadProgress();
          }}
        />
      ) : null}
      {dialog?.kind === 'link' ? (
        <LinkDialog
          itemKey={itemKey(dialog.requirement)}
          requirementText={dialog.requirement.text}
          onClose={() => setDialog(null)}
          onAdded={(item) => {
            evidenceAdded(item);
            setDialog(null);
            toast.success('Tautan ditambahkan', item.title);
          }}
        />
      ) : null}
      {dialog?.kind === 'library' ? (
        <LibraryDialog
          itemKey={itemKey(dialog.requirement)}
          unitName={checklist.unit.name}
          requirementText={dialog.requirement.text}
          linkedIds={new Set((findRequirement(checklist, reqKeyOf(dialog.requirement)) ?? dialog.requirement).evidence.map((item) => item.id))}
          onClose={() => setDialog(null)}
          onAttached={(item) => evidenceAdded(item)}
        />
      ) : null}
      {dialog?.kind === 'edit' ? (
        <EditEvidenceDialog
          item={dialog.item}
          onClose={() => setDialog(null)}
          onSaved={(item) => {
            patch(unitId, (current) => updateEvidence(current, item));
            // A new document date changes kedaluwarsa: the server judges it again.
            reloadChecklist();
            setDialog(null);
            toast.success('Bukti diperbarui', item.title);
          }}
        />
      ) : null}
    </div>
  );
}


/**
 * The Daftar Periksa of one unit: header, unit bar, filter bar and the three panes.
 * Holds a local copy of the checklist so every change updates just the requirement the
 * host returned (progress recomputed locally), never the whole tree fetched again.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  type Checklist,
  type ChecklistRequirement,
  type EvidenceStatus,
  type UnitProgress,
} from '../../../shared/types';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/page-header';
import { api, errorMessage } from '../../lib/api';
import { formatCount } from '../../lib/format';
import { useToast } from '../../lib/toast';
import { ChecklistTree } from './checklist-tree';
import { EvidencePanel, type EvidenceHandlers } from './evidence-panel';
import {
  filtersActive,
  findIndicator,
  findRequirement,
  initialSelection,
  matchCounts,
  replaceRequirement,
  reqKeyOf,
  resolveNode,
  selectionId,
  statusCounts,
  type Filters,
  type ReqKey,
  type Selection,
} from './model';
import { BulkBar } from './bulk-bar';
import { RequirementList, buildList } from './requirement-list';
import { useChecklistKeys } from './use-checklist-keys';
import { useStatusChanges } from './use-status-changes';
import { useEvidenceActions } from './use-evidence-actions';
import { useTicks } from './use-ticks';
import { FilterBar, NO_FILTERS, UnitBar } from './workspace-bars';
import { WorkspaceDialogs, type DialogState } from './workspace-dialogs';


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

export function ChecklistWorkspace(props: WorkspaceProps) {
  const { checklist: loaded, stale, units, aspectParam, instrumentParam, headerActions, onUnitChange, reloadChecklist, reloadProgress } = props;
  const toast = useToast();

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
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [busyKeys, setBusyKeys] = useState<ReadonlySet<ReqKey>>(new Set());
  const [historyVersion, setHistoryVersion] = useState(0);
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [bulkBusy, setBulkBusy] = useState(false);
  const [reveal, setReveal] = useState<{ key: ReqKey; seq: number } | null>(null);

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

  const shownRequirements = model?.requirements ?? [];
  const ticks = useTicks(`${periodId}:${unitId}:${nodeId}`, shownRequirements);

  useChecklistKeys({
    move: (delta) => {
      if (shownRequirements.length === 0) return;
      const index = shownRequirements.findIndex((requirement) => reqKeyOf(requirement) === effectiveKey);
      const next = shownRequirements[index < 0 ? 0 : Math.min(shownRequirements.length - 1, Math.max(0, index + delta))]!;
      setSelectedKey(reqKeyOf(next));
      setReveal((previous) => ({ key: reqKeyOf(next), seq: (previous?.seq ?? 0) + 1 }));
    },
    verify: () => {
      if (selected) requestStatus(selected, 'terverifikasi');
    },
    needsFix: () => {
      if (selected) requestStatus(selected, 'perlu_perbaikan');
    },
    note: () => document.querySelector<HTMLTextAreaElement>('.cl-page .note__input')?.focus(),
    toggle: () => {
      if (effectiveKey) ticks.check(effectiveKey, false);
    },
    clearTicks: () => {
      if (ticks.checked.length === 0) return false;
      ticks.clear();
      return true;
    },
  });
  const location = selected ? findIndicator(checklist, selected.instrumentId, selected.indicatorCode) : null;

  const matches = useMemo(() => (filtersOn ? matchCounts(checklist, filters) : null), [checklist, filters, filtersOn]);
  const unitCounts = useMemo(() => statusCounts(checklist), [checklist]);

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

  const statusChanges = useStatusChanges({
    periodId,
    unitId,
    apply: (forUnit, requirements) => {
      if (requirements.length === 0) return;
      patch(forUnit, (current) => requirements.reduce(replaceRequirement, current));
      changed(true);
    },
  });

  const saveStatus = async (requirement: ChecklistRequirement, status: EvidenceStatus, reason?: string) => {
    const key = reqKeyOf(requirement);
    setBusy(key, true);
    try {
      await statusChanges.setOne(requirement, status, reason);
    } finally {
      setBusy(key, false);
    }
  };

  const saveBulk = async (status: EvidenceStatus, reason?: string) => {
    setBulkBusy(true);
    try {
      if (await statusChanges.setMany(ticks.checked, status, reason)) ticks.clear();
    } finally {
      setBulkBusy(false);
    }
  };

  const requestBulk = (status: EvidenceStatus) => {
    if (status === 'perlu_perbaikan' || status === 'tidak_berlaku') {
      setDialog({ kind: 'bulk-reason', status, count: ticks.checked.length });
      return;
    }
    saveBulk(status).catch((error: unknown) => toast.error('Status tidak tersimpan', errorMessage(error)));
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

  const evidence = useEvidenceActions({ periodId, unitId, checklist, selected, patch, changed, onTarget: setSelectedKey });
  const { uploading, attachingDialog, rejected, setRejected, upload, attachWithDialog, evidenceAdded, detach, trash, open, dropFiles } = evidence;

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

  const aspectCrumb = node?.aspect ? node.aspect.name : node ? node.instrument.shortName : null;

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

      <UnitBar checklist={checklist} units={units} unitCounts={unitCounts} onUnitChange={onUnitChange} />
      <FilterBar filters={filters} setFilters={setFilters} model={model} filtersOn={filtersOn} scopeLabel={scopeLabel} />

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
            checked={ticks.checkedKeys}
            reveal={reveal}
            bulkBar={<BulkBar checkedCount={ticks.checked.length} shownCount={shownRequirements.length} busy={bulkBusy} onToggleAll={ticks.toggleAll} onStatus={requestBulk} onClear={ticks.clear} />}
            busyKeys={busyKeys}
            uploading={uploading}
            onSelect={setSelectedKey}
            onCheck={ticks.check}
            onStatus={requestStatus}
            onHide={(requirement) => setDialog({ kind: 'hide', requirement })}
            onAddRequirement={(indicator) => setDialog({ kind: 'add', indicator })}
            onShowHidden={(indicator) => setDialog({ kind: 'hidden', indicator })}
            onClearFilters={() => setFilters(NO_FILTERS)}
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

      <WorkspaceDialogs
        dialog={dialog}
        checklist={checklist}
        node={node}
        onClose={() => setDialog(null)}
        saveStatus={saveStatus}
        saveBulk={(status, reason) => saveBulk(status, reason).catch((error: unknown) => toast.error('Status tidak tersimpan', errorMessage(error)))}
        patch={patch}
        onSelectKey={setSelectedKey}
        evidenceAdded={evidenceAdded}
        reloadChecklist={reloadChecklist}
        reloadProgress={reloadProgress}
      />
    </div>
  );
}


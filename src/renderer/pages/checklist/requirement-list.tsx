/**
 * Middle pane: the requirements of the selected node, grouped by indicator, rendered
 * through a virtualiser (an instrument holds 80+ rows, both together 230+), with quick
 * status actions. Files dropped anywhere on the pane go to the selected requirement.
 */
import { Button, IconButton } from '../../components/button';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { EVIDENCE_STATUSES, type ChecklistAspect, type ChecklistIndicator, type ChecklistRequirement, type EvidenceStatus } from '../../../shared/types';
import { Badge } from '../../components/badge';
import { formatCount, normalizeSearch } from '../../lib/format';
import { Icon } from '../../components/icons';
import { filtersActive, matchesSearch, needsWork, passesStatus, reqKeyOf, type Filters, type NodeView, type ReqKey, STATUS_ACTIONS } from './model';
import { ProgressRing, StatusChip } from './widgets';
import type { ReactNode } from 'react';

export type ListItem =
  | { type: 'header'; key: string; aspect: ChecklistAspect; indicator: ChecklistIndicator; showAspect: boolean }
  | { type: 'req'; key: string; requirement: ChecklistRequirement; indicator: ChecklistIndicator }
  | { type: 'empty'; key: string; indicator: ChecklistIndicator };

export interface ListModel {
  items: ListItem[];
  total: number;
  shown: number;
  /** Per status among the requirements matching the search (status filters ignored). */
  statusCounts: Record<EvidenceStatus, number>;
  gapCount: number;
  /** The requirements shown, in screen order (keyboard moves, ranges, "pilih semua yang tampil"). */
  requirements: ChecklistRequirement[];
}

export function buildList(node: NodeView, filters: Filters): ListModel {
  const needle = normalizeSearch(filters.search);
  const active = filtersActive(filters);
  const statusCounts = Object.fromEntries(EVIDENCE_STATUSES.map((status) => [status, 0])) as Record<EvidenceStatus, number>;
  const items: ListItem[] = [];
  const requirements: ChecklistRequirement[] = [];
  let total = 0;
  let shown = 0;
  let gapCount = 0;
  for (const { aspect, indicator } of node.indicators) {
    total += indicator.requirements.length;
    const matching = indicator.requirements.filter((requirement) => matchesSearch(requirement, indicator, needle));
    for (const requirement of matching) {
      statusCounts[requirement.status] += 1;
      if (needsWork(requirement)) gapCount += 1;
    }
    const visible = matching.filter((requirement) => passesStatus(requirement, filters));
    shown += visible.length;
    if (active && visible.length === 0) continue;
    items.push({ type: 'header', key: `h:${indicator.code}`, aspect, indicator, showAspect: node.aspect === null });
    if (visible.length === 0) items.push({ type: 'empty', key: `e:${indicator.code}`, indicator });
    for (const requirement of visible) items.push({ type: 'req', key: `r:${reqKeyOf(requirement)}`, requirement, indicator });
    requirements.push(...visible);
  }
  return { items, total, shown, statusCounts, gapCount, requirements };
}

export interface UploadState {
  key: ReqKey;
  total: number;
  done: number;
  current: string;
}

interface RequirementListProps {
  nodeId: string;
  title: string;
  subtitle: ReactNode;
  countText: string;
  model: ListModel;
  filtersOn: boolean;
  selectedKey: ReqKey | null;
  selected: ChecklistRequirement | null;
  /** Ticked for a bulk change. */
  checked: ReadonlySet<ReqKey>;
  /** Scroll this requirement into view (the keyboard moved to it); `seq` repeats a request. */
  reveal: { key: ReqKey; seq: number } | null;
  bulkBar: ReactNode;
  busyKeys: ReadonlySet<ReqKey>;
  uploading: UploadState | null;
  onSelect: (key: ReqKey) => void;
  onCheck: (key: ReqKey, range: boolean) => void;
  onStatus: (requirement: ChecklistRequirement, status: EvidenceStatus) => void;
  onHide: (requirement: ChecklistRequirement) => void;
  onAddRequirement: (indicator: ChecklistIndicator) => void;
  onShowHidden: (indicator: ChecklistIndicator) => void;
  onClearFilters: () => void;
  onDropFiles: (files: File[]) => void;
}

function RequirementRow({
  requirement,
  selected,
  checked,
  busy,
  onSelect,
  onCheck,
  onStatus,
  onHide,
}: {
  requirement: ChecklistRequirement;
  selected: boolean;
  checked: boolean;
  busy: boolean;
  onSelect: () => void;
  onCheck: (range: boolean) => void;
  onStatus: (status: EvidenceStatus) => void;
  onHide: () => void;
}) {
  const count = requirement.evidence.length;
  return (
    <div className={`req-row req-row--${requirement.status}${selected ? ' req-row--selected' : ''}${checked ? ' req-row--checked' : ''}`} data-requirement={requirement.code} data-key={reqKeyOf(requirement)}>
      <input
        type="checkbox"
        className="check__box req-row__check"
        aria-label={`Pilih untuk ubah massal: ${requirement.text}`}
        checked={checked}
        onChange={() => undefined}
        onClick={(event) => onCheck(event.shiftKey)}
      />
      <button type="button" className="req-row__main" aria-pressed={selected} onClick={onSelect}>
        <span className="req-row__top">
          <StatusChip status={requirement.status} compact />
          {requirement.custom ? (
            <Badge tone="amber" title="Persyaratan tambahan dari Bagian Organisasi untuk tahun ini">
              tambahan kantor
            </Badge>
          ) : null}
          {requirement.expired ? (
            <Badge tone="red" icon="alert-triangle" title="Ada bukti yang kedaluwarsa: tanggal dokumennya di luar rentang tahun ini atau melebihi batas usia di Pengaturan.">
              kedaluwarsa
            </Badge>
          ) : null}
          {requirement.sharedWith.length > 0 ? (
            <Badge tone="amber" icon="copy" title={`Berkas yang sama juga dilampirkan oleh: ${requirement.sharedWith.join(', ')}`}>
              berkas sama di {formatCount(requirement.sharedWith.length)} unit lain
            </Badge>
          ) : null}
          <span className={`req-row__count${count === 0 ? ' req-row__count--none' : ''}`} title={`${formatCount(count)} bukti dukung`}>
            <Icon name="paperclip" size={14} />
            {formatCount(count)} bukti
          </span>
        </span>
        <span className="req-row__text">{requirement.text}</span>
        {requirement.reason && (requirement.status === 'perlu_perbaikan' || requirement.status === 'tidak_berlaku') ? (
          <span className="req-row__reason">Alasan: {requirement.reason}</span>
        ) : null}
      </button>
      <div className="req-row__actions" role="group" aria-label="Ubah status">
        {busy ? <span className="spinner spinner--small" aria-label="Menyimpan…" role="status" /> : null}
        {STATUS_ACTIONS.map((action) => {
          const current = requirement.status === action.status;
          return (
            <button
              key={action.status}
              type="button"
              className={`quick quick--${action.status}${current ? ' quick--on' : ''}`}
              aria-label={action.label}
              aria-pressed={current}
              title={current ? `Status sekarang: ${action.label}` : action.label}
              disabled={busy}
              onClick={() => onStatus(action.status)}
            >
              <Icon name={action.icon} size={16} />
            </button>
          );
        })}
        {requirement.custom ? null : <IconButton icon="eye-off" label="Sembunyikan" className="quick quick--hide" disabled={busy} onClick={onHide} />}
      </div>
    </div>
  );
}

function IndicatorHeader({ item, onAdd, onShowHidden }: { item: Extract<ListItem, { type: 'header' }>; onAdd: () => void; onShowHidden: () => void }) {
  const { indicator, aspect } = item;
  return (
    <div className="ind-head">
      <ProgressRing progress={indicator.progress} size={30} />
      <div className="ind-head__body">
        <div className="ind-head__eyebrow">
          {item.showAspect ? `${aspect.name} · ` : ''}Indikator {indicator.number}
          {indicator.weight > 0 ? ` · bobot ${formatCount(indicator.weight)}%` : ''}
        </div>
        <h3 className="ind-head__title">{indicator.name}</h3>
        <div className="ind-head__actions">
          <button type="button" className="ind-head__link" onClick={onAdd} aria-label={`Tambah persyaratan pada indikator ${indicator.number}`}>
            <Icon name="plus" size={14} />
            Tambah persyaratan
          </button>
          {indicator.hiddenCount > 0 ? (
            <button type="button" className="ind-head__link ind-head__link--muted" onClick={onShowHidden}>
              <Icon name="eye-off" size={14} />
              {formatCount(indicator.hiddenCount)} disembunyikan · tampilkan yang disembunyikan
            </button>
          ) : null}
        </div>
      </div>
    </div>
  );
}

export function RequirementList(props: RequirementListProps) {
  const { nodeId, title, subtitle, countText, model, filtersOn, selectedKey, selected, checked, reveal, bulkBar, busyKeys, uploading, onSelect, onCheck, onStatus, onHide, onAddRequirement, onShowHidden, onClearFilters, onDropFiles } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const dragDepth = useRef(0);
  const [dragging, setDragging] = useState(false);
  const { items } = model;

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read only during render here
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (items[index]?.type === 'header' ? 70 : items[index]?.type === 'empty' ? 52 : 86),
    getItemKey: (index) => items[index]?.key ?? index,
    overscan: 6,
  });

  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [nodeId, virtualizer]);

  // A keyboard move: bring the row into view (it may not be rendered yet), then focus it.
  const revealIndex = reveal ? items.findIndex((item) => item.key === `r:${reveal.key}`) : -1;
  useEffect(() => {
    if (!reveal || revealIndex < 0) return undefined;
    virtualizer.scrollToIndex(revealIndex, { align: 'auto' });
    const frame = window.requestAnimationFrame(() => {
      scrollRef.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(reveal.key)}"] .req-row__main`)?.focus({ preventScroll: true });
    });
    return () => window.cancelAnimationFrame(frame);
  }, [reveal, revealIndex, virtualizer]);

  const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes('Files');
  const onDragEnter = (event: DragEvent<HTMLElement>) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    dragDepth.current += 1;
    setDragging(true);
  };
  const onDragOver = (event: DragEvent<HTMLElement>) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = selected ? 'copy' : 'none';
  };
  const onDragLeave = (event: DragEvent<HTMLElement>) => {
    if (!hasFiles(event)) return;
    dragDepth.current = Math.max(0, dragDepth.current - 1);
    if (dragDepth.current === 0) setDragging(false);
  };
  const onDrop = (event: DragEvent<HTMLElement>) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    dragDepth.current = 0;
    setDragging(false);
    const files = Array.from(event.dataTransfer.files);
    if (files.length > 0) onDropFiles(files);
  };

  return (
    <section
      className={`cl-pane cl-pane--list${dragging ? ' cl-pane--dragging' : ''}`}
      aria-label="Persyaratan"
      data-testid="requirement-pane"
      onDragEnter={onDragEnter}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      <header className="pane-head">
        <div className="pane-head__main">
          <h2 className="pane-head__title">{title}</h2>
          <div className="pane-head__sub">{subtitle}</div>
        </div>
        <div className="pane-head__count" aria-live="polite" data-testid="requirement-count">
          {countText}
        </div>
      </header>
      {bulkBar}
      {uploading ? (
        <div className="upload-bar" role="status" aria-live="polite">
          <span className="spinner spinner--small" aria-hidden="true" />
          <span className="upload-bar__text">
            Mengunggah {formatCount(uploading.done + 1)} dari {formatCount(uploading.total)} berkas… <span className="text-subtle">{uploading.current}</span>
          </span>
          <span className="progress upload-bar__progress" aria-hidden="true">
            <span className="progress__bar" style={{ width: `${Math.round(((uploading.done + 0.5) / uploading.total) * 100)}%` }} />
          </span>
        </div>
      ) : null}
      <div ref={scrollRef} className="req-list" tabIndex={-1}>
        {items.length === 0 ? (
          <div className="req-list__empty">
            <span className="state__icon">
              <Icon name="filter" size={22} />
            </span>
            <div className="state__title">{filtersOn ? 'Tidak ada persyaratan yang cocok' : 'Belum ada persyaratan'}</div>
            {filtersOn ? (
              <>
                <p className="state__text">Ubah saringan atau kata kunci. Angka di sebelah kiri menunjukkan bagian lain yang cocok.</p>
                <Button size="sm" icon="x" onClick={onClearFilters}>
                  Hapus saringan
                </Button>
              </>
            ) : null}
          </div>
        ) : (
          <div role="list" aria-label="Daftar persyaratan" className="req-list__inner" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((virtual) => {
              const item = items[virtual.index]!;
              return (
                <div
                  key={virtual.key}
                  role="listitem"
                  data-index={virtual.index}
                  ref={virtualizer.measureElement}
                  className={`req-list__slot req-list__slot--${item.type}`}
                  style={{ transform: `translateY(${virtual.start}px)` }}
                  aria-label={item.type === 'req' ? item.requirement.text : undefined}
                >
                  {item.type === 'header' ? (
                    <IndicatorHeader item={item} onAdd={() => onAddRequirement(item.indicator)} onShowHidden={() => onShowHidden(item.indicator)} />
                  ) : item.type === 'empty' ? (
                    <div className="req-empty">Belum ada persyaratan pada indikator ini. Gunakan “Tambah persyaratan” untuk menambahkan bukti yang diminta kantor.</div>
                  ) : (
                    <RequirementRow
                      requirement={item.requirement}
                      selected={selectedKey === reqKeyOf(item.requirement)}
                      checked={checked.has(reqKeyOf(item.requirement))}
                      busy={busyKeys.has(reqKeyOf(item.requirement))}
                      onSelect={() => onSelect(reqKeyOf(item.requirement))}
                      onCheck={(range) => onCheck(reqKeyOf(item.requirement), range)}
                      onStatus={(status) => onStatus(item.requirement, status)}
                      onHide={() => onHide(item.requirement)}
                    />
                  )}
                </div>
              );
            })}
          </div>
        )}
      </div>
      {dragging ? (
        <div className={`drop-overlay${selected ? '' : ' drop-overlay--blocked'}`} aria-hidden="true">
          <div className="drop-overlay__card">
            <Icon name="upload" size={28} />
            {selected ? (
              <>
                <div className="drop-overlay__title">Lepaskan untuk melampirkan</div>
                <div className="drop-overlay__text">{selected.text}</div>
              </>
            ) : (
              <>
                <div className="drop-overlay__title">Pilih satu persyaratan dulu</div>
                <div className="drop-overlay__text">Berkas dilampirkan ke persyaratan yang sedang dipilih.</div>
              </>
            )}
          </div>
        </div>
      ) : null}
    </section>
  );
}

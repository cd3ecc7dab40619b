/**
 * The three-way comparison behind preview and apply: what the unit saw at export (the
 * key), what it wrote (the rows) and what Patuh holds now. Only cells the unit actually
 * changed count as edits; an edit to something Patuh changed since export is a conflict.
 */
import crypto from 'node:crypto';
import { statusAfterEvidenceAdded } from '../../../core/checklist/rules';
import type { EvidenceStatus } from '../../../core/checklist/types';
import type { ChecklistRequirement } from '../../../shared/types';
import type { ServerContext } from '../../context';
import { checklistRepo, getChecklist, type ItemKey } from '../../checklist/checklist-service';
import { rowBaselines, rowKeyOf, sameSentRow, type RowBaseline, type SentRow } from './baselines';
import { normalizeNote } from './cell-values';
import type { VerifiedForm } from './check-workbook';
import { collectRows } from './export-form';
import { COL, NEEDS_REASON, headerOf, statusLabel } from './layout';
import type { RowInput } from './read-rows';
import type { Change, ChangeField, Conflict, RowError } from './types';

export interface PlannedRow {
  itemKey: ItemKey;
  row: number;
  conflict: boolean;
  /** `cause` is set when the evidence rule (not the unit) moved the status. */
  status?: { to: EvidenceStatus; reason: string; cause?: string };
  note?: string;
  links: Array<{ url: string; documentDate: string | null }>;
  entries: Change[];
  /** The row as the unit wrote it: remembered once applied (see baselines.ts). */
  sent: SentRow;
}

export interface Plan {
  rows: PlannedRow[];
  changes: Change[];
  conflicts: Conflict[];
  errors: RowError[];
  unchanged: number;
  stateHash: string;
}

interface Current {
  requirement: ChecklistRequirement;
  instrument: string;
  indicator: string;
}

const FIELD_LABELS: Record<ChangeField, string> = { status: 'Status', note: 'Catatan', link: 'Tautan bukti', documentDate: 'Tanggal dokumen' };

/** What the import must not race with: the unit's items, links and library, and the requirement list. */
function stateHash(ctx: ServerContext, form: VerifiedForm, current: Map<string, Current>): string {
  const repo = checklistRepo(ctx);
  const state = {
    items: repo.itemsOfUnit.all(form.period.id, form.unit.id).sort((a, b) => a.id - b.id),
    links: repo.linksOfUnit.all(form.period.id, form.unit.id).map((link) => [link.item_id, link.id]),
    library: repo.library.all(form.unit.id).map((row) => [row.id, row.kind, row.url, row.deleted_at, row.document_date]),
    requirements: [...current.keys()],
  };
  return crypto.createHash('sha256').update(JSON.stringify(state)).digest('hex');
}

function currentRequirements(ctx: ServerContext, form: VerifiedForm): Map<string, Current> {
  const checklist = getChecklist(ctx, { periodId: form.period.id, unitId: form.unit.id });
  return new Map(collectRows(checklist).map((row) => [`${row.requirement.instrumentId}:${row.requirement.code}`, { requirement: row.requirement, instrument: row.instrument, indicator: row.indicator }]));
}

class RowPlanner {
  readonly entries: Change[] = [];
  constructor(
    private readonly input: RowInput,
    private readonly current: Current,
  ) {}

  add(field: ChangeField, before: string, after: string): void {
    const { requirement } = this.current;
    this.entries.push({
      row: this.input.row,
      instrumentId: requirement.instrumentId,
      requirementCode: requirement.code,
      instrument: this.current.instrument,
      indicator: this.current.indicator,
      requirement: requirement.text,
      field,
      fieldLabel: FIELD_LABELS[field],
      before,
      after,
    });
  }
}

/** New link evidence gets the row's document date; an address already in the library is reused as is. */
function planLinks(ctx: ServerContext, input: RowInput, current: Current, unitId: number, created: Set<string>, planner: RowPlanner) {
  const attached = new Set(current.requirement.evidence.filter((item) => item.kind === 'link').map((item) => item.url));
  const links = input.links.filter((url) => !attached.has(url)).map((url) => {
    const isNew = !created.has(url) && checklistRepo(ctx).evidenceByUrl.get(unitId, url) === undefined;
    created.add(url);
    planner.add('link', '', url);
    if (isNew && input.documentDate) planner.add('documentDate', '', input.documentDate);
    return { url, documentDate: isNew ? input.documentDate : null };
  });
  return links;
}

function planRow(ctx: ServerContext, input: RowInput, current: Current, form: VerifiedForm, created: Set<string>, applied: RowBaseline | undefined): PlannedRow {
  const { requirement } = current;
  const { key } = input;
  // Only an apply newer than this workbook's export counts (a re-exported form already shows it).
  const baseline = applied && (applied.updatedAt ?? '') > key.updatedAt ? applied : undefined;
  const planner = new RowPlanner(input, current);
  const itemKey: ItemKey = { periodId: form.period.id, unitId: form.unit.id, instrumentId: requirement.instrumentId, requirementCode: requirement.code };
  const sent: SentRow = { status: input.status, note: input.note, links: input.links };
  // Not touched since the office applied this workbook: nothing new from the unit.
  if (baseline && sameSentRow(sent, baseline.sent)) return { itemKey, row: input.row, conflict: false, links: [], entries: [], sent };
  // An edit is a difference from what the unit last sent (once applied), else from the export.
  const reference = baseline ? { status: baseline.sent.status ?? key.status, note: baseline.sent.note } : { status: key.status, note: key.note };
  const statusEdited = input.status !== null && input.status !== reference.status;
  const noteEdited = input.note !== reference.note;
  const links = planLinks(ctx, input, current, form.unit.id, created, planner);
  const currentNote = normalizeNote(requirement.note);
  const note = noteEdited ? input.note : currentNote;
  let status = statusEdited ? input.status! : requirement.status;
  // The same core rule as attaching evidence in the app: new links put the requirement back in the queue.
  const moved = links.length > 0 ? statusAfterEvidenceAdded(status) : null;
  if (moved) status = moved.to;
  // Only used when the status changes; for these two the row's Catatan is the reason.
  const reason = NEEDS_REASON.has(status) ? note : '';
  if (status !== requirement.status) planner.add('status', statusLabel(requirement.status), statusLabel(status));
  if (note !== currentNote) planner.add('note', currentNote, note);
  // The office changed it after the export, and after this workbook's last apply (if any).
  const updatedAt = requirement.updatedAt ?? '';
  const changedSince = updatedAt !== key.updatedAt && (baseline === undefined || updatedAt !== (baseline.updatedAt ?? ''));
  return {
    itemKey,
    row: input.row,
    conflict: changedSince && planner.entries.length > 0,
    ...(status !== requirement.status ? { status: { to: status, reason, ...(moved ? { cause: moved.cause } : {}) } } : {}),
    ...(note !== currentNote ? { note } : {}),
    links,
    entries: planner.entries,
    sent,
  };
}

function toConflict(change: Change, key: RowInput['key'], requirement: ChecklistRequirement): Conflict {
  const exported = change.field === 'status' ? statusLabel(key.status) : change.field === 'note' ? key.note : '';
  return { ...change, exported, changedAt: requirement.updatedAt ?? '' };
}

const edited = (input: RowInput) => (input.status !== null && input.status !== input.key.status) || input.note !== input.key.note || input.links.length > 0;

export function planImport(ctx: ServerContext, form: VerifiedForm, inputs: RowInput[]): Plan {
  const current = currentRequirements(ctx, form);
  const plan: Plan = { rows: [], changes: [], conflicts: [], errors: [], unchanged: 0, stateHash: stateHash(ctx, form, current) };
  const created = new Set<string>();
  const baselines = rowBaselines(ctx, { periodId: form.period.id, unitId: form.unit.id });
  for (const input of inputs) {
    const found = current.get(`${input.key.instrumentId}:${input.key.requirementCode}`);
    if (!found) {
      if (edited(input)) {
        plan.errors.push({ row: input.row, column: headerOf(COL.no), cell: `A${input.row}`, message: 'Persyaratan ini sudah tidak dipakai pada tahun penilaian ini (disembunyikan atau dihapus Bagian Organisasi).', action: 'Kosongkan isian baris ini, atau minta Bagian Organisasi mengekspor ulang formulir.' });
      } else plan.unchanged += 1;
      continue;
    }
    const planned = planRow(ctx, input, found, form, created, baselines.get(rowKeyOf(input.key)));
    if (planned.entries.length === 0) plan.unchanged += 1;
    else plan.rows.push(planned);
    if (planned.conflict) plan.conflicts.push(...planned.entries.map((entry) => toConflict(entry, input.key, found.requirement)));
    else plan.changes.push(...planned.entries);
  }
  return plan;
}

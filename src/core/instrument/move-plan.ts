/**
 * Moving a year from one instrument version to another: which indicator and requirement
 * codes carry their levels, statuses and evidence to which new codes. Same code = same
 * item by default; the office edits the mapping for renamed codes (one → one) and split
 * codes (one → several). Two old codes may not land on one new code (which status would
 * win is not something the app should guess).
 */
import type { InstrumentDefinition } from './schema';

export interface CodeMapping {
  indicators: Record<string, string[]>;
  requirements: Record<string, string[]>;
}

export interface MoveRow {
  kind: 'indikator' | 'bukti';
  code: string;
  name: string;
  targets: Array<{ code: string; name: string }>;
  /** Stored rows (levels or statuses) of the year for this code. */
  items: number;
}

export interface MovePlan {
  mapping: CodeMapping;
  moves: MoveRow[];
  /** Old codes with stored data that map to nothing: their data stays with the old version only. */
  unmapped: MoveRow[];
  /** New codes nothing maps to: they start empty. */
  fresh: Array<{ kind: 'indikator' | 'bukti'; code: string; name: string }>;
  problems: string[];
  itemsMoved: number;
  itemsLeft: number;
}

function indicatorNames(definition: InstrumentDefinition): Map<string, string> {
  return new Map(definition.aspects.flatMap((aspect) => aspect.indicators.map((indicator) => [indicator.code, `${indicator.number}. ${indicator.name}`])));
}

function requirementNames(definition: InstrumentDefinition): Map<string, string> {
  return new Map(definition.aspects.flatMap((aspect) => aspect.indicators.flatMap((indicator) => indicator.requirements.map((requirement) => [requirement.code, requirement.text]))));
}

/** Same code in both versions = same item. */
export function defaultMapping(from: InstrumentDefinition, to: InstrumentDefinition): CodeMapping {
  const map = (before: Map<string, string>, after: Map<string, string>) => Object.fromEntries([...before.keys()].map((code) => [code, after.has(code) ? [code] : []]));
  return { indicators: map(indicatorNames(from), indicatorNames(to)), requirements: map(requirementNames(from), requirementNames(to)) };
}

function planKind(
  kind: MoveRow['kind'],
  before: Map<string, string>,
  after: Map<string, string>,
  mapping: Record<string, string[]>,
  used: ReadonlyMap<string, number>,
  plan: MovePlan,
): void {
  const claimed = new Map<string, string>();
  const label = kind === 'indikator' ? 'indikator' : 'bukti dukung';
  for (const [code, name] of before) {
    const targets = [...new Set(mapping[code] ?? [])];
    const row: MoveRow = { kind, code, name, targets: [], items: used.get(code) ?? 0 };
    for (const target of targets) {
      const targetName = after.get(target);
      if (targetName === undefined) {
        plan.problems.push(`Kode ${label} "${target}" (tujuan "${code}") tidak ada di versi baru.`);
        continue;
      }
      const previous = claimed.get(target);
      if (previous) plan.problems.push(`Kode ${label} baru "${target}" dipetakan dari "${previous}" dan "${code}"; pilih satu saja.`);
      claimed.set(target, code);
      row.targets.push({ code: target, name: targetName });
    }
    if (row.targets.length > 0) plan.moves.push(row);
    else if (row.items > 0) plan.unmapped.push(row);
  }
  for (const [code, name] of after) if (!claimed.has(code)) plan.fresh.push({ kind, code, name });
  for (const code of Object.keys(mapping)) if (!before.has(code)) plan.problems.push(`Kode ${label} "${code}" tidak ada di versi lama.`);
}

/**
 * The plan for a mapping (defaults where the office did not edit), with counts of the
 * year's stored rows per old code so the preview can say what moves and what stays.
 */
export function planMove(
  from: InstrumentDefinition,
  to: InstrumentDefinition,
  edited: Partial<CodeMapping>,
  used: { indicators: ReadonlyMap<string, number>; requirements: ReadonlyMap<string, number> },
): MovePlan {
  const defaults = defaultMapping(from, to);
  const mapping: CodeMapping = {
    indicators: { ...defaults.indicators, ...(edited.indicators ?? {}) },
    requirements: { ...defaults.requirements, ...(edited.requirements ?? {}) },
  };
  const plan: MovePlan = { mapping, moves: [], unmapped: [], fresh: [], problems: [], itemsMoved: 0, itemsLeft: 0 };
  if (from.family !== to.family) plan.problems.push('Versi baru harus dari jenis instrumen yang sama (PEKPPP ke PEKPPP, Ombudsman ke Ombudsman).');
  planKind('indikator', indicatorNames(from), indicatorNames(to), mapping.indicators, used.indicators, plan);
  planKind('bukti', requirementNames(from), requirementNames(to), mapping.requirements, used.requirements, plan);
  plan.itemsMoved = plan.moves.reduce((total, row) => total + row.items, 0);
  plan.itemsLeft = plan.unmapped.reduce((total, row) => total + row.items, 0);
  return plan;
}

/**
 * What changed between two instrument versions, matched by code: aspects, indicators,
 * their weights and level texts, elements, requirements and bands. Pure, so the CLI
 * (`instruments diff A B --json`), the compare screen and the move-a-year preview show
 * the same answer.
 */
import type { Aspect, Band, Indicator, InstrumentDefinition, Requirement } from './schema';

export type DiffKind = 'instrumen' | 'aspek' | 'indikator' | 'unsur' | 'bukti' | 'kategori';

export interface DiffEntry {
  kind: DiffKind;
  code: string;
  name: string;
  /** Code of the parent (aspect of an indicator, indicator of a requirement). */
  parent: string | null;
}

export interface DiffChange extends DiffEntry {
  field: string;
  /** Indonesian name of the field, for people. */
  fieldLabel: string;
  from: string | number | boolean | null;
  to: string | number | boolean | null;
}

export interface InstrumentDiff {
  from: { code: string; version: string; name: string };
  to: { code: string; version: string; name: string };
  added: DiffEntry[];
  removed: DiffEntry[];
  changed: DiffChange[];
  /** True when nothing differs. */
  same: boolean;
}

type Scalar = string | number | boolean | null;

const FIELD_LABELS: Record<string, string> = {
  name: 'nama',
  shortName: 'nama singkat',
  version: 'versi',
  'years.from': 'berlaku mulai',
  'years.to': 'berlaku sampai',
  legalBasis: 'dasar hukum',
  description: 'catatan',
  weight: 'bobot',
  number: 'nomor',
  aspect: 'aspek',
  indicator: 'indikator',
  estimated: 'estimasi',
  text: 'judul',
  kind: 'jenis',
  validMonths: 'berlaku (bulan)',
  label: 'label',
  base: 'unsur dasar',
  thresholds: 'ambang unsur',
  min: 'batas bawah',
  max: 'batas atas',
  zone: 'zona',
  tone: 'warna',
  'trust.share': 'bobot survei',
  'trust.label': 'nama survei',
  'suffix.label': 'keterangan opini',
  'survey.respondentsTarget': 'target responden per produk',
  'survey.contactsMin': 'kontak pengguna minimal per produk',
};

function labelOf(field: string): string {
  const level = /^levels\.(\d+)$/u.exec(field);
  return level ? `teks tingkat ${level[1]}` : (FIELD_LABELS[field] ?? field);
}

class Collector {
  readonly added: DiffEntry[] = [];
  readonly removed: DiffEntry[] = [];
  readonly changed: DiffChange[] = [];

  compare(entry: DiffEntry, fields: Record<string, [Scalar | undefined, Scalar | undefined]>): void {
    for (const [field, [from, to]] of Object.entries(fields)) {
      const a = from ?? null;
      const b = to ?? null;
      if (a !== b) this.changed.push({ ...entry, field, fieldLabel: labelOf(field), from: a, to: b });
    }
  }

  /** Match two lists by code: added, removed, and the pairs to compare further. */
  match<T extends { code: string }>(from: T[], to: T[], entry: (item: T) => DiffEntry, same: (a: T, b: T) => void): void {
    const before = new Map(from.map((item) => [item.code, item]));
    const after = new Map(to.map((item) => [item.code, item]));
    for (const item of to) if (!before.has(item.code)) this.added.push(entry(item));
    for (const item of from) {
      const next = after.get(item.code);
      if (!next) this.removed.push(entry(item));
      else same(item, next);
    }
  }
}

type Placed<T> = T & { parent: string };

function indicatorsOf(definition: InstrumentDefinition): Array<Placed<Indicator>> {
  return definition.aspects.flatMap((aspect) => aspect.indicators.map((indicator) => ({ ...indicator, parent: aspect.code })));
}

function requirementsOf(definition: InstrumentDefinition): Array<Placed<Requirement>> {
  return indicatorsOf(definition).flatMap((indicator) => indicator.requirements.map((requirement) => ({ ...requirement, parent: indicator.code })));
}

function elementsOf(definition: InstrumentDefinition) {
  return indicatorsOf(definition).flatMap((indicator) =>
    (indicator.elements?.items ?? []).map((item) => ({ ...item, code: `${indicator.code}/${item.code}`, parent: indicator.code })),
  );
}

function compareIndicator(c: Collector, a: Placed<Indicator>, b: Placed<Indicator>): void {
  const entry: DiffEntry = { kind: 'indikator', code: b.code, name: b.name, parent: b.parent };
  const levels: Record<string, [Scalar | undefined, Scalar | undefined]> = {};
  const count = Math.max(a.levels?.length ?? 0, b.levels?.length ?? 0);
  for (let level = 0; level < count; level += 1) levels[`levels.${level}`] = [a.levels?.[level], b.levels?.[level]];
  c.compare(entry, {
    name: [a.name, b.name],
    number: [a.number, b.number],
    aspect: [a.parent, b.parent],
    weight: [a.weight, b.weight],
    estimated: [a.estimated, b.estimated],
    ...levels,
    thresholds: [a.elements?.thresholds.join('; '), b.elements?.thresholds.join('; ')],
  });
}

function compareBands(c: Collector, from: Band[], to: Band[]): void {
  c.match(
    from,
    to,
    (band) => ({ kind: 'kategori', code: band.code, name: band.label, parent: null }),
    (a, b) =>
      c.compare(
        { kind: 'kategori', code: b.code, name: b.label, parent: null },
        { label: [a.label, b.label], min: [a.min, b.min], max: [a.max, b.max], zone: [a.zone, b.zone], tone: [a.tone, b.tone], estimated: [a.estimated, b.estimated] },
      ),
  );
}

function compareTop(c: Collector, from: InstrumentDefinition, to: InstrumentDefinition): void {
  const trust = (d: InstrumentDefinition) => (d.scoring.kind === 'requirements' ? d.scoring.trust : undefined);
  const suffix = (d: InstrumentDefinition) => (d.scoring.kind === 'requirements' ? d.scoring.suffix : undefined);
  const survey = (d: InstrumentDefinition) => (d.scoring.kind === 'requirements' ? d.scoring.survey : undefined);
  c.compare(
    { kind: 'instrumen', code: to.code, name: to.shortName, parent: null },
    {
      name: [from.name, to.name],
      shortName: [from.shortName, to.shortName],
      'years.from': [from.years.from, to.years.from],
      'years.to': [from.years.to, to.years.to],
      legalBasis: [from.legalBasis, to.legalBasis],
      'trust.label': [trust(from)?.label, trust(to)?.label],
      'trust.share': [trust(from)?.share, trust(to)?.share],
      'suffix.label': [suffix(from)?.label, suffix(to)?.label],
      'survey.respondentsTarget': [survey(from)?.respondentsTarget, survey(to)?.respondentsTarget],
      'survey.contactsMin': [survey(from)?.contactsMin, survey(to)?.contactsMin],
    },
  );
}

/** Differences from `from` to `to`, every entry named by code. */
export function diffInstruments(from: InstrumentDefinition, to: InstrumentDefinition): InstrumentDiff {
  const c = new Collector();
  compareTop(c, from, to);
  c.match<Aspect>(
    from.aspects,
    to.aspects,
    (aspect) => ({ kind: 'aspek', code: aspect.code, name: aspect.name, parent: null }),
    (a, b) =>
      c.compare({ kind: 'aspek', code: b.code, name: b.name, parent: null }, { name: [a.name, b.name], weight: [a.weight, b.weight], estimated: [a.estimated, b.estimated] }),
  );
  c.match(indicatorsOf(from), indicatorsOf(to), (item) => ({ kind: 'indikator', code: item.code, name: item.name, parent: item.parent }), (a, b) => compareIndicator(c, a, b));
  c.match(
    elementsOf(from),
    elementsOf(to),
    (item) => ({ kind: 'unsur', code: item.code, name: item.label, parent: item.parent }),
    (a, b) => c.compare({ kind: 'unsur', code: b.code, name: b.label, parent: b.parent }, { label: [a.label, b.label], base: [a.base, b.base] }),
  );
  c.match(
    requirementsOf(from),
    requirementsOf(to),
    (item) => ({ kind: 'bukti', code: item.code, name: item.text, parent: item.parent }),
    (a, b) =>
      c.compare(
        { kind: 'bukti', code: b.code, name: b.text, parent: b.parent },
        { text: [a.text, b.text], indicator: [a.parent, b.parent], kind: [a.kind, b.kind], validMonths: [a.validMonths, b.validMonths] },
      ),
  );
  compareBands(c, from.scoring.bands, to.scoring.bands);
  return {
    from: { code: from.code, version: from.version, name: from.shortName },
    to: { code: to.code, version: to.version, name: to.shortName },
    added: c.added,
    removed: c.removed,
    changed: c.changed,
    same: c.added.length + c.removed.length + c.changed.length === 0,
  };
}

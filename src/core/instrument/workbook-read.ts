/**
 * Reading an instrument workbook back into a definition. Cell problems (a weight that is
 * not a number, an unknown aspect code, a level text missing) are found while reading;
 * the definition's own rules (weights summing to 100, duplicate codes, band gaps) by the
 * one validator every instrument goes through, each issue's path mapped back to the
 * sheet, row and column it came from.
 */
import { Reader, TONE_BY_WORD, problemAt, dataRows, readInfo, readRow, type Locations, type WorkbookReading, type WorkbookSheets } from './workbook-cells';
import { COLUMNS, LEVEL_COUNT, SHEET, type DataSheet } from './workbook-layout';
import { validateInstrument, type InstrumentIssue } from './validate';

type Obj = Record<string, unknown>;

const col = (sheet: Exclude<DataSheet, 'info'>, field: string): number => COLUMNS[sheet].findIndex((spec) => spec.field === field) + 1;

/** Register where a row and each of its fields live, under the definition path `base`. */
function register(locations: Locations, sheet: Exclude<DataSheet, 'info'>, row: number, base: string, fields: Record<string, string> = {}): void {
  locations.set(base, [sheet, row, null]);
  for (const spec of COLUMNS[sheet]) locations.set(`${base}.${fields[spec.field] ?? spec.field}`, [sheet, row, col(sheet, spec.field)]);
}

function thresholdsOf(reader: Reader, row: number, text: unknown): number[] | undefined {
  if (text === undefined) return undefined;
  const parts = String(text).split(/[;,\s]+/u).filter(Boolean);
  const numbers = parts.map(Number);
  if (numbers.length !== 5 || numbers.some((value) => !Number.isInteger(value) || value < 0)) {
    reader.at('indicators', row, col('indicators', 'elements.thresholds'), `Isi lima bilangan bulat dipisah titik koma untuk tingkat 1–5 (misalnya "1; 2; 3; 4; 5"), bukan "${String(text)}".`);
    return undefined;
  }
  return numbers;
}

interface Context {
  reader: Reader;
  sheets: WorkbookSheets;
  locations: Locations;
  levelsKind: boolean;
}

function readAspects(ctx: Context): { aspects: Obj[]; byCode: Map<string, { aspect: Obj; a: number }> } {
  const aspects: Obj[] = [];
  const byCode = new Map<string, { aspect: Obj; a: number }>();
  for (const { row, cells } of dataRows(ctx.reader, ctx.sheets, 'aspects')) {
    const aspect: Obj = { ...readRow(ctx.reader, 'aspects', row, cells), indicators: [] };
    const a = aspects.length;
    aspects.push(aspect);
    register(ctx.locations, 'aspects', row, `aspects.${a}`);
    if (typeof aspect['code'] === 'string' && !byCode.has(aspect['code'])) byCode.set(aspect['code'], { aspect, a });
  }
  return { aspects, byCode };
}

interface IndicatorSlot {
  indicator: Obj;
  path: string;
  row: number;
  thresholds: number[] | undefined;
  items: Obj[];
}

function readIndicators(ctx: Context, aspects: Map<string, { aspect: Obj; a: number }>): Map<string, IndicatorSlot> {
  const byCode = new Map<string, IndicatorSlot>();
  const firstRowOfAspect = new Set<number>();
  for (const { row, cells } of dataRows(ctx.reader, ctx.sheets, 'indicators')) {
    const values = readRow(ctx.reader, 'indicators', row, cells);
    const owner = typeof values['aspect'] === 'string' ? aspects.get(values['aspect']) : undefined;
    if (!owner) {
      if (values['aspect'] !== undefined) ctx.reader.at('indicators', row, 1, `Kode aspek "${String(values['aspect'])}" tidak ada di lembar "${SHEET.aspects}".`);
      continue;
    }
    const levels = Array.from({ length: LEVEL_COUNT }, (_, level) => values[`levels.${level}`]);
    const anyLevel = levels.some((text) => text !== undefined);
    if (ctx.levelsKind) {
      levels.forEach((text, level) => {
        if (text === undefined) ctx.reader.at('indicators', row, col('indicators', `levels.${level}`), `Teks tingkat ${level} kosong; setiap indikator memerlukan teks tingkat 0–${LEVEL_COUNT - 1}.`);
      });
    }
    const indicator: Obj = {
      code: values['code'],
      number: values['number'],
      name: values['name'],
      weight: values['weight'],
      ...(values['estimated'] !== undefined ? { estimated: values['estimated'] } : {}),
      ...(ctx.levelsKind || anyLevel ? { levels: levels.map((text) => (text === undefined ? '' : String(text))) } : {}),
      requirements: [],
    };
    const list = owner.aspect['indicators'] as Obj[];
    const path = `aspects.${owner.a}.indicators.${list.length}`;
    list.push(indicator);
    register(ctx.locations, 'indicators', row, path);
    if (!firstRowOfAspect.has(owner.a)) {
      firstRowOfAspect.add(owner.a);
      ctx.locations.set(`aspects.${owner.a}.indicators`, ['indicators', row, null]);
      ctx.locations.set(`aspects.${owner.a}.indicators.weight`, ['indicators', row, col('indicators', 'weight')]);
    }
    const slot = { indicator, path, row, thresholds: thresholdsOf(ctx.reader, row, values['elements.thresholds']), items: [] };
    if (typeof indicator['code'] === 'string' && !byCode.has(indicator['code'])) byCode.set(indicator['code'], slot);
  }
  return byCode;
}

function ownerOf(ctx: Context, sheet: 'elements' | 'requirements', row: number, values: Obj, indicators: Map<string, IndicatorSlot>): IndicatorSlot | undefined {
  const slot = typeof values['indicator'] === 'string' ? indicators.get(values['indicator']) : undefined;
  if (!slot && values['indicator'] !== undefined) ctx.reader.at(sheet, row, 1, `Kode indikator "${String(values['indicator'])}" tidak ada di lembar "${SHEET.indicators}".`);
  return slot;
}

function readElementsAndRequirements(ctx: Context, indicators: Map<string, IndicatorSlot>): void {
  for (const { row, cells } of dataRows(ctx.reader, ctx.sheets, 'elements')) {
    const values = readRow(ctx.reader, 'elements', row, cells);
    const slot = ownerOf(ctx, 'elements', row, values, indicators);
    if (!slot) continue;
    register(ctx.locations, 'elements', row, `${slot.path}.elements.items.${slot.items.length}`);
    slot.items.push({ code: values['code'], label: values['label'], ...(values['base'] !== undefined ? { base: values['base'] } : {}) });
  }
  for (const slot of indicators.values()) {
    ctx.locations.set(`${slot.path}.elements`, ['indicators', slot.row, col('indicators', 'elements.thresholds')]);
    if (slot.items.length > 0 && slot.thresholds) slot.indicator['elements'] = { items: slot.items, thresholds: slot.thresholds };
    else if (slot.items.length > 0) ctx.reader.at('indicators', slot.row, col('indicators', 'elements.thresholds'), `Indikator ini punya ${slot.items.length} unsur di lembar "${SHEET.elements}"; isi ambang unsur untuk tingkat 1–5.`);
    else if (slot.thresholds) ctx.reader.at('indicators', slot.row, col('indicators', 'elements.thresholds'), `Ambang unsur diisi, tetapi lembar "${SHEET.elements}" tidak memuat unsur untuk indikator ini.`);
  }
  for (const { row, cells } of dataRows(ctx.reader, ctx.sheets, 'requirements')) {
    const values = readRow(ctx.reader, 'requirements', row, cells);
    const slot = ownerOf(ctx, 'requirements', row, values, indicators);
    if (!slot) continue;
    const list = slot.indicator['requirements'] as Obj[];
    register(ctx.locations, 'requirements', row, `${slot.path}.requirements.${list.length}`);
    list.push({
      code: values['code'],
      text: values['text'],
      ...(values['kind'] !== undefined ? { kind: values['kind'] } : {}),
      ...(values['validMonths'] !== undefined ? { validMonths: values['validMonths'] } : {}),
    });
  }
}

function readBands(ctx: Context): Obj[] {
  return dataRows(ctx.reader, ctx.sheets, 'bands').map(({ row, cells }, b) => {
    const values = readRow(ctx.reader, 'bands', row, cells);
    register(ctx.locations, 'bands', row, `scoring.bands.${b}`);
    const band: Obj = { code: values['code'], label: values['label'], min: values['min'], max: values['max'], tone: TONE_BY_WORD.get(String(values['tone'])) };
    for (const field of ['zone', 'estimated', 'note']) if (values[field] !== undefined) band[field] = values[field];
    return band;
  });
}

/** The cell an issue's path points at: the longest registered prefix of the path. */
function locate(locations: Locations, issue: InstrumentIssue): [DataSheet, number | null, number | null] {
  for (let length = issue.path.length; length > 0; length -= 1) {
    const found = locations.get(issue.path.slice(0, length).join('.'));
    if (found) return found;
  }
  const first = String(issue.path[0] ?? '');
  if (first === 'aspects') return ['aspects', null, issue.path[1] === 'weight' ? col('aspects', 'weight') : null];
  if (first === 'scoring' && issue.path[1] === 'bands') return ['bands', null, null];
  return ['info', null, null];
}

/** Workbook sheets (as the parsing worker hands them over) → a validated definition. */
export function readInstrumentWorkbook(sheets: WorkbookSheets): WorkbookReading {
  const reader = new Reader();
  const locations: Locations = new Map();
  const raw = readInfo(reader, sheets, locations);
  locations.set('scoring', locations.get('scoring.kind') ?? ['info', null, null]);
  const scoring = (raw['scoring'] ?? (raw['scoring'] = {})) as Obj;
  const ctx: Context = { reader, sheets, locations, levelsKind: scoring['kind'] === 'levels' };
  const { aspects, byCode } = readAspects(ctx);
  const indicators = readIndicators(ctx, byCode);
  readElementsAndRequirements(ctx, indicators);
  scoring['bands'] = readBands(ctx);
  raw['aspects'] = aspects;
  const result = validateInstrument(raw);
  if (result.ok && reader.problems.length === 0) return { ok: true, instrument: result.instrument };
  const problems = [...reader.problems];
  const seen = new Set(problems.map((problem) => `${problem.sheet}|${problem.row}|${problem.column}`));
  for (const issue of result.ok ? [] : result.issues) {
    const problem = problemAt(...locate(locations, issue), issue.message);
    const key = `${problem.sheet}|${problem.row}|${problem.column}`;
    // One message per cell from the reader: a missing level text is not reported twice.
    if (seen.has(key) && reader.problems.some((found) => `${found.sheet}|${found.row}|${found.column}` === key)) continue;
    problems.push(problem);
    seen.add(key);
  }
  // In workbook order, so the list reads like the file: sheet by sheet, row by row.
  const order = Object.values(SHEET) as string[];
  problems.sort((a, b) => order.indexOf(a.sheet ?? '') - order.indexOf(b.sheet ?? '') || (a.row ?? 0) - (b.row ?? 0) || (a.cell ?? '').length - (b.cell ?? '').length || (a.cell ?? '').localeCompare(b.cell ?? ''));
  return { ok: false, problems };
}

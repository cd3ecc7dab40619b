/**
 * Import of an instrument edited by the office: an .xlsx made from the export template,
 * or a .json definition. The workbook passes the same hostile-file guard and parsing
 * worker as a returned form; every problem is named by sheet, row and column. Preview
 * changes nothing; apply re-reads the same file (token) and stores a NEW version in one
 * transaction — an existing version is never changed, so years scored with it reproduce.
 */
import crypto from 'node:crypto';
import type { InstrumentDefinition } from '../../core/instrument/schema';
import { diffInstruments } from '../../core/instrument/diff';
import { countInstrument } from '../../core/instrument/summary';
import { validateInstrument } from '../../core/instrument/validate';
import { readInstrumentWorkbook } from '../../core/instrument/workbook-read';
import { COLUMNS, INFO_ROWS, SHEET, type DataSheet } from '../../core/instrument/workbook-layout';
import { describeProblem, type WorkbookCell, type WorkbookProblem } from '../../core/instrument/workbook-cells';
import { AppError } from '../../shared/result';
import type { ImportSource } from '../../shared/import-types';
import type { InstrumentImportPreview } from '../../shared/channels/instruments';
import type { Instrument } from '../../shared/types';
import type { ServerContext } from '../context';
import { unsafeText } from '../excel/cells';
import { parseSheetsInWorker } from '../excel/forms/parse-worker';
import { DEFAULT_LIMITS, type ImportLimits } from '../excel/forms/types';
import { checkSignature, inspectZip, readSource } from '../excel/forms/zip-guard';
import { silentJob, type JobControl } from '../jobs/job';
import { findStoredVersion, getInstrument, listInstruments, storeImportedDefinition } from './instruments-service';

type Reading = { ok: true; instrument: InstrumentDefinition } | { ok: false; problems: WorkbookProblem[] };

const DATA_SHEETS: DataSheet[] = ['info', 'aspects', 'indicators', 'elements', 'requirements', 'bands'];

const columnsOf = (sheet: DataSheet): number => (sheet === 'info' ? 2 : COLUMNS[sheet].length);

/** Undo the apostrophe Patuh puts before text that would otherwise be a formula. */
function clean(rows: WorkbookCell[][]): WorkbookCell[][] {
  return rows.map((cells) => (cells ?? []).map((cell) => (cell && cell.k === 'text' && cell.t ? { ...cell, t: unsafeText(cell.t) } : cell)));
}

function looksLikeJson(name: string, data: Buffer): boolean {
  if (/\.json$/iu.test(name)) return true;
  const head = data.subarray(0, 64).toString('utf8').replace(/^\uFEFF/u, '').trimStart();
  return head.startsWith('{');
}

function readJson(name: string, data: Buffer): Reading {
  let raw: unknown;
  try {
    raw = JSON.parse(data.toString('utf8').replace(/^\uFEFF/u, ''));
  } catch (cause) {
    return { ok: false, problems: [{ sheet: null, row: null, column: null, cell: null, message: `Berkas JSON ${name} tidak dapat dibaca: ${(cause as Error).message}` }] };
  }
  const result = validateInstrument(raw);
  if (result.ok) return result;
  return { ok: false, problems: result.issues.map((issue) => ({ sheet: null, row: null, column: issue.path.join('.') || null, cell: null, message: issue.message })) };
}

async function readWorkbook(data: Buffer, limits: ImportLimits, job: JobControl): Promise<Reading> {
  checkSignature(data);
  await inspectZip(data, limits, job);
  job.progress(0.4, 'Membaca isi buku kerja…');
  const parsed = await parseSheetsInWorker(data, limits, job, DATA_SHEETS.map((sheet) => ({ name: SHEET[sheet], columns: columnsOf(sheet) })));
  const truncated = parsed.sheets.findIndex((sheet) => sheet?.truncated);
  if (truncated >= 0) throw new AppError('FILE_REJECTED', `Lembar "${SHEET[DATA_SHEETS[truncated]!]}" berisi lebih dari ${limits.maxRows.toLocaleString('id-ID')} baris; instrumen normal jauh lebih kecil.`);
  const sheets = Object.fromEntries(DATA_SHEETS.flatMap((sheet, index) => {
    const snap = parsed.sheets[index];
    return snap ? [[SHEET[sheet], clean(snap.rows)]] : [];
  }));
  return readInstrumentWorkbook(sheets);
}

interface Prepared {
  name: string;
  path: string | null;
  json: boolean;
  token: string;
  reading: Reading;
}

async function prepare(source: ImportSource, job: JobControl, limits: ImportLimits): Promise<Prepared> {
  job.progress(0.05, 'Memeriksa berkas…');
  const { name, data } = await readSource(source, limits);
  const token = crypto.createHash('sha256').update(data).digest('hex');
  const json = looksLikeJson(name, data);
  const reading = json ? readJson(name, data) : await readWorkbook(data, limits, job);
  return { name, path: typeof source === 'string' ? source : null, json, token, reading };
}

const VERSION_ROW = INFO_ROWS.findIndex((row) => row.path.join('.') === 'version') + 2;

/** An existing code+version is refused: stored versions never change. */
function versionProblem(ctx: ServerContext, definition: InstrumentDefinition, json: boolean): WorkbookProblem | null {
  const existing = findStoredVersion(ctx, definition.code, definition.version);
  if (!existing) return null;
  const same = JSON.stringify(existing.definition) === JSON.stringify(definition);
  const message = same
    ? `Isi berkas sama persis dengan instrumen ${definition.code} versi ${definition.version} yang sudah ada; tidak ada yang perlu diimpor.`
    : `Instrumen ${definition.code} versi ${definition.version} sudah ada di Patuh dan tidak diubah (tahun yang memakainya harus tetap sama). Naikkan "Versi" (misalnya ${definition.version}.1) lalu impor lagi.`;
  return json
    ? { sheet: null, row: null, column: 'version', cell: null, message }
    : { sheet: SHEET.info, row: VERSION_ROW, column: 'Nilai', cell: `B${VERSION_ROW}`, message };
}

function analyze(ctx: ServerContext, prepared: Prepared): { preview: InstrumentImportPreview; definition: InstrumentDefinition | null } {
  const { reading, name, token } = prepared;
  const base = { fileName: name, filePath: prepared.path, token };
  if (!reading.ok) return { preview: { ...base, ok: false, problems: reading.problems, instrument: null, compareWith: null, diff: null }, definition: null };
  const definition = reading.instrument;
  const conflict = versionProblem(ctx, definition, prepared.json);
  const previous = listInstruments(ctx)
    .filter((item) => item.code === definition.code)
    .pop();
  const diff = previous ? diffInstruments(getInstrument(ctx, { id: previous.id }).definition, definition) : null;
  return {
    preview: {
      ...base,
      ok: conflict === null,
      problems: conflict ? [conflict] : [],
      instrument: { code: definition.code, version: definition.version, name: definition.name, shortName: definition.shortName, family: definition.family, ...countInstrument(definition) },
      compareWith: previous ? { id: previous.id, version: previous.version } : null,
      diff: diff ? { added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length } : null,
    },
    definition,
  };
}

/** Validate an instrument file and show what it would add; changes nothing. */
export async function previewInstrumentImport(ctx: ServerContext, source: ImportSource, job: JobControl = silentJob(), limits: ImportLimits = DEFAULT_LIMITS): Promise<InstrumentImportPreview> {
  const prepared = await prepare(source, job, limits);
  return analyze(ctx, prepared).preview;
}

/** Store the file as a new instrument version; `token` ties it to the file that was previewed. */
export async function applyInstrumentImport(ctx: ServerContext, source: ImportSource, token: string | null, job: JobControl = silentJob(), limits: ImportLimits = DEFAULT_LIMITS): Promise<Instrument> {
  const prepared = await prepare(source, job, limits);
  if (token !== null && prepared.token !== token) throw new AppError('CONFLICT', 'Berkas berubah sejak pratinjau; buka pratinjau lagi sebelum mengimpor.');
  const id = ctx.db
    .transaction(() => {
      const { preview, definition } = analyze(ctx, prepared);
      if (!preview.ok || !definition) {
        throw new AppError('INSTRUMENT_INVALID', `Instrumen tidak diimpor: ${preview.problems.length} masalah. ${preview.problems[0]?.message ?? ''}`.trim(), {
          details: preview.problems.map((problem) => describeProblem(problem)),
        });
      }
      return storeImportedDefinition(ctx, definition);
    })
    .immediate();
  return getInstrument(ctx, { id });
}

/** Read and validate an instrument file (.xlsx or .json) without touching the database. */
export async function readInstrumentSource(source: ImportSource, job: JobControl = silentJob(), limits: ImportLimits = DEFAULT_LIMITS): Promise<Reading> {
  return (await prepare(source, job, limits)).reading;
}

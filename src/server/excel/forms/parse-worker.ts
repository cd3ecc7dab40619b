/**
 * exceljs parses the untrusted workbook in a worker thread with its own small heap and
 * a deadline: a file that is too expensive kills the worker, never the app. The worker
 * source is inline plain JavaScript so it runs the same under Electron's bundle, tsx
 * and vitest without a separate build step.
 *
 * Starting a worker and loading exceljs in it costs more than parsing a form, so one
 * worker stays warm between parses (a batch of 50 returned forms pays that once). It is
 * thrown away on a timeout, a cancel, a crash or its heap limit, and after a minute idle.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/result';
import type { JobControl } from '../../jobs/job';
import { HEADERS, SHEET_FORM, SHEET_KEY } from './layout';
import type { SheetSnap, WorkbookSnapshot } from './snapshot';
import type { ImportLimits } from './types';

const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
// Silent: whatever exceljs prints about a hostile file is not the user's business. (Not
// stdout: false in the Worker options: piped stdio would keep an idle worker's port alive.)
for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace']) console[method] = () => {};
const ExcelJS = require(workerData.exceljsPath);

function textOf(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && Array.isArray(value.richText)) {
    return value.richText.map((part) => (part && part.text != null ? String(part.text) : '')).join('');
  }
  return String(value);
}

function snap(cell) {
  const v = cell.value;
  if (v === null || v === undefined || v === '') return { k: 'empty' };
  if (typeof v === 'string') return { k: 'text', t: v };
  if (typeof v === 'number') return Number.isFinite(v) ? { k: 'number', n: v } : { k: 'error', t: String(v) };
  if (typeof v === 'boolean') return { k: 'bool', t: v ? 'TRUE' : 'FALSE' };
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { k: 'error', t: 'tanggal' } : { k: 'date', t: v.toISOString() };
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) return { k: 'formula' };
    if ('error' in v) return { k: 'error', t: String(v.error) };
    if (Array.isArray(v.richText)) return { k: 'text', t: textOf(v) };
    if ('hyperlink' in v) return { k: 'text', t: textOf(v.text), link: String(v.hyperlink) };
  }
  return { k: 'error', t: 'tidak dikenal' };
}

function sheetSnap(ws, columns, maxRows) {
  const rows = [];
  let count = 0;
  let truncated = false;
  ws.eachRow({ includeEmpty: false }, (row, number) => {
    count += 1;
    if (truncated || count > maxRows || number > maxRows) { truncated = true; return; }
    const cells = [];
    for (let c = 1; c <= columns; c += 1) cells.push(snap(row.getCell(c)));
    rows[number - 1] = cells;
  });
  for (let i = 0; i < rows.length; i += 1) if (!rows[i]) rows[i] = [];
  return { name: ws.name, state: String(ws.state || 'visible'), rows, truncated };
}

parentPort.on('message', async (job) => {
  try {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(job.data);
    const find = (name) => wb.worksheets.find((ws) => ws.name === name);
    // formSheet null = the first visible sheet (a questionnaire export, e.g. Google Forms).
    const form = job.formSheet === null ? wb.worksheets.find((ws) => String(ws.state || 'visible') === 'visible') || null : find(job.formSheet);
    const key = job.keySheet === null ? null : find(job.keySheet);
    parentPort.postMessage({
      id: job.id,
      ok: true,
      snapshot: {
        sheets: wb.worksheets.map((ws) => ({ name: ws.name, state: String(ws.state || 'visible') })),
        form: form ? sheetSnap(form, job.formColumns, job.maxRows) : null,
        key: key ? sheetSnap(key, 8, job.maxRows + 10) : null,
        extra: Object.fromEntries(job.extraSheets.map((spec) => {
          const ws = find(spec.name);
          return [spec.name, ws ? sheetSnap(ws, spec.columns, job.maxRows + 10) : null];
        })),
      },
    });
  } catch (error) {
    parentPort.postMessage({ id: job.id, ok: false, message: String((error && error.message) || error) });
  }
});
`;

const exceljsPath = (): string => createRequire(import.meta.url).resolve('exceljs');

const TOO_COMPLEX = 'Berkas terlalu rumit untuk dibaca (melebihi batas waktu atau memori). Minta unit mengisi formulir asli tanpa menambah lembar atau isian lain.';

interface WorkerReply {
  id: number;
  ok: boolean;
  snapshot?: WorkbookSnapshot;
  message?: string;
}

function unreadable(): AppError {
  return new AppError('FILE_REJECTED', 'Berkas tidak dapat dibaca sebagai buku kerja Excel: rusak atau formatnya tidak dikenal. Minta unit menyimpan ulang sebagai .xlsx dari formulir asli.');
}

const IDLE_MS = 60_000;

interface WarmWorker {
  worker: Worker;
  heapMb: number;
  busy: boolean;
  idle: NodeJS.Timeout | null;
}

/** The one worker kept between parses; null when none is warm. */
let warm: WarmWorker | null = null;
let nextId = 1;

function spawnWorker(heapMb: number): WarmWorker {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    // No inherited loaders or flags (tsx, vitest): the worker needs plain Node only.
    execArgv: [],
    workerData: { exceljsPath: exceljsPath() },
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
  });
  const entry: WarmWorker = { worker, heapMb, busy: false, idle: null };
  // However it ends, a dead worker is never handed out again.
  worker.once('exit', () => {
    if (warm === entry) warm = null;
  });
  return entry;
}

/** The warm worker when it is free and has the right heap limit; otherwise a fresh one. */
function takeWorker(heapMb: number): { entry: WarmWorker; keep: boolean } {
  if (warm && !warm.busy && warm.heapMb === heapMb) {
    if (warm.idle) clearTimeout(warm.idle);
    warm.idle = null;
    return { entry: warm, keep: true };
  }
  const entry = spawnWorker(heapMb);
  if (warm === null) {
    warm = entry;
    return { entry, keep: true };
  }
  // Busy with another file (or another limit): a one-off worker, ended after this parse.
  return { entry, keep: false };
}

function release(entry: WarmWorker, keep: boolean): void {
  entry.busy = false;
  if (!keep || warm !== entry) {
    void entry.worker.terminate();
    return;
  }
  // An idle worker must not keep a CLI process alive, nor hold its memory for long.
  entry.worker.unref();
  entry.idle = setTimeout(() => {
    if (warm === entry) warm = null;
    void entry.worker.terminate();
  }, IDLE_MS);
  entry.idle.unref();
}

function discard(entry: WarmWorker): void {
  if (warm === entry) warm = null;
  void entry.worker.terminate();
}

/** Further sheets to copy besides the form and its key (the kit's F-01 sheet and key, instrument sheets). */
export interface ExtraSheet {
  name: string;
  columns: number;
}

/** Which sheets to copy; the default is the Patuh form and its key. */
export interface SheetSelection {
  /** null = the first visible sheet. */
  formSheet: string | null;
  keySheet: string | null;
  formColumns: number;
}

const FORM_SELECTION: SheetSelection = { formSheet: SHEET_FORM, keySheet: SHEET_KEY, formColumns: HEADERS.length + 2 };

export interface ParseOptions {
  sheets?: SheetSelection;
  extraSheets?: readonly ExtraSheet[];
}

export function parseInWorker(data: Buffer, limits: ImportLimits, job: JobControl, options: ParseOptions = {}): Promise<WorkbookSnapshot> {
  const sheets = options.sheets ?? FORM_SELECTION;
  const extraSheets = options.extraSheets ?? [];
  const { entry, keep } = takeWorker(limits.workerHeapMb);
  const { worker } = entry;
  entry.busy = true;
  worker.ref();
  const id = nextId++;
  return new Promise<WorkbookSnapshot>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void, healthy: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      job.signal.removeEventListener('abort', onAbort);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (healthy) release(entry, keep);
      else discard(entry);
      outcome();
    };
    const timer = setTimeout(() => finish(() => reject(new AppError('FILE_REJECTED', TOO_COMPLEX)), false), limits.parseTimeoutMs);
    const onAbort = () => finish(() => reject(new AppError('CANCELLED', 'Dibatalkan oleh pengguna; tidak ada data yang diubah.')), false);
    const onMessage = (reply: WorkerReply) => {
      if (reply.id !== id) return;
      finish(() => (reply.ok && reply.snapshot ? resolve(reply.snapshot) : reject(unreadable())), true);
    };
    const onError = (error: Error & { code?: string }) =>
      finish(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new AppError('FILE_REJECTED', TOO_COMPLEX) : unreadable()), false);
    // Exiting without a reply means the worker died (e.g. heap limit); treat as too complex.
    const onExit = () => finish(() => reject(new AppError('FILE_REJECTED', TOO_COMPLEX)), false);
    job.signal.addEventListener('abort', onAbort);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ id, data, ...sheets, extraSheets, maxRows: limits.maxRows });
  });
}

/**
 * The same guarded worker for other workbooks Patuh reads back (instrument templates):
 * snapshots of the named sheets, in the order asked, null where a sheet is missing.
 */
export async function parseSheetsInWorker(
  data: Buffer,
  limits: ImportLimits,
  job: JobControl,
  sheets: readonly ExtraSheet[],
): Promise<{ sheetNames: string[]; sheets: Array<SheetSnap | null> }> {
  const snapshot = await parseInWorker(data, limits, job, { extraSheets: sheets });
  return { sheetNames: snapshot.sheets.map((sheet) => sheet.name), sheets: sheets.map((spec) => snapshot.extra?.[spec.name] ?? null) };
}

/**
 * Evidence copies of a package folder, made by a worker thread: each file is read once,
 * written and hashed from the same bytes, then flushed; a second copy of the same file is
 * a kernel copy of the first; the folders are made here too, and flushed once the files
 * sent before into them exist. The main thread meanwhile
 * builds the package workbook (pure JavaScript, ~20 ms for an ordinary unit): done on the
 * main thread, every step of a copy (each read, write, hash and flush handed back to
 * JavaScript) waited for the workbook to yield, so the two ran one after the other
 * instead of side by side.
 *
 * The worker source is inline plain JavaScript (as parse-worker.ts) so it runs the same
 * under Electron's bundle, the CLI bundle, tsx and vitest. One worker stays warm between
 * packages and is ended after a minute idle; it never keeps a CLI process alive.
 */
import { Worker } from 'node:worker_threads';

const WORKER_SOURCE = String.raw`
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const CHUNK = 1024 * 1024;
/** Files copied at once: while one is hashed, the other's reads and writes run on the thread pool. */
const LANES = 2;
/** Flushes at once: one per thread of libuv's pool of four (more would only queue there). */
const FLUSHES = 4;
const errorOf = (error) => ({ name: String((error && error.name) || 'Error'), code: error && error.code ? String(error.code) : null, message: String((error && error.message) || error) });
const checkCancel = (job) => {
  if (Atomics.load(job.cancel, 0) !== 0) throw Object.assign(new Error('Ekspor dibatalkan.'), { name: 'AbortError' });
};

async function writeAll(handle, chunk, position) {
  let offset = 0;
  while (offset < chunk.length) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset, position + offset);
    offset += bytesWritten;
  }
}

// Read once, every chunk written and hashed, without leaving the thread: for a file of
// one chunk or less (most evidence is a scan or photo of a few hundred KB), where a trip
// through the thread pool per step costs more than the step. Returns the open target.
const sync = Buffer.allocUnsafe(CHUNK);
function copySync(job) {
  let input;
  let output;
  try {
    input = fs.openSync(job.source, 'r');
    fs.mkdirSync(path.dirname(job.target), { recursive: true });
    output = fs.openSync(job.target, 'wx');
    const hash = crypto.createHash('sha256');
    let size = 0;
    for (;;) {
      checkCancel(job);
      const read = fs.readSync(input, sync, 0, CHUNK, size);
      if (read === 0) break;
      for (let offset = 0; offset < read; ) offset += fs.writeSync(output, sync, offset, read - offset, size + offset);
      hash.update(sync.subarray(0, read));
      size += read;
    }
    const fd = output;
    output = undefined;
    return { fd, sha256: hash.digest('hex'), size };
  } finally {
    for (const fd of [input, output]) if (fd !== undefined) try { fs.closeSync(fd); } catch {}
  }
}

// Read once: each chunk is written while the same bytes are hashed, with two buffers so
// the next read and the write overlap the hashing. Returns the still-open target.
async function copyHashed(job) {
  const input = await fs.promises.open(job.source, 'r');
  let output;
  let reading;
  let writing = Promise.resolve();
  try {
    fs.mkdirSync(path.dirname(job.target), { recursive: true });
    output = await fs.promises.open(job.target, 'wx');
    const hash = crypto.createHash('sha256');
    const buffers = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)];
    let size = 0;
    let turn = 0;
    reading = input.read(buffers[0], 0, CHUNK, 0);
    for (;;) {
      const { bytesRead } = await reading;
      if (bytesRead === 0) break;
      checkCancel(job);
      const chunk = buffers[turn].subarray(0, bytesRead);
      // The previous write must finish before its buffer is read into again.
      await writing;
      turn = 1 - turn;
      reading = input.read(buffers[turn], 0, CHUNK, size + bytesRead);
      writing = writeAll(output, chunk, size);
      hash.update(chunk);
      size += bytesRead;
    }
    await writing;
    const handle = output;
    output = undefined;
    return { handle, sha256: hash.digest('hex'), size };
  } finally {
    // After a failure the other operation may still be in flight: settle it before closing.
    await Promise.allSettled([reading, writing]);
    await input.close().catch(() => {});
    if (output) await output.close().catch(() => {});
  }
}

// A kernel copy (a reflink where the disk allows) of a copy this worker made and hashed.
// Synchronous: a kernel copy needs no JavaScript between its steps.
function clone(job) {
  checkCancel(job);
  fs.mkdirSync(path.dirname(job.target), { recursive: true });
  fs.copyFileSync(job.source, job.target, fs.constants.COPYFILE_EXCL | fs.constants.COPYFILE_FICLONE);
  const fd = fs.openSync(job.target, 'r+');
  return { fd, sha256: null, size: fs.fstatSync(fd).size };
}

// Flushed through the handle the bytes went through (Windows flushes only handles opened
// for writing), FLUSHES at a time, while later files are copied.
const flushQueue = [];
let flushing = 0;
function flush(item) {
  if (item) flushQueue.push(item);
  while (flushing < FLUSHES && flushQueue.length > 0) {
    const next = flushQueue.shift();
    flushing += 1;
    next.run().then(() => next.done(null), (error) => next.done(error)).finally(() => {
      flushing -= 1;
      flush(null);
    });
  }
}
const flushFile = (written) => () =>
  written.handle
    ? written.handle.sync().finally(() => written.handle.close().catch(() => {}))
    : new Promise((resolve, reject) => fs.fsync(written.fd, (error) => fs.close(written.fd, () => (error ? reject(error) : resolve()))));
// A folder's new entries; best effort, as fsyncDirSync: Windows cannot open folders.
const flushDir = (dir) => async () => {
  const handle = await fs.promises.open(dir, 'r').catch(() => null);
  if (!handle) return;
  await handle.sync().catch(() => {});
  await handle.close().catch(() => {});
};

/** Every file a job is writing or has written, by path: a clone starts once its source is complete. */
const made = new Map();

async function run(job) {
  if (job.op === 'dirs') {
    // Every file job sent before this one has started; its file must exist first.
    await Promise.allSettled([...made.values()]);
    let left = job.dirs.length;
    const done = () => parentPort.postMessage({ id: job.id, kind: 'synced', error: null });
    if (left === 0) return done();
    for (const dir of job.dirs) flush({ run: flushDir(dir), done: () => (left -= 1) === 0 && done() });
    return;
  }
  const writing = (async () => {
    if (job.op === 'clone') {
      await made.get(job.source);
      return clone(job);
    }
    return fs.statSync(job.source).size <= CHUNK ? copySync(job) : copyHashed(job);
  })();
  // Known at once, so a later clone or folder flush waits for it; forgotten once done.
  const settled = writing.then(() => {}, () => {});
  made.set(job.target, settled);
  void settled.then(() => made.delete(job.target));
  let written;
  try {
    written = await writing;
  } catch (error) {
    parentPort.postMessage({ id: job.id, kind: 'failed', error: errorOf(error) });
    return;
  }
  parentPort.postMessage({ id: job.id, kind: 'copied', sha256: written.sha256, size: written.size });
  flush({ run: flushFile(written), done: (error) => parentPort.postMessage({ id: job.id, kind: 'synced', error: error ? errorOf(error) : null }) });
}

// Jobs start in the order sent, LANES at a time.
const jobs = [];
let active = 0;
function next() {
  while (active < LANES && jobs.length > 0) {
    const job = jobs.shift();
    active += 1;
    run(job).finally(() => {
      active -= 1;
      next();
    });
  }
}
parentPort.on('message', (job) => {
  jobs.push(job);
  next();
});
`;

interface WorkerError {
  name: string;
  code: string | null;
  message: string;
}

type Reply =
  | { id: number; kind: 'copied'; sha256: string | null; size: number }
  | { id: number; kind: 'synced'; error: WorkerError | null }
  | { id: number; kind: 'failed'; error: WorkerError };

/** An Error as fs would have thrown it here (its code kept: ENOSPC is a full disk, asExportError says so). */
function rebuilt(error: WorkerError): Error {
  return Object.assign(new Error(error.message), { name: error.name }, error.code ? { code: error.code } : {});
}

/**
 * What one job asks the worker to do. Jobs start in the order sent, two at a time; a clone
 * waits for the copy it is made from, a folder flush for every file job sent before it.
 */
export type CopyWorkerJob =
  /** Copy `source` to the new file `target` (refused if it exists; its folders are made), hashing the bytes written. */
  | { op: 'copy'; source: string; target: string; cancel: Int32Array }
  /** Kernel-copy `source`, a copy an earlier job made and hashed, to the new file `target`. */
  | { op: 'clone'; source: string; target: string; cancel: Int32Array }
  /** Flush these folders' entries (after the jobs that created them). */
  | { op: 'dirs'; dirs: string[] };

export interface CopyJob {
  /** The file written: its size, and the SHA-256 of the bytes written (null for a clone and for folders). */
  written: Promise<{ sha256: string | null; size: number }>;
  /** Settles once everything the job wrote is on disk (fsync) and its handle closed, or it failed. */
  flushed: Promise<void>;
}

interface Pending {
  written: (result: { sha256: string | null; size: number } | Error) => void;
  flushed: (error: Error | null) => void;
}

const IDLE_MS = 60_000;

class CopyWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private idle: NodeJS.Timeout | null = null;
  dead = false;

  constructor(private readonly onDead: () => void) {
    // No inherited loaders or flags (tsx, vitest): plain Node only.
    this.worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [] });
    this.worker.on('message', (reply: Reply) => this.answer(reply));
    const die = (error: Error) => {
      this.retire();
      // Whatever was waiting fails with the reason; nothing is left hanging.
      for (const entry of this.pending.values()) {
        entry.written(error);
        entry.flushed(error);
      }
      this.pending.clear();
    };
    this.worker.on('error', die);
    this.worker.on('exit', (code) => die(new Error(`Proses penyalin berkas berhenti (kode ${code}).`)));
    this.worker.unref();
  }

  /** No job is given to it any more (the next one starts a new worker). */
  private retire(): void {
    if (this.dead) return;
    this.dead = true;
    this.onDead();
  }

  private answer(reply: Reply): void {
    const entry = this.pending.get(reply.id);
    if (!entry) return;
    if (reply.kind === 'copied') {
      entry.written({ sha256: reply.sha256, size: reply.size });
      return;
    }
    this.pending.delete(reply.id);
    if (reply.kind === 'failed') {
      entry.written(rebuilt(reply.error));
      entry.flushed(null);
    } else {
      // Folders have no 'copied' step (a second settle of a promise changes nothing).
      entry.written({ sha256: null, size: 0 });
      entry.flushed(reply.error ? rebuilt(reply.error) : null);
    }
    if (this.pending.size === 0) this.rest();
  }

  /** Idle: the worker lets the process exit, and ends itself after a while. */
  private rest(): void {
    this.worker.unref();
    // Retired before it is ended: a job sent while it shuts down would be lost.
    this.idle = setTimeout(() => {
      this.retire();
      void this.worker.terminate();
    }, IDLE_MS);
    this.idle.unref();
  }

  run(job: CopyWorkerJob): CopyJob {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    this.worker.ref();
    const id = this.nextId++;
    let settleWritten!: Pending['written'];
    let settleFlushed!: Pending['flushed'];
    const written = new Promise<{ sha256: string | null; size: number }>((resolve, reject) => (settleWritten = (result) => (result instanceof Error ? reject(result) : resolve(result))));
    const flushed = new Promise<void>((resolve, reject) => (settleFlushed = (error) => (error ? reject(error) : resolve())));
    // Each is awaited by its caller in turn; an early failure of either must not count as unhandled meanwhile.
    written.catch(() => undefined);
    flushed.catch(() => undefined);
    this.pending.set(id, { written: settleWritten, flushed: settleFlushed });
    this.worker.postMessage({ id, ...job });
    return { written, flushed };
  }
}

let shared: CopyWorker | null = null;

/** Hand `job` to the one warm worker (started on first use, and again after it ended). */
export function inCopyWorker(job: CopyWorkerJob): CopyJob {
  if (!shared || shared.dead) {
    const worker: CopyWorker = new CopyWorker(() => {
      if (shared === worker) shared = null;
    });
    shared = worker;
  }
  return shared.run(job);
}

/** A cancel flag for a job: raised (1) when `signal` aborts; the worker then stops at its next chunk with an AbortError. */
export function cancelFlag(signal: AbortSignal): Int32Array {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const raise = () => Atomics.store(flag, 0, 1);
  if (signal.aborted) raise();
  else signal.addEventListener('abort', raise, { once: true });
  return flag;
}

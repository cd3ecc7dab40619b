/**
 * Evidence copies of a package folder, made by a worker thread: each file is read once,
 * written and hashed from the same bytes, then flushed, all off the main thread. The
 * main thread meanwhile builds the package workbook (pure JavaScript, ~20 ms for an
 * ordinary unit): done on the main thread, a copy's every read, write and hash waited
 * for the workbook to yield, so the two ran one after the other instead of side by side.
 *
 * The worker source is inline plain JavaScript (as parse-worker.ts) so it runs the same
 * under Electron's bundle, the CLI bundle, tsx and vitest. One worker stays warm between
 * packages and is ended after a minute idle; it never keeps a CLI process alive.
 */
import { Worker } from 'node:worker_threads';
import type { FileDigest } from '../../backup/files';

const WORKER_SOURCE = String.raw`
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const crypto = require('node:crypto');
const CHUNK = 1024 * 1024;
const buffer = Buffer.allocUnsafe(CHUNK);
const errorOf = (error) => ({ name: String((error && error.name) || 'Error'), code: error && error.code ? String(error.code) : null, message: String((error && error.message) || error) });

// One file at a time, synchronously: a message waits in the port until the previous file
// is copied. The flush goes to the thread pool, so the next copy starts at once.
parentPort.on('message', (job) => {
  let input;
  let output;
  try {
    input = fs.openSync(job.source, 'r');
    output = fs.openSync(job.target, 'wx');
    const hash = crypto.createHash('sha256');
    let size = 0;
    for (;;) {
      if (Atomics.load(job.cancel, 0) !== 0) throw Object.assign(new Error('Ekspor dibatalkan.'), { name: 'AbortError' });
      const read = fs.readSync(input, buffer, 0, CHUNK, size);
      if (read === 0) break;
      let offset = 0;
      while (offset < read) offset += fs.writeSync(output, buffer, offset, read - offset, size + offset);
      hash.update(buffer.subarray(0, read));
      size += read;
    }
    fs.closeSync(input);
    input = undefined;
    const fd = output;
    output = undefined;
    parentPort.postMessage({ id: job.id, kind: 'copied', sha256: hash.digest('hex'), size });
    // The still-open handle the bytes went through (Windows flushes only handles opened for writing).
    let syncError = null;
    try { fs.fsyncSync(fd); } catch (error) { syncError = errorOf(error); }
    try { fs.closeSync(fd); } catch {}
    parentPort.postMessage({ id: job.id, kind: 'synced', error: syncError });
  } catch (error) {
    for (const fd of [input, output]) if (fd !== undefined) try { fs.closeSync(fd); } catch {}
    parentPort.postMessage({ id: job.id, kind: 'failed', error: errorOf(error) });
  }
});
`;

interface WorkerError {
  name: string;
  code: string | null;
  message: string;
}

type Reply =
  | { id: number; kind: 'copied'; sha256: string; size: number }
  | { id: number; kind: 'synced'; error: WorkerError | null }
  | { id: number; kind: 'failed'; error: WorkerError };

/** An Error as fs would have thrown it here (its code kept: ENOSPC is a full disk, asExportError says so). */
function rebuilt(error: WorkerError): Error {
  return Object.assign(new Error(error.message), { name: error.name }, error.code ? { code: error.code } : {});
}

interface Pending {
  copied: (result: FileDigest | Error) => void;
  synced: (error: Error | null) => void;
}

const IDLE_MS = 60_000;

class CopyWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private idle: NodeJS.Timeout | null = null;
  dead = false;

  constructor(onDead: () => void) {
    // No inherited loaders or flags (tsx, vitest): plain Node only.
    this.worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [] });
    this.worker.on('message', (reply: Reply) => this.answer(reply));
    const die = (error: Error) => {
      if (this.dead) return;
      this.dead = true;
      onDead();
      // Whatever was waiting fails with the reason; nothing is left hanging.
      for (const entry of this.pending.values()) {
        entry.copied(error);
        entry.synced(error);
      }
      this.pending.clear();
    };
    this.worker.on('error', die);
    this.worker.on('exit', (code) => die(new Error(`Proses penyalin berkas berhenti (kode ${code}).`)));
    this.worker.unref();
  }

  private answer(reply: Reply): void {
    const entry = this.pending.get(reply.id);
    if (!entry) return;
    if (reply.kind === 'copied') {
      entry.copied({ sha256: reply.sha256, size: reply.size });
      return;
    }
    this.pending.delete(reply.id);
    if (reply.kind === 'failed') {
      entry.copied(rebuilt(reply.error));
      entry.synced(null);
    } else entry.synced(reply.error ? rebuilt(reply.error) : null);
    if (this.pending.size === 0) this.rest();
  }

  /** Idle: the worker lets the process exit, and ends itself after a while. */
  private rest(): void {
    this.worker.unref();
    this.idle = setTimeout(() => void this.worker.terminate(), IDLE_MS);
    this.idle.unref();
  }

  copy(source: string, target: string, cancel: Int32Array): CopyJob {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    this.worker.ref();
    const id = this.nextId++;
    let copied!: (result: FileDigest | Error) => void;
    let synced!: (error: Error | null) => void;
    const digest = new Promise<FileDigest>((resolve, reject) => (copied = (result) => (result instanceof Error ? reject(result) : resolve(result))));
    const flushed = new Promise<void>((resolve, reject) => (synced = (error) => (error ? reject(error) : resolve())));
    // Each is awaited by its caller in turn; an early failure of either must not count as unhandled meanwhile.
    digest.catch(() => undefined);
    flushed.catch(() => undefined);
    this.pending.set(id, { copied, synced });
    this.worker.postMessage({ id, source, target, cancel });
    return { digest, flushed };
  }
}

export interface CopyJob {
  /** The bytes written, hashed as they were written. */
  digest: Promise<FileDigest>;
  /** Settles once the copy is on disk (fsync) and its handle closed, or it failed. */
  flushed: Promise<void>;
}

let shared: CopyWorker | null = null;

/**
 * Copy `source` to the new file `target` (refused if it exists) in the worker. `cancel`
 * is a flag shared with it: set to 1, the copy stops at its next chunk with an AbortError.
 */
export function copyInWorker(source: string, target: string, cancel: Int32Array): CopyJob {
  if (!shared || shared.dead) {
    const worker: CopyWorker = new CopyWorker(() => {
      if (shared === worker) shared = null;
    });
    shared = worker;
  }
  return shared.copy(source, target, cancel);
}

/** A cancel flag for copyInWorker, raised when `signal` aborts. */
export function cancelFlag(signal: AbortSignal): Int32Array {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const raise = () => Atomics.store(flag, 0, 1);
  if (signal.aborted) raise();
  else signal.addEventListener('abort', raise, { once: true });
  return flag;
}

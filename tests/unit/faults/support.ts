/** Child processes for the fault suite: a holder of the data folder, and the real CLI. */
import { bundleChildInto } from '../crash/bundle';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RESOURCES } from '../helpers';

/** Bundled once per test file (tempDir() would remove it after the first test). */
const bundleRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'patuh-fault-build-'));
process.on('exit', () => fs.rmSync(bundleRoot, { recursive: true, force: true }));

async function bundleChild(entry: string): Promise<string> {
  return bundleChildInto(entry, bundleRoot, `${path.basename(path.dirname(entry))}-${path.basename(entry, '.ts')}.mjs`);
}

let holderScript: Promise<string> | undefined;
let cliScript: Promise<string> | undefined;

export interface Holder {
  pid: number;
  child: ChildProcessWithoutNullStreams;
  /** Send a line, resolve with the next line of output. */
  ask: (line: string) => Promise<string>;
  exited: Promise<number | null>;
}

export async function startHolder(dataDir: string, mode: 'app' | 'reader'): Promise<Holder> {
  holderScript ??= bundleChild(path.join(import.meta.dirname, 'holder-child.ts'));
  const child = spawn(process.execPath, [await holderScript, dataDir, RESOURCES, mode], { stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiting: Array<(line: string) => void> = [];
  let buffer = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let index: number;
    while ((index = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, index);
      buffer = buffer.slice(index + 1);
      const next = waiting.shift();
      if (next) next(line);
      else lines.push(line);
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const nextLine = () =>
    new Promise<string>((resolve, reject) => {
      const queued = lines.shift();
      if (queued !== undefined) return resolve(queued);
      waiting.push(resolve);
      void exited.then(() => reject(new Error(`holder exited: ${stderr}`)));
    });
  const ready = await nextLine();
  const pid = Number(/^READY (\d+)$/.exec(ready)?.[1]);
  return {
    pid,
    child,
    exited,
    ask: (line) => {
      child.stdin.write(`${line}\n`);
      return nextLine();
    },
  };
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

/** The CLI as its own process (the real entry, main.ts), bundled once. */
export async function cliProcess(argv: string[], options: { killAfterMs?: number; closeStdoutEarly?: boolean } = {}): Promise<CliRun> {
  cliScript ??= bundleChild(path.join(import.meta.dirname, '..', '..', '..', 'src', 'cli', 'main.ts'));
  const child = spawn(process.execPath, [await cliScript, ...argv], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PATUH_RESOURCES_DIR: RESOURCES },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    // Like `| head -c 1`: the reader goes away after the first bytes.
    if (options.closeStdoutEarly) child.stdout.destroy();
  });
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  if (options.killAfterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, out, err })));
}

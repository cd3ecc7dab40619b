/**
 * Damage is only damage: a healthy database on a full disk (a real small tmpfs when this
 * machine allows mounting one, and an injected statfs/SQLite I/O error everywhere) is never
 * quarantined. Writing commands stop with a message naming the folder and the space
 * needed, read commands still answer read-only, and no file changes.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../src/cli/run';
import { isDamage, type Inspection } from '../../../src/server/backup/inspect';
import { databasePath } from '../../../src/server/db/connection';
import { startApp } from '../../../src/server/app';
import type { AppError } from '../../../src/shared/result';
import { FIXED_NOW, RESOURCES, tempDir, testApp, testHandlers } from '../helpers';

afterEach(() => vi.restoreAllMocks());

async function cli(dataDir: string, ...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli([...argv, '--data-dir', dataDir], { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

const hashOf = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function seed(dataDir: string): Promise<void> {
  const app = testApp({ dataDir });
  await testHandlers(app)['units:create']({ name: 'Dinas Sehat', groupName: 'Perangkat Daerah', shortName: null, headName: null });
  app.close();
}

function tryMountTmpfs(dir: string, size: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

// Not tempDir(): that is removed after each test, and a mount point must outlive them.
const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'patuh-tmpfs-'));
const mounted = process.platform === 'linux' && tryMountTmpfs(mountPoint, '24m');

afterAll(() => {
  if (mounted) execFileSync('umount', ['-l', mountPoint], { stdio: 'ignore' });
  fs.rmSync(mountPoint, { recursive: true, force: true });
});

describe.skipIf(!mounted)('start on a real full disk (tmpfs)', () => {
  const dataDir = path.join(mountPoint, 'data');

  beforeAll(async () => {
    await seed(dataDir);
    // Fill the rest of the file system.
    const filler = fs.openSync(path.join(mountPoint, 'pengisi'), 'w');
    const block = Buffer.alloc(1024 * 1024, 1);
    try {
      for (;;) fs.writeSync(filler, block);
    } catch {
      const small = Buffer.alloc(4096, 1);
      try {
        for (;;) fs.writeSync(filler, small);
      } catch {
        // Full.
      }
    } finally {
      fs.closeSync(filler);
    }
  });

  it('never quarantines, however often it is started; writes refuse with folder and space, reads answer', async () => {
    const before = hashOf(databasePath(dataDir));
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const write = await cli(dataDir, 'units', 'add', '--name', 'Dinas Baru');
      expect(write.code).toBe(1);
      expect(write.err).toMatch(/Disk penuh/);
      expect(write.err).toContain(dataDir);
      expect(write.err).toMatch(/memerlukan sedikitnya [\d.,]+ MB/);
      expect(write.err).not.toMatch(/database or disk is full|SqliteError|\n\s+at /);
      const read = await cli(dataDir, 'units', 'list', '--json');
      expect(read.code, read.err).toBe(0);
      expect((JSON.parse(read.out) as Array<{ name: string }>).map((unit) => unit.name)).toEqual(['Dinas Sehat']);
    }
    expect(fs.existsSync(path.join(dataDir, 'karantina'))).toBe(false);
    expect(hashOf(databasePath(dataDir))).toBe(before);
  });
});

describe('start on a full disk (injected)', () => {
  it('statfs says no room: the app refuses before touching any file, and names folder and need', async () => {
    const dir = tempDir();
    await seed(dir);
    const listing = () => fs.readdirSync(dir).filter((name) => !name.startsWith('patuh.lock')).sort();
    const before = { files: listing(), hash: hashOf(databasePath(dir)) };
    vi.spyOn(fs, 'statfsSync').mockReturnValue({ bavail: 10, bsize: 4096 } as unknown as fs.StatsFs);
    let error: unknown;
    try {
      startApp({ dataDir: dir, resourcesDir: RESOURCES, host: 'electron', appVersion: 'test', now: () => FIXED_NOW });
    } catch (caught) {
      error = caught;
    }
    expect((error as AppError).code).toBe('IO');
    expect((error as AppError).message).toMatch(new RegExp(`Disk penuh: .*${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*ruang kosong tinggal 0 MB.*sedikitnya`));
    expect(listing()).toEqual(before.files);
    expect(hashOf(databasePath(dir))).toBe(before.hash);
  });

  it('an I/O error while opening (e.g. the -shm on a full disk) is not damage; a failed check on readable bytes is', () => {
    const base: Inspection = { problems: ['x'], errorCode: null, schemaVersion: 0, rowCounts: {}, tables: [], blobs: [] };
    expect(isDamage({ ...base, errorCode: 'SQLITE_IOERR_SHMSIZE' })).toBe(false);
    expect(isDamage({ ...base, errorCode: 'SQLITE_IOERR_WRITE' })).toBe(false);
    expect(isDamage({ ...base, errorCode: 'SQLITE_FULL' })).toBe(false);
    expect(isDamage({ ...base, errorCode: 'SQLITE_READONLY' })).toBe(false);
    expect(isDamage({ ...base, errorCode: 'SQLITE_CANTOPEN' })).toBe(false);
    expect(isDamage({ ...base, errorCode: 'SQLITE_CORRUPT' })).toBe(true);
    expect(isDamage({ ...base, errorCode: 'SQLITE_NOTADB' })).toBe(true);
    expect(isDamage(base)).toBe(true);
  });
});

describe.skipIf(!mounted)('start on a read-only folder (tmpfs remounted read-only)', () => {
  const roPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'patuh-ro-'));
  const dataDir = path.join(roPoint, 'data');
  let ready = false;

  beforeAll(async () => {
    if (!tryMountTmpfs(roPoint, '32m')) return;
    await seed(dataDir);
    try {
      execFileSync('mount', ['-o', 'remount,ro', roPoint], { stdio: 'ignore' });
      ready = true;
    } catch {
      // Remount not permitted here: the case is skipped below.
    }
  });

  afterAll(() => {
    try {
      execFileSync('umount', ['-l', roPoint], { stdio: 'ignore' });
    } catch {
      // Not mounted.
    }
    fs.rmSync(roPoint, { recursive: true, force: true });
  });

  it('writes stop with a clear message; reads answer read-only; nothing is quarantined', async (context) => {
    if (!ready) context.skip();
    const write = await cli(dataDir, 'units', 'add', '--name', 'Dinas Baru');
    expect(write.code).toBe(1);
    expect(write.err).toMatch(/Folder data Patuh \(.*\) hanya dapat dibaca/);
    expect(write.err).toContain(dataDir);
    expect(write.err).not.toMatch(/readonly database|SqliteError|\n\s+at /);
    const read = await cli(dataDir, 'units', 'list', '--json');
    expect(read.code, read.err).toBe(0);
    expect((JSON.parse(read.out) as Array<{ name: string }>).map((unit) => unit.name)).toEqual(['Dinas Sehat']);
    expect(fs.existsSync(path.join(dataDir, 'karantina'))).toBe(false);
  });
});

/**
 * An injected SQLite I/O error at start (what a full disk or a pulled drive produces while
 * SQLite builds its -shm index) stops the start with a clear message and changes no file:
 * no quarantine, the database and its companions as they were.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as inspect from '../../../src/server/backup/inspect';
import { databasePath } from '../../../src/server/db/connection';
import { startApp } from '../../../src/server/app';
import { AppError } from '../../../src/shared/result';
import { FIXED_NOW, RESOURCES, tempDir, testApp, testHandlers } from '../helpers';

vi.mock('../../../src/server/backup/inspect', async (importOriginal) => {
  const actual = await importOriginal<typeof inspect>();
  return { ...actual, inspectDatabaseFile: vi.fn(actual.inspectDatabaseFile) };
});

afterEach(() => vi.restoreAllMocks());

const hashOf = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function ioError(code: string): inspect.Inspection {
  return { problems: ['Berkas tidak dapat dibaca: disk I/O error'], errorCode: code, schemaVersion: 0, rowCounts: {}, tables: [], blobs: [] };
}

function startFails(dir: string): AppError {
  try {
    startApp({ dataDir: dir, resourcesDir: RESOURCES, host: 'preview', appVersion: 'test', now: () => FIXED_NOW }).close();
  } catch (error) {
    return error as AppError;
  }
  throw new Error('start did not fail');
}

async function healthy(): Promise<{ dir: string; hash: string }> {
  const dir = tempDir();
  const app = testApp({ dataDir: dir });
  await testHandlers(app)['units:create']({ name: 'Dinas Sehat', groupName: 'Perangkat Daerah', shortName: null, headName: null });
  app.close();
  return { dir, hash: hashOf(databasePath(dir)) };
}

describe('I/O errors at start are not damage', () => {
  it('SQLITE_IOERR with the disk short of space: "Disk penuh" with folder and need, nothing moved', async () => {
    const { dir, hash } = await healthy();
    vi.mocked(inspect.inspectDatabaseFile).mockReturnValueOnce(ioError('SQLITE_IOERR_SHMSIZE'));
    // Enough for the pre-flight, short once SQLite itself asks: the race a busy office disk has.
    const statfs = vi.spyOn(fs, 'statfsSync');
    statfs.mockReturnValueOnce({ bavail: 1e9, bsize: 4096 } as unknown as fs.StatsFs).mockReturnValue({ bavail: 1, bsize: 4096 } as unknown as fs.StatsFs);
    const error = startFails(dir);
    expect(error.code).toBe('IO');
    expect(error.message).toMatch(/Disk penuh: .*sedikitnya/);
    expect(error.message).toContain(dir);
    expect(fs.existsSync(path.join(dir, 'karantina'))).toBe(false);
    expect(hashOf(databasePath(dir))).toBe(hash);
  });

  for (const code of ['SQLITE_IOERR_READ', 'SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_BUSY']) {
    it(`${code}: a clear message, no quarantine, database unchanged, next start works`, async () => {
      const { dir, hash } = await healthy();
      vi.mocked(inspect.inspectDatabaseFile).mockReturnValueOnce(ioError(code));
      const error = startFails(dir);
      expect(error).toBeInstanceOf(AppError);
      expect(error.message).toMatch(/Data tidak diubah/);
      expect(error.message).not.toMatch(/SqliteError|disk I\/O error\)?$/);
      expect(fs.existsSync(path.join(dir, 'karantina'))).toBe(false);
      expect(hashOf(databasePath(dir))).toBe(hash);
      const again = testApp({ dataDir: dir });
      expect((await testHandlers(again)['units:list']({})).map((unit) => unit.name)).toEqual(['Dinas Sehat']);
    });
  }

  it('a real damaged file is still quarantined (the check ran and failed)', async () => {
    const { dir } = await healthy();
    fs.writeFileSync(databasePath(dir), Buffer.alloc(8192, 7));
    const app = testApp({ dataDir: dir });
    expect(app.startStatus.status).toBe('quarantined');
  });
});

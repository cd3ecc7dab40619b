/**
 * Every SQLite failure a user can cause reaches them as one sentence in Bahasa Indonesia:
 * real errors from better-sqlite3 (not hand-made ones) go through the same mapping every
 * host uses (dispatch for the UI and preview, runCli for the CLI), with no English text
 * and no stack trace.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toErrorData } from '../../../src/server/api/dispatch';
import { runCli } from '../../../src/cli/run';
import { RESOURCES, tempDir, testHandlers } from '../helpers';

function caught(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('no error');
}

const ENGLISH = /database|disk is full|readonly|locked|malformed|SqliteError|SQLITE_|\n\s+at /;

describe('SQLite errors in Bahasa Indonesia', () => {
  let dir = '';
  let file = '';
  let db: Database.Database;
  beforeEach(() => {
    dir = tempDir();
    file = path.join(dir, 'x.sqlite');
    db = new Database(file);
    db.exec('CREATE TABLE t (x TEXT)');
  });
  afterEach(() => db.close());

  const cases: Array<[string, () => unknown, RegExp]> = [
    [
      'full',
      () => {
        db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
        return caught(() => db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(100_000)));
      },
      /^Disk penuh/,
    ],
    ['read-only', () => caught(() => new Database(file, { readonly: true }).exec("INSERT INTO t VALUES ('a')")), /hanya dapat dibaca/],
    [
      'busy',
      () => {
        const holder = new Database(file);
        holder.exec('BEGIN IMMEDIATE');
        const other = new Database(file, { timeout: 0 });
        const error = caught(() => other.exec('BEGIN IMMEDIATE'));
        holder.exec('ROLLBACK');
        holder.close();
        other.close();
        return error;
      },
      /sedang dipakai proses lain/,
    ],
    // better-sqlite3 refuses the same-connection case itself; SQLITE_LOCKED then only comes
    // from shared-cache connections, so the code is what is mapped.
    ['locked', () => Object.assign(new Error('database table is locked'), { code: 'SQLITE_LOCKED_SHAREDCACHE' }), /sedang dipakai proses lain/],
    [
      'not a database',
      () => {
        const garbage = path.join(dir, 'bukan.sqlite');
        fs.writeFileSync(garbage, Buffer.alloc(4096, 7));
        return caught(() => new Database(garbage).prepare('SELECT 1 FROM sqlite_master').get());
      },
      /bukan basis data Patuh/,
    ],
  ];

  for (const [name, make, expected] of cases) {
    it(name, () => {
      const error = make();
      const data = toErrorData(error);
      expect(data.message).toMatch(expected);
      expect(data.message).not.toMatch(ENGLISH);
      expect(data.code).not.toBe('INTERNAL');
    });
  }

  it('corrupt pages are "rusak", never raw text', () => {
    const corrupt = path.join(dir, 'rusak.sqlite');
    const conn = new Database(corrupt);
    conn.exec('CREATE TABLE t (x TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) INSERT INTO t SELECT hex(randomblob(500)) FROM n');
    conn.close();
    const bytes = fs.readFileSync(corrupt);
    bytes.fill(0x5a, 4096 * 2, 4096 * 6);
    fs.writeFileSync(corrupt, bytes);
    const error = caught(() => new Database(corrupt).prepare('SELECT count(*), max(x) FROM t').get());
    const data = toErrorData(error);
    expect(data.message).toMatch(/rusak|bukan basis data/);
    expect(data.message).not.toMatch(ENGLISH);
  });

  it('the CLI shows the same sentence, without a stack trace, when a read-only view is written to', async () => {
    const dataDir = tempDir();
    const { startApp } = await import('../../../src/server/app');
    // Another app (here in this process) holds the folder, so the CLI reads read-only; the
    // first form export writes the form secret and meets SQLITE_READONLY.
    const app = startApp({ dataDir, resourcesDir: RESOURCES, host: 'preview', appVersion: 'test' });
    try {
      const api = testHandlers(app);
      const pekppp = (await api['instruments:list'](undefined)).find((item) => item.code === 'pekppp-2022-a')!;
      const unit = await api['units:create']({ name: 'Dinas Sosial', groupName: 'Perangkat Daerah', shortName: null, headName: null });
      await api['periods:create']({ year: 2026, instrumentIds: [pekppp.id], unitIds: [unit.id] });
      let err = '';
      const code = await runCli(['export', 'form', '--unit', String(unit.id), '--period', '2026', '--out', path.join(tempDir(), 'f.xlsx'), '--data-dir', dataDir], {
        out: () => undefined,
        err: (text) => (err += text),
      });
      expect(code).toBe(1);
      expect(err).toMatch(/hanya-baca/);
      expect(err).toMatch(/Galat: .*(hanya dapat dibaca|hanya-baca)/);
      expect(err).not.toMatch(/readonly database|SqliteError|Kesalahan tak terduga|\n\s+at /);
    } finally {
      app.close();
    }
  });
});

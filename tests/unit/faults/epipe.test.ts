/** `patuh units list --json | head -c 1`: the reader closes the pipe early; the CLI stays quiet and exits normally. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { databasePath } from '../../../src/server/db/connection';
import { tempDir, testApp } from '../helpers';
import { cliProcess } from './support';

/** Output far beyond a pipe's buffer (≈ 850 kB), so writing outlives the reader. */
function manyUnits(): string {
  const dir = tempDir();
  testApp({ dataDir: dir }).close();
  const db = new Database(databasePath(dir));
  const group = db.prepare('SELECT id FROM unit_groups LIMIT 1').pluck().get();
  const insert = db.prepare('INSERT INTO units (name, group_id, created_at, updated_at) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < 3000; i += 1) insert.run(`Unit nomor ${i} dengan nama yang cukup panjang`, group, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
  })();
  db.close();
  return dir;
}

describe('CLI on a closed pipe', () => {
  it('no EPIPE stack trace, exit code 0, and the data is closed properly', async () => {
    const dir = manyUnits();
    const result = await cliProcess(['units', 'list', '--json', '--data-dir', dir], { closeStdoutEarly: true });
    expect(result.signal).toBeNull();
    expect(result.err).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(result.code).toBe(0);
    // The lock was released on the way out: the next writer is not refused.
    const again = await cliProcess(['units', 'add', '--name', 'Dinas Sosial', '--data-dir', dir]);
    expect(again.code, again.err).toBe(0);
  }, 60_000);
});

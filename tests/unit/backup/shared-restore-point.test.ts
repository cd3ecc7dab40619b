/**
 * Returned workbooks applied in one sitting share one verified restore point (taken
 * before the first), for a limited time; any other risky change, a missing file or a
 * reopened database starts a new one.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHARED_RESTORE_POINT_MINUTES, backupBeforeChange } from '../../../src/server/backup/before-change';
import { openDatabase } from '../../../src/server/db/connection';
import { testApp } from '../helpers';

function clockedApp() {
  let now = Date.parse('2026-11-24T08:00:00.000Z');
  const app = testApp({ now: () => new Date(now) });
  return { app, advance: (minutes: number) => (now += minutes * 60_000) };
}

const share = { share: 'returned-workbooks' } as const;

describe('one restore point per sitting of returned workbooks', () => {
  it('is reused within the window and renewed after it', () => {
    const { app, advance } = clockedApp();
    const first = backupBeforeChange(app.ctx, 'sebelum-impor', share);
    advance(SHARED_RESTORE_POINT_MINUTES - 1);
    expect(backupBeforeChange(app.ctx, 'sebelum-impor', share).id).toBe(first.id);
    advance(2);
    const later = backupBeforeChange(app.ctx, 'sebelum-impor', share);
    expect(later.id).not.toBe(first.id);
    expect(fs.existsSync(later.path)).toBe(true);
  });

  it('another kind of change, a removed file or a reopened database takes a new one', () => {
    const { app, advance } = clockedApp();
    const first = backupBeforeChange(app.ctx, 'sebelum-impor', share);
    advance(1);
    // An instrument year move (no sharing) in between: the next import gets its own point.
    const move = backupBeforeChange(app.ctx, 'sebelum-impor');
    expect(move.id).not.toBe(first.id);
    advance(1);
    const afterMove = backupBeforeChange(app.ctx, 'sebelum-impor', share);
    expect(afterMove.id).not.toBe(move.id);
    advance(1);
    fs.rmSync(afterMove.path);
    const afterRemoval = backupBeforeChange(app.ctx, 'sebelum-impor', share);
    expect(afterRemoval.id).not.toBe(afterMove.id);
    expect(fs.existsSync(afterRemoval.path)).toBe(true);
    advance(1);
    // A restore reopens the connection: the old point no longer precedes this data.
    expect(backupBeforeChange(app.ctx, 'sebelum-impor', share).id).toBe(afterRemoval.id);
    app.ctx.db.close();
    app.ctx.db = openDatabase(app.dataDir);
    const afterRestore = backupBeforeChange(app.ctx, 'sebelum-impor', share);
    expect(afterRestore.id).not.toBe(afterRemoval.id);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../src/server/db/connection';
import { createBackupScheduler, createChangeTracker, listBackups, startBackupService } from '../../../src/server/backup';
import { addUnit, at, seededDataDir } from './fixtures';

const MIN = 60 * 1000;

describe('createBackupScheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs every interval, but only when there were changes', async () => {
    let changed = false;
    const run = vi.fn(async () => {
      changed = false;
    });
    const scheduler = createBackupScheduler({ intervalMs: 15 * MIN, hasChanges: () => changed, run });
    scheduler.start();

    await vi.advanceTimersByTimeAsync(15 * MIN);
    expect(run).not.toHaveBeenCalled();
    changed = true;
    await vi.advanceTimersByTimeAsync(14 * MIN);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1 * MIN);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(45 * MIN);
    expect(run).toHaveBeenCalledTimes(1);
    changed = true;
    await vi.advanceTimersByTimeAsync(15 * MIN);
    expect(run).toHaveBeenCalledTimes(2);
    await scheduler.stop();
    changed = true;
    await vi.advanceTimersByTimeAsync(60 * MIN);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('never overlaps runs, keeps going after a failure, and stop() waits for a running backup', async () => {
    let finish: () => void = () => {};
    const errors: unknown[] = [];
    const run = vi
      .fn<() => Promise<void>>()
      .mockRejectedValueOnce(new Error('disk penuh'))
      .mockImplementation(() => new Promise<void>((resolve) => (finish = resolve)));
    const scheduler = createBackupScheduler({ intervalMs: MIN, hasChanges: () => true, run, onError: (error) => errors.push(error) });
    scheduler.start();

    await vi.advanceTimersByTimeAsync(MIN);
    expect(errors).toEqual([new Error('disk penuh')]);
    await vi.advanceTimersByTimeAsync(MIN);
    expect(run).toHaveBeenCalledTimes(2);
    expect(await scheduler.tick()).toBe(false); // the second run is still going
    await vi.advanceTimersByTimeAsync(10 * MIN);
    expect(run).toHaveBeenCalledTimes(2);

    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(stopped).toBe(true);
  });
});

describe('createChangeTracker', () => {
  const open: Db[] = [];
  afterEach(() => {
    while (open.length > 0) open.pop()!.close();
  });

  it('sees writes since the last successful backup, including ones made while it ran', async () => {
    const { db } = seededDataDir();
    open.push(db);
    const tracker = createChangeTracker(db);
    expect(tracker.hasChanges()).toBe(false);
    addUnit(db, 'Dinas Baru');
    expect(tracker.hasChanges()).toBe(true);

    await tracker.track(async () => {});
    expect(tracker.hasChanges()).toBe(false);

    addUnit(db, 'Dinas Lain');
    await expect(tracker.track(async () => Promise.reject(new Error('gagal')))).rejects.toThrow('gagal');
    expect(tracker.hasChanges()).toBe(true);

    await tracker.track(async () => addUnit(db, 'Ditambah selama pencadangan'));
    expect(tracker.hasChanges()).toBe(true);
  });
});

describe('startBackupService', () => {
  it("backs up at start, then only after changes, and once more on stop if something is unsaved", async () => {
    const { dataDir, db } = seededDataDir();
    let minute = 0;
    const service = startBackupService(db, dataDir, { now: () => at(0, 9, minute++), intervalMs: 60 * MIN });
    try {
      expect(await service.tick()).toBe(false);
      await vi.waitFor(() => expect(listBackups(dataDir).map((entry) => entry.reason)).toEqual(['mulai']));
      expect(await service.tick()).toBe(false);
      addUnit(db, 'Dinas Baru');
      expect(await service.tick()).toBe(true);
      expect(await service.tick()).toBe(false);
      const manual = await service.backupNow('manual');
      expect(manual.rowCounts['units']).toBe(3);
      addUnit(db, 'Dinas Terakhir');
      await service.stop();
      expect(listBackups(dataDir).map((entry) => entry.reason)).toEqual(['berkala', 'manual', 'berkala', 'mulai']);
      expect(listBackups(dataDir)[0]?.verified && listBackups(dataDir)[0]).toMatchObject({ rowCounts: { units: 4 } });
    } finally {
      db.close();
    }
  });
});

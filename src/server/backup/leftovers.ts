/**
 * Leftovers of work that was interrupted (a killed process, a pulled USB stick), removed
 * at the start of every host — the app, the preview and the CLI — while it holds the
 * data-folder lock, so nothing running can own them.
 *
 * An archive is written to a folder outside the data folder (a flash drive), so its
 * temp folder is recorded in a small journal before it is created; the next start
 * removes whatever the journal still lists, even when the drive is a different one now.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { TEMP_DIR, TEMP_SUFFIX } from '../evidence/store/layout';
import { INTAKE_STAGING_DIR } from '../intake/staging';
import { ARCHIVE_PREFIX } from './archive-manifest';
import { TEMP_PREFIX, writeJsonAtomicSync } from './files';
import { sweepBackupTemps, sweepExportTemps } from './startup';
import { backupsDir } from './types';

/** Exports made inside the data folder (the browser preview's downloads). */
const DATA_EXPORT_DIR = 'ekspor';
const JOURNAL = 'arsip-sementara.json';

const journalSchema = z.object({ temps: z.array(z.string().max(4000)).max(1000) });

export interface LeftoverReport {
  backupTemps: number;
  archiveTemps: number;
  partFiles: number;
  exportTemps: number;
  /** Zip entries extracted for an intake apply that was cut off. */
  intakeStaging: number;
}

export function sweepLeftovers(dataDir: string): LeftoverReport {
  const archiveTemps = sweepJournaledArchives(dataDir);
  const backupTemps = sweepBackupTemps(dataDir).length;
  const exportTemps = sweepExportTemps(path.join(dataDir, DATA_EXPORT_DIR)).length;
  return { backupTemps, archiveTemps, partFiles: sweepPartFiles(dataDir), exportTemps, intakeStaging: sweepIntakeStaging(dataDir) };
}

/** Remove the entries of `dir` that `pick` accepts; what is locked (a scanner) waits for the next start. */
function sweepEntries(dir: string, pick: (name: string) => boolean): number {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names.filter(pick)) {
    try {
      fs.rmSync(path.join(dir, name), { recursive: true, force: true });
      removed += 1;
    } catch {
      // Locked: next start.
    }
  }
  return removed;
}

/** Every subfolder of the staging area belongs to an apply; none runs before the lock is held. */
const sweepIntakeStaging = (dataDir: string): number => sweepEntries(path.join(dataDir, INTAKE_STAGING_DIR), () => true);

/** Called before an archive's temp folder is created. */
export function recordArchiveTemp(dataDir: string, temp: string): void {
  const temps = readJournal(dataDir);
  temps.push(path.resolve(temp));
  writeJournal(dataDir, temps);
}

/** Called once the temp folder is renamed into place or removed. */
export function forgetArchiveTemp(dataDir: string, temp: string): void {
  const target = path.resolve(temp);
  try {
    writeJournal(dataDir, readJournal(dataDir).filter((entry) => entry !== target));
  } catch {
    // The next start removes a folder that no longer exists: harmless.
  }
}

function sweepJournaledArchives(dataDir: string): number {
  const temps = readJournal(dataDir);
  if (temps.length === 0) return 0;
  let removed = 0;
  const kept: string[] = [];
  for (const temp of temps) {
    // Only our own temp names: a corrupted journal must never delete a user's folder.
    if (!path.basename(temp).startsWith(`${TEMP_PREFIX}${ARCHIVE_PREFIX}`)) continue;
    if (!fs.existsSync(temp)) continue;
    try {
      fs.rmSync(temp, { recursive: true, force: true });
      removed += 1;
    } catch {
      kept.push(temp); // Locked or on a read-only stick: tried again next start.
    }
  }
  try {
    writeJournal(dataDir, kept);
  } catch {
    // Disk full: the journal stays and is retried; every entry is safe to retry.
  }
  return removed;
}

const sweepPartFiles = (dataDir: string): number => sweepEntries(path.join(dataDir, ...TEMP_DIR.split('/')), (name) => name.endsWith(TEMP_SUFFIX));

function journalPath(dataDir: string): string {
  return path.join(backupsDir(dataDir), JOURNAL);
}

function readJournal(dataDir: string): string[] {
  try {
    const parsed = journalSchema.safeParse(JSON.parse(fs.readFileSync(journalPath(dataDir), 'utf8')));
    return parsed.success ? parsed.data.temps : [];
  } catch {
    return [];
  }
}

function writeJournal(dataDir: string, temps: string[]): void {
  const file = journalPath(dataDir);
  if (temps.length === 0) {
    fs.rmSync(file, { force: true });
    return;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeJsonAtomicSync(file, { temps });
}

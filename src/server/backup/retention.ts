/**
 * Retention for backups/: the newest 10, plus the newest of each local day for the last
 * 30 days (today included). Two guards on top, because deleting the wrong file is the one
 * mistake a backup module cannot take back:
 *  - the newest verified backup is never deleted (so the only good one cannot go);
 *  - safety backups (reason "sebelum-…": before a migration, import or restore) are kept
 *    for 30 days, so an update or a restore can still be undone after a busy day of
 *    periodic backups has pushed them out of the newest 10.
 */
import fs from 'node:fs';
import { localDay } from './files';
import { listBackups } from './catalog';
import { verificationPath } from './catalog';
import { sidecarPath, type BackupEntry } from './types';

export interface RetentionPolicy {
  keepNewest: number;
  dailyDays: number;
  safetyDays: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { keepNewest: 10, dailyDays: 30, safetyDays: 30 };

export interface PruneReport {
  kept: string[];
  deleted: string[];
  /** Files that could not be deleted (e.g. locked by a virus scanner); tried again next time. */
  failed: string[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Ids to keep, from entries sorted newest first (as listBackups returns them). */
export function selectBackupsToKeep(entries: readonly BackupEntry[], now: Date, policy: RetentionPolicy = DEFAULT_RETENTION): Set<string> {
  const keep = new Set<string>(entries.slice(0, policy.keepNewest).map((entry) => entry.id));
  const recentDays = new Set<string>();
  for (let i = 0; i < policy.dailyDays; i += 1) {
    // Calendar arithmetic, not i * 24h, so daylight-saving zones still get whole days.
    recentDays.add(localDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() - i)));
  }
  const seenDays = new Set<string>();
  const safetyCutoff = now.getTime() - policy.safetyDays * DAY_MS;
  for (const entry of entries) {
    const created = new Date(entry.createdAt);
    const day = localDay(created);
    if (recentDays.has(day) && !seenDays.has(day)) {
      seenDays.add(day);
      keep.add(entry.id);
    }
    if (entry.reason?.startsWith('sebelum-') && created.getTime() >= safetyCutoff) keep.add(entry.id);
  }
  const newestVerified = entries.find((entry) => entry.verified);
  if (newestVerified) keep.add(newestVerified.id);
  return keep;
}

/** Delete every backup (and its sidecar) the policy does not keep. */
export function pruneBackups(dataDir: string, now: Date, policy: RetentionPolicy = DEFAULT_RETENTION): PruneReport {
  const entries = listBackups(dataDir);
  const keep = selectBackupsToKeep(entries, now, policy);
  const report: PruneReport = { kept: [], deleted: [], failed: [] };
  for (const entry of entries) {
    if (keep.has(entry.id)) {
      report.kept.push(entry.id);
      continue;
    }
    try {
      // Database first: a sidecar without its file is ignored by listBackups, the reverse is not.
      fs.rmSync(entry.path, { force: true });
      fs.rmSync(sidecarPath(entry.path), { force: true });
      fs.rmSync(verificationPath(entry.path), { force: true });
      report.deleted.push(entry.id);
    } catch {
      report.failed.push(entry.id);
    }
  }
  return report;
}

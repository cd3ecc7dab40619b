/**
 * Names, records and on-disk formats of backups. A backup is `backups/<id>` with
 * id = patuh-YYYYMMDD-HHMMSS-<reason>[-n].sqlite and a sidecar <same base>.json holding
 * its BackupRecord (minus the absolute path, so a moved data folder still lists).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseStamp } from './files';

export const BACKUP_REASONS = ['mulai', 'berkala', 'sebelum-migrasi', 'sebelum-impor', 'sebelum-pemulihan', 'manual'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export const BACKUPS_DIR = 'backups';
export const QUARANTINE_DIR = 'karantina';

export interface BackupRecord {
  /** File name inside backups/. */
  id: string;
  path: string;
  /** ISO 8601 (UTC). */
  createdAt: string;
  reason: BackupReason;
  sizeBytes: number;
  sha256: string;
  schemaVersion: number;
  rowCounts: Record<string, number>;
  verified: true;
}

/** A .sqlite in backups/ whose sidecar is missing or invalid: listed, never trusted blindly. */
export interface UnverifiedBackup {
  id: string;
  path: string;
  createdAt: string;
  reason: BackupReason | null;
  sizeBytes: number;
  verified: false;
  /** Why it is not verified, in Bahasa Indonesia. */
  problem: string;
}

export type BackupEntry = BackupRecord | UnverifiedBackup;

/** Options for anything that opens its own SQLite connection (Electron needs its ABI build). */
export interface SqliteOptions {
  nativeBinding?: string;
}

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const sidecarSchema = z.object({
  app: z.literal('Patuh'),
  format: z.literal(1),
  id: z.string(),
  createdAt: z.string().refine((value) => !Number.isNaN(Date.parse(value))),
  reason: z.enum(BACKUP_REASONS),
  sizeBytes: z.number().int().nonnegative(),
  sha256,
  schemaVersion: z.number().int().nonnegative(),
  rowCounts: z.record(z.string(), z.number().int().nonnegative()),
  verified: z.literal(true),
});

export function backupsDir(dataDir: string): string {
  return path.join(dataDir, BACKUPS_DIR);
}

export function backupBaseName(stampText: string, reason: BackupReason): string {
  return `patuh-${stampText}-${reason}`;
}

const NAME = new RegExp(`^patuh-(\\d{8}-\\d{6})-(${BACKUP_REASONS.join('|')})(?:-\\d+)?\\.sqlite$`);

export function isBackupFileName(name: string): boolean {
  return name.startsWith('patuh-') && name.endsWith('.sqlite');
}

/** Creation time and reason recovered from a name, for backups whose sidecar is lost. */
export function parseBackupName(name: string): { createdAt: Date; reason: BackupReason } | null {
  const match = NAME.exec(name);
  const createdAt = match ? parseStamp(match[1]!) : null;
  return match && createdAt ? { createdAt, reason: match[2] as BackupReason } : null;
}

export function sidecarPath(backupPath: string): string {
  return backupPath.replace(/\.sqlite$/, '.json');
}

export function toSidecar(record: BackupRecord): z.infer<typeof sidecarSchema> {
  const { path: _path, ...rest } = record;
  return { app: 'Patuh', format: 1, ...rest };
}

/** The sidecar's record if it is valid and describes this very file; otherwise why not. */
export function readSidecar(backupPath: string): { record: BackupRecord } | { problem: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(sidecarPath(backupPath), 'utf8'));
  } catch {
    return { problem: 'Manifes cadangan (.json) tidak ada atau tidak terbaca.' };
  }
  const parsed = sidecarSchema.safeParse(raw);
  if (!parsed.success) return { problem: 'Manifes cadangan (.json) tidak valid.' };
  const { app: _app, format: _format, ...record } = parsed.data;
  if (record.id !== path.basename(backupPath)) return { problem: 'Manifes cadangan milik berkas lain.' };
  return { record: { ...record, path: backupPath } };
}

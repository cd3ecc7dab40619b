/**
 * Reference dataset at the scale of a large kabupaten: 300 units, 5 years, both
 * instruments, every requirement with a status, every indicator with levels, and 3,000
 * evidence files of realistic sizes stored through the real evidence store.
 * Rows are bulk-inserted (the generator is not what is measured); files go through ingest.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { StartedApp } from '../src/server/app';
import { findInstrument } from '../src/server/instruments/instruments-service';
import { effectiveRequirements } from '../src/server/checklist/requirements';
import { ingestBuffer } from '../src/server/evidence/store';
import { EVIDENCE_STATUSES } from '../src/core/checklist/types';

export interface DatasetSize {
  units: number;
  years: number;
  files: number;
  /** Extra large files (photos, scans, short videos) for the first unit: a heavy submission. */
  heavyFiles: number;
}

export const FULL: DatasetSize = { units: 300, years: 5, files: 3000, heavyFiles: 60 };
export const QUICK: DatasetSize = { units: 40, years: 2, files: 200, heavyFiles: 20 };

const GROUPS = ['Perangkat Daerah', 'Bagian Setda', 'Kecamatan', 'Puskesmas', 'Satuan Pendidikan', 'UPTD'];

/** Deterministic pseudo-random numbers so every run measures the same data. */
function rng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** File sizes skewed like real evidence: many small scans and photos, some large PDFs. */
function fileSize(random: () => number): number {
  const r = random();
  if (r < 0.6) return 40_000 + Math.floor(random() * 260_000);
  if (r < 0.9) return 300_000 + Math.floor(random() * 1_200_000);
  return 1_500_000 + Math.floor(random() * 3_500_000);
}

export interface Dataset {
  size: DatasetSize;
  periodIds: number[];
  latestPeriodId: number;
  unitIds: number[];
  bytes: number;
}

export async function generateDataset(app: StartedApp, size: DatasetSize, log: (line: string) => void): Promise<Dataset> {
  const { db } = app.ctx;
  const random = rng(42);
  const now = new Date().toISOString();
  const unitIds: number[] = [];
  db.transaction(() => {
    const group = db.prepare('SELECT id FROM unit_groups WHERE name = ?').pluck();
    const insert = db.prepare('INSERT INTO units (name, short_name, group_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
    for (let i = 0; i < size.units; i += 1) {
      const groupName = GROUPS[i % GROUPS.length]!;
      unitIds.push(Number(insert.run(`${groupName} ${String(i + 1).padStart(3, '0')}`, `U${i + 1}`, group.get(groupName), now, now).lastInsertRowid));
    }
  })();
  const pekppp = findInstrument(app.ctx, 'pekppp-2022-a');
  const periodIds: number[] = [];
  const firstYear = 2027 - size.years;
  for (let year = firstYear; year < 2027; year += 1) {
    const ombudsman = findInstrument(app.ctx, year >= 2025 ? 'ombudsman-2025' : 'ombudsman-2022');
    const periodId = db.transaction(() => {
      const id = Number(db.prepare('INSERT INTO periods (year, deadline, window_start, window_end, created_at) VALUES (?, ?, ?, ?, ?)').run(year, `${year}-12-15`, `${year - 1}-01-01`, `${year}-12-31`, now).lastInsertRowid);
      db.prepare('INSERT INTO period_instruments (period_id, instrument_id) VALUES (?, ?), (?, ?)').run(id, pekppp.id, id, ombudsman.id);
      const scope = db.prepare('INSERT INTO period_units (period_id, unit_id, ombudsman_sample) VALUES (?, ?, ?)');
      unitIds.forEach((unitId, index) => scope.run(id, unitId, index % 40 === 0 ? 1 : 0));
      const item = db.prepare('INSERT INTO checklist_items (period_id, unit_id, instrument_id, requirement_code, status, reason, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
      const level = db.prepare('INSERT INTO assessments (period_id, unit_id, instrument_id, indicator_code, self_level, verified_level, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
      for (const instrument of [pekppp, ombudsman]) {
        const requirements = [...effectiveRequirements(app.ctx, id, instrument.id, instrument.definition).byIndicator.values()].flat();
        for (const unitId of unitIds) {
          for (const requirement of requirements) {
            const status = EVIDENCE_STATUSES[Math.floor(random() * EVIDENCE_STATUSES.length)]!;
            const reason = status === 'perlu_perbaikan' || status === 'tidak_berlaku' ? 'alasan contoh' : '';
            item.run(id, unitId, instrument.id, requirement.code, status, reason, now);
          }
        }
      }
      for (const unitId of unitIds) {
        for (const indicator of pekppp.definition.aspects.flatMap((aspect) => aspect.indicators)) {
          const self = Math.floor(random() * 6);
          level.run(id, unitId, pekppp.id, indicator.code, self, Math.max(0, self - Math.floor(random() * 2)), now);
        }
      }
      return id;
    })();
    periodIds.push(periodId);
    log(`  tahun ${year}: ${unitIds.length} unit, status dan nilai terisi`);
  }
  const latestPeriodId = periodIds[periodIds.length - 1]!;
  const bytes = await generateEvidence(app, latestPeriodId, unitIds, size.files, size.heavyFiles, random, log);
  return { size, periodIds, latestPeriodId, unitIds, bytes };
}

async function generateEvidence(app: StartedApp, periodId: number, unitIds: number[], files: number, heavy: number, random: () => number, log: (line: string) => void): Promise<number> {
  const { db } = app.ctx;
  const now = new Date().toISOString();
  const items = db.prepare('SELECT id, unit_id FROM checklist_items WHERE period_id = ? ORDER BY id').all(periodId) as Array<{ id: number; unit_id: number }>;
  const byUnit = new Map<number, number[]>();
  for (const item of items) byUnit.set(item.unit_id, [...(byUnit.get(item.unit_id) ?? []), item.id]);
  let bytes = 0;
  const insertBlob = db.prepare('INSERT OR IGNORE INTO blobs (sha256, size, stored_path, created_at) VALUES (?, ?, ?, ?)');
  const insertEvidence = db.prepare("INSERT INTO evidence (unit_id, kind, title, blob_sha256, original_name, mime, size, document_date, created_at) VALUES (?, 'file', ?, ?, ?, 'application/pdf', ?, ?, ?)");
  const link = db.prepare('INSERT OR IGNORE INTO checklist_evidence (item_id, evidence_id, linked_at) VALUES (?, ?, ?)');
  for (let n = 0; n < files + heavy; n += 1) {
    // The first unit also gets the heavy submission: large scans and short videos.
    const unitId = n < files ? unitIds[n % unitIds.length]! : unitIds[0]!;
    const size = n < files ? fileSize(random) : 2_000_000 + Math.floor(random() * 3_000_000);
    const data = crypto.randomBytes(size);
    data.write(`%PDF-1.4 bukti ${n}\n`, 0);
    const stored = await ingestBuffer(app.ctx.dataDir, data, `Bukti dukung ${n + 1}.pdf`);
    bytes += size;
    db.transaction(() => {
      insertBlob.run(stored.sha256, stored.size, stored.storedPath, now);
      const evidenceId = Number(insertEvidence.run(unitId, `Bukti dukung ${n + 1}`, stored.sha256, stored.originalName, stored.size, '2026-03-01', now).lastInsertRowid);
      const unitItems = byUnit.get(unitId)!;
      // Each unit's first requirement gets a file, so the status bench can verify it (terverifikasi needs evidence).
      link.run(n < unitIds.length ? unitItems[0]! : unitItems[Math.floor(random() * unitItems.length)]!, evidenceId, now);
      link.run(unitItems[Math.floor(random() * unitItems.length)]!, evidenceId, now);
    })();
    if ((n + 1) % 500 === 0) log(`  ${n + 1} berkas bukti disimpan`);
  }
  return bytes;
}

/** Consecutive calm copies (two seconds apart) before the disk counts as quiet. */
const CALM_ROUNDS = 8;
const CALM_SLACK_MS = 3;

/**
 * Waits until the disk is quiet after the dataset was written. Even after `sync`, copying
 * files on a freshly filled disk swings from a few ms to 20× that for half a minute or
 * more (measured here: 10 MB in 6.5–154 ms for ~40 s), and a baseline timed in that
 * window is not the office's disk. So ~10 MB of the dataset's own files is copied every
 * two seconds, as the package rows copy (after a flush, into a folder kept until the next
 * round), until eight copies in a row (16 s) take within 1.5× (+3 ms) of the fastest
 * one seen, or 180 s have passed (then it says so, and measuring goes on).
 */
export async function waitForQuietDisk(dataDir: string, workDir: string, log: (line: string) => void): Promise<void> {
  const files: string[] = [];
  let bytes = 0;
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (bytes >= 10 * 1024 * 1024) return;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        files.push(full);
        bytes += fs.statSync(full).size;
      }
    }
  };
  walk(path.join(dataDir, 'evidence'));
  const started = performance.now();
  let fastest = Infinity;
  let calm = 0;
  let previous: string | null = null;
  for (let round = 0; calm < CALM_ROUNDS; round += 1) {
    if (performance.now() - started > 180_000) {
      log('  Disk belum tenang setelah 180 s; pengukuran tetap dilanjutkan.');
      break;
    }
    // As the package rows time a copy: the disk flushed first (untimed), then ~10 MB copied
    // into a new folder that stays until the next round. A copy removed at once never
    // reaches the disk, and a busy disk then looks calm.
    spawnSync('sync');
    const dir = path.join(workDir, `tenang-${round}`);
    fs.mkdirSync(dir);
    const start = performance.now();
    for (const [index, file] of files.entries()) await fs.promises.copyFile(file, path.join(dir, String(index)));
    const ms = performance.now() - start;
    if (previous) fs.rmSync(previous, { recursive: true, force: true });
    previous = dir;
    // A copy much faster than any before starts the count again: the disk was not yet calm.
    // Calm is within 1.5x of the fastest plus 3 ms (a 7 ms copy jitters by a few ms on a quiet disk too).
    if (ms < fastest / 1.5) [fastest, calm] = [ms, 1];
    else if (ms <= fastest * 1.5 + CALM_SLACK_MS) [fastest, calm] = [Math.min(fastest, ms), calm + 1];
    else calm = 0;
    if (calm < CALM_ROUNDS) await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  if (previous) fs.rmSync(previous, { recursive: true, force: true });
  if (calm >= CALM_ROUNDS) log(`  Disk tenang setelah ${((performance.now() - started) / 1000).toFixed(0)} s (salin ${(bytes / 1024 / 1024).toFixed(0)} MB: ${fastest.toFixed(1)} ms).`);
}

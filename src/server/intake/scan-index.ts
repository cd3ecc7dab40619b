/**
 * The one "what changed since the last scan" index: per file its size and modification
 * time with the SHA-256 and the upload verdict computed for them. A rescan hashes only
 * files whose size or time changed, so a folder of 300 kits with nothing new is cheap.
 * Kept in memory by the running app and saved as a cache file in the data folder (never
 * in the database: losing it only costs one slower scan).
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeJsonAtomicSync } from '../backup/files';
import type { KitManifest } from './kit-manifest';

export interface IndexedFile {
  size: number;
  mtimeMs: number;
  sha256: string;
  /** Null when the file passed the upload checks; otherwise the Indonesian reason. */
  rejected: string | null;
}

const CACHE_FILE = path.join('cache', 'intake-index.json');
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

export class ScanIndex {
  private readonly entries = new Map<string, IndexedFile>();
  /**
   * Manifests that passed verification, by the data's secret and the exact text: a rescan
   * of 300 unchanged kits does not parse, validate and HMAC 300 manifests again.
   * Memory only; never saved.
   */
  readonly verifiedManifests = new Map<string, KitManifest>();
  private readonly seen = new Set<string>();
  private dirty = false;

  /** The cached record when size and time are unchanged. */
  lookup(key: string, size: number, mtimeMs: number): IndexedFile | null {
    this.seen.add(key);
    const entry = this.entries.get(key);
    return entry && entry.size === size && entry.mtimeMs === mtimeMs ? entry : null;
  }

  record(key: string, entry: IndexedFile): void {
    this.seen.add(key);
    this.entries.set(key, entry);
    this.dirty = true;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Forget files not seen since `beginScan`, so the index does not grow forever. */
  beginScan(): void {
    this.seen.clear();
  }

  endScan(): void {
    for (const key of this.entries.keys()) {
      if (!this.seen.has(key)) {
        this.entries.delete(key);
        this.dirty = true;
      }
    }
  }

  static load(dataDir: string): ScanIndex {
    const index = new ScanIndex();
    const file = path.join(dataDir, CACHE_FILE);
    try {
      const stat = fs.statSync(file);
      if (stat.size > MAX_CACHE_BYTES) return index;
      const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { entries?: Array<[string, IndexedFile]> };
      for (const [key, entry] of raw.entries ?? []) {
        if (typeof key === 'string' && entry && typeof entry.sha256 === 'string' && typeof entry.size === 'number' && typeof entry.mtimeMs === 'number') {
          index.entries.set(key, { size: entry.size, mtimeMs: entry.mtimeMs, sha256: entry.sha256, rejected: typeof entry.rejected === 'string' ? entry.rejected : null });
        }
      }
    } catch {
      // No cache yet, or a damaged one: the next scan simply hashes again.
    }
    return index;
  }

  save(dataDir: string): void {
    if (!this.dirty) return;
    fs.mkdirSync(path.join(dataDir, 'cache'), { recursive: true });
    writeJsonAtomicSync(path.join(dataDir, CACHE_FILE), { version: 1, entries: [...this.entries] });
    this.dirty = false;
  }
}

/**
 * Housekeeping every host runs once after start: leftover temp files of interrupted
 * copies are removed, and evidence files no row points at are moved aside (never deleted).
 */
import type { ServerContext } from './context';
import { checklistRepo } from './checklist/checklist-service';
import path from 'node:path';
import { sweepExportTemps } from './backup/startup';
import { moveOrphansAside, sweepTempFiles } from './evidence/store';

export interface MaintenanceReport {
  tempFilesRemoved: number;
  orphansMoved: number;
  exportTempsRemoved: number;
}

/** Exports made inside the data folder (the browser preview's downloads). */
export const DATA_EXPORT_DIR = 'ekspor';

export async function startupMaintenance(ctx: ServerContext): Promise<MaintenanceReport> {
  const tempFilesRemoved = await sweepTempFiles(ctx.dataDir, { minAgeMs: 60_000 });
  const known = new Set(checklistRepo(ctx).allBlobs.all().map((blob) => blob.stored_path));
  const moved = await moveOrphansAside(ctx.dataDir, known, ctx.now());
  const exportTempsRemoved = sweepExportTemps(path.join(ctx.dataDir, DATA_EXPORT_DIR)).length;
  return { tempFilesRemoved, orphansMoved: moved.length, exportTempsRemoved };
}

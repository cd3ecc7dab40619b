/**
 * Housekeeping every host runs once after start: leftover temp files of interrupted
 * copies are removed, and evidence files no row points at are moved aside (never deleted).
 */
import type { ServerContext } from './context';
import { checklistRepo } from './checklist/checklist-service';
import { moveOrphansAside, sweepTempFiles } from './evidence/store';

export interface MaintenanceReport {
  tempFilesRemoved: number;
  orphansMoved: number;
}

export async function startupMaintenance(ctx: ServerContext): Promise<MaintenanceReport> {
  const tempFilesRemoved = await sweepTempFiles(ctx.dataDir, { minAgeMs: 60_000 });
  const known = new Set(checklistRepo(ctx).allBlobs.all().map((blob) => blob.stored_path));
  const moved = await moveOrphansAside(ctx.dataDir, known, ctx.now());
  return { tempFilesRemoved, orphansMoved: moved.length };
}

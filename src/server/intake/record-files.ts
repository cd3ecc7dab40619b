/**
 * Recording a stored file as evidence inside the unit's apply transaction. The file was
 * copied by the evidence store's ingest routine (temp → fsync → rename, dedupe by hash)
 * before the transaction; here its library row is created and then attached through the
 * evidence service's attachExisting, so the service's status rule (supplied evidence
 * waits for verification) applies to intake exactly as to uploads.
 *
 * Why not attachFromPaths: it opens one transaction per requirement around an await, and
 * an intake unit must be ONE transaction (all or nothing). The library-row insert below
 * mirrors recordFiles in evidence-service.ts; once that service exports an in-transaction
 * variant (like linkUrlInTransaction), this should call it instead.
 */
import type { ServerContext } from '../context';
import { isoNow } from '../context';
import { attachExisting } from '../evidence/evidence-service';
import type { IngestedFile } from '../evidence/store';
import { checklistRepo, type ItemKey } from '../checklist/checklist-service';

function localDate(value: Date): string {
  const shifted = new Date(value.getTime() - value.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 10);
}

const titleFromName = (name: string): string => name.replace(/\.[^.]+$/u, '').replace(/_+/gu, ' ').trim() || name;

/** Returns the evidence id; must run inside the caller's transaction. */
export function recordIntakeFile(ctx: ServerContext, key: ItemKey, file: IngestedFile, createdBy: string): number {
  const repo = checklistRepo(ctx);
  repo.insertBlob.run({ sha256: file.sha256, size: file.size, storedPath: file.storedPath, now: isoNow(ctx) });
  const existing = repo.evidenceByBlob.get(key.unitId, file.sha256);
  if (existing?.deleted_at) repo.setDeleted.run({ id: existing.id, deletedAt: null });
  const id =
    existing?.id ??
    Number(
      repo.insertEvidence.run({
        unitId: key.unitId,
        kind: 'file',
        title: titleFromName(file.originalName),
        sha256: file.sha256,
        url: null,
        originalName: file.originalName,
        mime: file.mime,
        size: file.size,
        documentDate: localDate(new Date(file.modifiedAt)),
        now: isoNow(ctx),
        operator: createdBy,
      }).lastInsertRowid,
    );
  attachExisting(ctx, { ...key, evidenceId: id });
  return id;
}

import type { EvidenceStatus } from '../../core/checklist/types';
import type { Db } from '../db/connection';

export interface ItemRow {
  id: number;
  period_id: number;
  unit_id: number;
  instrument_id: number;
  requirement_code: string;
  status: EvidenceStatus;
  reason: string;
  note: string;
  verified_by: string | null;
  verified_at: string | null;
  updated_at: string;
}

export interface EvidenceRow {
  id: number;
  unit_id: number;
  kind: 'file' | 'link';
  title: string;
  url: string | null;
  original_name: string | null;
  mime: string | null;
  size: number | null;
  blob_sha256: string | null;
  document_date: string | null;
  created_at: string;
  created_by: string;
  deleted_at: string | null;
  usage_count: number;
}

export interface LinkRow extends EvidenceRow {
  item_id: number;
}

const EVIDENCE_COLUMNS = `e.id, e.unit_id, e.kind, e.title, e.url, e.original_name, e.mime, e.size, e.blob_sha256,
  e.document_date, e.created_at, e.created_by, e.deleted_at,
  (SELECT count(*) FROM checklist_evidence x WHERE x.evidence_id = e.id) AS usage_count`;

export function checklistRepository(db: Db) {
  return {
    itemsOfUnit: db.prepare<[number, number], ItemRow>('SELECT * FROM checklist_items WHERE period_id = ? AND unit_id = ?'),
    item: db.prepare<[number, number, number, string], ItemRow>(
      'SELECT * FROM checklist_items WHERE period_id = ? AND unit_id = ? AND instrument_id = ? AND requirement_code = ?',
    ),
    insertItem: db.prepare(
      `INSERT INTO checklist_items (period_id, unit_id, instrument_id, requirement_code, updated_at)
       VALUES (@periodId, @unitId, @instrumentId, @requirementCode, @now)`,
    ),
    setStatus: db.prepare(
      `UPDATE checklist_items SET status = @status, reason = @reason, verified_by = @verifiedBy,
       verified_at = @verifiedAt, updated_at = @now WHERE id = @id`,
    ),
    setNote: db.prepare('UPDATE checklist_items SET note = @note, updated_at = @now WHERE id = @id'),
    linksOfUnit: db.prepare<[number, number], LinkRow>(
      `SELECT l.item_id, ${EVIDENCE_COLUMNS}
       FROM checklist_evidence l JOIN checklist_items i ON i.id = l.item_id JOIN evidence e ON e.id = l.evidence_id
       WHERE i.period_id = ? AND i.unit_id = ? AND e.deleted_at IS NULL ORDER BY l.linked_at, e.id`,
    ),
    itemsOfPeriod: db.prepare<[number], ItemRow>('SELECT * FROM checklist_items WHERE period_id = ?'),
    linksOfPeriod: db.prepare<[number], LinkRow & { unit_of_item: number }>(
      `SELECT l.item_id, i.unit_id AS unit_of_item, ${EVIDENCE_COLUMNS}
       FROM checklist_evidence l JOIN checklist_items i ON i.id = l.item_id JOIN evidence e ON e.id = l.evidence_id
       WHERE i.period_id = ? AND e.deleted_at IS NULL ORDER BY l.linked_at, e.id`,
    ),
    linksOfItem: db.prepare<[number], LinkRow>(
      `SELECT l.item_id, ${EVIDENCE_COLUMNS}
       FROM checklist_evidence l JOIN evidence e ON e.id = l.evidence_id
       WHERE l.item_id = ? AND e.deleted_at IS NULL ORDER BY l.linked_at, e.id`,
    ),
    link: db.prepare('INSERT INTO checklist_evidence (item_id, evidence_id, linked_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
    unlink: db.prepare('DELETE FROM checklist_evidence WHERE item_id = ? AND evidence_id = ?'),
    evidence: db.prepare<[number], EvidenceRow>(`SELECT ${EVIDENCE_COLUMNS} FROM evidence e WHERE e.id = ?`),
    library: db.prepare<[number], EvidenceRow>(`SELECT ${EVIDENCE_COLUMNS} FROM evidence e WHERE e.unit_id = ? ORDER BY e.created_at DESC, e.id DESC`),
    evidenceByBlob: db.prepare<[number, string], EvidenceRow>(
      `SELECT ${EVIDENCE_COLUMNS} FROM evidence e WHERE e.unit_id = ? AND e.blob_sha256 = ? ORDER BY e.deleted_at IS NOT NULL, e.id LIMIT 1`,
    ),
    evidenceByUrl: db.prepare<[number, string], EvidenceRow>(
      `SELECT ${EVIDENCE_COLUMNS} FROM evidence e WHERE e.unit_id = ? AND e.url = ? ORDER BY e.deleted_at IS NOT NULL, e.id LIMIT 1`,
    ),
    insertBlob: db.prepare(
      'INSERT INTO blobs (sha256, size, stored_path, created_at) VALUES (@sha256, @size, @storedPath, @now) ON CONFLICT DO NOTHING',
    ),
    blob: db.prepare<[string], { sha256: string; size: number; stored_path: string }>('SELECT sha256, size, stored_path FROM blobs WHERE sha256 = ?'),
    allBlobs: db.prepare<[], { sha256: string; size: number; stored_path: string }>('SELECT sha256, size, stored_path FROM blobs ORDER BY sha256'),
    insertEvidence: db.prepare(
      `INSERT INTO evidence (unit_id, kind, title, blob_sha256, url, original_name, mime, size, document_date, created_at, created_by)
       VALUES (@unitId, @kind, @title, @sha256, @url, @originalName, @mime, @size, @documentDate, @now, @operator)`,
    ),
    updateEvidence: db.prepare('UPDATE evidence SET title = @title, document_date = @documentDate WHERE id = @id'),
    setDeleted: db.prepare('UPDATE evidence SET deleted_at = @deletedAt WHERE id = @id'),
  };
}

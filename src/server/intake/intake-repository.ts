/** Prepared statements of the intake tables (migration 006). */
import type { Db } from '../db/connection';
import { memoFor } from '../db/memo';
import type { ServerContext } from '../context';

export interface KitRow {
  kit_id: string;
  period_id: number;
  unit_id: number;
  first_exported_at: string;
  exported_at: string;
  workbook_sha256: string | null;
  zip_sha256: string | null;
}

export interface ReceivedRow {
  kit_id: string;
  kit_path: string;
  sha256: string;
  received_at: string;
}

function intakeRepository(db: Db) {
  return {
    kitOf: db.prepare<[number, number], KitRow>('SELECT * FROM intake_kits WHERE period_id = ? AND unit_id = ?'),
    kit: db.prepare<[string], KitRow>('SELECT * FROM intake_kits WHERE kit_id = ?'),
    insertKit: db.prepare('INSERT INTO intake_kits (kit_id, period_id, unit_id, first_exported_at, exported_at) VALUES (@kitId, @periodId, @unitId, @now, @now)'),
    markExported: db.prepare('UPDATE intake_kits SET exported_at = @now, workbook_sha256 = COALESCE(@workbook, workbook_sha256), zip_sha256 = COALESCE(@zip, zip_sha256) WHERE kit_id = @kitId'),
    folder: db.prepare<[number], string>('SELECT path FROM intake_folders WHERE period_id = ?').pluck(),
    setFolder: db.prepare(
      'INSERT INTO intake_folders (period_id, path, updated_at) VALUES (@periodId, @path, @now) ON CONFLICT (period_id) DO UPDATE SET path = excluded.path, updated_at = excluded.updated_at',
    ),
    clearFolder: db.prepare('DELETE FROM intake_folders WHERE period_id = ?'),
    receivedOfKit: db.prepare<[string], ReceivedRow>('SELECT kit_id, kit_path, sha256, received_at FROM intake_received WHERE kit_id = ?'),
    lastReceived: db.prepare<[number, number], string | null>('SELECT MAX(received_at) FROM intake_received WHERE period_id = ? AND unit_id = ?').pluck(),
    /** Which other units already hold this content (duplicates across units are flagged). */
    holders: db.prepare<[string, number], { unit_id: number; name: string }>(
      `SELECT DISTINCT e.unit_id, u.name FROM evidence e JOIN units u ON u.id = e.unit_id
       WHERE e.blob_sha256 = ? AND e.unit_id <> ? AND e.deleted_at IS NULL ORDER BY u.name LIMIT 3`,
    ),
    insertReceived: db.prepare(
      `INSERT INTO intake_received (kit_id, period_id, unit_id, kit_path, sha256, size, evidence_id, instrument_id, requirement_code, received_at, sender)
       VALUES (@kitId, @periodId, @unitId, @kitPath, @sha256, @size, @evidenceId, @instrumentId, @requirementCode, @now, @sender)
       ON CONFLICT (kit_id, kit_path, sha256) DO NOTHING`,
    ),
  };
}

export const intakeRepo = (ctx: ServerContext) => memoFor(ctx.db, intakeRepository);

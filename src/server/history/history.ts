/**
 * Append-only change history. Rows are only ever inserted (database triggers refuse
 * UPDATE and DELETE); the Indonesian summary is derived when reading.
 */
import type { HistoryEntry } from '../../shared/types';
import { EVIDENCE_STATUS_LABELS, type EvidenceStatus } from '../../core/checklist/types';
import { isoNow, type ServerContext } from '../context';
import type { Db } from '../db/connection';
import { memoFor } from '../db/memo';
import { getSettings } from '../settings/settings-service';

export type HistoryAction =
  | 'status'
  | 'note'
  | 'evidence-added'
  | 'evidence-removed'
  | 'evidence-trashed'
  | 'evidence-restored'
  | 'requirement-added'
  | 'requirement-hidden'
  | 'requirement-unhidden'
  | 'carry-over'
  | 'level'
  | 'import'
  | 'intake'
  | 'finding'
  | 'instrument-moved';

export interface HistoryTarget {
  periodId?: number | null;
  unitId?: number | null;
  instrumentId?: number | null;
  requirementCode?: string | null;
  indicatorCode?: string | null;
}

interface HistoryRow {
  id: number;
  at: string;
  operator: string;
  action: string;
  detail: string;
}

function historyRepository(db: Db) {
  return {
    insert: db.prepare(
      `INSERT INTO history (at, operator, period_id, unit_id, instrument_id, requirement_code, indicator_code, action, detail)
       VALUES (@at, @operator, @periodId, @unitId, @instrumentId, @requirementCode, @indicatorCode, @action, @detail)`,
    ),
    recentOfUnit: db.prepare<[number, number, number], HistoryRow & { instrument_id: number | null; requirement_code: string | null; indicator_code: string | null }>(
      `SELECT id, at, operator, action, detail, instrument_id, requirement_code, indicator_code FROM history
       WHERE unit_id = ? AND period_id = ? ORDER BY id DESC LIMIT ?`,
    ),
    forItem: db.prepare<[number, number, number, string], HistoryRow>(
      `SELECT id, at, operator, action, detail FROM history
       WHERE period_id = ? AND unit_id = ? AND instrument_id = ? AND requirement_code = ?
       ORDER BY id DESC`,
    ),
  };
}

export function operatorName(ctx: ServerContext): string {
  return getSettings(ctx).operatorName || 'Operator';
}

/** Append one entry; call inside the action's transaction so both commit together. Returns its id. */
export function appendHistory(
  ctx: ServerContext,
  target: HistoryTarget,
  action: HistoryAction,
  detail: Record<string, unknown>,
): number {
  const result = memoFor(ctx.db, historyRepository).insert.run({
    at: isoNow(ctx),
    operator: operatorName(ctx),
    periodId: target.periodId ?? null,
    unitId: target.unitId ?? null,
    instrumentId: target.instrumentId ?? null,
    requirementCode: target.requirementCode ?? null,
    indicatorCode: target.indicatorCode ?? null,
    action,
    detail: JSON.stringify(detail),
  });
  return Number(result.lastInsertRowid);
}

const label = (status: unknown): string => EVIDENCE_STATUS_LABELS[status as EvidenceStatus] ?? String(status);

const levelText = (level: unknown): string => (level === null || level === undefined ? 'belum dinilai' : `tingkat ${String(level)}`);

function summarize(action: string, detail: Record<string, unknown>): string {
  const reason = detail['reason'] ? ` (alasan: ${String(detail['reason'])})` : '';
  switch (action) {
    case 'instrument-moved':
      return `Tahun dipindah dari instrumen ${String(detail['from'])} ke ${String(detail['to'])}: ${String(detail['itemsMoved'])} bukti dukung dan ${String(detail['levelsMoved'])} tingkat ikut pindah.`;
    case 'finding':
      return detail['removed'] ? `Temuan Ombudsman dihapus: "${String(detail['text'] ?? '')}".` : `Temuan Ombudsman dicatat dengan status "${String(detail['to'])}".`;
    case 'status':
      if (detail['revert']) return `Urungkan: status dikembalikan dari "${label(detail['from'])}" ke "${label(detail['to'])}"${reason}.`;
      // The cause says why the app (not a person) moved it: new evidence, an import, …
      return `Status diubah dari "${label(detail['from'])}" menjadi "${label(detail['to'])}"${reason}${detail['cause'] ? ` — ${String(detail['cause'])}` : ''}${Number(detail['bulk']) > 1 ? ` — ubah massal (${Number(detail['bulk']).toLocaleString('id-ID')} persyaratan)` : ''}.`;
    case 'note':
      return detail['to'] ? `Catatan diubah: "${String(detail['to'])}".` : 'Catatan dihapus.';
    case 'evidence-added':
      return `Bukti ditambahkan: ${String(detail['title'])}${detail['reused'] ? ' (berkas yang sama sudah ada, dipakai ulang)' : ''}.`;
    case 'evidence-removed':
      return `Bukti dilepas dari persyaratan: ${String(detail['title'])}.`;
    case 'evidence-trashed':
      return `Bukti dipindahkan ke tempat sampah: ${String(detail['title'])}.`;
    case 'evidence-restored':
      return `Bukti dipulihkan dari tempat sampah: ${String(detail['title'])}.`;
    case 'requirement-added':
      return `Persyaratan tambahan dibuat: ${String(detail['text'])}.`;
    case 'requirement-hidden':
      return `Persyaratan disembunyikan${reason}.`;
    case 'requirement-unhidden':
      return 'Persyaratan ditampilkan kembali.';
    case 'carry-over':
      return `Dibawa dari tahun ${String(detail['fromYear'])}; status direset menjadi "Menunggu verifikasi".`;
    case 'level':
      if (detail['revert']) return `Urungkan: nilai ${detail['verified'] ? 'verifikasi' : 'mandiri'} dikembalikan dari ${levelText(detail['from'])} ke ${levelText(detail['to'])}.`;
      return `Nilai ${detail['verified'] ? 'verifikasi' : 'mandiri'} diubah dari ${levelText(detail['from'])} menjadi ${levelText(detail['to'])}${reason}.`;
    case 'import':
      return `Diperbarui dari buku kerja isian: ${String(detail['summary'] ?? '')}`;
    case 'intake':
      return `Diterima dari kiriman unit${detail['sender'] ? ` (dikirim oleh ${String(detail['sender'])})` : ''}: ${String(detail['summary'] ?? '')}`;
    default:
      return action;
  }
}

export function historyForItem(
  ctx: ServerContext,
  key: { periodId: number; unitId: number; instrumentId: number; requirementCode: string },
): HistoryEntry[] {
  return memoFor(ctx.db, historyRepository)
    .forItem.all(key.periodId, key.unitId, key.instrumentId, key.requirementCode)
    .map((row) => {
      const detail = JSON.parse(row.detail) as Record<string, unknown>;
      return { id: row.id, at: row.at, operator: row.operator, action: row.action, summary: summarize(row.action, detail), detail };
    });
}

/** The latest changes of one unit in one year (the unit page's "riwayat terbaru"). */
export function recentHistoryOfUnit(
  ctx: ServerContext,
  key: { periodId: number; unitId: number },
  limit: number,
): Array<HistoryEntry & { instrumentId: number | null; requirementCode: string | null; indicatorCode: string | null }> {
  return memoFor(ctx.db, historyRepository)
    .recentOfUnit.all(key.unitId, key.periodId, limit)
    .map((row) => {
      const detail = JSON.parse(row.detail) as Record<string, unknown>;
      return {
        id: row.id,
        at: row.at,
        operator: row.operator,
        action: row.action,
        summary: summarize(row.action, detail),
        detail,
        instrumentId: row.instrument_id,
        requirementCode: row.requirement_code,
        indicatorCode: row.indicator_code,
      };
    });
}

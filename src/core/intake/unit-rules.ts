/**
 * What a service unit may change through its kit. The office verifies; a unit supplies.
 * So nothing a unit sends becomes "terverifikasi", a unit may only mark a requirement as
 * supplied (menunggu verifikasi) or not applicable with a reason, anything it sends for
 * an item the office already verified (or changed since the kit went out) is a conflict
 * for the office to decide, and its F-01 levels are self-assessment levels that follow
 * the same suggested-level rule as the app.
 */
import { suggestLevel } from '../assessment/suggest';
import { EVIDENCE_STATUS_LABELS, type EvidenceStatus } from '../checklist/types';
import type { Elements } from '../instrument/schema';

export type Verdict = { kind: 'apply' } | { kind: 'conflict'; reason: string } | { kind: 'error'; message: string; action: string };

const APPLY: Verdict = { kind: 'apply' };

/** Statuses a unit may choose itself. */
export const UNIT_STATUSES: readonly EvidenceStatus[] = ['menunggu_verifikasi', 'tidak_berlaku'];

export interface StatusRequest {
  /** Status written in the kit when it was exported. */
  exported: EvidenceStatus;
  /** What the unit chose; null when the cell was left as it was. */
  wanted: EvidenceStatus | null;
  /** The unit's reason (its note) for "tidak berlaku". */
  reason: string;
}

/** Whether the unit's chosen status is one it may choose. Unchanged cells are always fine. */
export function judgeStatus(request: StatusRequest): Verdict {
  const { exported, wanted } = request;
  if (wanted === null || wanted === exported) return APPLY;
  if (wanted === 'terverifikasi' || wanted === 'perlu_perbaikan') {
    return {
      kind: 'error',
      message: `Status "${EVIDENCE_STATUS_LABELS[wanted]}" hanya diberikan oleh Bagian Organisasi.`,
      action: 'Pilih "Menunggu verifikasi" bila bukti sudah dikirim, atau "Tidak berlaku" dengan alasannya.',
    };
  }
  if (wanted === 'belum_ada') {
    return { kind: 'error', message: 'Unit tidak dapat mengembalikan status menjadi "Belum ada".', action: 'Biarkan status seperti semula; tulis keterangannya di kolom Catatan.' };
  }
  if (wanted === 'tidak_berlaku' && request.reason.trim() === '') {
    return { kind: 'error', message: 'Status "Tidak berlaku" wajib disertai alasan.', action: 'Tuliskan alasannya di kolom Catatan pada baris ini.' };
  }
  return APPLY;
}

export interface EditTarget {
  /** Status in Patuh now. */
  current: EvidenceStatus;
  /** True when the office changed the item after the kit was exported. */
  changedSinceExport: boolean;
}

/** Any change by the unit (status, note, link, file) to one requirement: applied or a conflict. */
export function judgeEdit(target: EditTarget): Verdict {
  if (target.current === 'terverifikasi') return { kind: 'conflict', reason: 'Persyaratan ini sudah terverifikasi oleh Bagian Organisasi.' };
  if (target.changedSinceExport) return { kind: 'conflict', reason: 'Bagian Organisasi mengubah persyaratan ini setelah kit diekspor.' };
  return APPLY;
}

export interface SelfAssessmentState {
  level: number | null;
  elements: readonly string[];
  justification: string;
  overrideReason: string;
}

export interface LevelRequest {
  elements: Elements | undefined;
  /** As exported in the kit. */
  exported: SelfAssessmentState;
  /** As the unit filled it in. */
  sent: SelfAssessmentState;
  /** As Patuh holds it now. */
  current: SelfAssessmentState;
  /** The office's verified level, when there is one. */
  verifiedLevel: number | null;
  /**
   * What this unit's workbook gave the last time the office applied it (`sent`, as
   * written) and what was stored from it (`applied`). The unit's later edits are judged
   * against this, so a unit that keeps editing after an apply is not a conflict.
   */
  lastApplied?: { sent: SelfAssessmentState; applied: SelfAssessmentState } | undefined;
}

export type LevelVerdict =
  | { kind: 'unchanged' }
  | { kind: 'apply'; level: number | null; suggested: number | null; state: SelfAssessmentState }
  | { kind: 'conflict'; reason: string; level: number | null; state: SelfAssessmentState }
  | { kind: 'error'; message: string; action: string };

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

function sameState(a: SelfAssessmentState, b: SelfAssessmentState): boolean {
  return a.level === b.level && sameSet(a.elements, b.elements) && a.justification.trim() === b.justification.trim() && a.overrideReason.trim() === b.overrideReason.trim();
}

/**
 * One F-01 indicator. Ticked elements suggest a level; a blank level takes the suggestion;
 * a different level needs a reason. An indicator the office verified, or changed since
 * export, is a conflict.
 */
export function judgeLevel(request: LevelRequest): LevelVerdict {
  const { sent, exported, lastApplied } = request;
  // Nothing typed since the export, or since the office last applied this workbook.
  if (sameState(sent, exported) || (lastApplied && sameState(sent, lastApplied.sent))) return { kind: 'unchanged' };
  if (sent.level !== null && !(Number.isInteger(sent.level) && sent.level >= 0 && sent.level <= 5)) {
    return { kind: 'error', message: `Tingkat "${sent.level}" tidak dikenal.`, action: 'Pilih tingkat 0 sampai 5 dari daftar.' };
  }
  const known = new Set(request.elements?.items.map((item) => item.code) ?? []);
  const ticked = [...new Set(sent.elements.filter((code) => known.has(code)))];
  const suggested = ticked.length > 0 && request.elements ? suggestLevel(request.elements, ticked) : null;
  // A blank level takes the suggestion; with nothing ticked either, the exported level stays.
  const level = sent.level ?? suggested ?? exported.level;
  const reason = sent.overrideReason.trim();
  if (suggested !== null && level !== null && level !== suggested && reason === '') {
    return {
      kind: 'error',
      message: `Unsur yang dicentang menyarankan tingkat ${suggested}, tetapi dipilih tingkat ${level} tanpa alasan.`,
      action: 'Tuliskan alasan di kolom "Alasan bila berbeda dari saran", atau pilih tingkat yang disarankan.',
    };
  }
  const state: SelfAssessmentState = { level, elements: ticked, justification: sent.justification.trim(), overrideReason: suggested !== null && level !== suggested ? reason : '' };
  // Already what Patuh holds (e.g. applied from this same workbook earlier): nothing to do, never a conflict.
  if (sameState(state, request.current)) return { kind: 'unchanged' };
  if (request.verifiedLevel !== null) return { kind: 'conflict', reason: `Indikator ini sudah diverifikasi Bagian Organisasi (tingkat ${request.verifiedLevel}).`, level, state };
  const untouchedByOffice = sameState(request.current, exported) || (lastApplied !== undefined && sameState(request.current, lastApplied.applied));
  if (!untouchedByOffice) return { kind: 'conflict', reason: 'Bagian Organisasi mengubah penilaian indikator ini setelah kit diekspor atau setelah kiriman terakhir unit diterapkan.', level, state };
  return { kind: 'apply', level, suggested, state };
}

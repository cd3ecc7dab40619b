/**
 * The cross-unit report of files (same SHA-256) attached in two or more units of a year.
 * Reuse stays allowed (a pemda-wide SK is legitimately shared); the list lets the office
 * ask why a kecamatan and a puskesmas sent the same PDF.
 */
import type { ParsedInput } from '../../shared/contract';
import type { SharedFile } from '../../shared/types';
import type { ServerContext } from '../context';
import type { Db } from '../db/connection';
import { memoFor } from '../db/memo';
import { getInstrument } from '../instruments/instruments-service';
import { getPeriodSummary } from '../periods/periods-service';
import { effectiveRequirements } from '../checklist/requirements';

interface SharedRow {
  sha256: string;
  unit_id: number;
  unit_name: string;
  group_name: string;
  instrument_id: number;
  requirement_code: string;
  title: string;
  original_name: string | null;
  size: number | null;
}

function sharedRepository(db: Db) {
  return {
    rows: db.prepare<[number], SharedRow>(
      `WITH linked AS (
         SELECT e.blob_sha256 AS sha256, u.id AS unit_id, u.name AS unit_name, g.name AS group_name,
                i.instrument_id, i.requirement_code, e.title, e.original_name, e.size, e.id AS evidence_id
         FROM checklist_items i JOIN checklist_evidence l ON l.item_id = i.id
         JOIN evidence e ON e.id = l.evidence_id JOIN units u ON u.id = i.unit_id JOIN unit_groups g ON g.id = u.group_id
         WHERE i.period_id = ? AND e.deleted_at IS NULL AND e.blob_sha256 IS NOT NULL)
       SELECT sha256, unit_id, unit_name, group_name, instrument_id, requirement_code, title, original_name, size FROM linked
       WHERE sha256 IN (SELECT sha256 FROM linked GROUP BY sha256 HAVING count(DISTINCT unit_id) >= 2)
       ORDER BY sha256, unit_name COLLATE NOCASE, evidence_id`,
    ),
  };
}

export function sharedFiles(ctx: ServerContext, input: ParsedInput<'evidence:shared-files'>): SharedFile[] {
  const period = getPeriodSummary(ctx, input.periodId);
  const texts = new Map<string, { instrument: string; text: string }>();
  for (const summary of period.instruments) {
    const definition = getInstrument(ctx, { id: summary.id }).definition;
    for (const list of effectiveRequirements(ctx, period.id, summary.id, definition).byIndicator.values()) {
      for (const requirement of list) texts.set(`${summary.id}:${requirement.code}`, { instrument: summary.shortName, text: requirement.text });
    }
  }
  const files = new Map<string, SharedFile>();
  for (const row of memoFor(ctx.db, sharedRepository).rows.all(period.id)) {
    const file = files.get(row.sha256) ?? { sha256: row.sha256, title: row.title, originalName: row.original_name, size: row.size, units: [] };
    files.set(row.sha256, file);
    let unit = file.units.find((entry) => entry.unitId === row.unit_id);
    if (!unit) {
      unit = { unitId: row.unit_id, unitName: row.unit_name, groupName: row.group_name, requirements: [] };
      file.units.push(unit);
    }
    const known = texts.get(`${row.instrument_id}:${row.requirement_code}`);
    if (!unit.requirements.some((entry) => entry.instrumentId === row.instrument_id && entry.code === row.requirement_code)) {
      unit.requirements.push({ instrumentId: row.instrument_id, instrument: known?.instrument ?? '', code: row.requirement_code, text: known?.text ?? row.requirement_code });
    }
  }
  // Most widely shared first: those are the ones an evaluator asks about.
  return [...files.values()].sort((a, b) => b.units.length - a.units.length || a.title.localeCompare(b.title, 'id'));
}

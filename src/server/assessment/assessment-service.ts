/**
 * Self-assessment per PEKPPP indicator: the unit's own level and the office's verified
 * level side by side, elements that suggest a level, reasons, and the evidence that
 * supports it. Each change is one transaction with a history entry.
 */
import { suggestLevel } from '../../core/assessment/suggest';
import { scorePekpppViews, type PekpppViews } from '../../core/scoring';
import type { ParsedInput } from '../../shared/contract';
import { AppError } from '../../shared/result';
import type { Assessment, AssessmentIndicator, LinkedEvidence } from '../../shared/types';
import { isoNow, type ServerContext } from '../context';
import type { Db } from '../db/connection';
import { memoFor } from '../db/memo';
import { appendHistory } from '../history/history';
import { checklistRepo, requireScope, toEvidenceItem } from '../checklist/checklist-service';
import { evidenceFlags, flagEvidence } from '../checklist/evidence-flags';
import { loadYearInputs, type AssessmentRow, type YearInputs } from '../scoring/scoring-inputs';

const reportsOf = (views: PekpppViews) => ({ selfReport: views.self, verifiedReport: views.verified, currentReport: views.current });

function assessmentRepository(db: Db) {
  return {
    upsert: db.prepare(
      `INSERT INTO assessments (period_id, unit_id, instrument_id, indicator_code, self_level, verified_level, elements,
         override_reason, justification, verified_note, updated_at)
       VALUES (@periodId, @unitId, @instrumentId, @indicatorCode, @selfLevel, @verifiedLevel, @elements,
         @overrideReason, @justification, @verifiedNote, @now)
       ON CONFLICT (period_id, unit_id, instrument_id, indicator_code) DO UPDATE SET
         self_level = excluded.self_level, verified_level = excluded.verified_level, elements = excluded.elements,
         override_reason = excluded.override_reason, justification = excluded.justification,
         verified_note = excluded.verified_note, updated_at = excluded.updated_at`,
    ),
  };
}

function parseElements(row: AssessmentRow | undefined): string[] {
  if (!row) return [];
  const value = JSON.parse(row.elements) as unknown;
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function evidenceByIndicator(ctx: ServerContext, inputs: YearInputs, unitId: number): Map<string, LinkedEvidence[]> {
  const pekppp = inputs.pekppp!;
  const indicatorOf = new Map(pekppp.requirements.map((requirement) => [requirement.code, requirement.indicatorCode]));
  const itemIndicator = new Map(
    checklistRepo(ctx)
      .itemsOfUnit.all(inputs.period.id, unitId)
      .filter((item) => item.instrument_id === pekppp.id)
      .map((item) => [item.id, indicatorOf.get(item.requirement_code)]),
  );
  const kindOf = new Map(pekppp.requirements.map((requirement) => [requirement.code, requirement.kind]));
  const itemCode = new Map(checklistRepo(ctx).itemsOfUnit.all(inputs.period.id, unitId).map((item) => [item.id, item.requirement_code]));
  const links = checklistRepo(ctx).linksOfUnit.all(inputs.period.id, unitId);
  const flags = evidenceFlags(ctx, inputs.period, links.map((link) => link.blob_sha256));
  const result = new Map<string, LinkedEvidence[]>();
  for (const link of links) {
    const indicator = itemIndicator.get(link.item_id);
    if (!indicator) continue;
    const list = result.get(indicator) ?? [];
    if (!list.some((entry) => entry.id === link.id)) {
      list.push(flagEvidence(toEvidenceItem(link), link, kindOf.get(itemCode.get(link.item_id) ?? '') ?? 'dokumen', unitId, flags));
    }
    result.set(indicator, list);
  }
  return result;
}

function buildAssessment(ctx: ServerContext, periodId: number, unitId: number): Assessment {
  const inputs = loadYearInputs(ctx, periodId, { unitId });
  const pekppp = inputs.pekppp;
  if (!pekppp) throw new AppError('VALIDATION', `Tahun ${inputs.period.year} tidak memakai instrumen PEKPPP.`);
  const rows = new Map(inputs.assessments(unitId).filter((row) => row.instrument_id === pekppp.id).map((row) => [row.indicator_code, row]));
  const statuses = inputs.statusesOf(unitId, pekppp.id);
  const evidence = evidenceByIndicator(ctx, inputs, unitId);
  const aspects = pekppp.definition.aspects.map((aspect) => ({
    code: aspect.code,
    name: aspect.name,
    weight: aspect.weight,
    indicators: aspect.indicators.map((indicator): AssessmentIndicator => {
      const row = rows.get(indicator.code);
      const requirements = pekppp.requirements.filter((requirement) => requirement.indicatorCode === indicator.code);
      const applicable = requirements.filter((requirement) => statuses.get(requirement.code) !== 'tidak_berlaku');
      const verified = applicable.filter((requirement) => statuses.get(requirement.code) === 'terverifikasi').length;
      const ticked = parseElements(row);
      const level = row?.verified_level ?? row?.self_level ?? null;
      return {
        code: indicator.code,
        number: indicator.number,
        name: indicator.name,
        weight: indicator.weight,
        scored: aspect.weight > 0 && indicator.weight > 0,
        levels: indicator.levels ?? [],
        elements: indicator.elements ?? null,
        ticked,
        suggestedLevel: ticked.length > 0 ? suggestLevel(indicator.elements, ticked) : null,
        selfLevel: row?.self_level ?? null,
        verifiedLevel: row?.verified_level ?? null,
        overrideReason: row?.override_reason ?? '',
        justification: row?.justification ?? '',
        verifiedNote: row?.verified_note ?? '',
        requirementsTotal: applicable.length,
        requirementsVerified: verified,
        unverifiedWarning: level !== null && level > 0 && verified < applicable.length,
        evidence: evidence.get(indicator.code) ?? [],
      };
    }),
  }));
  const unit = inputs.period.units.find((entry) => entry.unitId === unitId)!;
  return {
    periodId,
    unitId,
    unitName: unit.unitName,
    instrumentId: pekppp.id,
    instrumentName: pekppp.definition.shortName,
    aspects,
    ...reportsOf(scorePekpppViews(pekppp.definition, inputs.levels(unitId, false), inputs.levels(unitId, true))),
  };
}

export function getAssessment(ctx: ServerContext, input: ParsedInput<'assessment:get'>): Assessment {
  requireScope(ctx, input.periodId, input.unitId);
  return buildAssessment(ctx, input.periodId, input.unitId);
}

export function setAssessment(ctx: ServerContext, input: ParsedInput<'assessment:set'>): Assessment {
  ctx.db
    .transaction(() => {
      requireScope(ctx, input.periodId, input.unitId);
      const current = buildAssessment(ctx, input.periodId, input.unitId);
      const indicator = current.aspects.flatMap((aspect) => aspect.indicators).find((entry) => entry.code === input.indicatorCode);
      if (!indicator) throw new AppError('NOT_FOUND', `Indikator "${input.indicatorCode}" tidak ada pada instrumen PEKPPP tahun ini.`);
      const known = new Set(indicator.elements?.items.map((item) => item.code) ?? []);
      const ticked = input.elements ?? indicator.ticked;
      const unknown = ticked.filter((code) => !known.has(code));
      if (unknown.length > 0) throw new AppError('VALIDATION', `Unsur tidak dikenal pada indikator ${indicator.number}: ${unknown.join(', ')}.`);
      const field = input.verified ? 'verifiedLevel' : 'selfLevel';
      const level = input.level === undefined ? indicator[field] : input.level;
      const suggested = ticked.length > 0 && indicator.elements ? suggestLevel(indicator.elements, ticked) : null;
      const reason = (input.overrideReason ?? indicator.overrideReason).trim();
      if (!input.verified && suggested !== null && level !== null && level !== suggested && reason === '') {
        throw new AppError(
          'VALIDATION',
          `Unsur yang dicentang menyarankan tingkat ${suggested}. Tuliskan alasan bila memilih tingkat ${level}.`,
          { fields: { overrideReason: 'Alasan wajib diisi bila berbeda dari saran.' } },
        );
      }
      memoFor(ctx.db, assessmentRepository).upsert.run({
        periodId: input.periodId,
        unitId: input.unitId,
        instrumentId: current.instrumentId,
        indicatorCode: indicator.code,
        selfLevel: input.verified ? indicator.selfLevel : level,
        verifiedLevel: input.verified ? level : indicator.verifiedLevel,
        elements: JSON.stringify([...new Set(ticked)]),
        // The override reason belongs to the unit's own level; verifying never touches it.
        overrideReason: input.verified ? indicator.overrideReason : suggested !== null && level !== suggested ? reason : '',
        justification: input.verified ? indicator.justification : (input.justification ?? indicator.justification).trim(),
        verifiedNote: input.verified ? (input.justification ?? indicator.verifiedNote).trim() : indicator.verifiedNote,
        now: isoNow(ctx),
      });
      if (level !== indicator[field]) {
        appendHistory(
          ctx,
          { periodId: input.periodId, unitId: input.unitId, instrumentId: current.instrumentId, indicatorCode: indicator.code },
          'level',
          { verified: input.verified, from: indicator[field], to: level, ...(reason && level !== suggested ? { reason } : {}), ...(input.revert ? { revert: true } : {}) },
        );
      }
    })
    .immediate();
  return buildAssessment(ctx, input.periodId, input.unitId);
}

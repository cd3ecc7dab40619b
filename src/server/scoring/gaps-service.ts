/**
 * Gaps: what each unit should do first, ranked by how much each step raises its score,
 * and the predicted result after the top steps — always re-scored by the core.
 */
import { crossUnitGaps, ombudsmanActions, pekpppActions, predict, stepsToReach } from '../../core/gaps/gaps';
import type { GapAction, Prediction, ScoringSubject } from '../../core/gaps/types';
import type { ParsedInput } from '../../shared/contract';
import type { GapBasis, PeriodGaps, UnitGaps } from '../../shared/types';
import type { ServerContext } from '../context';
import { requireScope } from '../checklist/checklist-service';
import { loadYearInputs, type YearInputs } from './scoring-inputs';
import { unitRenewals } from '../evidence/evidence-rules-handlers';
import { currentLevels } from '../../core/scoring';
import type { PekpppLevels } from '../../core/scoring/types';
import { computeYear } from './scores-service';

const PREDICTION_STEPS = [1, 3, 5];

/** The levels of the chosen view: *terkini* takes the verified level where there is one. */
function basisLevels(inputs: YearInputs, unitId: number, basis: GapBasis): PekpppLevels {
  if (basis === 'mandiri') return inputs.levels(unitId, false);
  if (basis === 'verifikasi') return inputs.levels(unitId, true);
  return currentLevels(inputs.pekppp!.definition, inputs.levels(unitId, false), inputs.levels(unitId, true)).levels;
}

function predictions(subject: ScoringSubject, actions: GapAction[]): { predictions: Prediction[]; toNextBand: Prediction | null } {
  const list = PREDICTION_STEPS.filter((steps) => steps <= actions.length).map((steps) => predict(subject, actions, steps));
  const now = predict(subject, actions, 0).before;
  // Nothing assessed yet (or no Ombudsman total): there is no "next" category to aim for.
  if (now.value === null) return { predictions: list, toNextBand: null };
  const before = now.band;
  const bands = subject.definition.scoring.bands;
  const sorted = [...bands].sort((a, b) => a.min - b.min);
  const next = before ? sorted[sorted.findIndex((band) => band.code === before.code) + 1] : sorted[0];
  const reach = next ? stepsToReach(subject, actions, next.code) : null;
  return { predictions: list, toNextBand: reach?.prediction ?? null };
}

export function unitGaps(ctx: ServerContext, input: ParsedInput<'gaps:unit'>): UnitGaps {
  const period = requireScope(ctx, input.periodId, input.unitId);
  const inputs = loadYearInputs(ctx, input.periodId, { unitId: input.unitId });
  const unit = period.unit;
  let pekppp: UnitGaps['pekppp'] = null;
  if (inputs.pekppp) {
    const levels = basisLevels(inputs, input.unitId, input.basis);
    const subject: ScoringSubject = { kind: 'pekppp', definition: inputs.pekppp.definition, levels };
    const actions = pekpppActions(inputs.pekppp.definition, levels);
    pekppp = { actions, ...predictions(subject, actions) };
  }
  let ombudsman: UnitGaps['ombudsman'] = null;
  if (inputs.ombudsman) {
    const requirements = inputs.requirementStatuses(input.unitId);
    const options = inputs.ombudsmanInputs(input.unitId);
    const subject: ScoringSubject = { kind: 'ombudsman', definition: inputs.ombudsman.definition, requirements, options };
    const actions = ombudsmanActions(inputs.ombudsman.definition, requirements, options);
    ombudsman = { actions, ...predictions(subject, actions) };
  }
  // Expired documents are steps too: "perbarui …" (they do not change a level by themselves).
  const renewals = unitRenewals(ctx, input.periodId, input.unitId);
  return { periodId: period.id, unitId: unit.unitId, unitName: unit.unitName, deadline: period.deadline, basis: input.basis, pekppp, ombudsman, renewals };
}

export function periodGaps(ctx: ServerContext, input: ParsedInput<'gaps:period'>): PeriodGaps {
  const year = computeYear(ctx, input.periodId, { statuses: 'all' });
  const pekpppBands = year.inputs.pekppp?.definition.scoring.bands ?? [];
  const target = pekpppBands.some((band) => band.code === input.target) ? input.target : (pekpppBands[0]?.code ?? input.target);
  const pekppp = year.inputs.pekppp
    ? crossUnitGaps(
        year.units.map((unit) => {
          const map = year.inputs.statusesOf(unit.unitId, year.inputs.pekppp!.id);
          return {
            unitId: unit.unitId,
            unitName: unit.unitName,
            // *Nilai terkini*; a unit with no level keeps its (belum dinilai) mandiri report.
            report: unit.current ?? unit.self!,
            requirements: year.inputs.pekppp!.requirements.map((requirement) => ({ ...requirement, status: map.get(requirement.code) ?? 'belum_ada' })),
          };
        }),
        target,
      )
    : null;
  const ombudsmanBands = year.inputs.ombudsman?.definition.scoring.bands ?? [];
  const ombudsmanTarget = [...ombudsmanBands].sort((a, b) => b.min - a.min)[0]?.code;
  const ombudsman =
    year.inputs.ombudsman && ombudsmanTarget
      ? crossUnitGaps(
          year.units.map((unit) => ({ unitId: unit.unitId, unitName: unit.unitName, report: unit.ombudsman!, requirements: year.inputs.requirementStatuses(unit.unitId) })),
          ombudsmanTarget,
        )
      : null;
  return { periodId: input.periodId, target, pekppp, ombudsman };
}

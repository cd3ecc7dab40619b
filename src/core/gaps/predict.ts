/**
 * What-if predictions. The actions are applied to a copy of the unit's inputs and the unit
 * is re-scored with the real scorer: there is deliberately no second formula here, so a
 * prediction can never disagree with the score the unit will get.
 */
import { scoreOmbudsman, TRUST_MISSING_NOTE } from '../scoring/ombudsman';
import { scorePekppp } from '../scoring/pekppp';
import { formatDecimal, roundHalfUp } from '../scoring/rounding';
import type { OmbudsmanRequirementInput, PekpppLevels, ScaleInfo } from '../scoring/types';
import type { GapAction, Prediction, PredictionPoint, ScoringSubject, TargetReach } from './types';

interface Scored {
  point: PredictionPoint;
  scale: ScaleInfo;
}

function scoreSubject(subject: ScoringSubject): Scored {
  if (subject.kind === 'pekppp') {
    const report = scorePekppp(subject.definition, subject.levels);
    return { point: { value: report.index, band: report.band }, scale: report.scale };
  }
  const report = scoreOmbudsman(subject.definition, subject.requirements, subject.options ?? {});
  return { point: { value: report.total, band: report.band }, scale: report.scale };
}

function mismatch(action: GapAction, subject: ScoringSubject): Error {
  return new Error(`Langkah ${action.kind} tidak dapat diterapkan pada penilaian ${subject.kind}.`);
}

function applyActions(subject: ScoringSubject, actions: readonly GapAction[]): ScoringSubject {
  if (subject.kind === 'pekppp') {
    const levels: PekpppLevels = { ...subject.levels };
    for (const action of actions) {
      if (action.kind !== 'pekppp') throw mismatch(action, subject);
      levels[action.indicatorCode] = Math.max(levels[action.indicatorCode] ?? 0, action.toLevel);
    }
    return { ...subject, levels };
  }
  const done = new Set(
    actions.map((action) => {
      if (action.kind !== 'ombudsman') throw mismatch(action, subject);
      return `${action.indicatorCode}/${action.requirementCode}`;
    }),
  );
  const requirements: OmbudsmanRequirementInput[] = subject.requirements.map((requirement) =>
    done.has(`${requirement.indicatorCode}/${requirement.code}`) ? { ...requirement, status: 'terverifikasi' } : requirement,
  );
  return { ...subject, requirements };
}

function sentenceFor(before: PredictionPoint, after: PredictionPoint, steps: number, decimals: number): string {
  if (before.value === null || after.value === null) return `${TRUST_MISSING_NOTE}; perkiraan nilai akhir belum dapat dihitung.`;
  const values = `(${formatDecimal(before.value, decimals)} → ${formatDecimal(after.value, decimals)})`;
  const from = before.band?.code ?? '–';
  const to = after.band?.code ?? '–';
  if (steps === 0) return `tetap ${from} ${values}; belum ada langkah yang dipilih`;
  if (from === to) return `tetap ${from} jika ${steps} langkah ini selesai ${values}`;
  return `dari ${from} ke ${to} jika ${steps} langkah ini selesai ${values}`;
}

/** Apply the first `topN` actions (in the given, ranked order) and re-score. */
export function predict(subject: ScoringSubject, actions: readonly GapAction[], topN: number): Prediction {
  const chosen = actions.slice(0, Math.max(0, Math.floor(topN)));
  const before = scoreSubject(subject);
  const after = scoreSubject(applyActions(subject, chosen));
  const decimals = before.scale.decimals;
  const change =
    before.point.value === null || after.point.value === null
      ? null
      : roundHalfUp(after.point.value - before.point.value, decimals);
  return {
    before: before.point,
    after: after.point,
    steps: chosen.length,
    change,
    actions: [...chosen],
    sentence: sentenceFor(before.point, after.point, chosen.length, decimals),
  };
}

/**
 * Smallest N such that the top N actions bring the unit into `targetBandCode` or higher
 * (value ≥ the band's minimum). Null when even all actions are not enough, or when the
 * final score cannot be computed (trust value missing).
 */
export function stepsToReach(subject: ScoringSubject, actions: readonly GapAction[], targetBandCode: string): TargetReach | null {
  const target = subject.definition.scoring.bands.find((band) => band.code === targetBandCode);
  if (!target) throw new Error(`Kategori target "${targetBandCode}" tidak ada pada instrumen "${subject.definition.code}".`);
  for (let steps = 0; steps <= actions.length; steps += 1) {
    const prediction = predict(subject, actions, steps);
    const value = prediction.after.value;
    if (value === null) return null;
    if (value >= target.min) return { steps, prediction };
  }
  return null;
}

/**
 * Ranked improvement actions. Both scores are linear in their inputs (one level of a
 * PEKPPP indicator, one verified Ombudsman requirement), so each action's gain is exact
 * on its own; the actions are derived from the scorer's own report so exclusions and
 * effective weights are never re-implemented here.
 */
import type { InstrumentDefinition } from '../instrument/schema';
import { scoreOmbudsman } from '../scoring/ombudsman';
import { scorePekppp } from '../scoring/pekppp';
import { formatDecimal, roundHalfUp } from '../scoring/rounding';
import type {
  EvidenceStatus,
  OmbudsmanAspectResult,
  OmbudsmanOptions,
  OmbudsmanRequirementInput,
  PekpppLevels,
} from '../scoring/types';
import type { OmbudsmanAction, PekpppAction } from './types';

export { predict, stepsToReach } from './predict';
export { crossUnitGaps } from './cross-unit';
export type * from './types';

/** Gains are compared at this precision so float noise never breaks a tie. */
const TIE_DECIMALS = 9;

function byGainDesc(a: { gainExact: number }, b: { gainExact: number }): number {
  return roundHalfUp(b.gainExact, TIE_DECIMALS) - roundHalfUp(a.gainExact, TIE_DECIMALS);
}

/** One action per scored PEKPPP indicator below the top level: raise it by one level. */
export function pekpppActions(definition: InstrumentDefinition, levels: PekpppLevels): PekpppAction[] {
  const report = scorePekppp(definition, levels);
  const maxLevel = definition.scoring.kind === 'levels' ? definition.scoring.levelCount - 1 : 5;
  const actions: PekpppAction[] = [];
  for (const aspect of report.aspects) {
    if (!aspect.scored) continue;
    const source = definition.aspects.find((item) => item.code === aspect.code);
    for (const indicator of aspect.indicators) {
      const current = indicator.level ?? 0;
      if (!indicator.scored || current >= maxLevel) continue;
      const toLevel = current + 1;
      const gainExact = (aspect.weight * indicator.weight) / 10000;
      const levelsText = source?.indicators.find((item) => item.code === indicator.code)?.levels;
      actions.push({
        kind: 'pekppp',
        aspectCode: aspect.code,
        aspectName: aspect.name,
        indicatorCode: indicator.code,
        indicatorNumber: indicator.number,
        indicatorName: indicator.name,
        title: `Naikkan indikator ${indicator.number} ke tingkat ${toLevel}`,
        fromLevel: indicator.level,
        toLevel,
        nextLevelText: levelsText?.[toLevel] ?? null,
        gain: roundHalfUp(gainExact, 4),
        gainExact,
        gainLabel: `+${formatDecimal(gainExact, 4)} poin indeks`,
      });
    }
  }
  // Ties: the weaker indicator first (easier first step), then the instrument's order.
  return actions.sort(
    (a, b) => byGainDesc(a, b) || (a.fromLevel ?? 0) - (b.fromLevel ?? 0) || a.indicatorNumber - b.indicatorNumber,
  );
}

/** Nearly-done work first on equal gain: waiting for verification, then repairs, then new. */
const STATUS_RANK: Record<EvidenceStatus, number> = {
  menunggu_verifikasi: 0,
  perlu_perbaikan: 1,
  belum_ada: 2,
  terverifikasi: 3,
  tidak_berlaku: 4,
};

const TITLE_PREFIX: Record<EvidenceStatus, string> = {
  menunggu_verifikasi: 'Selesaikan verifikasi',
  perlu_perbaikan: 'Perbaiki bukti dukung',
  belum_ada: 'Siapkan bukti dukung',
  terverifikasi: 'Terverifikasi',
  tidak_berlaku: 'Tidak berlaku',
};

function dimensionActions(aspect: OmbudsmanAspectResult, weightSum: number, scaleFactor: number): OmbudsmanAction[] {
  const included = aspect.indicators.filter((item) => item.included);
  const indicatorWeightSum = included.reduce((total, item) => total + item.weight, 0);
  return included.flatMap((indicator) =>
    indicator.requirements
      .filter((requirement) => requirement.applicable && !requirement.verified)
      .map((requirement): OmbudsmanAction => {
        // One more verified requirement raises the indicator share by 1/n.
        const gainExact =
          (((aspect.weight / weightSum) * 100 * indicator.weight) / indicatorWeightSum / indicator.applicableCount) * scaleFactor;
        return {
          kind: 'ombudsman',
          aspectCode: aspect.code,
          aspectName: aspect.name,
          indicatorCode: indicator.code,
          indicatorNumber: indicator.number,
          indicatorName: indicator.name,
          requirementCode: requirement.code,
          requirementText: requirement.text,
          status: requirement.status,
          statusLabel: requirement.statusLabel,
          title: `${TITLE_PREFIX[requirement.status]}: ${requirement.text}`,
          gain: roundHalfUp(gainExact, 4),
          gainExact,
          gainLabel: `+${formatDecimal(gainExact, 2)} poin`,
        };
      }),
  );
}

/**
 * One action per applicable, not yet verified requirement. Gains are points of the final
 * score: with a trust survey (2025+) the dimensions only make up (100 − share) %.
 */
export function ombudsmanActions(
  definition: InstrumentDefinition,
  requirements: readonly OmbudsmanRequirementInput[],
  options: OmbudsmanOptions = {},
): OmbudsmanAction[] {
  const report = scoreOmbudsman(definition, requirements, options);
  const included = report.aspects.filter((aspect) => aspect.included);
  const weightSum = included.reduce((total, aspect) => total + aspect.weight, 0);
  const scaleFactor = report.trust ? (100 - report.trust.share) / 100 : 1;
  const order = new Map(requirements.map((requirement, index) => [`${requirement.indicatorCode}/${requirement.code}`, index]));
  const position = (action: OmbudsmanAction) => order.get(`${action.indicatorCode}/${action.requirementCode}`) ?? 0;
  return included
    .flatMap((aspect) => dimensionActions(aspect, weightSum, scaleFactor))
    .sort(
      (a, b) =>
        byGainDesc(a, b) ||
        STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
        a.indicatorNumber - b.indicatorNumber ||
        position(a) - position(b),
    );
}

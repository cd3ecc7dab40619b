/**
 * Renewal steps for the gap list: a requirement whose file or link is *kedaluwarsa*
 * still needs work even when it is verified, because the evaluator will refuse an old
 * document. Additive to the scored actions: a renewal has no score gain of its own.
 */

/** The parts of a checklist this needs (structural, so core stays free of API types). */
export interface RenewalSource {
  instrumentId: number;
  shortName: string;
  aspects: ReadonlyArray<{
    indicators: ReadonlyArray<{
      code: string;
      number: number;
      name: string;
      requirements: ReadonlyArray<{
        code: string;
        text: string;
        status: string;
        evidence: ReadonlyArray<{ id: number; title: string; expired: boolean; expiredReason: string | null }>;
      }>;
    }>;
  }>;
}

export interface RenewalStep {
  kind: 'renewal';
  instrumentId: number;
  instrument: string;
  indicatorCode: string;
  indicatorNumber: number;
  indicatorName: string;
  requirementCode: string;
  requirementText: string;
  /** "Perbarui bukti: SK penetapan Standar Pelayanan". */
  title: string;
  /** One line per expired file or link. */
  documents: Array<{ evidenceId: number; title: string; reason: string }>;
}

/** One step per applicable requirement holding at least one kedaluwarsa document, in instrument order. */
export function renewalSteps(instruments: readonly RenewalSource[]): RenewalStep[] {
  const steps: RenewalStep[] = [];
  for (const instrument of instruments) {
    for (const aspect of instrument.aspects) {
      for (const indicator of aspect.indicators) {
        for (const requirement of indicator.requirements) {
          if (requirement.status === 'tidak_berlaku') continue;
          const documents = requirement.evidence
            .filter((entry) => entry.expired)
            .map((entry) => ({ evidenceId: entry.id, title: entry.title, reason: entry.expiredReason ?? 'kedaluwarsa' }));
          if (documents.length === 0) continue;
          steps.push({
            kind: 'renewal',
            instrumentId: instrument.instrumentId,
            instrument: instrument.shortName,
            indicatorCode: indicator.code,
            indicatorNumber: indicator.number,
            indicatorName: indicator.name,
            requirementCode: requirement.code,
            requirementText: requirement.text,
            title: `Perbarui bukti: ${requirement.text}`,
            documents,
          });
        }
      }
    }
  }
  return steps;
}

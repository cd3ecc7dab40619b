/** Handlers of the evidence-rules channels (src/shared/channels/evidence-rules.ts). */
import { renewalSteps } from '../../core/gaps/renewals';
import type { Handlers } from '../../shared/contract';
import type { ServerContext } from '../context';
import { getChecklist } from '../checklist/checklist-service';
import { getEvidenceRules, updateEvidenceRules } from '../settings/evidence-max-age';
import { sharedFiles } from './shared-files';

type EvidenceRulesChannel = 'evidence-rules:get' | 'evidence-rules:update' | 'evidence:shared-files' | 'gaps:renewals';

/** The renewal steps of one unit: for the gap service to add as a field (see the branch's notes). */
export function unitRenewals(ctx: ServerContext, periodId: number, unitId: number) {
  return renewalSteps(getChecklist(ctx, { periodId, unitId }).instruments);
}

export function createEvidenceRulesHandlers(ctx: ServerContext): Pick<Handlers, EvidenceRulesChannel> {
  return {
    'evidence-rules:get': () => getEvidenceRules(ctx),
    'evidence-rules:update': (input) => updateEvidenceRules(ctx, input),
    'evidence:shared-files': (input) => sharedFiles(ctx, input),
    'gaps:renewals': (input) => unitRenewals(ctx, input.periodId, input.unitId),
  };
}

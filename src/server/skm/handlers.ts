/** The SKM channels' handlers, spread into the one handler table. */
import type { Handlers } from '../../shared/contract';
import type { ServerContext } from '../context';
import type { Platform } from '../platform';
import { attachSkmEvidence } from './evidence-link';
import { deleteFollowUp, saveFollowUp } from './follow-up-service';
import { applySkmImport, previewSkmImport } from './import-service';
import { exportSkmReport } from './report-service';
import { schemeView, skmScheme } from './scheme-store';
import { deleteSurvey, pemdaView, saveSurvey, setCounts, unitView } from './survey-service';

type SkmChannel = Extract<keyof Handlers, `skm:${string}`>;

export function createSkmHandlers(ctx: ServerContext, platform: Platform): Pick<Handlers, SkmChannel> {
  return {
    'skm:scheme': () => schemeView(skmScheme(ctx)),
    'skm:unit': (input) => unitView(ctx, input),
    'skm:pemda': (input) => pemdaView(ctx, input),
    'skm:survey-save': (input) => saveSurvey(ctx, input),
    'skm:survey-delete': (input) => deleteSurvey(ctx, input),
    'skm:counts-set': (input) => setCounts(ctx, input),
    'skm:import-preview': (input) => previewSkmImport(ctx, input),
    'skm:import-apply': (input) => applySkmImport(ctx, input),
    'skm:follow-up-save': (input) => saveFollowUp(ctx, input),
    'skm:follow-up-delete': (input) => deleteFollowUp(ctx, input),
    'skm:export-report': (input) => exportSkmReport(ctx, platform, input),
    'skm:attach-evidence': (input) => attachSkmEvidence(ctx, input),
  };
}

import { createChecklistBulkHandlers } from '../checklist/bulk-handlers';
import type { Handlers } from '../../shared/contract';
import type { StartStatus } from '../../shared/types';
import type { AppBackups } from '../backup/app-backups';
import type { ServerContext } from '../context';
import type { JobRunner } from '../jobs/job-runner';
import { carryOver } from '../checklist/carry-over';
import { getChecklist, itemHistory, periodProgress, setNote, setStatus } from '../checklist/checklist-service';
import { addCustomRequirement, hideRequirement, listHidden, unhideRequirement } from '../checklist/requirements';
import {
  attachExisting,
  attachWithDialog,
  detachEvidence,
  evidenceLibrary,
  linkEvidence,
  openEvidence,
  restoreEvidence,
  trashEvidence,
  updateEvidence,
  uploadEvidence,
} from '../evidence/evidence-service';
import { createEvidenceRulesHandlers } from '../evidence/evidence-rules-handlers';
import { headlessPlatform, type Platform } from '../platform';
import { createIntakeHandlers } from '../intake/intake-handlers';
import { startForms, startGapReport, startImportApply, startImportPreview, startRecap, startUnitPackage } from '../excel/excel-jobs';
import { getAssessment, setAssessment } from '../assessment/assessment-service';
import { periodGaps, unitGaps } from '../scoring/gaps-service';
import { dashboard, setOmbudsmanInputs, unitScores } from '../scoring/scores-service';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { getInstrument, listInstruments } from '../instruments/instruments-service';
import { createInstrumentHandlers } from '../instruments/instrument-handlers';
import { createOmbudsmanHandlers } from '../ombudsman/ombudsman-handlers';
import { applyPreset, listPresets } from '../units/unit-presets';
import {
  createPeriod,
  getPeriod,
  listPeriods,
  setPeriodSample,
  setPeriodScope,
  updatePeriod,
} from '../periods/periods-service';
import { getSettings, updateSettings } from '../settings/settings-service';
import { createDocumentsHandlers } from '../documents/handlers';
import { createSkmHandlers } from '../skm/handlers';
import {
  archiveUnit,
  bulkCreateUnits,
  createUnit,
  getUnit,
  listUnitGroups,
  listUnits,
  restoreUnit,
  unitTemplates,
  updateUnit,
} from '../units/units-service';
import { unitProfile } from '../units/unit-profile';

export interface HandlerOptions {
  host: 'electron' | 'preview' | 'cli';
  /** Dialogs and file opening of the host; headless when omitted (CLI, tests). */
  platform?: Platform;
}

export interface HandlerApp {
  ctx: ServerContext;
  firstRun: boolean;
  startStatus: StartStatus;
  backups: AppBackups;
  jobs: JobRunner;
}

/** The handler table every host serves: one function per contract channel. */
export function createHandlers(app: HandlerApp, options: HandlerOptions): Handlers {
  const { ctx, backups, jobs } = app;
  const platform = options.platform ?? headlessPlatform;
  const excel = { ctx, jobs, platform, backups };
  return {
    'app:info': () => ({
      version: ctx.appVersion,
      schemaVersion: LATEST_SCHEMA_VERSION,
      dataDir: ctx.dataDir,
      host: options.host,
      firstRun: app.firstRun,
      startStatus: app.startStatus,
    }),
    'settings:get': () => getSettings(ctx),
    'settings:update': (input) => updateSettings(ctx, input),
    'unit-groups:list': () => listUnitGroups(ctx),
    'units:list': (input) => listUnits(ctx, input),
    'units:get': (input) => getUnit(ctx, input),
    'units:create': (input) => createUnit(ctx, input),
    'units:update': (input) => updateUnit(ctx, input),
    'units:archive': (input) => archiveUnit(ctx, input),
    'units:restore': (input) => restoreUnit(ctx, input),
    'units:templates': () => unitTemplates(ctx),
    'units:bulk-create': (input) => bulkCreateUnits(ctx, input),
    'units:profile': (input) => unitProfile(ctx, input),
    'instruments:list': () => listInstruments(ctx),
    'instruments:get': (input) => getInstrument(ctx, input),
    'periods:list': () => listPeriods(ctx),
    'periods:get': (input) => getPeriod(ctx, input),
    'periods:create': (input) => createPeriod(ctx, input),
    'periods:update': (input) => updatePeriod(ctx, input),
    'periods:set-scope': (input) => setPeriodScope(ctx, input),
    'periods:set-sample': (input) => setPeriodSample(ctx, input),

    'checklist:get': (input) => getChecklist(ctx, input),
    'checklist:progress': (input) => periodProgress(ctx, input),
    'checklist:set-status': (input) => setStatus(ctx, input),
    'checklist:set-note': (input) => setNote(ctx, input),
    'checklist:history': (input) => itemHistory(ctx, input),
    'checklist:add-requirement': (input) => {
      const requirement = addCustomRequirement(ctx, input);
      return {
        instrumentId: input.instrumentId,
        ...requirement,
        status: 'belum_ada',
        reason: '',
        note: '',
        verifiedBy: null,
        verifiedAt: null,
        updatedAt: null,
        evidence: [],
        expired: false,
        sharedWith: [],
      };
    },
    'checklist:hide-requirement': (input) => hideRequirement(ctx, input),
    'checklist:unhide-requirement': (input) => unhideRequirement(ctx, input),
    'checklist:hidden-requirements': (input) => listHidden(ctx, input.periodId),
    'checklist:carry-over': (input) => carryOver(ctx, input),

    'evidence:upload': (input) => uploadEvidence(ctx, input),
    'evidence:attach-dialog': (input) => attachWithDialog(ctx, platform, input),
    'evidence:link': (input) => linkEvidence(ctx, input),
    'evidence:attach-existing': (input) => attachExisting(ctx, input),
    'evidence:detach': (input) => detachEvidence(ctx, input),
    'evidence:library': (input) => evidenceLibrary(ctx, input),
    'evidence:update': (input) => updateEvidence(ctx, input),
    'evidence:trash': (input) => trashEvidence(ctx, input),
    'evidence:restore': (input) => restoreEvidence(ctx, input),
    'evidence:open': (input) => openEvidence(ctx, platform, input),

    'assessment:get': (input) => getAssessment(ctx, input),
    'assessment:set': (input) => setAssessment(ctx, input),
    'ombudsman:set-inputs': (input) => setOmbudsmanInputs(ctx, input),
    'scores:unit': (input) => unitScores(ctx, input),
    'scores:dashboard': (input) => dashboard(ctx, input),
    'gaps:unit': (input) => unitGaps(ctx, input),
    'gaps:period': (input) => periodGaps(ctx, input),

    'backup:list': () => backups.list(),
    'backup:create': () => backups.create(),
    'backup:verify': (input) => backups.verify(input.id),
    'backup:restore': async (input) => {
      const summary = await backups.restore(input);
      // The data now in place passed every check; the start-up warning no longer applies.
      app.startStatus = { status: 'ok', quarantineDir: null, problems: [], newestBackup: null };
      return summary;
    },
    'backup:archive': async (input) => {
      const outDir = input.outDir ?? (await platform.pickFolder({ title: 'Pilih folder tujuan arsip (mis. flashdisk)' }));
      if (!outDir) return null;
      return jobs.start('arsip', (job) => backups.archive(outDir, job));
    },
    'export:unit-package': (input) => startUnitPackage(excel, input),
    'export:recap': (input) => startRecap(excel, input),
    'export:gaps': (input) => startGapReport(excel, input),
    'export:forms': (input) => startForms(excel, input),
    'import:preview': (input) => startImportPreview(excel, input),
    'import:apply': (input) => startImportApply(excel, input),
    'jobs:get': (input) => jobs.get(input.id),
    'jobs:cancel': (input) => jobs.cancel(input.id),
    ...createEvidenceRulesHandlers(ctx),
    ...createDocumentsHandlers({ ctx, jobs, platform }),
    ...createIntakeHandlers(app, platform, options.host),
    ...createInstrumentHandlers(ctx, platform),
    ...createOmbudsmanHandlers(ctx),
    'presets:list': (input) => listPresets(ctx, input),
    'presets:apply': (input) => applyPreset(ctx, input),
    ...createSkmHandlers(ctx, platform),
    ...createChecklistBulkHandlers(ctx),
  };
}

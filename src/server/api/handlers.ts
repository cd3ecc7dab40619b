import type { Handlers } from '../../shared/contract';
import type { ServerContext } from '../context';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { getInstrument, listInstruments } from '../instruments/instruments-service';
import {
  createPeriod,
  getPeriod,
  listPeriods,
  setPeriodSample,
  setPeriodScope,
  updatePeriod,
} from '../periods/periods-service';
import { getSettings, updateSettings } from '../settings/settings-service';
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

export interface HandlerOptions {
  host: 'electron' | 'preview' | 'cli';
  firstRun: boolean;
}

/** The handler table every host serves: one function per contract channel. */
export function createHandlers(ctx: ServerContext, options: HandlerOptions): Handlers {
  return {
    'app:info': () => ({
      version: ctx.appVersion,
      schemaVersion: LATEST_SCHEMA_VERSION,
      dataDir: ctx.dataDir,
      host: options.host,
      firstRun: options.firstRun,
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
    'instruments:list': () => listInstruments(ctx),
    'instruments:get': (input) => getInstrument(ctx, input),
    'periods:list': () => listPeriods(ctx),
    'periods:get': (input) => getPeriod(ctx, input),
    'periods:create': (input) => createPeriod(ctx, input),
    'periods:update': (input) => updatePeriod(ctx, input),
    'periods:set-scope': (input) => setPeriodScope(ctx, input),
    'periods:set-sample': (input) => setPeriodSample(ctx, input),
  };
}

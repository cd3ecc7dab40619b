import path from 'node:path';
import { formatDecimal, formatNumber, formatShare } from '../core/scoring/rounding';
import type { Channel, Handlers, Input, Output } from '../shared/contract';
import { AppError } from '../shared/result';
import { dispatch } from '../server/api/dispatch';
import { createHandlers } from '../server/api/handlers';
import { startApp, type StartedApp, type StartOptions } from '../server/app';
import type { ServerContext } from '../server/context';
import { defaultDataDir, repoResourcesDir } from '../server/paths';
import { packageVersion } from '../server/version';

/** What every command gets: the services, the handler table, and output helpers. */
export interface CliRuntime {
  app: StartedApp;
  ctx: ServerContext;
  handlers: Handlers;
  json: boolean;
  /** Call a contract channel exactly as the UI would (same validation, same errors). */
  call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>>;
  print(value: unknown, human: () => string): void;
}

/**
 * Where the CLI runs. From the repository (`npm run cli`) everything is found from the
 * source tree; the installed app (`Patuh --cli …`) passes its own resources folder, data
 * folder, version and the Electron build of better-sqlite3.
 */
export interface CliHost {
  resourcesDir?: string;
  defaultDataDir?: string;
  appVersion?: string;
  nativeBinding?: string;
  /** How the user typed the command, for the usage text (default `npm run cli --`). */
  invocation?: string;
}

export interface RuntimeOptions {
  dataDir?: string;
  json: boolean;
  out: (text: string) => void;
  /** 'write' holds the data-folder lock (refused while the app runs); 'read' may run read-only. */
  access: StartOptions['access'];
  unsettled: StartOptions['unsettled'];
  host?: CliHost;
}

export function openRuntime(options: RuntimeOptions): { runtime: CliRuntime; app: StartedApp } {
  const host = options.host ?? {};
  const app = startApp({
    dataDir: path.resolve(options.dataDir ?? host.defaultDataDir ?? defaultDataDir()),
    resourcesDir: host.resourcesDir ?? repoResourcesDir(),
    host: 'cli',
    appVersion: host.appVersion ?? packageVersion(),
    ...(host.nativeBinding ? { nativeBinding: host.nativeBinding } : {}),
    access: options.access ?? 'write',
    unsettled: options.unsettled ?? 'refuse',
  });
  const handlers = createHandlers(app, { host: 'cli' });
  const runtime: CliRuntime = {
    app,
    ctx: app.ctx,
    handlers,
    json: options.json,
    async call(channel, input) {
      const result = await dispatch(handlers, channel, input);
      if (!result.ok) throw AppError.fromData(result.error);
      return result.value as Output<typeof channel>;
    },
    print(value, human) {
      options.out(options.json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
    },
  };
  return { runtime, app };
}

/** Plain text table for terminal output; number cells print id-ID ("2,86"), ids and years stay as typed. */
export function table(headers: string[], rows: Array<Array<string | number | null>>): string {
  const cells = [headers, ...rows.map((row) => row.map((cell) => (cell === null ? '-' : typeof cell === 'number' ? numberText(cell) : cell)))];
  const widths = headers.map((_, index) => Math.max(...cells.map((row) => (row[index] ?? '').length)));
  return cells
    .map((row, rowIndex) => {
      const line = row.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join('  ');
      return rowIndex === 0 ? `${line}\n${widths.map((width) => '-'.repeat(width)).join('  ')}` : line;
    })
    .join('\n');
}

/** Plain-text output uses id-ID numbers with one decimal for percentages ("44,7%"); JSON keeps numbers. */
export function percentText(value: number): string {
  return formatShare(value);
}

/** A number in plain text: id-ID decimal comma, up to two decimals, no grouping (ids, years): 2.86 → "2,86", 2026 → "2026". */
export function numberText(value: number): string {
  return formatNumber(value, 2);
}

/** A count people read (respondents, files): id-ID grouping, 1234 → "1.234". */
export function countText(value: number): string {
  return value.toLocaleString('id-ID', { maximumFractionDigits: 0 });
}

/** A size in megabytes with one decimal: "12,4 MB". */
export function megabytesText(bytes: number): string {
  return `${formatDecimal(bytes / 1024 / 1024, 1)} MB`;
}

/** A progress line on a terminal: "45,0% Menulis lembar…". */
export function progressText(fraction: number, message: string): string {
  return `${formatShare(fraction * 100)} ${message}`;
}

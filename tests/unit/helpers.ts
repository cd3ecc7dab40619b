import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { createHandlers } from '../../src/server/api/handlers';
import { dispatch } from '../../src/server/api/dispatch';
import { channels, type Channel, type Input, type Output } from '../../src/shared/contract';
import { AppError } from '../../src/shared/result';
import { startApp, type StartedApp } from '../../src/server/app';
import { repoResourcesDir } from '../../src/server/paths';

const cleanups: Array<() => void> = [];

afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

/** A temp directory removed after the test. */
export function tempDir(prefix = 'patuh-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export const FIXED_NOW = new Date('2026-11-24T08:00:00.000Z');

/** A started app on a fresh data dir with a fixed clock; closed after the test. */
export function testApp(options: { dataDir?: string; now?: () => Date } = {}): StartedApp & { dataDir: string } {
  const dataDir = options.dataDir ?? tempDir();
  const started = startApp({
    dataDir,
    resourcesDir: repoResourcesDir(),
    host: 'cli',
    appVersion: 'test',
    now: options.now ?? (() => FIXED_NOW),
  });
  let closed = false;
  const close = () => {
    if (!closed) started.close();
    closed = true;
  };
  cleanups.unshift(close);
  return { ...started, close, dataDir };
}

/**
 * The handler table wrapped like a real host: every call goes through `dispatch`
 * (schema validation, error envelope) and failures are rethrown as AppError.
 */
export type TestApi = { [C in Channel]: (input: Input<C>) => Promise<Output<C>> };

export function testHandlers(app: StartedApp): TestApi {
  const raw = createHandlers(app, { host: 'preview' });
  return Object.fromEntries(
    channels.map((channel) => [
      channel,
      async (input: unknown) => {
        const result = await dispatch(raw, channel, input);
        if (!result.ok) throw AppError.fromData(result.error);
        return result.value;
      },
    ]),
  ) as unknown as TestApi;
}

export function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

export const RESOURCES = repoResourcesDir();

/** A 2026 year with both built-in instruments (PEKPPP 2022-A, Ombudsman 2025) and the named units in scope. */
export async function yearWithBothInstruments(api: TestApi, names: string[]) {
  const instruments = await api['instruments:list'](undefined);
  const pekppp = instruments.find((item) => item.code === 'pekppp-2022-a')!;
  const ombudsman = instruments.find((item) => item.code === 'ombudsman-2025')!;
  const { created } = await api['units:bulk-create']({ names });
  const period = await api['periods:create']({ year: 2026, instrumentIds: [pekppp.id, ombudsman.id], deadline: null, unitIds: created.map((unit) => unit.id) });
  return { pekppp, ombudsman, units: created, period };
}

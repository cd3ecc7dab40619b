/**
 * Playwright fixture: each test gets a fresh temp data directory, the real services,
 * and the preview host serving the built renderer (run `npm run build` first).
 */
import { test as base, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp, type StartedApp } from '../../src/server/app';
import { repoResourcesDir } from '../../src/server/paths';
import { startPreviewHost } from '../../src/preview/host';
import { createHandlers } from '../../src/server/api/handlers';
import { dispatch } from '../../src/server/api/dispatch';
import type { Channel, Input, Output } from '../../src/shared/contract';
import type { PreviewServer } from '../../src/preview/server';

export interface AppFixture {
  url: string;
  dataDir: string;
  started: StartedApp;
  server: PreviewServer;
}

export const SCREENSHOT_DIR = path.join(repoResourcesDir(), '..', 'tests', 'e2e', 'screenshots');

export const test = base.extend<{ app: AppFixture; consoleErrors: string[] }>({
  app: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'patuh-e2e-'));
    const started = startApp({ dataDir, resourcesDir: repoResourcesDir(), host: 'preview', appVersion: 'e2e' });
    const server = await startPreviewHost(started, {
      rendererDir: path.join(repoResourcesDir(), '..', 'out', 'renderer'),
    });
    await use({ url: server.url, dataDir, started, server });
    await server.close();
    started.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
  // Collects console errors and CSP violations; tests assert it stays empty.
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await use(errors);
  },
});

/** Full-page screenshot from the top, animations settled and the pointer out of the way. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.mouse.move(page.viewportSize()!.width - 4, page.viewportSize()!.height - 4);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Call a channel exactly as a host would (schema validation included), for seeding. */
export async function call<C extends Channel>(app: AppFixture, channel: C, input: Input<C>): Promise<Output<C>> {
  const handlers = createHandlers(app.started, { host: 'preview' });
  const result = await dispatch(handlers, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as Output<C>;
}

export { expect };

/** An ISO date `days` from today, in the local time zone (Asia/Jakarta, as the browser). */
export function isoInDays(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

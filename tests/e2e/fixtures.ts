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

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

export { expect };

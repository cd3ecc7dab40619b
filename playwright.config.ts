import { defineConfig } from '@playwright/test';

// Real headless Chromium from Debian (/usr/bin/chromium); the app is served by the
// browser preview host started per test with its own temp data directory.
// The app's host (in the test process) and the browser agree on "today": an office in
// Indonesia, whatever time zone the CI machine runs in.
process.env['TZ'] = 'Asia/Jakarta';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    viewport: { width: 1440, height: 900 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});

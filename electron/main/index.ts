/**
 * Electron main process: lifecycle, the one window, IPC registration. Thin by design —
 * every decision lives in src/server (services) or electron/main/security.ts (tested).
 */
import { app, dialog, ipcMain, Menu, type BrowserWindow } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createHandlers } from '../../src/server/api/handlers';
import { startApp, type StartedApp } from '../../src/server/app';
import { startupMaintenance } from '../../src/server/maintenance';
import { AppError } from '../../src/shared/result';
import { runCli } from '../../src/cli/run';
import { cliArguments, runCliInMain } from './cli';
import { registerIpc } from './ipc';
import { electronPlatform } from './platform';
import { buildMenu } from './menu';
import { createMainWindow, hardenSession, trustedSender } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));
const isDev = !app.isPackaged;

/** resources/ beside the app: extraResources when packaged, the repository in development. */
function resourcesDir(): string {
  return app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(here, '..', '..', 'resources');
}

/**
 * better-sqlite3 built for Electron's ABI lives apart from the Node build that tests use
 * (see scripts/build-native-electron.mjs), so neither build breaks the other.
 */
function nativeBinding(): string | undefined {
  const candidate = app.isPackaged
    ? path.join(process.resourcesPath, 'native', 'better_sqlite3.node')
    : path.join(here, '..', '..', '.native', 'electron', 'better_sqlite3.node');
  return fs.existsSync(candidate) ? candidate : undefined;
}

function rendererUrl(): string {
  const devServer = process.env['ELECTRON_RENDERER_URL'];
  if (isDev && devServer) return devServer;
  // pathToFileURL: a Windows path (C:\\…) is not a valid URL when prefixed by hand.
  return pathToFileURL(path.join(here, '..', 'renderer', 'index.html')).toString();
}

let mainWindow: BrowserWindow | null = null;
let started: StartedApp | null = null;

function openWindow(): void {
  const url = rendererUrl();
  mainWindow = createMainWindow({
    preloadPath: path.join(here, '..', 'preload', 'index.cjs'),
    rendererUrl: url,
    iconPath: path.join(resourcesDir(), 'icons', 'icon.png'),
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

async function boot(): Promise<void> {
  hardenSession();
  const dataDir = process.env['PATUH_DATA_DIR'] ?? app.getPath('userData');
  const binding = nativeBinding();
  try {
    started = startApp({
      dataDir,
      resourcesDir: resourcesDir(),
      host: 'electron',
      appVersion: app.getVersion(),
      periodicBackups: true,
      ...(binding ? { nativeBinding: binding } : {}),
    });
  } catch (error) {
    const message = error instanceof AppError ? error.message : `Patuh gagal dimulai: ${(error as Error).message}`;
    dialog.showErrorBox('Patuh tidak dapat membuka data', `${message}\n\nFolder data: ${dataDir}`);
    app.exit(1);
    return;
  }
  const handlers = createHandlers(started, {
    host: 'electron',
    platform: electronPlatform(() => mainWindow),
  });
  registerIpc(ipcMain, handlers, trustedSender(() => mainWindow, rendererUrl()));
  Menu.setApplicationMenu(buildMenu(() => mainWindow, isDev));
  openWindow();
  // Housekeeping after the window is up; a failure is reported, never fatal.
  startupMaintenance(started.ctx).catch((error: unknown) => console.warn('[patuh] pemeliharaan awal:', error));
}

const cliArgs = cliArguments(process.argv);
if (cliArgs) {
  // `Patuh --cli …`: no window, no single-instance lock (the CLI may run beside the open app,
  // as `npm run cli` does); SQLite's own locking guards the database.
  void runCliInMain(cliArgs, { app, resourcesDir: resourcesDir(), nativeBinding: nativeBinding(), run: runCli });
} else if (!app.requestSingleInstanceLock()) {
  // A second instance focuses the first and exits: two windows must never write one database.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  app.whenReady().then(boot, (error: unknown) => {
    dialog.showErrorBox('Patuh', String(error));
    app.exit(1);
  });
  app.on('window-all-closed', () => {
    app.quit();
  });
  app.on('activate', () => {
    if (!mainWindow && started) openWindow();
  });
  // Quit waits for running exports and takes a final backup of unsaved changes.
  app.on('will-quit', (event) => {
    const running = started;
    if (!running) return;
    started = null;
    event.preventDefault();
    running
      .shutdown()
      .catch((error: unknown) => console.error('[patuh] penutupan:', error))
      .finally(() => app.exit(0));
  });
}

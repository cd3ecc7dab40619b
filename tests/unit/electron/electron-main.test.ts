import fs from 'node:fs';
import path from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channels } from '../../../src/shared/contract';
import { RESOURCES, testApp } from '../helpers';
import { createHandlers } from '../../../src/server/api/handlers';

const electron = vi.hoisted(() => {
  const windows: Array<Record<string, unknown>> = [];
  class BrowserWindow {
    options: Record<string, unknown>;
    listeners = new Map<string, (...args: unknown[]) => void>();
    openHandler: ((details: { url: string }) => unknown) | undefined;
    webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      this.options = options;
      const contentsListeners = this.listeners;
      this.webContents = {
        mainFrame: { url: '' },
        setWindowOpenHandler: (handler: (details: { url: string }) => unknown) => (this.openHandler = handler),
        on: (event: string, listener: (...args: unknown[]) => void) => contentsListeners.set(event, listener),
      };
      windows.push(this as unknown as Record<string, unknown>);
    }
    once() {}
    on() {}
    loadURL() {
      return Promise.resolve();
    }
  }
  const session = {
    permissionHandler: undefined as undefined | ((...args: unknown[]) => void),
    checkHandler: undefined as undefined | (() => boolean),
    headersHandler: undefined as undefined | ((details: unknown, callback: (value: unknown) => void) => void),
  };
  return {
    windows,
    session,
    BrowserWindow,
    dialog: { showMessageBox: vi.fn(async () => ({ response: 1 })) },
    shell: { openExternal: vi.fn() },
    defaultSession: {
      setPermissionRequestHandler: (handler: (...args: unknown[]) => void) => (session.permissionHandler = handler),
      setPermissionCheckHandler: (handler: () => boolean) => (session.checkHandler = handler),
      webRequest: { onHeadersReceived: (handler: (details: unknown, callback: (value: unknown) => void) => void) => (session.headersHandler = handler) },
    },
  };
});

vi.mock('electron', () => ({
  BrowserWindow: electron.BrowserWindow,
  dialog: electron.dialog,
  shell: electron.shell,
  session: { defaultSession: electron.defaultSession },
}));

const RENDERER = 'file:///opt/Patuh/resources/app.asar/out/renderer/index.html';

describe('main window hardening', () => {
  beforeEach(() => {
    electron.windows.length = 0;
  });

  it('creates the window with contextIsolation, sandbox, no nodeIntegration and webSecurity', async () => {
    const { createMainWindow } = await import('../../../electron/main/window');
    createMainWindow({ preloadPath: '/x/preload.cjs', rendererUrl: RENDERER });
    const prefs = (electron.windows[0]!['options'] as { webPreferences: Record<string, unknown> }).webPreferences;
    expect(prefs).toMatchObject({
      preload: '/x/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('denies window.open and navigation away from the app; external links only after confirmation', async () => {
    const { createMainWindow } = await import('../../../electron/main/window');
    const window = createMainWindow({ preloadPath: '/x/preload.cjs', rendererUrl: RENDERER }) as unknown as {
      openHandler: (details: { url: string }) => unknown;
      listeners: Map<string, (...args: unknown[]) => void>;
    };
    expect(window.openHandler({ url: 'https://example.org' })).toEqual({ action: 'deny' });
    const preventDefault = vi.fn();
    window.listeners.get('will-navigate')!({ preventDefault }, 'https://evil.example/');
    expect(preventDefault).toHaveBeenCalled();
    const allowed = vi.fn();
    window.listeners.get('will-navigate')!({ preventDefault: allowed }, `${RENDERER}#/unit`);
    expect(allowed).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 0));
    // The user answered "Batal" in the mocked dialog: nothing is opened.
    expect(electron.dialog.showMessageBox).toHaveBeenCalled();
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('never offers javascript:, file: or http: URLs to the operating system', async () => {
    const { isAllowedExternal } = await import('../../../electron/main/security');
    expect(isAllowedExternal('https://lapor.go.id')).toBe(true);
    expect(isAllowedExternal('mailto:organisasi@contoh.go.id')).toBe(true);
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'http://example.org', 'smb://server/share', 'bukan url']) {
      expect(isAllowedExternal(url), url).toBe(false);
    }
  });

  it('denies every permission request and sets a strict CSP header', async () => {
    const { hardenSession } = await import('../../../electron/main/window');
    hardenSession();
    const callback = vi.fn();
    electron.session.permissionHandler!({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(electron.session.checkHandler!()).toBe(false);
    let headers: Record<string, string[]> = {};
    electron.session.headersHandler!({ responseHeaders: {} }, (value) => (headers = (value as { responseHeaders: Record<string, string[]> }).responseHeaders));
    const csp = headers['Content-Security-Policy']![0]!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline/);
    expect(csp).toContain("object-src 'none'");
  });
});

describe('IPC', () => {
  it('registers exactly one handler per contract channel, checks the sender and validates payloads', async () => {
    const { registerIpc } = await import('../../../electron/main/ipc');
    const registered = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
    const ipcMain = { handle: (channel: string, fn: never) => registered.set(channel, fn), removeHandler: vi.fn() };
    const app = testApp();
    let trusted = true;
    registerIpc(ipcMain as never, createHandlers(app, { host: 'electron' }), () => trusted);
    expect([...registered.keys()].sort()).toEqual([...channels].sort());
    const create = registered.get('units:create')!;
    expect(await create({}, { name: 'Dinas Sosial', groupName: 'Perangkat Daerah' })).toMatchObject({ ok: true });
    expect(await create({}, { name: 42 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    trusted = false;
    expect(await create({}, { name: 'Dinas Kesehatan', groupName: 'Perangkat Daerah' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(app.ctx.db.prepare('SELECT count(*) FROM units').pluck().get()).toBe(1);
  });

  it('trusts only the main frame of the app window showing the app renderer', async () => {
    const { trustedSender } = await import('../../../electron/main/window');
    const mainFrame = { url: `${RENDERER}#/unit` };
    const webContents = { mainFrame };
    const window = { webContents } as never;
    const check = trustedSender(() => window, RENDERER);
    expect(check({ sender: webContents, senderFrame: mainFrame } as never)).toBe(true);
    expect(check({ sender: webContents, senderFrame: { url: RENDERER } } as never)).toBe(false);
    expect(check({ sender: {}, senderFrame: mainFrame } as never)).toBe(false);
    expect(check({ sender: webContents, senderFrame: null } as never)).toBe(false);
    const navigated = { url: 'https://evil.example/' };
    expect(trustedSender(() => ({ webContents: { mainFrame: navigated } }) as never, RENDERER)({ sender: (undefined as never), senderFrame: navigated } as never)).toBe(false);
  });
});

describe('preload', () => {
  it('exposes exactly one function per channel as window.patuh, forwarding to ipcRenderer.invoke', async () => {
    vi.resetModules();
    const exposed: Record<string, Record<string, (input: unknown) => unknown>> = {};
    const invoke = vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: [channel, input] }));
    vi.doMock('electron', () => ({
      contextBridge: { exposeInMainWorld: (key: string, value: Record<string, (input: unknown) => unknown>) => (exposed[key] = value) },
      ipcRenderer: { invoke },
    }));
    await import('../../../electron/preload/index');
    expect(Object.keys(exposed)).toEqual(['patuh']);
    expect(Object.keys(exposed['patuh']!).sort()).toEqual([...channels].sort());
    expect(Object.values(exposed['patuh']!).every((fn) => typeof fn === 'function')).toBe(true);
    await exposed['patuh']!['units:list']!({ search: 'x' });
    expect(invoke).toHaveBeenCalledWith('units:list', { search: 'x' });
    vi.doUnmock('electron');
  });
});

describe('packaging configuration', () => {
  const config = loadYaml(fs.readFileSync(path.join(RESOURCES, '..', 'electron-builder.yml'), 'utf8')) as Record<string, never>;

  it('has our own identity and the Windows NSIS and Linux AppImage targets', () => {
    expect(config['appId']).toBe('id.patuh.desktop');
    expect(config['productName']).toBe('Patuh');
    expect(JSON.stringify(config['win'])).toContain('nsis');
    expect(JSON.stringify(config['linux'])).toContain('AppImage');
  });

  it('turns off RunAsNode, NODE_OPTIONS and inspect fuses and turns on ASAR integrity', () => {
    expect(config['electronFuses']).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('ships the Electron build of better-sqlite3 and the instruments without rebuilding node_modules in place', () => {
    expect(config['npmRebuild']).toBe(false);
    const extra = JSON.stringify(config['extraResources']);
    expect(extra).toContain('.native/electron/better_sqlite3.node');
    expect(extra).toContain('instruments/**');
  });
});

import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../src/cli/run';
import { repoResourcesDir } from '../../../src/server/paths';
import { cliArguments, runCliInMain } from '../../../electron/main/cli';
import { tempDir } from '../helpers';

function fakeApp(userData: string) {
  return { exit: vi.fn(), getVersion: () => '9.9.9', getPath: vi.fn(() => userData) };
}

function capture() {
  const io = { out: '', err: '' };
  return { io, sink: { out: (text: string) => void (io.out += text), err: (text: string) => void (io.err += text) } };
}

describe('Patuh --cli in the installed app', () => {
  it('takes only the arguments after --cli, and nothing when started normally', () => {
    expect(cliArguments(['C:\\Program Files\\Patuh\\Patuh.exe'])).toBeNull();
    expect(cliArguments(['/opt/Patuh/patuh', '--cli', 'units', 'list', '--json'])).toEqual(['units', 'list', '--json']);
    // Development: electron . --cli …
    expect(cliArguments(['/x/electron', '.', '--cli', 'score', '--period', '2026'])).toEqual(['score', '--period', '2026']);
  });

  it('runs the same CLI on the app data folder and exits with its code', async () => {
    const userData = tempDir();
    const app = fakeApp(userData);
    const { io, sink } = capture();
    const deps = { app, resourcesDir: repoResourcesDir(), nativeBinding: undefined, run: runCli, io: sink };
    expect(await runCliInMain(['units', 'add', '--name', 'Dinas Sosial', '--json'], deps)).toBe(0);
    expect(await runCliInMain(['units', 'list', '--json'], deps)).toBe(0);
    expect(app.exit.mock.calls).toEqual([[0], [0]]);
    expect(fs.readdirSync(userData).length).toBeGreaterThan(0);
    const listed = JSON.parse(io.out.slice(io.out.indexOf('\n[') + 1)) as Array<{ name: string }>;
    expect(listed.map((unit) => unit.name)).toEqual(['Dinas Sosial']);
  });

  it('an explicit --data-dir wins over the app data folder', async () => {
    const userData = tempDir();
    const other = tempDir();
    const { sink } = capture();
    const app = fakeApp(userData);
    await runCliInMain(['units', 'add', '--name', 'Kecamatan Kota', '--data-dir', other], { app, resourcesDir: repoResourcesDir(), nativeBinding: undefined, run: runCli, io: sink });
    expect(fs.readdirSync(userData)).toEqual([]);
    expect(fs.readdirSync(other).length).toBeGreaterThan(0);
  });

  it('an unknown command prints the usage as Patuh --cli and exits 2', async () => {
    const app = fakeApp(tempDir());
    const { io, sink } = capture();
    expect(await runCliInMain(['terbang'], { app, resourcesDir: repoResourcesDir(), nativeBinding: undefined, run: runCli, io: sink })).toBe(2);
    expect(io.err).toContain('Penggunaan: Patuh --cli <perintah>');
    expect(app.exit).toHaveBeenCalledWith(2);
  });

  it('hands the Electron build of better-sqlite3 and the resources folder to the CLI', async () => {
    const run = vi.fn(async () => 0);
    const app = fakeApp('/data/Patuh');
    await runCliInMain(['units', 'list'], { app, resourcesDir: '/opt/Patuh/resources/resources', nativeBinding: '/opt/Patuh/resources/native/better_sqlite3.node', run });
    expect(run).toHaveBeenCalledWith(['units', 'list'], undefined, {
      resourcesDir: '/opt/Patuh/resources/resources',
      defaultDataDir: process.env['PATUH_DATA_DIR'] ?? '/data/Patuh',
      appVersion: '9.9.9',
      invocation: 'Patuh --cli',
      nativeBinding: '/opt/Patuh/resources/native/better_sqlite3.node',
    });
  });
});

describe('main process with --cli', () => {
  const argv = process.argv;
  afterEach(() => {
    process.argv = argv;
    vi.doUnmock('electron');
  });

  it('runs the command and exits before any window, lock or ready handler', async () => {
    vi.resetModules();
    const userData = tempDir();
    const app = {
      isPackaged: false,
      requestSingleInstanceLock: vi.fn(() => true),
      quit: vi.fn(),
      exit: vi.fn(),
      on: vi.fn(),
      whenReady: vi.fn(() => new Promise(() => undefined)),
      getPath: vi.fn(() => userData),
      getVersion: vi.fn(() => '0.0.0'),
    };
    vi.doMock('electron', () => ({ app, dialog: {}, ipcMain: {}, Menu: {}, BrowserWindow: class {}, session: {}, shell: {} }));
    let printed = '';
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((printed += String(chunk)), true));
    process.argv = ['/x/electron', '.', '--cli', 'units', 'list', '--json', '--data-dir', userData];
    try {
      await import('../../../electron/main/index');
      await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(0), { timeout: 10_000 });
    } finally {
      write.mockRestore();
    }
    expect(app.requestSingleInstanceLock).not.toHaveBeenCalled();
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(JSON.parse(printed)).toEqual([]);
    expect(fs.readdirSync(userData).length).toBeGreaterThan(0);
  });
});

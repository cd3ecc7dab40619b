import { describe, expect, it, vi } from 'vitest';

function mockElectron(hasLock: boolean) {
  const handlers = new Map<string, (...args: unknown[]) => void>();
  const app = {
    isPackaged: false,
    requestSingleInstanceLock: vi.fn(() => hasLock),
    quit: vi.fn(),
    exit: vi.fn(),
    on: vi.fn((event: string, handler: (...args: unknown[]) => void) => handlers.set(event, handler)),
    whenReady: vi.fn(() => new Promise(() => undefined)),
    getPath: vi.fn(() => '/tmp/patuh-test'),
    getVersion: vi.fn(() => '0.0.0'),
  };
  vi.doMock('electron', () => ({
    app,
    dialog: {},
    ipcMain: {},
    Menu: {},
    BrowserWindow: class {},
    session: {},
    shell: {},
  }));
  return { app, handlers };
}

describe('single instance', () => {
  it('a second instance quits at once without opening the database', async () => {
    vi.resetModules();
    const { app } = mockElectron(false);
    await import('../../../electron/main/index');
    expect(app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(app.quit).toHaveBeenCalled();
    expect(app.whenReady).not.toHaveBeenCalled();
    vi.doUnmock('electron');
  });

  it('the first instance focuses its window when another starts', async () => {
    vi.resetModules();
    const { app, handlers } = mockElectron(true);
    await import('../../../electron/main/index');
    expect(app.quit).not.toHaveBeenCalled();
    expect(handlers.has('second-instance')).toBe(true);
    expect(app.whenReady).toHaveBeenCalled();
    vi.doUnmock('electron');
  });
});

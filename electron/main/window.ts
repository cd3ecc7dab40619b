import { BrowserWindow, dialog, session, shell, type IpcMainInvokeEvent } from 'electron';
import { CONTENT_SECURITY_POLICY, isAllowedExternal, isAppUrl, secureWebPreferences } from './security';

export interface WindowOptions {
  preloadPath: string;
  /** file://…/index.html when packaged, the dev server URL in development. */
  rendererUrl: string;
  iconPath?: string;
}

/** Deny every permission request (camera, notifications, geolocation …) for all windows. */
export function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}

async function confirmExternal(window: BrowserWindow, url: string): Promise<void> {
  if (!isAllowedExternal(url)) return;
  const { response } = await dialog.showMessageBox(window, {
    type: 'question',
    buttons: ['Buka', 'Batal'],
    defaultId: 1,
    cancelId: 1,
    title: 'Buka tautan di luar aplikasi?',
    message: 'Tautan ini akan dibuka di peramban:',
    detail: url,
  });
  if (response === 0) await shell.openExternal(url);
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1100,
    minHeight: 680,
    show: false,
    title: 'Patuh',
    backgroundColor: '#f5f7fb',
    ...(options.iconPath ? { icon: options.iconPath } : {}),
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  const contents = window.webContents;
  contents.setWindowOpenHandler(({ url }) => {
    void confirmExternal(window, url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, options.rendererUrl)) {
      event.preventDefault();
      void confirmExternal(window, url);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, options.rendererUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.rendererUrl);
  return window;
}

/** IPC is answered only for the main frame of our window showing our renderer. */
export function trustedSender(window: () => BrowserWindow | null, rendererUrl: string) {
  return (event: IpcMainInvokeEvent): boolean => {
    const current = window();
    const frame = event.senderFrame;
    if (!current || !frame || event.sender !== current.webContents) return false;
    if (frame !== current.webContents.mainFrame) return false;
    return isAppUrl(frame.url, rendererUrl);
  };
}

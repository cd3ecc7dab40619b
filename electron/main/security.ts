/**
 * Hardening rules for every window, kept as data and small pure functions so tests can
 * assert them with `electron` mocked.
 */
import type { WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY, EXTERNAL_SCHEMES } from '../../src/shared/security';

export { CONTENT_SECURITY_POLICY };

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: process.env['NODE_ENV'] === 'development',
  };
}

/** Is this URL the app's own renderer (packaged file or the dev server)? */
export function isAppUrl(url: string, rendererUrl: string): boolean {
  try {
    const target = new URL(url);
    const own = new URL(rendererUrl);
    if (own.protocol === 'file:') return target.protocol === 'file:' && target.pathname === own.pathname;
    return target.origin === own.origin;
  } catch {
    return false;
  }
}

/** Only https and mailto links may leave the app, and only after the user confirms. */
export function isAllowedExternal(url: string): boolean {
  try {
    return (EXTERNAL_SCHEMES as readonly string[]).includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

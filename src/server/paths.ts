import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';

export const PRODUCT_NAME = 'Patuh';

/**
 * The same folder Electron uses as userData for product "Patuh", so the CLI and the
 * preview host see the app's data unless told otherwise.
 */
export function defaultDataDir(): string {
  if (process.env['PATUH_DATA_DIR']) return path.resolve(process.env['PATUH_DATA_DIR']);
  const home = os.homedir();
  if (process.platform === 'win32') {
    return path.join(process.env['APPDATA'] ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  }
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(process.env['XDG_CONFIG_HOME'] ?? path.join(home, '.config'), PRODUCT_NAME);
}

/** resources/ of the repository, found by walking up from this file (dev, tests, CLI). */
export function repoResourcesDir(): string {
  if (process.env['PATUH_RESOURCES_DIR']) return path.resolve(process.env['PATUH_RESOURCES_DIR']);
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i += 1) {
    const candidate = path.join(dir, 'resources', 'instruments');
    if (fs.existsSync(candidate)) return path.join(dir, 'resources');
    dir = path.dirname(dir);
  }
  throw new Error('Folder resources/ tidak ditemukan.');
}

import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../shared/result';
import type { Platform } from '../server/platform';
import { DATA_EXPORT_DIR } from '../server/maintenance';

/** Exports made in the browser preview land here and are offered as downloads. */
export const PREVIEW_EXPORT_DIR = DATA_EXPORT_DIR;

/**
 * The browser preview has no native dialogs: the page uploads files itself, stored
 * files are shown through the host's /berkas/<id> route, and exports are written to
 * <data>/ekspor and downloaded through /unduh/<name> (both token-checked).
 */
export function previewPlatform(dataDir: string): Platform {
  const exportDir = path.join(dataDir, PREVIEW_EXPORT_DIR);
  // Created on demand: start-up housekeeping may have removed an empty one.
  const ready = (): string => {
    fs.mkdirSync(exportDir, { recursive: true });
    return exportDir;
  };
  return {
    async pickFiles() {
      throw new AppError('FORBIDDEN', 'Pemilih berkas sistem hanya ada di aplikasi desktop. Gunakan tombol Unggah berkas atau seret berkas ke sini.');
    },
    async pickFolder() {
      return ready();
    },
    async pickSaveFile({ defaultName }) {
      return path.join(ready(), defaultName);
    },
    async openEvidence(_absolutePath, evidenceId) {
      return { url: `/berkas/${evidenceId}` };
    },
    downloadUrl(absolutePath) {
      const relative = path.relative(exportDir, absolutePath);
      if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
      return `/unduh/${relative.split(path.sep).map(encodeURIComponent).join('/')}`;
    },
    prefersZip: true,
  };
}

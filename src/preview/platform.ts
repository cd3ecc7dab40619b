import { AppError } from '../shared/result';
import type { Platform } from '../server/platform';

/**
 * The browser preview has no native dialogs: the page uploads files itself, and stored
 * files are shown through the host's /berkas/<id> route (token-checked).
 */
export const previewPlatform: Platform = {
  async pickFiles() {
    throw new AppError('FORBIDDEN', 'Pemilih berkas sistem hanya ada di aplikasi desktop. Gunakan tombol Unggah berkas atau seret berkas ke sini.');
  },
  async pickFolder() {
    throw new AppError('FORBIDDEN', 'Pemilih folder hanya ada di aplikasi desktop; pada pratinjau hasil diunduh oleh peramban.');
  },
  async openEvidence(_absolutePath, evidenceId) {
    return { url: `/berkas/${evidenceId}` };
  },
};

import { dialog, shell, type BrowserWindow } from 'electron';
import { AppError } from '../../src/shared/result';
import type { Platform } from '../../src/server/platform';

const EVIDENCE_FILTERS = [
  { name: 'Bukti dukung', extensions: ['pdf', 'jpg', 'jpeg', 'png', 'gif', 'webp', 'heic', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'odt', 'ods', 'odp', 'rtf', 'txt', 'csv', 'mp4', 'mov', 'avi', 'mkv', 'webm', 'mp3', 'm4a', 'zip'] },
  { name: 'Semua berkas', extensions: ['*'] },
];

/** Native dialogs and the OS viewer, for the Electron host. */
export function electronPlatform(window: () => BrowserWindow | null): Platform {
  return {
    async pickFiles({ title }) {
      const owner = window();
      const options = { title, properties: ['openFile' as const, 'multiSelections' as const], filters: EVIDENCE_FILTERS };
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : result.filePaths;
    },
    async pickFolder({ title }) {
      const owner = window();
      const options = { title, properties: ['openDirectory' as const, 'createDirectory' as const] };
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async pickSaveFile({ title, defaultName, extensions }) {
      const owner = window();
      const options = { title, defaultPath: defaultName, filters: [{ name: 'Workbook Excel', extensions }] };
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    downloadUrl: () => null,
    prefersZip: false,
    async openEvidence(absolutePath) {
      const failure = await shell.openPath(absolutePath);
      if (failure) throw new AppError('IO', `Berkas tidak dapat dibuka: ${failure}. Pastikan ada aplikasi penampil untuk jenis berkas ini.`);
      return { openedBy: 'os' };
    },
  };
}

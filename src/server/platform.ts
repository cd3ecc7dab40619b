import type { OpenResult } from '../shared/types';

/**
 * What differs between hosts: native dialogs and opening files exist in Electron; the
 * browser preview uploads through the page and opens files as a download URL.
 */
export interface Platform {
  /** Native multi-file picker; null when the user cancels. */
  pickFiles(options: { title: string }): Promise<string[] | null>;
  /** Native folder picker; null when the user cancels. */
  pickFolder(options: { title: string }): Promise<string | null>;
  /** Where to save one export file; null when the user cancels. */
  pickSaveFile(options: { title: string; defaultName: string; extensions: string[] }): Promise<string | null>;
  /** Show a stored evidence file with the operating system's viewer. */
  openEvidence(absolutePath: string, evidenceId: number): Promise<OpenResult>;
  /** Hosts without a file system for the user (the browser preview) hand results out as downloads. */
  downloadUrl(absolutePath: string): string | null;
  /** Exports as one file (ZIP) rather than a folder, for hosts that download. */
  prefersZip: boolean;
}

/** For the CLI and tests: no dialogs; opening returns the file path. */
export const headlessPlatform: Platform = {
  pickFiles: async () => null,
  pickFolder: async () => null,
  pickSaveFile: async () => null,
  openEvidence: async (absolutePath) => ({ url: absolutePath }),
  downloadUrl: () => null,
  prefersZip: false,
};

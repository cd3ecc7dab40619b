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
  /** Show a stored evidence file with the operating system's viewer. */
  openEvidence(absolutePath: string, evidenceId: number): Promise<OpenResult>;
}

/** For the CLI and tests: no dialogs; opening returns the file path. */
export const headlessPlatform: Platform = {
  pickFiles: async () => null,
  pickFolder: async () => null,
  openEvidence: async (absolutePath) => ({ url: absolutePath }),
};

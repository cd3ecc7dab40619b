import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channels, type Handlers } from '../../src/shared/contract';
import type { Result } from '../../src/shared/result';
import { dispatch } from '../../src/server/api/dispatch';

/**
 * One ipcMain.handle per contract channel. Each call is accepted only from the main
 * frame of the app's own window; the payload is validated by `dispatch` against the
 * channel's schema before any service runs. Replies are always result envelopes.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: Handlers,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): () => void {
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, payload: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'Permintaan dari sumber yang tidak dikenal ditolak.' } };
      }
      return dispatch(handlers, channel, payload);
    });
  }
  return () => channels.forEach((channel) => ipcMain.removeHandler(channel));
}

/** Handlers of the bulk status and undo channels, spread into the one handler table. */
import type { Handlers } from '../../shared/contract';
import type { ServerContext } from '../context';
import { setStatusBulk, undoStatus } from './bulk-status';

export function createChecklistBulkHandlers(ctx: ServerContext): Pick<Handlers, 'checklist:set-status-bulk' | 'checklist:undo-status'> {
  return {
    'checklist:set-status-bulk': (input) => setStatusBulk(ctx, input),
    'checklist:undo-status': (input) => undoStatus(ctx, input),
  };
}

import { contract, isChannel, type Handlers } from '../../shared/contract';
import { AppError, type AppErrorData, type Result } from '../../shared/result';
import { describeIssues } from '../../shared/validation';
import { toUserError } from '../db/errors';

/**
 * The single entry from any host: validate the payload against the channel's schema,
 * call the handler, and return a result envelope. Nothing throws across a boundary.
 */
export async function dispatch(handlers: Handlers, channel: unknown, payload: unknown): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'FORBIDDEN', message: 'Permintaan tidak dikenal.' } };
  }
  const parsed = contract[channel].input.safeParse(payload);
  if (!parsed.success) {
    const { message, fields } = describeIssues(parsed.error);
    return { ok: false, error: { code: 'VALIDATION', message, fields } };
  }
  try {
    const handler = handlers[channel] as (input: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    return { ok: false, error: toErrorData(error) };
  }
}

export function toErrorData(error: unknown): AppErrorData {
  const data = toUserError(error);
  // Only the unexpected is logged: a full disk or a held file is the user's situation, not a bug.
  if (data.code === 'INTERNAL' && !(error instanceof AppError)) console.error('[patuh] unexpected error', error);
  return data;
}

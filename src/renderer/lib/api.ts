/**
 * The only module that talks to the host. In Electron the preload exposes
 * `window.patuh` (one function per channel); in the browser preview the same channels
 * are POSTed to the loopback host with the per-start token from index.html.
 * Failures come back as data and are rethrown here as AppError with an Indonesian message.
 */
import { channels, type Api, type Channel, type Input, type Output } from '../../shared/contract';
import { AppError, type Result } from '../../shared/result';

declare global {
  interface Window {
    patuh?: Record<Channel, (input: unknown) => Promise<Result<unknown>>>;
  }
}

function previewToken(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="patuh-token"]')?.content ?? '';
}

/** Uint8Array → base64 in chunks (large files would overflow String.fromCharCode(...all)). */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  }
  return btoa(binary);
}

/** JSON cannot carry bytes: the preview host revives {"$bytes": base64} into a Buffer. */
function encodeBytes(_key: string, value: unknown): unknown {
  return value instanceof Uint8Array ? { $bytes: toBase64(value) } : value;
}

async function invokePreview(channel: Channel, input: unknown): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Patuh-Token': previewToken() },
      body: JSON.stringify({ input }, encodeBytes),
    });
  } catch {
    return { ok: false, error: { code: 'IO', message: 'Tidak dapat terhubung ke layanan Patuh. Pastikan aplikasi masih berjalan.' } };
  }
  try {
    return (await response.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `Jawaban layanan tidak terbaca (HTTP ${response.status}).` } };
  }
}

async function invoke<C extends Channel>(channel: C, input: Input<C> | undefined): Promise<Output<C>> {
  const bridge = window.patuh;
  const result = bridge ? await bridge[channel](input) : await invokePreview(channel, input);
  if (!result.ok) throw AppError.fromData(result.error);
  return result.value as Output<C>;
}

export const api = Object.fromEntries(
  channels.map((channel) => [channel, (input?: unknown) => invoke(channel, input as never)]),
) as unknown as Api;

export const isPreview = (): boolean => window.patuh === undefined;

/**
 * Open an evidence file or link: in Electron the OS viewer already opened it; in the
 * preview the host serves stored files at /berkas/<id> (token-checked) in a new tab.
 */
export async function openEvidence(evidenceId: number): Promise<void> {
  const result = await api['evidence:open']({ evidenceId });
  if ('openedBy' in result) return;
  const url = result.url.startsWith('/berkas/') ? `${result.url}?token=${encodeURIComponent(previewToken())}` : result.url;
  window.open(url, '_blank', 'noopener,noreferrer');
}

export function errorMessage(error: unknown): string {
  if (error instanceof AppError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Terjadi kesalahan tak terduga.';
}

export function fieldErrors(error: unknown): Record<string, string> {
  return error instanceof AppError && error.fields ? error.fields : {};
}

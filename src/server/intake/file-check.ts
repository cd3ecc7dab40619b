/**
 * The upload rules applied while scanning, before anything is copied: the same allowed
 * types, size limit and "renamed program" check the evidence store applies (its limits,
 * messages and sniffer), so the inbox can show a refusal before apply. Apply still
 * copies through the store's ingest routine, which checks again on the bytes it copies.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import { AppError } from '../../shared/result';
import { extensionOf, sanitizeOriginalName } from '../evidence/store';
import { messages, resolveLimits } from '../evidence/store/limits';
import { SNIFF_BYTES, sniff } from '../evidence/store/sniff';

const limits = resolveLimits();

/** Null when acceptable; otherwise why not, worded as the upload dialog words it. */
export function uploadProblem(name: string, size: number, head: Uint8Array): string | null {
  const safe = sanitizeOriginalName(name);
  const ext = extensionOf(safe);
  if (!ext) return messages.noExtension(safe, limits.allowedExtensions);
  if (!limits.allowedExtensions.includes(ext)) return messages.extensionNotAllowed(safe, ext, limits.allowedExtensions);
  if (size > limits.maxBytes) return messages.tooLarge(safe, size, limits.maxBytes);
  const result = sniff(head, ext);
  if (!result.ok) return result.reason === 'executable' ? messages.executable(safe, ext) : messages.contentMismatch(safe, ext, result.label);
  return null;
}

export const MAX_UPLOAD_BYTES = limits.maxBytes;

/** Hash a file and check it in one read; the head is the file's first bytes. */
export async function hashAndCheck(file: string, name: string, signal?: AbortSignal): Promise<{ sha256: string; size: number; rejected: string | null }> {
  const handle = await fs.open(file, 'r');
  try {
    const stat = await handle.stat();
    if (stat.size > limits.maxBytes) return { sha256: '0'.repeat(64), size: stat.size, rejected: messages.tooLarge(sanitizeOriginalName(name), stat.size, limits.maxBytes) };
    const hash = crypto.createHash('sha256');
    const buffer = Buffer.allocUnsafe(1024 * 1024);
    let head: Buffer | null = null;
    let size = 0;
    for (;;) {
      if (signal?.aborted) throw new AppError('CANCELLED', 'Pemeriksaan kiriman dibatalkan; tidak ada yang diubah.');
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, size);
      if (bytesRead === 0) break;
      if (!head) head = Buffer.from(buffer.subarray(0, Math.min(bytesRead, SNIFF_BYTES)));
      hash.update(buffer.subarray(0, bytesRead));
      size += bytesRead;
    }
    return { sha256: hash.digest('hex'), size, rejected: uploadProblem(name, size, head ?? Buffer.alloc(0)) };
  } finally {
    await handle.close();
  }
}

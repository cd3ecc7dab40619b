import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect } from 'vitest';
import { AppError } from '../../../src/shared/result';

/**
 * Shared helpers for the evidence store tests. Deliberately independent of tests/unit/helpers
 * so these tests never open a database: the store must work without one.
 */

const cleanups: string[] = [];

afterEach(() => {
  while (cleanups.length > 0) fs.rmSync(cleanups.pop()!, { recursive: true, force: true });
});

/** A fresh temp root removed after the test. */
export function tempRoot(prefix = 'patuh-evidence-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(dir);
  return dir;
}

export const sha256 = (data: Uint8Array): string => crypto.createHash('sha256').update(data).digest('hex');

/** Every file (and symlink) under `root`, relative with POSIX separators, with its size. */
export function snapshot(root: string): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (dir: string, prefix: string): void => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full, rel);
      else out.set(rel, fs.lstatSync(full).size);
    }
  };
  walk(root, '');
  return out;
}

export const files = (root: string): string[] => [...snapshot(root).keys()].sort();

const ascii = (text: string): Buffer => Buffer.from(text, 'latin1');

/** Minimal bytes that pass the store's signature checks for an extension. */
export function contentFor(ext: string, body = 'isi dokumen'): Buffer {
  switch (ext) {
    case 'pdf':
      return ascii(`%PDF-1.7\n% ${body}\n%%EOF\n`);
    case 'png':
      return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ascii(body)]);
    case 'jpg':
    case 'jpeg':
      return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), ascii(body)]);
    case 'gif':
      return ascii(`GIF89a${body}`);
    case 'docx':
    case 'xlsx':
    case 'pptx':
    case 'odt':
    case 'ods':
    case 'odp':
    case 'zip':
      return Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), ascii(body)]);
    case 'mp4':
      return Buffer.concat([Buffer.from([0, 0, 0, 0x18]), ascii('ftypmp42'), ascii(body)]);
    default:
      return Buffer.from(body, 'utf8');
  }
}

/** Random video-like bytes (an "ftyp" head so no executable signature appears by chance). */
export function randomVideo(bytes: number): Buffer {
  const data = crypto.randomBytes(bytes);
  contentFor('mp4', '').copy(data, 0);
  return data;
}

export function writeSource(dir: string, name: string, data: Uint8Array): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
}

/** Awaits a rejection and checks it is an AppError with the given code (and exact message). */
export async function expectAppError(promise: Promise<unknown>, code: string, message?: string): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error('diharapkan gagal, tetapi berhasil');
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  const appError = error as AppError;
  expect(appError.code).toBe(code);
  if (message !== undefined) expect(appError.message).toBe(message);
  return appError;
}

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$|clock\$)$/iu;

/** Independent statement of what "safe" means for a sanitised name. */
export function assertSafeName(name: string): void {
  expect(name.length).toBeGreaterThan(0);
  expect(name.length).toBeLessThanOrEqual(120);
  expect(Buffer.byteLength(name, 'utf8')).toBeLessThanOrEqual(240);
  expect(name).not.toMatch(/[\\/:*?"<>|]/u);
  expect(name).not.toMatch(/[\p{Cc}\p{Cf}\p{Cs}]/u);
  expect(name.startsWith('.')).toBe(false);
  expect(name).not.toMatch(/[. ]$/u);
  expect(name).toBe(name.trim());
  expect(name).toBe(name.normalize('NFC'));
  expect(RESERVED.test((name.split('.')[0] ?? '').trimEnd())).toBe(false);
  expect(name === '.' || name === '..').toBe(false);
}

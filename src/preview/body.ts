/**
 * Request bodies of the preview host, read as a stream. File bytes travel inside the JSON
 * as {"$bytes":"<base64>"}; buffering a 200 MB upload as text, parsing it and decoding it
 * would hold it three or four times in memory. Instead each "$bytes" string is decoded on
 * the fly into a temp file and replaced by {"$file":N}; only the small rest of the JSON
 * is kept in memory, and the handler gets the bytes back from the file once.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';

export class BodyError extends Error {
  constructor(readonly status: 400 | 413) {
    super(status === 413 ? 'too-large' : 'invalid');
  }
}

export interface BodyLimits {
  /** The JSON around the bytes. */
  maxJsonBytes: number;
  /** All decoded bytes together; 0 when the channel carries no files. */
  maxUploadBytes: number;
  /** Where decoded uploads are written (removed by the caller via `cleanup`). */
  uploadDir: string;
}

export interface Body {
  text: string;
  files: string[];
  cleanup: () => void;
}

const MARKER = Buffer.from('"$bytes":"');
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

export function readBody(req: http.IncomingMessage, limits: BodyLimits): Promise<Body> {
  return new Promise((resolve, reject) => {
    const parser = new BodyParser(limits);
    let failed = false;
    const fail = (error: unknown): void => {
      if (failed) return;
      failed = true;
      parser.cleanup();
      reject(error);
    };
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      try {
        parser.push(chunk);
      } catch (error) {
        // Stop reading but leave the socket open so the 413/400 answer is delivered.
        fail(error);
      }
    });
    req.on('end', () => {
      if (failed) return;
      try {
        resolve(parser.finish());
      } catch (error) {
        fail(error);
      }
    });
    req.on('error', fail);
  });
}

class BodyParser {
  private json: Buffer[] = [];
  private jsonSize = 0;
  private carry: Buffer = Buffer.alloc(0);
  private inBytes = false;
  private b64Carry = '';
  private fd: number | null = null;
  private uploadSize = 0;
  readonly files: string[] = [];

  constructor(private readonly limits: BodyLimits) {}

  push(chunk: Buffer): void {
    let rest = chunk;
    while (rest.length > 0) rest = this.inBytes ? this.pushBytes(rest) : this.pushJson(rest);
  }

  finish(): Body {
    if (this.inBytes) throw new BodyError(400);
    this.appendJson(this.carry);
    this.carry = Buffer.alloc(0);
    return { text: Buffer.concat(this.json).toString('utf8'), files: this.files, cleanup: () => this.cleanup() };
  }

  cleanup(): void {
    this.closeFile();
    for (const file of this.files) fs.rmSync(file, { force: true });
  }

  private pushJson(chunk: Buffer): Buffer {
    const pending = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const at = this.limits.maxUploadBytes > 0 ? pending.indexOf(MARKER) : -1;
    if (at === -1) {
      const keep = Math.min(MARKER.length - 1, pending.length);
      this.appendJson(pending.subarray(0, pending.length - keep));
      this.carry = Buffer.from(pending.subarray(pending.length - keep));
      return Buffer.alloc(0);
    }
    this.appendJson(pending.subarray(0, at));
    this.appendJson(Buffer.from(`"$file":${this.files.length}`));
    this.carry = Buffer.alloc(0);
    this.openFile();
    this.inBytes = true;
    return pending.subarray(at + MARKER.length);
  }

  private pushBytes(chunk: Buffer): Buffer {
    const end = chunk.indexOf(QUOTE);
    const part = end === -1 ? chunk : chunk.subarray(0, end);
    this.decode(part.includes(BACKSLASH) ? Buffer.from(part.filter((byte) => byte !== BACKSLASH)) : part);
    if (end === -1) return Buffer.alloc(0);
    this.decode(Buffer.alloc(0), true);
    this.closeFile();
    this.inBytes = false;
    return chunk.subarray(end + 1);
  }

  private decode(part: Buffer, last = false): void {
    const text = this.b64Carry + part.toString('latin1');
    const usable = last ? text.length : text.length - (text.length % 4);
    this.b64Carry = text.slice(usable);
    if (usable === 0) return;
    const bytes = Buffer.from(text.slice(0, usable), 'base64');
    this.uploadSize += bytes.length;
    if (this.uploadSize > this.limits.maxUploadBytes) throw new BodyError(413);
    fs.writeSync(this.fd!, bytes);
  }

  private appendJson(part: Buffer): void {
    if (part.length === 0) return;
    this.jsonSize += part.length;
    if (this.jsonSize > this.limits.maxJsonBytes) throw new BodyError(413);
    this.json.push(Buffer.from(part));
  }

  private openFile(): void {
    fs.mkdirSync(this.limits.uploadDir, { recursive: true });
    const file = path.join(this.limits.uploadDir, `unggah-${crypto.randomBytes(12).toString('hex')}.part`);
    this.fd = fs.openSync(file, 'wx');
    this.files.push(file);
  }

  private closeFile(): void {
    if (this.fd === null) return;
    fs.closeSync(this.fd);
    this.fd = null;
  }
}

/** JSON.parse reviver: {"$file":N} back to the bytes of upload N; {"$bytes":…} still accepted. */
export function reviverFor(files: readonly string[]): (key: string, value: unknown) => unknown {
  return (_key, value) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length !== 1) return value;
    if (keys[0] === '$file' && typeof record['$file'] === 'number') {
      const file = files[record['$file']];
      if (file === undefined) throw new BodyError(400);
      return fs.readFileSync(file);
    }
    if (keys[0] === '$bytes' && typeof record['$bytes'] === 'string') return Buffer.from(record['$bytes'], 'base64');
    return value;
  };
}

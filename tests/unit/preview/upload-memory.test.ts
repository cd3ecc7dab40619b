/**
 * Uploads stream to disk: a 200 MB evidence upload through the preview host keeps the
 * host's peak memory at or below 400 MB RSS (it peaked at 1.5 GB when the body was
 * buffered, parsed and decoded whole).
 */
import { bundleChildInto } from '../crash/bundle';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESOURCES, tempDir } from '../helpers';

const SIZE = 200_000_000;

async function bundle(): Promise<string> {
  return bundleChildInto(path.join(import.meta.dirname, 'upload-child.ts'), tempDir('patuh-upload-build-'));
}

/** Streams {"input":{…,"files":[{"name":…,"data":{"$bytes":"<base64>"}}]}} without ever holding it whole. */
function upload(port: number, token: string, key: Record<string, unknown>): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port, method: 'POST', path: '/api/evidence:upload', headers: { 'Content-Type': 'application/json', 'X-Patuh-Token': token, 'Transfer-Encoding': 'chunked' } },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    request.on('error', reject);
    const head = JSON.stringify({ input: { ...key, files: [{ name: 'laporan-besar.pdf', data: { $bytes: '@@' } }] } });
    const [before, after] = head.split('@@') as [string, string];
    // Multiples of 3 bytes, so the base64 pieces concatenate into one valid string.
    const block = Buffer.alloc(3 * 256 * 1024, 0x41);
    const first = Buffer.concat([Buffer.from('%PDF-1.4\n'), block.subarray(9)]);
    let sent = 0;
    const pump = (): void => {
      while (sent < SIZE) {
        const length = Math.min(block.length, SIZE - sent);
        const piece = (sent === 0 ? first : block).subarray(0, length);
        sent += length;
        if (!request.write(piece.toString('base64'))) {
          request.once('drain', pump);
          return;
        }
      }
      request.end(after);
    };
    request.write(before);
    pump();
  });
}

describe('preview uploads', () => {
  it('a 200 MB upload peaks at ≤ 400 MB RSS in the host', async () => {
    const script = await bundle();
    const rendererDir = tempDir();
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<html><head></head><body></body></html>');
    const child = spawn(process.execPath, [script, tempDir(), RESOURCES, rendererDir], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const line = (prefix: string) =>
      new Promise<string>((resolve, reject) => {
        const check = () => {
          const found = stdout.split('\n').find((entry) => entry.startsWith(prefix));
          if (found) resolve(found.slice(prefix.length));
        };
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          check();
        });
        child.on('exit', () => reject(new Error(stderr)));
        check();
      });
    try {
      const ready = JSON.parse(await line('READY ')) as { port: number; token: string; key: Record<string, unknown> };
      const answer = await upload(ready.port, ready.token, ready.key);
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.text), answer.text.slice(0, 400)).toMatchObject({ ok: true });
      child.stdin.write('rss\n');
      const peak = Number(await line('RSS '));
      if (process.env['UPLOAD_DEBUG']) console.log('peak RSS', peak);
      expect(peak).toBeGreaterThan(0);
      expect(peak).toBeLessThanOrEqual(400 * 1024 * 1024);
    } finally {
      child.kill('SIGKILL');
    }
  }, 180_000);
});

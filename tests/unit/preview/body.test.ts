/** The streaming body reader: bytes decoded to disk whatever the chunking, the rest parsed as JSON. */
import fs from 'node:fs';
import type http from 'node:http';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BodyError, readBody, reviverFor } from '../../../src/preview/body';
import { tempDir } from '../helpers';

function request(text: string, chunkSize: number): http.IncomingMessage {
  const chunks: Buffer[] = [];
  const bytes = Buffer.from(text);
  for (let offset = 0; offset < bytes.length; offset += chunkSize) chunks.push(bytes.subarray(offset, offset + chunkSize));
  return Readable.from(chunks) as unknown as http.IncomingMessage;
}

const limits = (uploadDir: string) => ({ maxJsonBytes: 4096, maxUploadBytes: 1024 * 1024, uploadDir });

describe('preview body reader', () => {
  const first = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));
  const second = Buffer.from('isi kedua, dengan ✓ unicode');
  const json = JSON.stringify({ input: { files: [{ name: 'a.pdf', data: { $bytes: first.toString('base64') } }, { name: 'b.txt', data: { $bytes: second.toString('base64') } }], note: 'catatan "kutip"' } });

  for (const chunkSize of [1, 3, 7, 64, 100_000]) {
    it(`chunks of ${chunkSize} byte(s): every file comes back exactly, the JSON around them intact`, async () => {
      const dir = tempDir();
      const body = await readBody(request(json, chunkSize), limits(dir));
      expect(body.files).toHaveLength(2);
      const parsed = JSON.parse(body.text, reviverFor(body.files)) as { input: { files: Array<{ name: string; data: Buffer }>; note: string } };
      expect(parsed.input.files[0]!.data.equals(first)).toBe(true);
      expect(parsed.input.files[1]!.data.equals(second)).toBe(true);
      expect(parsed.input.note).toBe('catatan "kutip"');
      expect(body.text.length).toBeLessThan(300);
      body.cleanup();
      expect(fs.readdirSync(dir)).toEqual([]);
    });
  }

  it('accepts escaped slashes in base64 and refuses more bytes than allowed with 413', async () => {
    const dir = tempDir();
    const escaped = JSON.stringify({ input: { data: { $bytes: Buffer.from([0xff, 0xff, 0xfe, 0xfb]).toString('base64') } } }).replaceAll('/', '\\/');
    const body = await readBody(request(escaped, 5), limits(dir));
    const parsed = JSON.parse(body.text, reviverFor(body.files)) as { input: { data: Buffer } };
    expect([...parsed.input.data]).toEqual([0xff, 0xff, 0xfe, 0xfb]);
    body.cleanup();
    const huge = JSON.stringify({ input: { data: { $bytes: Buffer.alloc(2 * 1024 * 1024).toString('base64') } } });
    await expect(readBody(request(huge, 65536), limits(dir))).rejects.toEqual(new BodyError(413));
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('an unterminated bytes string is a 400, and its temp file is removed', async () => {
    const dir = tempDir();
    await expect(readBody(request('{"input":{"data":{"$bytes":"AAAA', 4), limits(dir))).rejects.toEqual(new BodyError(400));
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

/**
 * Request fuzzer: 10,000 random request lines, targets, escapes, headers and bodies sent
 * as raw bytes (seeded, so a failure reproduces). Every one must be answered or closed —
 * none may hang (each socket is bounded by a timeout) — and afterwards the host still
 * serves the page and the API.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { PreviewServer } from '../../../src/preview/server';
import { raw, startHost } from './support';

let current: PreviewServer | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function requests(count: number, port: number, token: string, seed: number): Buffer[] {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const bytes = (length: number, printable: boolean) =>
    Buffer.from(Array.from({ length }, () => (printable ? 32 + Math.floor(random() * 95) : Math.floor(random() * 256))));
  const escapes = ['%', '%0', '%zz', '%E0%A4%A', '%C0%AF', '%00', '%2e%2e%2f', '%FF%FE', '%uD800', '%25', '%%%'];
  const methods = ['GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'CONNECT', 'TRACE', 'G\u0000T', 'get', ''];
  const prefixes = ['/', '/api/', '/api/units:list', '/api/units:create', '/api/evidence:upload', '/unduh/', '/berkas/', '/assets/', '//', '*', 'http://evil/', '../', '/..%2f..%2f'];
  const out: Buffer[] = [];
  for (let i = 0; i < count; i += 1) {
    const kind = random();
    let target = pick(prefixes);
    const parts = 1 + Math.floor(random() * 4);
    const safe = () => Array.from({ length: 1 + Math.floor(random() * 12) }, () => pick([...'abcxyz019-_.~:/'])).join('');
    for (let p = 0; p < parts; p += 1) {
      const mode = random();
      target += mode < 0.4 ? pick(escapes) : mode < 0.8 ? safe() : bytes(1 + Math.floor(random() * 12), random() < 0.8).toString('latin1');
    }
    if (random() < 0.3) target += `?token=${random() < 0.5 ? token : 'salah'}`;
    if (random() < 0.02) target += 'a'.repeat(9000);
    const version = pick(['HTTP/1.1', 'HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/9', 'JUNK', '']);
    const headers: string[] = [];
    if (random() < 0.85) headers.push(`Host: ${pick([`127.0.0.1:${port}`, `localhost:${port}`, 'evil.example', '', `127.0.0.1:${port}\u0000`])}`);
    if (random() < 0.4) headers.push(`X-Patuh-Token: ${random() < 0.6 ? token : bytes(10, true).toString('latin1')}`);
    if (random() < 0.4) headers.push(`Content-Type: ${pick(['application/json', 'text/plain', 'application/json; charset=utf-8', ''])}`);
    if (random() < 0.3) headers.push(`Origin: ${pick([`http://127.0.0.1:${port}`, `http://localhost:${port}`, 'http://evil.example', 'null'])}`);
    const body = random() < 0.4 ? bytes(Math.floor(random() * 2048), random() < 0.5) : Buffer.alloc(0);
    const length = pick([String(body.length), String(body.length), '-1', 'abc', '99999999999', `${body.length}, ${body.length + 1}`, '']);
    if (random() < 0.7) headers.push(`Content-Length: ${length}`);
    if (random() < 0.1) headers.push('Transfer-Encoding: chunked');
    if (random() < 0.2) headers.push(`${bytes(1 + Math.floor(random() * 10), random() < 0.7).toString('latin1')}: ${bytes(Math.floor(random() * 40), random() < 0.7).toString('latin1')}`);
    if (random() < 0.05) headers.push(`X-Long: ${'b'.repeat(20000)}`);
    const head = kind < 0.05 ? bytes(Math.floor(random() * 200), false).toString('latin1') : `${pick(methods)} ${target} ${version}\r\n${headers.join('\r\n')}\r\n\r\n`;
    out.push(Buffer.concat([Buffer.from(head, 'latin1'), body]));
  }
  return out;
}

describe('preview request fuzzer', () => {
  it('answers or closes 10,000 hostile requests and still serves afterwards', async () => {
    const { server } = await startHost();
    current = server;
    const batch = requests(10_000, server.port, server.token, 0x5eed);
    const statuses = new Map<string, number>();
    let next = 0;
    const worker = async () => {
      while (next < batch.length) {
        const request = batch[next++]!;
        const status = await raw(server.port, request, 1500);
        const code = /^HTTP\/1\.1 (\d{3})/.exec(status)?.[1] ?? status;
        statuses.set(code, (statuses.get(code) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: 32 }, worker));
    expect([...statuses.values()].reduce((sum, n) => sum + n, 0)).toBe(10_000);
    // A hang would show up as 'timeout'; the server answers everything it can parse.
    expect(statuses.get('timeout') ?? 0).toBeLessThan(50);
    expect(statuses.get('500') ?? 0).toBe(0);
    expect(statuses.get('400') ?? 0).toBeGreaterThan(1000);
    expect((await fetch(server.url)).status).toBe(200);
    const listed = await fetch(`${server.url}api/units:list`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Patuh-Token': server.token },
      body: JSON.stringify({ input: {} }),
    });
    expect(await listed.json()).toMatchObject({ ok: true });
  }, 180_000);
});

/**
 * The preview host cannot be crashed by a request: malformed escapes, targets and headers
 * get 400, an oversized body a delivered 413 with the Indonesian message, a failing route
 * a 500 — and the next request is answered. Paths from the page are never trusted.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PreviewServer } from '../../../src/preview/server';
import { raw, rawFull, startHost } from './support';

let current: PreviewServer | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

async function host(overrides: Parameters<typeof startHost>[0] = {}) {
  const started = await startHost(overrides);
  current = started.server;
  return started;
}

const get = (port: number, target: string, headers = '') => `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${headers}Connection: close\r\n\r\n`;

function post(server: PreviewServer, channel: string, body: string | Buffer, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port: server.port, method: 'POST', path: `/api/${channel}`, headers: { 'Content-Type': 'application/json', 'X-Patuh-Token': server.token, Host: `127.0.0.1:${server.port}`, ...headers } },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

const call = async (server: PreviewServer, channel: string, input: unknown, headers: Record<string, string> = {}) =>
  JSON.parse((await post(server, channel, JSON.stringify({ input }), headers)).text) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };

async function stillAnswers(server: PreviewServer): Promise<void> {
  expect((await fetch(server.url)).status).toBe(200);
  expect(await call(server, 'units:list', {})).toMatchObject({ ok: true });
}

describe('preview host hardening', () => {
  it('400 on malformed percent-escapes (with and without the token) and on unparseable targets', async () => {
    const { server } = await host();
    const port = server.port;
    expect(await raw(port, get(port, `/unduh/%E0%A4%A?token=${server.token}`))).toBe('HTTP/1.1 400 Bad Request');
    expect(await raw(port, get(port, '/%zz'))).toBe('HTTP/1.1 400 Bad Request');
    expect(await raw(port, get(port, '//['))).toBe('HTTP/1.1 400 Bad Request');
    expect(await raw(port, get(port, 'http://[::1'))).toBe('HTTP/1.1 400 Bad Request');
    expect(await raw(port, get(port, '*'))).toBe('HTTP/1.1 400 Bad Request');
    await stillAnswers(server);
  });

  it('400 on malformed request lines and headers', async () => {
    const { server } = await host();
    const port = server.port;
    expect(await raw(port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nBad Header Line\r\n\r\n`)).toBe('HTTP/1.1 400 Bad Request');
    expect(await raw(port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: -1\r\n\r\n`)).toBe('HTTP/1.1 400 Bad Request');
    expect(await raw(port, 'G\u0000T / HTTP/1.1\r\n\r\n')).toBe('HTTP/1.1 400 Bad Request');
    await stillAnswers(server);
  });

  it('an oversized body gets a delivered 413 with the Indonesian message, declared or streamed', async () => {
    const { server } = await host({ maxBodyBytes: 64 * 1024 });
    const big = JSON.stringify({ input: { name: 'x'.repeat(200 * 1024), groupName: 'A' } });
    const declared = await post(server, 'units:create', big);
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.text)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Permintaan terlalu besar/) } });
    const streamed = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = http.request(
        { host: '127.0.0.1', port: server.port, method: 'POST', path: '/api/units:create', headers: { 'Content-Type': 'application/json', 'X-Patuh-Token': server.token, 'Transfer-Encoding': 'chunked' } },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
        },
      );
      request.on('error', reject);
      for (let i = 0; i < 20; i += 1) request.write('x'.repeat(16 * 1024));
      request.end();
    });
    expect(streamed.status).toBe(413);
    expect(streamed.text).toMatch(/terlalu besar/);
    await stillAnswers(server);
  });

  it('a route that throws is a 500 with a message, and the process goes on', async () => {
    const { server } = await host({
      evidenceFile: () => {
        throw new Error('boom');
      },
    });
    const answer = await rawFull(server.port, get(server.port, `/berkas/1?token=${server.token}`));
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 500 Internal Server Error');
    expect(answer).toMatch(/Kesalahan server pratinjau/);
    await stillAnswers(server);
  });

  it('works at http://localhost:PORT as well as 127.0.0.1 (POST with that origin)', async () => {
    const { server } = await host();
    const viaLocalhost = await call(server, 'units:create', { name: 'Dinas Sosial', groupName: 'Perangkat Daerah' }, { Host: `localhost:${server.port}`, Origin: `http://localhost:${server.port}` });
    expect(viaLocalhost).toMatchObject({ ok: true });
    const foreign = await call(server, 'units:list', {}, { Origin: 'http://evil.example' });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('never trusts paths from the page: outputs land in the download folder, inputs outside it are refused', async () => {
    const { server, downloadDir } = await host();
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'patuh-luar-'));
    try {
      const pekppp = ((await call(server, 'instruments:list', undefined)).value as Array<{ id: number; code: string }>).find((item) => item.code === 'pekppp-2022-a')!;
      const period = (await call(server, 'periods:create', { year: 2026, instrumentIds: [pekppp.id], unitIds: [] })).value as { id: number };
      const started = await call(server, 'export:recap', { periodId: period.id, outFile: path.join(elsewhere, 'rekap.xlsx') });
      expect(started).toMatchObject({ ok: true });
      let job = started.value as { id: string; status: string; result: { path: string } | null };
      while (job.status === 'berjalan') {
        await new Promise((resolve) => setTimeout(resolve, 50));
        job = (await call(server, 'jobs:get', { id: job.id })).value as typeof job;
      }
      expect(job.status).toBe('selesai');
      expect(path.dirname(job.result!.path)).toBe(downloadDir);
      expect(fs.readdirSync(elsewhere)).toEqual([]);
      for (const [channel, input] of [
        ['import:preview', { file: '/etc/passwd.xlsx' }],
        ['backup:restore', { archiveDir: elsewhere }],
        ['backup:restore', { archiveDir: path.join(downloadDir, '..', '..') }],
      ] as const) {
        expect(await call(server, channel, input), channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/hanya dapat memakai berkas yang diunggah/) } });
      }
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../../src/preview/server';
import { tempDir, testApp } from '../helpers';
import { createHandlers } from '../../../src/server/api/handlers';

let server: PreviewServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start() {
  const app = testApp();
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<html><head><title>t</title></head><body></body></html>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  server = await startPreviewServer({ handlers: createHandlers(app, { host: 'preview' }), rendererDir });
  return server;
}

const post = (srv: PreviewServer, channel: string, input: unknown, headers: Record<string, string> = {}) =>
  fetch(`${srv.url}api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Patuh-Token': srv.token, ...headers },
    body: JSON.stringify({ input }),
  });

describe('preview host', () => {
  it('listens on 127.0.0.1 and injects the per-start token into index.html, with a CSP header', async () => {
    const srv = await start();
    expect(srv.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const response = await fetch(srv.url);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await response.text()).toContain(`<meta name="patuh-token" content="${srv.token}" />`);
    expect(srv.token).toMatch(/^[0-9a-f]{48}$/);
    const script = await fetch(`${srv.url}assets/app.js`);
    expect(script.headers.get('content-type')).toContain('text/javascript');
  });

  it('answers the contract with result envelopes', async () => {
    const srv = await start();
    const created = await (await post(srv, 'units:create', { name: 'Dinas Sosial', groupName: 'Perangkat Daerah' })).json();
    expect(created).toMatchObject({ ok: true, value: { name: 'Dinas Sosial' } });
    const invalid = await (await post(srv, 'units:create', { name: '' , groupName: 'X'})).json();
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Nama unit wajib diisi.' } });
  });

  it('rejects a missing or wrong token, another origin, another Host, and non-JSON bodies', async () => {
    const srv = await start();
    expect((await post(srv, 'units:list', undefined, { 'X-Patuh-Token': 'salah' })).status).toBe(403);
    expect((await post(srv, 'units:list', undefined, { Origin: 'http://evil.example' })).status).toBe(403);
    // fetch() cannot forge Host; a raw request can, as a DNS-rebinding page would.
    const rebindingStatus = await new Promise<number>((resolve, reject) => {
      const request = http.request(
        { host: '127.0.0.1', port: srv.port, path: '/api/units:list', method: 'POST', headers: { Host: 'evil.example', 'Content-Type': 'application/json', 'X-Patuh-Token': srv.token } },
        (response) => resolve(response.statusCode ?? 0),
      );
      request.on('error', reject);
      request.end('{}');
    });
    expect(rebindingStatus).toBe(421);
    const notJson = await fetch(`${srv.url}api/units:list`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Patuh-Token': srv.token },
      body: '{bukan json',
    });
    expect(notJson.status).toBe(400);
    expect((await fetch(`${srv.url}api/units:list`)).status).toBe(405);
  });

  it('never serves files outside the renderer folder', async () => {
    const srv = await start();
    const response = await fetch(`${srv.url}..%2f..%2fetc%2fpasswd`);
    expect(await response.text()).not.toContain('root:');
  });
});

/**
 * Browser preview host: serves the built renderer and answers the API contract over
 * loopback, calling the same handlers as Electron's IPC. Used where the Electron binary
 * is unavailable (this CI, end-to-end tests) and handy during development.
 *
 * Security: bound to 127.0.0.1 only; every API call must carry the per-start random
 * token that is injected into index.html; requests from other origins or Host names
 * (DNS rebinding) are refused.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Handlers } from '../shared/contract';
import { dispatch } from '../server/api/dispatch';
import { CONTENT_SECURITY_POLICY } from '../shared/security';

export interface PreviewOptions {
  handlers: Handlers;
  rendererDir: string;
  port?: number;
  token?: string;
  /** Largest JSON body accepted, in bytes (uploads get `maxUploadBytes`). */
  maxBodyBytes?: number;
  maxUploadBytes?: number;
  /** Folder whose files are offered at GET /unduh/<name> (exports made in the preview). */
  downloadDir?: string;
  /** Resolves a stored evidence file for GET /berkas/<id>. */
  evidenceFile?: (evidenceId: number) => { path: string; mime: string; name: string } | null;
}

/** Channels whose payload carries file bytes. */
const UPLOAD_CHANNELS = new Set(['evidence:upload']);

/** Bytes travel as {"$bytes": base64} in JSON; turn them back into Buffers (Uint8Array). */
export function reviveBytes(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length === 1 && keys[0] === '$bytes' && typeof record['$bytes'] === 'string') {
      return Buffer.from(record['$bytes'], 'base64');
    }
  }
  return value;
}

export interface PreviewServer {
  url: string;
  token: string;
  port: number;
  close: () => Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'Cross-Origin-Opener-Policy': 'same-origin',
  });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('too-large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}

export function startPreviewServer(options: PreviewOptions): Promise<PreviewServer> {
  const token = options.token ?? crypto.randomBytes(24).toString('hex');
  const maxBody = options.maxBodyBytes ?? 2 * 1024 * 1024;
  const maxUpload = options.maxUploadBytes ?? 400 * 1024 * 1024;
  const rendererDir = path.resolve(options.rendererDir);
  let allowedHosts: Set<string> = new Set();
  let origin = '';

  const indexHtml = (): string =>
    fs
      .readFileSync(path.join(rendererDir, 'index.html'), 'utf8')
      .replace('<head>', `<head>\n    <meta name="patuh-token" content="${token}" />`);

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'FORBIDDEN', message: 'Metode tidak diizinkan.' } });
    const requestOrigin = req.headers.origin;
    if (requestOrigin !== undefined && requestOrigin !== origin) {
      return sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Asal permintaan ditolak.' } });
    }
    const supplied = req.headers['x-patuh-token'];
    if (typeof supplied !== 'string' || !safeEqual(supplied, token)) {
      return sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Token sesi tidak valid. Muat ulang halaman.' } });
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, { ok: false, error: { code: 'VALIDATION', message: 'Format permintaan harus JSON.' } });
    }
    let payload: unknown;
    try {
      const body = await readBody(req, UPLOAD_CHANNELS.has(channel) ? maxUpload : maxBody);
      payload = body === '' ? undefined : (JSON.parse(body, reviveBytes) as { input?: unknown }).input;
    } catch (error) {
      const tooLarge = (error as Error).message === 'too-large';
      return sendJson(res, tooLarge ? 413 : 400, {
        ok: false,
        error: { code: 'VALIDATION', message: tooLarge ? 'Permintaan terlalu besar.' : 'Permintaan bukan JSON yang valid.' },
      });
    }
    sendJson(res, 200, await dispatch(options.handlers, channel, payload));
  }

  function handleEvidence(req: http.IncomingMessage, res: http.ServerResponse, url: URL, id: number): void {
    const supplied = url.searchParams.get('token') ?? '';
    if (!safeEqual(supplied, token)) return send(res, 403, 'Token sesi tidak valid.', 'text/plain; charset=utf-8');
    const file = options.evidenceFile?.(id);
    if (!file || !fs.existsSync(file.path)) return send(res, 404, 'Berkas tidak ditemukan.', 'text/plain; charset=utf-8');
    res.writeHead(200, {
      'Content-Type': file.mime,
      'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      // A stored file is shown, never run: no scripts, own origin sandboxed.
      'Content-Security-Policy': "sandbox; default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'",
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
    fs.createReadStream(file.path).pipe(res);
  }

  function handleDownload(res: http.ServerResponse, url: URL, relative: string): void {
    if (!safeEqual(url.searchParams.get('token') ?? '', token)) return send(res, 403, 'Token sesi tidak valid.', 'text/plain; charset=utf-8');
    const root = options.downloadDir ? path.resolve(options.downloadDir) : null;
    const file = root ? path.resolve(root, decodeURIComponent(relative)) : null;
    if (!root || !file || !file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      return send(res, 404, 'Berkas tidak ditemukan.', 'text/plain; charset=utf-8');
    }
    res.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(path.basename(file))}`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
    fs.createReadStream(file).pipe(res);
  }

  function handleStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Metode tidak diizinkan.', 'text/plain; charset=utf-8');
    const relative = decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = path.resolve(rendererDir, relative === '' ? 'index.html' : relative);
    if (!file.startsWith(rendererDir + path.sep) && file !== rendererDir) {
      return send(res, 404, 'Tidak ditemukan.', 'text/plain; charset=utf-8');
    }
    if (file.endsWith('index.html') || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      // Single-page app: unknown paths get the app shell.
      return send(res, 200, indexHtml(), MIME['.html']!);
    }
    send(res, 200, fs.readFileSync(file), MIME[path.extname(file)] ?? 'application/octet-stream');
  }

  const server = http.createServer((req, res) => {
    const host = req.headers.host ?? '';
    if (!allowedHosts.has(host)) return send(res, 421, 'Host tidak diizinkan.', 'text/plain; charset=utf-8');
    const url = new URL(req.url ?? '/', origin);
    const api = /^\/api\/([a-z-]+:[a-z-]+)$/.exec(url.pathname);
    if (api) {
      handleApi(req, res, api[1]!).catch((error: unknown) => {
        console.error('[preview] request failed', error);
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Kesalahan server pratinjau.' } });
      });
      return;
    }
    const evidence = /^\/berkas\/(\d+)$/.exec(url.pathname);
    if (evidence && req.method === 'GET') return handleEvidence(req, res, url, Number(evidence[1]));
    const download = /^\/unduh\/(.+)$/.exec(url.pathname);
    if (download && req.method === 'GET') return handleDownload(res, url, download[1]!);
    try {
      handleStatic(req, res, url.pathname);
    } catch {
      send(res, 404, 'Tidak ditemukan.', 'text/plain; charset=utf-8');
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      origin = `http://127.0.0.1:${port}`;
      allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
      resolve({
        url: `${origin}/`,
        token,
        port,
        close: () =>
          new Promise((done) => {
            // Browsers keep connections alive; close them so shutdown never hangs.
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

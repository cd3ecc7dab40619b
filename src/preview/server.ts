/**
 * Browser preview host: serves the built renderer and answers the API contract over
 * loopback, calling the same handlers as Electron's IPC. Used where the Electron binary
 * is unavailable (this CI, end-to-end tests) and handy during development.
 *
 * Security: bound to 127.0.0.1 only; every API call must carry the per-start random
 * token that is injected into index.html; requests from other origins or Host names
 * (DNS rebinding) are refused.
 *
 * Robustness: no request can end the process. Malformed request lines, targets, escapes
 * and headers get 400, an oversized body a delivered 413, a failing handler a 500 with a
 * message; uploads are streamed to disk (body.ts) and page-supplied paths confined
 * (confine.ts).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import type { AppError } from '../shared/result';
import { BodyError, readBody, reviverFor, type Body } from './body';
import { confinePaths } from './confine';
import type { Handlers } from '../shared/contract';
import { dispatch } from '../server/api/dispatch';
import { toUserError } from '../server/db/errors';
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
  /** Where uploaded bytes are decoded to while a request is handled (default: the OS temp folder). */
  uploadDir?: string;
  /** Resolves a stored evidence file for GET /berkas/<id>. */
  evidenceFile?: (evidenceId: number) => { path: string; mime: string; name: string } | null;
}

/** Channels whose payload carries file bytes. */
const UPLOAD_CHANNELS = new Set(['evidence:upload', 'import:preview', 'import:apply']);

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

const TEXT = 'text/plain; charset=utf-8';

const failure = (code: string, message: string) => ({ ok: false, error: { code, message } });

/** Answer, then drop the connection: the rest of a refused body is never read. */
function sendAndClose(res: http.ServerResponse, status: number, value: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.setHeader('Connection', 'close');
  sendJson(res, status, value);
  res.req.resume();
  // Drained for a moment so the client reads the answer before the socket closes.
  const timer = setTimeout(() => res.req.destroy(), 2000);
  res.on('finish', () => res.req.once('end', () => clearTimeout(timer)));
}

/** decodeURIComponent that answers null instead of throwing on "%zz". */
function decodePath(value: string): string | null {
  try {
    const decoded = decodeURIComponent(value);
    return decoded.includes('\0') ? null : decoded;
  } catch {
    return null;
  }
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
  const downloadDir = options.downloadDir ? path.resolve(options.downloadDir) : null;
  const uploadDir = options.uploadDir ?? path.join(os.tmpdir(), 'patuh-unggah');
  let allowedHosts: Set<string> = new Set();
  let allowedOrigins: Set<string> = new Set();
  let origin = '';
  const tooLarge = (limit: number) =>
    failure('VALIDATION', `Permintaan terlalu besar (batas ${Math.round(limit / 1024 / 1024)} MB). Unggah berkas yang lebih kecil, atau pecah menjadi beberapa berkas.`);

  const indexHtml = (): string =>
    fs
      .readFileSync(path.join(rendererDir, 'index.html'), 'utf8')
      .replace('<head>', `<head>\n    <meta name="patuh-token" content="${token}" />`);

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'FORBIDDEN', message: 'Metode tidak diizinkan.' } });
    const requestOrigin = req.headers.origin;
    if (requestOrigin !== undefined && !allowedOrigins.has(requestOrigin)) {
      return sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Asal permintaan ditolak.' } });
    }
    const supplied = req.headers['x-patuh-token'];
    if (typeof supplied !== 'string' || !safeEqual(supplied, token)) {
      return sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Token sesi tidak valid. Muat ulang halaman.' } });
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, { ok: false, error: { code: 'VALIDATION', message: 'Format permintaan harus JSON.' } });
    }
    const upload = UPLOAD_CHANNELS.has(channel);
    const limit = upload ? maxUpload : maxBody;
    const declared = Number(req.headers['content-length'] ?? 0);
    if (Number.isFinite(declared) && declared > limit * (upload ? 1.4 : 1) + 4096) return sendAndClose(res, 413, tooLarge(limit));
    let body: Body;
    try {
      body = await readBody(req, { maxJsonBytes: maxBody, maxUploadBytes: upload ? maxUpload : 0, uploadDir });
    } catch (error) {
      if (error instanceof BodyError && error.status === 413) return sendAndClose(res, 413, tooLarge(limit));
      if (error instanceof BodyError) return sendAndClose(res, 400, failure('VALIDATION', 'Permintaan bukan JSON yang valid.'));
      // Writing the upload to disk failed (a full disk): the same sentence the services use.
      return sendAndClose(res, 500, { ok: false, error: toUserError(error) });
    }
    try {
      let payload: unknown;
      try {
        payload = body.text === '' ? undefined : (JSON.parse(body.text, reviverFor(body.files)) as { input?: unknown } | null)?.input;
      } catch {
        return sendJson(res, 400, failure('VALIDATION', 'Permintaan bukan JSON yang valid.'));
      }
      let confined: unknown;
      try {
        confined = confinePaths(payload, downloadDir);
      } catch (error) {
        return sendJson(res, 200, { ok: false, error: (error as AppError).toData() });
      }
      sendJson(res, 200, await dispatch(options.handlers, channel, confined));
    } finally {
      body.cleanup();
    }
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
    streamFile(file.path, res);
  }

  function handleDownload(res: http.ServerResponse, url: URL, relative: string): void {
    if (!safeEqual(url.searchParams.get('token') ?? '', token)) return send(res, 403, 'Token sesi tidak valid.', TEXT);
    const decoded = decodePath(relative);
    if (decoded === null) return send(res, 400, 'Alamat berkas tidak valid.', TEXT);
    const file = downloadDir ? path.resolve(downloadDir, decoded) : null;
    if (!downloadDir || !file || !file.startsWith(downloadDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      return send(res, 404, 'Berkas tidak ditemukan.', TEXT);
    }
    res.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(path.basename(file))}`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
    streamFile(file, res);
  }

  function handleStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Metode tidak diizinkan.', 'text/plain; charset=utf-8');
    const decoded = decodePath(pathname);
    if (decoded === null) return send(res, 400, 'Alamat tidak valid.', TEXT);
    const relative = decoded.replace(/^\/+/, '');
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

  function route(req: http.IncomingMessage, res: http.ServerResponse): void {
    const host = req.headers.host ?? '';
    if (!allowedHosts.has(host)) return send(res, 421, 'Host tidak diizinkan.', TEXT);
    const target = req.url ?? '';
    // Origin-form only ("/…"): absolute-form and "*" targets have no business here.
    if (!target.startsWith('/') || target.startsWith('//')) return send(res, 400, 'Permintaan tidak valid.', TEXT);
    let url: URL;
    try {
      url = new URL(target, origin);
    } catch {
      return send(res, 400, 'Permintaan tidak valid.', TEXT);
    }
    const api = /^\/api\/([a-z-]+:[a-z-]+)$/.exec(url.pathname);
    if (api) {
      handleApi(req, res, api[1]!).catch((error: unknown) => internalError(res, error));
      return;
    }
    const evidence = /^\/berkas\/(\d+)$/.exec(url.pathname);
    if (evidence && req.method === 'GET') return handleEvidence(req, res, url, Number(evidence[1]));
    const download = /^\/unduh\/(.+)$/.exec(url.pathname);
    if (download && req.method === 'GET') return handleDownload(res, url, download[1]!);
    handleStatic(req, res, url.pathname);
  }

  const server = http.createServer((req, res) => {
    req.on('error', () => res.destroy());
    res.on('error', () => res.destroy());
    try {
      route(req, res);
    } catch (error) {
      internalError(res, error);
    }
  });
  // Malformed request lines and headers never reach the handler: Node reports them here.
  server.on('clientError', (_error, socket) => {
    if (socket.writable && !socket.writableEnded) {
      socket.end('HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\nContent-Length: 23\r\n\r\nPermintaan tidak valid.');
    } else socket.destroy();
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      origin = `http://127.0.0.1:${port}`;
      allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
      // The UI opened at http://localhost:PORT posts with that origin; both name this server.
      allowedOrigins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
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

function internalError(res: http.ServerResponse, error: unknown): void {
  console.error('[preview] request failed', error);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, 500, failure('INTERNAL', 'Kesalahan server pratinjau; permintaan tidak diproses. Ulangi, atau muat ulang halaman.'));
}

/** A read error midway (file removed, disk error) ends this response, not the process. */
function streamFile(file: string, res: http.ServerResponse): void {
  const stream = fs.createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

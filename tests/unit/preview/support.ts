/** A preview host on a fresh data folder, and raw HTTP for requests fetch() refuses to send. */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createHandlers } from '../../../src/server/api/handlers';
import { previewPlatform, PREVIEW_EXPORT_DIR } from '../../../src/preview/platform';
import { startPreviewServer, type PreviewOptions, type PreviewServer } from '../../../src/preview/server';
import { tempDir, testApp } from '../helpers';

export async function startHost(overrides: Partial<PreviewOptions> = {}): Promise<{ server: PreviewServer; app: ReturnType<typeof testApp>; downloadDir: string }> {
  const app = testApp();
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<html><head><title>t</title></head><body></body></html>');
  const downloadDir = path.join(app.dataDir, PREVIEW_EXPORT_DIR);
  const server = await startPreviewServer({
    handlers: createHandlers(app, { host: 'preview', platform: previewPlatform(app.dataDir) }),
    rendererDir,
    downloadDir,
    uploadDir: path.join(app.dataDir, 'evidence', '.tmp'),
    ...overrides,
  });
  return { server, app, downloadDir };
}

/** Send raw bytes; resolve with the status line of the answer, or 'closed' / 'timeout'. */
export function raw(port: number, request: Buffer | string, timeoutMs = 2000): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    let settled = false;
    const finish = (value: string) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(value);
    };
    socket.setTimeout(timeoutMs, () => finish(answer ? answer.split('\r\n')[0]! : 'timeout'));
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString('latin1');
      if (answer.includes('\r\n\r\n')) finish(answer.split('\r\n')[0]!);
    });
    socket.on('error', () => finish(answer ? answer.split('\r\n')[0]! : 'closed'));
    socket.on('close', () => finish(answer ? answer.split('\r\n')[0]! : 'closed'));
    socket.write(request);
  });
}

/** Full raw answer (status line, headers, body) for assertions on the body text. */
export function rawFull(port: number, request: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
    socket.on('close', () => resolve(answer));
    socket.on('error', () => resolve(answer));
    socket.setTimeout(3000, () => socket.destroy());
    socket.write(request);
  });
}

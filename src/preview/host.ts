import type { StartedApp } from '../server/app';
import { createHandlers } from '../server/api/handlers';
import { evidenceFileFor } from '../server/evidence/evidence-service';
import { previewPlatform } from './platform';
import { startPreviewServer, type PreviewServer } from './server';

/** The preview host for a started app: same handlers as Electron, browser platform. */
export function startPreviewHost(app: StartedApp, options: { rendererDir: string; port?: number }): Promise<PreviewServer> {
  return startPreviewServer({
    handlers: createHandlers(app, { host: 'preview', platform: previewPlatform }),
    rendererDir: options.rendererDir,
    evidenceFile: (id) => evidenceFileFor(app.ctx, id),
    ...(options.port !== undefined ? { port: options.port } : {}),
  });
}

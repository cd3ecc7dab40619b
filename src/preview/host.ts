import type { StartedApp } from '../server/app';
import { createHandlers } from '../server/api/handlers';
import { evidenceFileFor } from '../server/evidence/evidence-service';
import path from 'node:path';
import { PREVIEW_EXPORT_DIR, previewPlatform } from './platform';
import { startPreviewServer, type PreviewServer } from './server';
import { TEMP_DIR } from '../server/evidence/store/layout';

/** The preview host for a started app: same handlers as Electron, browser platform. */
export function startPreviewHost(app: StartedApp, options: { rendererDir: string; port?: number }): Promise<PreviewServer> {
  return startPreviewServer({
    handlers: createHandlers(app, { host: 'preview', platform: previewPlatform(app.ctx.dataDir) }),
    downloadDir: path.join(app.ctx.dataDir, PREVIEW_EXPORT_DIR),
    // Inside the data folder: a killed preview's leftovers are swept as .part files at the next start.
    uploadDir: path.join(app.ctx.dataDir, ...TEMP_DIR.split('/')),
    rendererDir: options.rendererDir,
    evidenceFile: (id) => evidenceFileFor(app.ctx, id),
    ...(options.port !== undefined ? { port: options.port } : {}),
  });
}

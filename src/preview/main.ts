/**
 * `npm run preview` — the same UI in a browser, for machines without the Electron
 * binary. Options: --data-dir DIR (or PATUH_DATA_DIR), --port N (default 5178).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startApp } from '../server/app';
import { defaultDataDir, repoResourcesDir } from '../server/paths';
import { packageVersion } from '../server/version';
import { AppError } from '../shared/result';
import { startPreviewHost } from './host';
import { startupMaintenance } from '../server/maintenance';
import { describeStartStatus } from '../server/start-status';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      'renderer-dir': { type: 'string' },
    },
  });
  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
  const resourcesDir = repoResourcesDir();
  const app = startApp({ dataDir, resourcesDir, host: 'preview', appVersion: packageVersion(), periodicBackups: true });
  await startupMaintenance(app.ctx).catch((error: unknown) => console.warn((error as Error).message));
  const server = await startPreviewHost(app, {
    rendererDir: values['renderer-dir'] ?? path.join(resourcesDir, '..', 'out', 'renderer'),
    port: values.port === undefined ? 5178 : Number(values.port),
  });
  // The e2e harness reads this line to find the URL.
  console.log(`PATUH_PREVIEW_URL=${server.url}`);
  console.log(`Patuh (pratinjau peramban) berjalan di ${server.url}`);
  console.log(`Folder data: ${dataDir}`);
  // The page shows the restore offer too; the console says it for whoever started the host.
  const status = describeStartStatus(dataDir, app.startStatus);
  if (status) console.warn(status);
  const stop = (): void => {
    void server
      .close()
      .then(() => app.shutdown())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const code = (error as { code?: unknown }).code;
  console.error(
    error instanceof AppError
      ? error.message
      : code === 'EADDRINUSE'
        ? 'Port pratinjau sudah dipakai program lain (mungkin pratinjau Patuh yang lain). Tutup program itu, atau jalankan dengan --port lain.'
        : `Pratinjau gagal dimulai: ${(error as Error).message}`,
  );
  process.exit(1);
});

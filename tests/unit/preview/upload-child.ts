/**
 * Child for the upload-memory test: a preview host on its own data folder, so its peak
 * RSS is its own. argv: dataDir resourcesDir rendererDir. Prints "READY <json>"; answers
 * "rss" on stdin with its peak resident memory in bytes.
 */
import readline from 'node:readline';
import { createHandlers } from '../../../src/server/api/handlers';
import { dispatch } from '../../../src/server/api/dispatch';
import { startApp } from '../../../src/server/app';
import { startPreviewHost } from '../../../src/preview/host';

const [dataDir, resourcesDir, rendererDir] = process.argv.slice(2) as [string, string, string];

async function main(): Promise<void> {
  const app = startApp({ dataDir, resourcesDir, host: 'preview', appVersion: 'upload' });
  const handlers = createHandlers(app, { host: 'preview' });
  const call = async (channel: Parameters<typeof dispatch>[1], input: unknown) => {
    const result = await dispatch(handlers, channel, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as Record<string, unknown>;
  };
  const instruments = (await call('instruments:list', undefined)) as unknown as Array<{ id: number; code: string }>;
  const pekppp = instruments.find((item) => item.code === 'pekppp-2022-a')!;
  const unit = await call('units:create', { name: 'Dinas Sosial', groupName: 'Perangkat Daerah' });
  const period = await call('periods:create', { year: 2026, instrumentIds: [pekppp.id], unitIds: [unit['id']] });
  const checklist = (await call('checklist:get', { periodId: period['id'], unitId: unit['id'] })) as unknown as {
    instruments: Array<{ aspects: Array<{ indicators: Array<{ requirements: Array<{ code: string }> }> }> }>;
  };
  const requirementCode = checklist.instruments[0]!.aspects[0]!.indicators[0]!.requirements[0]!.code;
  const server = await startPreviewHost(app, { rendererDir });
  const key = { periodId: period['id'], unitId: unit['id'], instrumentId: pekppp.id, requirementCode };
  process.stdout.write(`READY ${JSON.stringify({ port: server.port, token: server.token, key })}\n`);
  readline.createInterface({ input: process.stdin }).on('line', (line) => {
    if (line === 'rss') process.stdout.write(`RSS ${process.resourceUsage().maxRSS * 1024}\n`);
    if (line === 'quit') void server.close().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(String(error));
  process.exit(1);
});

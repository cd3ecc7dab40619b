/** Child for the two-writers test: creates units and increments a shared counter. argv: dataDir resourcesDir name count */
import { startApp } from '../../../src/server/app';
import { createHandlers } from '../../../src/server/api/handlers';
import { dispatch } from '../../../src/server/api/dispatch';

const [dataDir, resourcesDir, name, countText] = process.argv.slice(2) as [string, string, string, string];
// Both writers on purpose: this test is about SQLite-level safety beneath the data-folder lock.
const app = startApp({ dataDir, resourcesDir, host: 'cli', appVersion: 'writer', lock: false });
const handlers = createHandlers(app, { host: 'cli' });

async function main(): Promise<void> {
  for (let i = 0; i < Number(countText); i += 1) {
    const result = await dispatch(handlers, 'units:create', { name: `${name} ${i}`, groupName: 'Perangkat Daerah' });
    if (!result.ok) throw new Error(result.error.message);
    // Read-modify-write of one shared value: only safe when each runs in an IMMEDIATE transaction.
    app.ctx.db
      .transaction(() => {
        const current = Number(app.ctx.db.prepare("SELECT value FROM settings WHERE key = 'internal.counter'").pluck().get() ?? 0);
        app.ctx.db.prepare("INSERT INTO settings (key, value) VALUES ('internal.counter', ?) ON CONFLICT DO UPDATE SET value = excluded.value").run(String(current + 1));
      })
      .immediate();
  }
  app.close();
}

main().catch((error: unknown) => {
  process.stderr.write(String(error));
  process.exit(1);
});

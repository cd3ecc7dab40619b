/**
 * Child for the fault suite: a second Patuh process on a data folder.
 * argv: dataDir resourcesDir mode — 'app' holds the folder like the app (startApp, write);
 * 'reader' only keeps the database open read-only (like a CLI read during the app's life).
 * Reads commands from stdin: "add NAME" creates a unit and answers "ok COUNT"; "quit" exits.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import readline from 'node:readline';
import { createHandlers } from '../../../src/server/api/handlers';
import { dispatch } from '../../../src/server/api/dispatch';
import { startApp } from '../../../src/server/app';

const [dataDir, resourcesDir, mode] = process.argv.slice(2) as [string, string, 'app' | 'reader'];

function main(): void {
  if (mode === 'reader') {
    const db = new Database(path.join(dataDir, 'patuh.sqlite'), { readonly: true });
    db.prepare('SELECT count(*) FROM units').get();
    process.stdout.write(`READY ${process.pid}\n`);
    readline.createInterface({ input: process.stdin }).on('line', (line) => {
      if (line === 'quit') {
        db.close();
        process.exit(0);
      }
    });
    return;
  }
  const app = startApp({ dataDir, resourcesDir, host: 'preview', appVersion: 'holder' });
  const handlers = createHandlers(app, { host: 'preview' });
  process.stdout.write(`READY ${process.pid}\n`);
  readline.createInterface({ input: process.stdin }).on('line', (line) => {
    if (line === 'quit') {
      app.close();
      process.exit(0);
    }
    const name = /^add (.+)$/.exec(line)?.[1];
    if (!name) return;
    void dispatch(handlers, 'units:create', { name, groupName: 'Perangkat Daerah' }).then((result) => {
      const count = app.ctx.db.prepare('SELECT count(*) FROM units').pluck().get();
      process.stdout.write(result.ok ? `ok ${String(count)}\n` : `fail ${result.error.message}\n`);
    });
  });
}

main();

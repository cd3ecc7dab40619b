/**
 * Child process for the crash test: performs a mixed write workload through the real
 * services and prints an acknowledgement line after each committed action. The parent
 * kills it with SIGKILL at a random moment.
 *   argv: dataDir resourcesDir seed
 */
import { startApp } from '../../../src/server/app';
import { createHandlers } from '../../../src/server/api/handlers';
import { dispatch } from '../../../src/server/api/dispatch';
import type { Channel } from '../../../src/shared/contract';

const [dataDir, resourcesDir, seedText] = process.argv.slice(2) as [string, string, string];
let seed = Number(seedText) || 1;
const random = (): number => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};

const app = startApp({ dataDir, resourcesDir, host: 'cli', appVersion: 'crash' });
const handlers = createHandlers(app, { host: 'cli' });
const call = async (channel: Channel, input: unknown): Promise<unknown> => {
  const result = await dispatch(handlers, channel, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};
const ack = (line: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify(line)}\n`);
};

interface Target {
  periodId: number;
  unitId: number;
  instrumentId: number;
  requirementCode: string;
}

async function main(): Promise<void> {
  const targets = JSON.parse(process.env['PATUH_CRASH_TARGETS'] ?? '[]') as Target[];
  const counter = Number(process.env['PATUH_CRASH_COUNTER'] ?? '0');
  process.stdout.write('ready\n');
  for (let n = counter + 1; ; n += 1) {
    const target = targets[Math.floor(random() * targets.length)]!;
    const pick = random();
    if (pick < 0.4) {
      await call('checklist:set-note', { ...target, note: `catatan ${n}` });
      ack({ op: 'note', key: target.requirementCode, unitId: target.unitId, n });
    } else if (pick < 0.7) {
      const size = 1024 + Math.floor(random() * 200_000);
      const data = Buffer.alloc(size, n % 251);
      data.write(`%PDF-1.4 bukti ${n}\n`, 0);
      const report = (await call('evidence:upload', { ...target, files: [{ name: `bukti-${n}.pdf`, data }] })) as { attached: Array<{ id: number }> };
      ack({ op: 'upload', evidenceId: report.attached[0]!.id, n });
    } else {
      // An import-like action: many changes in one transaction via the status channel batch.
      const status = random() < 0.5 ? 'terverifikasi' : 'menunggu_verifikasi';
      app.ctx.db.transaction(() => {
        app.ctx.db.prepare("INSERT INTO settings (key, value) VALUES ('internal.crash', ?) ON CONFLICT DO UPDATE SET value = excluded.value").run(String(n));
      }).immediate();
      // Terverifikasi needs a file or link (issue 10): the office links one first (idempotent).
      if (status === 'terverifikasi') await call('evidence:link', { ...target, url: `https://drive.google.com/bukti-${target.unitId}-${target.requirementCode}` });
      await call('checklist:set-status', { ...target, status });
      ack({ op: 'batch', n });
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(String(error));
  process.exit(1);
});

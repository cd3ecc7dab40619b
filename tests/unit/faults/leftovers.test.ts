/**
 * Clean leftovers: every host (here the CLI, the smallest one) sweeps stale evidence .part
 * files at start, and an archive killed midway leaves a temp folder on the flash drive that
 * the next start of any host removes — found through the journal in the data folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run';
import { tempDir, testApp, testHandlers } from '../helpers';
import { cliProcess } from './support';

async function cli(dataDir: string, ...argv: string[]) {
  let err = '';
  const code = await runCli([...argv, '--data-dir', dataDir], { out: () => undefined, err: (text) => (err += text) });
  return { code, err };
}

const archiveTemps = (dir: string) => fs.readdirSync(dir).filter((name) => name.startsWith('.tmp-Patuh-Arsip-'));

describe('leftovers at start', () => {
  it('the CLI sweeps .part files of an interrupted copy, however young', async () => {
    const dir = tempDir();
    testApp({ dataDir: dir }).close();
    const part = path.join(dir, 'evidence', '.tmp', 'abc123.part');
    fs.mkdirSync(path.dirname(part), { recursive: true });
    fs.writeFileSync(part, 'setengah');
    expect((await cli(dir, 'units', 'list')).code).toBe(0);
    expect(fs.existsSync(part)).toBe(false);
  });

  it('an archive killed midway: its temp folder on the drive is removed at the next start of any host', async () => {
    const dir = tempDir();
    const app = testApp({ dataDir: dir });
    const api = testHandlers(app);
    const pekppp = (await api['instruments:list'](undefined)).find((item) => item.code === 'pekppp-2022-a')!;
    const unit = await api['units:create']({ name: 'Dinas Sosial', groupName: 'Perangkat Daerah', shortName: null, headName: null });
    const period = await api['periods:create']({ year: 2026, instrumentIds: [pekppp.id], unitIds: [unit.id] });
    const checklist = await api['checklist:get']({ periodId: period.id, unitId: unit.id });
    const requirementCode = checklist.instruments[0]!.aspects[0]!.indicators[0]!.requirements[0]!.code;
    // Enough evidence that copying it takes a while, so the kill lands inside the archive.
    for (let i = 0; i < 12; i += 1) {
      const data = Buffer.alloc(8 * 1024 * 1024, i + 1);
      Buffer.from('%PDF-1.4\n').copy(data);
      await api['evidence:upload']({ periodId: period.id, unitId: unit.id, instrumentId: pekppp.id, requirementCode, files: [{ name: `bukti-${i}.pdf`, data }] });
    }
    app.close();
    const drive = tempDir('patuh-flashdisk-');
    let killedMidway = false;
    for (const killAfterMs of [500, 800, 1100, 1500]) {
      const run = await cliProcess(['archive', 'create', '--out', drive, '--data-dir', dir], { killAfterMs });
      if (run.signal === 'SIGKILL' && archiveTemps(drive).length > 0) {
        killedMidway = true;
        break;
      }
    }
    expect(killedMidway).toBe(true);
    // The next start of any host — here a read command of the CLI — removes it.
    expect((await cli(dir, 'units', 'list')).code).toBe(0);
    expect(archiveTemps(drive)).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'backups', 'arsip-sementara.json'))).toBe(false);
  }, 120_000);
});

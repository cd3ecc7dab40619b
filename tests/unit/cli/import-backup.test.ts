/**
 * One backup rule for every host: `import form` from the CLI gets the same verified
 * 'sebelum-impor' backup as the app, because the import service takes it — and a file
 * that is refused costs no backup.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run';
import { tempDir } from '../helpers';

async function cli(dataDir: string, ...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli([...argv, '--data-dir', dataDir], { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

const importBackups = async (dir: string) =>
  (JSON.parse((await cli(dir, 'backup', 'list', '--json')).out) as Array<{ id: string; reason: string; verified: boolean }>).filter((entry) => entry.reason === 'sebelum-impor');

describe('CLI import form', () => {
  it('takes a verified backup first, through the service', async () => {
    const dir = tempDir();
    const out = tempDir();
    const unitId = (JSON.parse((await cli(dir, 'units', 'add', '--name', 'Dinas Sosial', '--json')).out) as { id: number }).id;
    await cli(dir, 'periods', 'add', '--year', '2026', '--instrument', 'pekppp-2022-a');
    await cli(dir, 'periods', 'scope', '--period', '2026', '--add', String(unitId));
    const form = path.join(out, 'form.xlsx');
    expect((await cli(dir, 'export', 'form', '--unit', String(unitId), '--period', '2026', '--out', form)).code).toBe(0);

    fs.writeFileSync(path.join(out, 'palsu.xlsx'), 'bukan buku kerja');
    expect((await cli(dir, 'import', 'form', path.join(out, 'palsu.xlsx'))).code).not.toBe(0);
    expect((await cli(dir, 'import', 'form', form, '--dry-run')).code).toBe(0);
    expect(await importBackups(dir)).toEqual([]);

    const applied = await cli(dir, 'import', 'form', form, '--json');
    expect(applied.code, applied.err).toBe(0);
    const backups = await importBackups(dir);
    expect(backups).toHaveLength(1);
    expect(backups[0]!.verified).toBe(true);
    expect((JSON.parse(applied.out) as { applied: { backupId: string } }).applied.backupId).toBe(backups[0]!.id);
  });
});

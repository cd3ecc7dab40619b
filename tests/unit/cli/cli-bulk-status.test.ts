/** `bulk-status`: the CLI side of checklist:set-status-bulk (issue 14). */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run';
import { tempDir } from '../helpers';

async function cli(dataDir: string, ...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli([...argv, '--data-dir', dataDir], { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err, json: <T = Record<string, unknown>>() => JSON.parse(out) as T };
}

async function seed(dir: string) {
  await cli(dir, 'units', 'add', '--name', 'Kecamatan Barat', '--group', 'Kecamatan');
  expect((await cli(dir, 'periods', 'add', '--year', '2026', '--instrument', 'pekppp-2022-a')).code).toBe(0);
  await cli(dir, 'periods', 'scope', '--period', '2026', '--add', '1');
  await cli(dir, 'evidence', 'link', '--unit', '1', '--period', '2026', '--requirement', '1.sk-penetapan-sp', 'https://drive.google.com/file/d/sk');
}

describe('CLI bulk-status', () => {
  it('sets one status for an indicator, refusing all while some rows lack evidence unless --yes', async () => {
    const dir = tempDir();
    await seed(dir);
    const refused = await cli(dir, 'bulk-status', '--unit', '1', '--period', '2026', '--indicator', '1', '--set', 'terverifikasi');
    expect(refused.code).not.toBe(0);
    expect(refused.err).toMatch(/persyaratan belum dapat diubah menjadi "Terverifikasi".*Tidak ada yang diubah/);

    const preview = await cli(dir, 'bulk-status', '--unit', '1', '--period', '2026', '--indicator', '1', '--set', 'terverifikasi', '--dry-run', '--json');
    expect(preview.code).toBe(0);
    const planned = preview.json<{ changed: Array<{ requirementCode: string }>; refused: unknown[]; dryRun: boolean }>();
    expect(planned.dryRun).toBe(true);
    expect(planned.changed.map((change) => change.requirementCode)).toEqual(['1.sk-penetapan-sp']);
    expect(planned.refused.length).toBeGreaterThan(0);

    const applied = await cli(dir, 'bulk-status', '--unit', '1', '--period', '2026', '--indicator', '1', '--set', 'terverifikasi', '--yes');
    expect(applied.code).toBe(0);
    expect(applied.out).toMatch(/^Diubah menjadi "Terverifikasi": 1 persyaratan/);
    expect(applied.out).toMatch(/Belum punya bukti, tidak diubah/);
  });

  it('needs a reason for perlu perbaikan and refuses unknown codes', async () => {
    const dir = tempDir();
    await seed(dir);
    const noReason = await cli(dir, 'bulk-status', '--unit', '1', '--period', '2026', '--set', 'perlu_perbaikan', '1.sk-penetapan-sp');
    expect(noReason.code).not.toBe(0);
    expect(noReason.err).toMatch(/Tuliskan alasan/);
    const unknown = await cli(dir, 'bulk-status', '--unit', '1', '--period', '2026', '--set', 'menunggu_verifikasi', 'tidak-ada');
    expect(unknown.err).toMatch(/tidak ada pada tahun ini: tidak-ada/);
    const done = await cli(dir, 'bulk-status', '--unit', '1', '--period', '2026', '--set', 'perlu_perbaikan', '--reason', 'Belum ditandatangani', '1.sk-penetapan-sp', '--json');
    expect(done.code).toBe(0);
    expect(done.json()).toMatchObject({ status: 'perlu_perbaikan', changed: [{ requirementCode: '1.sk-penetapan-sp', from: 'menunggu_verifikasi' }] });
  });
});

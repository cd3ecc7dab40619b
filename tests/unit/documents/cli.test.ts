import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run';
import { repoResourcesDir } from '../../../src/server/paths';
import { tempDir } from '../helpers';

async function cli(dataDir: string, ...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli([...argv, '--data-dir', dataDir], { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err, json: () => JSON.parse(out) as Record<string, unknown> };
}

describe('documents CLI', () => {
  it('settings show / set validates every value and changes nothing on a bad one', async () => {
    const dir = tempDir();
    const set = await cli(dir, 'settings', 'set', '--pemda', 'Sleman', '--place', 'Sleman', '--kabag-name', 'Drs. Bambang', '--kabag-nip', '19700512 199503 1 002', '--logo', path.join(repoResourcesDir(), 'icons', 'icon.png'), '--signer-laporan', 'kabag');
    expect(set.code).toBe(0);
    expect(set.out).toContain('PEMERINTAH KABUPATEN SLEMAN');
    expect(set.out).toContain('19700512 199503 1 002');
    const bad = await cli(dir, 'settings', 'set', '--place', 'Bantul', '--kabag-nip', '1234');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('NIP harus 18 angka (sekarang 4).');
    const unknown = await cli(dir, 'settings', 'set', '--warna', 'biru');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Opsi tidak dikenal: --warna');
    const shown = (await cli(dir, 'settings', 'show', '--json')).json() as { letterhead: { place: string; logo: unknown; signers: { laporan: string } } };
    expect(shown.letterhead.place).toBe('Sleman');
    expect(shown.letterhead.logo).not.toBeNull();
    expect(shown.letterhead.signers.laporan).toBe('kabag');
  });

  it('units update, reminders and export letters / gap-list', async () => {
    const dir = tempDir();
    await cli(dir, 'settings', 'set', '--pemda', 'Sleman');
    await cli(dir, 'units', 'add', '--name', 'Dinas Sosial');
    const head = await cli(dir, 'units', 'update', 'Dinas Sosial', '--head', 'Dra. Ani', '--nip', '197203151998032004', '--phone', '0812-3456-7890', '--json');
    expect(head.code).toBe(0);
    expect(head.json()).toMatchObject({ headName: 'Dra. Ani', headNip: '197203151998032004', headPhone: '+6281234567890' });
    expect((await cli(dir, 'units', 'update', '1', '--phone', '12')).code).toBe(2);
    const instruments = JSON.parse((await cli(dir, 'instruments', 'list', '--json')).out) as Array<{ id: number; code: string }>;
    await cli(dir, 'periods', 'add', '--year', '2026', '--instrument', String(instruments.find((item) => item.code === 'pekppp-2022-a')!.id), '--deadline', '2026-12-15');
    await cli(dir, 'periods', 'scope', '--period', '2026', '--add', '1');
    const reminders = await cli(dir, 'reminders', '--period', '2026', '--json');
    const list = JSON.parse(reminders.out) as Array<{ whatsappUrl: string; message: string }>;
    expect(list).toHaveLength(1);
    expect(list[0]!.whatsappUrl).toMatch(/^https:\/\/wa\.me\/6281234567890\?text=/u);
    const out = path.join(tempDir(), 'surat');
    const letters = await cli(dir, 'export', 'letters', '--kind', 'nota-dinas', '--period', '2026', '--unit', 'Dinas Sosial', '--out', out, '--json');
    expect(letters.code).toBe(0);
    expect(fs.readdirSync(out)).toEqual(['Nota Dinas 2026 - Dinas Sosial.docx']);
    expect((letters.json() as { numbers: Array<{ nomor: string }> }).numbers[0]!.nomor).toMatch(/^000\.8\/1\/Org\/\d{4}$/u);
    expect((await cli(dir, 'export', 'letters', '--kind', 'surat', '--period', '2026', '--out', out)).code).toBe(2);
    const gapList = await cli(dir, 'export', 'gap-list', '--period', '2026', '--out', path.join(out, 'kekurangan.xlsx'));
    expect(gapList.code).toBe(0);
    expect(fs.existsSync(path.join(out, 'kekurangan.xlsx'))).toBe(true);
  });
});

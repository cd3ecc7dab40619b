/** The command line contract of the evidence rules (issue 10): exit codes, stderr, JSON flags. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run';
import { tempDir } from '../helpers';

async function cli(dataDir: string, ...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli([...argv, '--data-dir', dataDir], { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err, json: <T = Record<string, unknown>>() => JSON.parse(out) as T };
}

interface JsonRequirement {
  code: string;
  status: string;
  expired: boolean;
  sharedWith: string[];
}
interface JsonChecklist {
  instruments: Array<{ aspects: Array<{ indicators: Array<{ requirements: JsonRequirement[] }> }> }>;
}
const requirementsOf = (checklist: JsonChecklist) => checklist.instruments.flatMap((i) => i.aspects.flatMap((a) => a.indicators.flatMap((x) => x.requirements)));

async function seed(dir: string) {
  await cli(dir, 'units', 'add', '--name', 'Kecamatan Barat', '--group', 'Kecamatan');
  await cli(dir, 'units', 'add', '--name', 'UPTD Puskesmas Barat', '--group', 'Puskesmas');
  const added = await cli(dir, 'periods', 'add', '--year', '2026', '--instrument', 'pekppp-2022-a', '--json');
  expect(added.code).toBe(0);
  await cli(dir, 'periods', 'scope', '--period', '2026', '--add', '1', '2');
  const file = path.join(tempDir(), 'SK Maklumat.pdf');
  fs.writeFileSync(file, '%PDF-1.4 maklumat bersama');
  return { file };
}

describe('CLI evidence rules', () => {
  it('evidence status --set terverifikasi without evidence exits non-zero with the message on stderr', async () => {
    const dir = tempDir();
    await seed(dir);
    const refused = await cli(dir, 'evidence', 'status', '--unit', '1', '--period', '2026', '--requirement', '1.sk-penetapan-sp', '--set', 'terverifikasi');
    expect(refused.code).not.toBe(0);
    expect(refused.out).toBe('');
    expect(refused.err).toMatch(/^Galat: Persyaratan ini belum punya berkas atau tautan bukti/);
    expect(refused.err).toMatch(/Tidak berlaku/);
    await cli(dir, 'evidence', 'link', '--unit', '1', '--period', '2026', '--requirement', '1.sk-penetapan-sp', 'https://drive.google.com/file/d/sk');
    const allowed = await cli(dir, 'evidence', 'status', '--unit', '1', '--period', '2026', '--requirement', '1.sk-penetapan-sp', '--set', 'terverifikasi', '--json');
    expect(allowed.code).toBe(0);
    expect(allowed.json()).toMatchObject({ status: 'terverifikasi' });
  });

  it('checklist show --json carries expired and sharedWith per requirement; evidence shared lists the file', async () => {
    const dir = tempDir();
    const { file } = await seed(dir);
    await cli(dir, 'evidence', 'attach', '--unit', '1', '--period', '2026', '--requirement', '1.sk-penetapan-sp', '--document-date', '2023-05-01', file);
    await cli(dir, 'evidence', 'attach', '--unit', '2', '--period', '2026', '--requirement', '5.dokumen-maklumat', file);
    const shown = await cli(dir, 'checklist', 'show', '--unit', '1', '--period', '2026', '--json');
    expect(shown.code).toBe(0);
    const requirements = requirementsOf(shown.json<JsonChecklist>());
    expect(requirements.every((r) => typeof r.expired === 'boolean' && Array.isArray(r.sharedWith))).toBe(true);
    expect(requirements.find((r) => r.code === '1.sk-penetapan-sp')).toMatchObject({ expired: true, sharedWith: ['UPTD Puskesmas Barat'] });
    const other = requirementsOf((await cli(dir, 'checklist', 'show', '--unit', '2', '--period', '2026', '--json')).json<JsonChecklist>());
    expect(other.find((r) => r.code === '5.dokumen-maklumat')).toMatchObject({ expired: false, sharedWith: ['Kecamatan Barat'] });

    const human = await cli(dir, 'checklist', 'show', '--unit', '1', '--period', '2026');
    expect(human.out).toMatch(/1\.sk-penetapan-sp .*KEDALUWARSA; sama dengan UPTD Puskesmas Barat/);
    const shared = await cli(dir, 'evidence', 'shared', '--period', '2026');
    expect(shared.code).toBe(0);
    expect(shared.out).toMatch(/1 berkas dipakai di lebih dari satu unit/);
    expect(shared.out).toMatch(/Kecamatan Barat: 1\.sk-penetapan-sp/);
    expect(shared.out).toMatch(/UPTD Puskesmas Barat: 5\.dokumen-maklumat/);
  });

  it('periods add with an instrument that does not cover the year needs --force', async () => {
    const dir = tempDir();
    const refused = await cli(dir, 'periods', 'add', '--year', '2026', '--instrument', 'ombudsman-2013');
    expect(refused.code).not.toBe(0);
    expect(refused.err).toMatch(/tidak berlaku untuk tahun 2026/);
    expect(refused.err).toMatch(/--force/);
    expect((await cli(dir, 'periods', 'list', '--json')).json<unknown[]>()).toEqual([]);
    const forced = await cli(dir, 'periods', 'add', '--year', '2026', '--instrument', 'ombudsman-2013', '--force', '--json');
    expect(forced.code).toBe(0);
    expect(forced.json()).toMatchObject({ year: 2026 });
    // The shipped PEKPPP instrument is in force for 2027 without confirmation.
    expect((await cli(dir, 'periods', 'add', '--year', '2027', '--instrument', 'pekppp-2022-a')).code).toBe(0);
  });
});

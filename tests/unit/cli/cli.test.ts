import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run';
import { tempDir } from '../helpers';

async function cli(dataDir: string, ...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli([...argv, '--data-dir', dataDir], { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err, json: () => JSON.parse(out) as Record<string, unknown> & Array<Record<string, unknown>> };
}

describe('administrator CLI', () => {
  it('instruments list and show (by code and id) in JSON', async () => {
    const dir = tempDir();
    const list = await cli(dir, 'instruments', 'list', '--json');
    expect(list.code).toBe(0);
    const items = list.json();
    expect(items.map((item) => item['code']).sort()).toEqual(['ombudsman-2013', 'ombudsman-2022', 'ombudsman-2025', 'pekppp-2022-a']);
    const byCode = await cli(dir, 'instruments', 'show', 'pekppp-2022-a', '--json');
    const definition = byCode.json()['definition'] as { aspects: unknown[] };
    expect(definition.aspects).toHaveLength(7);
    const id = items.find((item) => item['code'] === 'ombudsman-2025')!['id'] as number;
    const byId = await cli(dir, 'instruments', 'show', String(id));
    expect(byId.out).toContain('Maladministrasi');
    expect(byId.out).toContain('Proses');
  });

  it('units add prints the created unit with its id; units list shows it', async () => {
    const dir = tempDir();
    const added = await cli(dir, 'units', 'add', '--name', 'Dinas Sosial', '--group', 'Perangkat Daerah', '--json');
    expect(added.code).toBe(0);
    expect(added.json()).toMatchObject({ id: 1, name: 'Dinas Sosial', groupName: 'Perangkat Daerah' });
    const human = await cli(dir, 'units', 'list');
    expect(human.out).toMatch(/1\s+Dinas Sosial/);
    const listed = await cli(dir, 'units', 'list', '--json');
    expect(listed.json()).toHaveLength(1);
  });

  it('periods add, scope and list', async () => {
    const dir = tempDir();
    const a = (await cli(dir, 'units', 'add', '--name', 'Dinas Sosial', '--json')).json()['id'] as number;
    const b = (await cli(dir, 'units', 'add', '--name', 'Dinas Kesehatan', '--json')).json()['id'] as number;
    const period = await cli(dir, 'periods', 'add', '--year', '2026', '--instrument', 'pekppp-2022-a', 'ombudsman-2025', '--deadline', '2026-12-01', '--json');
    expect(period.code).toBe(0);
    const created = period.json();
    expect(created).toMatchObject({ id: expect.any(Number), year: 2026, deadline: '2026-12-01' });
    expect((created['instruments'] as unknown[]).length).toBe(2);
    const scoped = await cli(dir, 'periods', 'scope', '--period', String(created['id']), '--add', String(a), String(b), '--json');
    expect(scoped.json()['unitCount']).toBe(2);
    const removed = await cli(dir, 'periods', 'scope', '--period', String(created['id']), '--remove', String(b), '--json');
    expect(removed.json()['unitCount']).toBe(1);
    const list = await cli(dir, 'periods', 'list', '--json');
    expect(list.json()[0]).toMatchObject({ year: 2026, unitCount: 1 });
  });

  it('errors exit non-zero with an Indonesian message on stderr', async () => {
    const dir = tempDir();
    const missing = await cli(dir, 'units', 'add', '--json');
    expect(missing.code).not.toBe(0);
    expect(missing.err).toContain('Opsi --name wajib diisi.');
    await cli(dir, 'units', 'add', '--name', 'Dinas Sosial');
    const duplicate = await cli(dir, 'units', 'add', '--name', 'dinas sosial');
    expect(duplicate.code).toBe(1);
    expect(duplicate.err).toMatch(/Galat: Unit "Dinas Sosial" sudah ada/);
    const badYear = await cli(dir, 'periods', 'add', '--year', 'dua', '--instrument', 'pekppp-2022-a');
    expect(badYear.code).toBe(2);
    expect(badYear.err).toMatch(/Tahun/);
    const badInstrument = await cli(dir, 'periods', 'add', '--year', '2026', '--instrument', 'tidak-ada');
    expect(badInstrument.err).toMatch(/Instrumen "tidak-ada" tidak ditemukan/);
    const unknown = await cli(dir, 'terbang');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Penggunaan');
  });

  it('evidence attach / link / status, checklist show, verify-store, assess, score and gaps', async () => {
    const dir = tempDir();
    const unitId = (await cli(dir, 'units', 'add', '--name', 'Dinas Sosial', '--json')).json()['id'] as number;
    await cli(dir, 'periods', 'add', '--year', '2026', '--instrument', 'pekppp-2022-a', 'ombudsman-2025', '--json');
    await cli(dir, 'periods', 'scope', '--period', '2026', '--add', String(unitId));
    const file = path.join(tempDir(), 'SK Standar Pelayanan.pdf');
    fs.writeFileSync(file, '%PDF-1.4 sk standar pelayanan');
    const shown = (await cli(dir, 'checklist', 'show', '--unit', 'Dinas Sosial', '--period', '2026', '--json')).json() as unknown as {
      instruments: Array<{ aspects: Array<{ indicators: Array<{ requirements: Array<{ code: string; status: string }> }> }> }>;
    };
    const code = shown.instruments[0]!.aspects[0]!.indicators[0]!.requirements[0]!.code;
    const attached = await cli(dir, 'evidence', 'attach', '--unit', String(unitId), '--period', '2026', '--requirement', code, file, '--json');
    expect(attached.code).toBe(0);
    expect(attached.json()['attached']).toHaveLength(1);
    const link = await cli(dir, 'evidence', 'link', '--unit', String(unitId), '--period', '2026', '--requirement', code, 'https://drive.google.com/x', '--json');
    expect(link.json()).toMatchObject({ kind: 'link' });
    const status = await cli(dir, 'evidence', 'status', '--unit', String(unitId), '--period', '2026', '--requirement', code, '--set', 'terverifikasi', '--json');
    expect(status.json()).toMatchObject({ status: 'terverifikasi' });
    const bad = await cli(dir, 'evidence', 'status', '--unit', String(unitId), '--period', '2026', '--requirement', code, '--set', 'beres');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Status tidak dikenal.');
    const verify = await cli(dir, 'evidence', 'verify-store', '--json');
    expect(verify.code).toBe(0);
    expect(verify.json()['ok']).toHaveLength(1);
    const stored = fs.readdirSync(path.join(dir, 'evidence'), { recursive: true }).map(String).find((name) => name.endsWith('.pdf'))!;
    fs.appendFileSync(path.join(dir, 'evidence', stored), 'diubah');
    const altered = await cli(dir, 'evidence', 'verify-store');
    expect(altered.code).toBe(1);
    expect(altered.out).toContain('1 berubah');
    const assess = await cli(dir, 'assess', 'set', '--unit', String(unitId), '--period', '2026', '--indicator', '1', '--level', '5', '--json');
    expect((assess.json()['selfReport'] as { index: number }).index).toBe(0.2);
    const score = await cli(dir, 'score', '--period', '2026', '--unit', String(unitId), '--json');
    expect(score.json()['pekppp']).toMatchObject({ self: { index: 0.2 } });
    expect((score.json()['pekppp'] as { self: { derivation: string[] } }).self.derivation.length).toBeGreaterThan(0);
    const gaps = await cli(dir, 'gaps', '--period', '2026', '--unit', String(unitId), '--json');
    expect((gaps.json()['pekppp'] as { actions: unknown[] }).actions.length).toBe(29);
  });

  it('export unit-package / recap / gaps / form and import form --dry-run', async () => {
    const dir = tempDir();
    const out = tempDir();
    const unitId = (await cli(dir, 'units', 'add', '--name', 'Dinas Sosial', '--json')).json()['id'] as number;
    await cli(dir, 'periods', 'add', '--year', '2026', '--instrument', 'pekppp-2022-a', 'ombudsman-2025');
    await cli(dir, 'periods', 'scope', '--period', '2026', '--add', String(unitId));
    const pack = await cli(dir, 'export', 'unit-package', '--unit', String(unitId), '--period', '2026', '--out', out, '--json');
    expect(pack.code).toBe(0);
    expect(fs.existsSync(path.join(pack.json()['path'] as string, 'manifest.json'))).toBe(true);
    for (const [what, file] of [['recap', 'rekap.xlsx'], ['gaps', 'gap.xlsx'], ['form', 'form.xlsx']] as const) {
      const result = await cli(dir, 'export', what, '--unit', String(unitId), '--period', '2026', '--out', path.join(out, file), '--json');
      expect(result.code, what).toBe(0);
      expect(fs.existsSync(path.join(out, file))).toBe(true);
    }
    const dry = await cli(dir, 'import', 'form', path.join(out, 'form.xlsx'), '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect(dry.json()).toMatchObject({ ok: true, changes: [], conflicts: [] });
    fs.writeFileSync(path.join(out, 'palsu.xlsx'), 'bukan buku kerja');
    const bad = await cli(dir, 'import', 'form', path.join(out, 'palsu.xlsx'), '--json');
    expect(bad.code).not.toBe(0);
    expect(bad.err).toMatch(/Galat: /);
  });

  it('backup create / list / verify, archive create and restore (undoable)', async () => {
    const dir = tempDir();
    const out = tempDir();
    await cli(dir, 'units', 'add', '--name', 'Dinas Sosial');
    const created = await cli(dir, 'backup', 'create', '--json');
    expect(created.code).toBe(0);
    const id = created.json()['id'] as string;
    expect((await cli(dir, 'backup', 'list', '--json')).json().map((b) => b['id'])).toContain(id);
    const verified = await cli(dir, 'backup', 'verify', id);
    expect(verified.code).toBe(0);
    expect(verified.out).toContain('utuh');
    const archive = await cli(dir, 'archive', 'create', '--out', out, '--json');
    expect(archive.code).toBe(0);
    const archivePath = archive.json()['path'] as string;
    await cli(dir, 'units', 'add', '--name', 'Dinas Kesehatan');
    const restored = await cli(dir, 'restore', id, '--json');
    expect(restored.code).toBe(0);
    expect((await cli(dir, 'units', 'list', '--json')).json()).toHaveLength(1);
    const fromArchive = await cli(dir, 'restore', archivePath, '--json');
    expect(fromArchive.json()).toMatchObject({ kind: 'arsip' });
    const undo = await cli(dir, 'restore', restored.json()['undoBackupId'] as string);
    expect(undo.code).toBe(0);
    expect((await cli(dir, 'units', 'list', '--json')).json()).toHaveLength(2);
    const broken = await cli(dir, 'restore', path.join(out, 'tidak-ada'));
    expect(broken.code).not.toBe(0);
  });
});

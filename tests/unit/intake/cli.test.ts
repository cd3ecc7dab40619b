import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run';
import { tempDir } from '../helpers';
import { f01Row, fillWorkbook, findIn, pdfWith } from './support';

async function cli(dataDir: string, ...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli([...argv, '--data-dir', dataDir], { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err, json: <T>() => JSON.parse(out) as T };
}

/** Every row of every table, read without the app (the CLI has closed it). */
function contentHash(dataDir: string): string {
  const file = fs.readdirSync(dataDir).find((name) => name.endsWith('.sqlite') || name.endsWith('.db'))!;
  const db = new Database(path.join(dataDir, file), { readonly: true });
  try {
    const tables = db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    const hash = crypto.createHash('sha256');
    for (const table of tables) hash.update(JSON.stringify(db.prepare(`SELECT * FROM "${table}"`).all()));
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

type UnitJson = { unitId: number; state: string; newFiles: unknown[]; changes: unknown[]; conflicts: unknown[]; errors: unknown[]; misplaced: unknown[]; duplicates: unknown[]; levels: Array<{ to: number }> };

describe('intake CLI', () => {
  it('export, scan (writes nothing, JSON per unit) and apply (exit 1 when a unit is refused)', async () => {
    const dir = tempDir();
    const data = path.join(dir, 'data');
    const out = path.join(dir, 'kiriman');
    await cli(data, 'units', 'add', '--name', 'Dinas Sosial', '--group', 'Perangkat Daerah');
    await cli(data, 'units', 'add', '--name', 'Dinas Kesehatan', '--group', 'Perangkat Daerah');
    const instruments = (await cli(data, 'instruments', 'list', '--json')).json<Array<{ id: number; code: string }>>();
    const pekppp = instruments.find((item) => item.code === 'pekppp-2022-a')!.id;
    expect((await cli(data, 'periods', 'add', '--year', '2026', '--instrument', String(pekppp))).code).toBe(0);
    expect((await cli(data, 'periods', 'scope', '--period', '2026', '--add', '1', '2')).code).toBe(0);

    const exported = await cli(data, 'intake', 'export', '--period', '2026', '--unit', '1', '2', '--out', out, '--json');
    expect(exported.code).toBe(0);
    expect(exported.json<{ kits: unknown[] }>().kits).toHaveLength(2);

    const social = path.join(out, 'Kit 2026 - Dinas Sosial');
    const manifest = JSON.parse(fs.readFileSync(path.join(social, 'patuh-kit.json'), 'utf8')) as { folders: Array<{ path: string }> };
    fs.writeFileSync(path.join(social, manifest.folders[0]!.path, 'SK.pdf'), pdfWith('sk'));
    await fillWorkbook(findIn(social, /\.xlsx$/u), ({ f01 }) => {
      f01.getCell(f01Row(f01, 1), 6).value = 2;
    });
    const health = path.join(out, 'Kit 2026 - Dinas Kesehatan');
    await fillWorkbook(findIn(health, /\.xlsx$/u), ({ isian }) => {
      isian.getCell(2, 7).value = 'Perlu perbaikan';
    });

    const before = contentHash(data);
    const scanned = await cli(data, 'intake', 'scan', '--period', '2026', '--from', out, '--json');
    expect(scanned.code).toBe(0);
    const units = scanned.json<UnitJson[]>();
    for (const unit of units) expect(Object.keys(unit)).toEqual(expect.arrayContaining(['unitId', 'newFiles', 'changes', 'conflicts', 'errors', 'misplaced', 'duplicates', 'levels']));
    expect(units.find((unit) => unit.unitId === 1)).toMatchObject({ state: 'baru', newFiles: [expect.anything()], levels: [expect.objectContaining({ to: 2 })] });
    expect(units.find((unit) => unit.unitId === 2)!.errors).toContainEqual(expect.objectContaining({ row: 2, message: expect.stringMatching(/hanya diberikan oleh Bagian Organisasi/u) }));
    expect(contentHash(data)).toBe(before);
    expect(fs.existsSync(path.join(data, 'cache', 'intake-index.json'))).toBe(false);

    const applied = await cli(data, 'intake', 'apply', '--period', '2026', '--from', out, '--unit', '1', '2', '--json');
    expect(applied.code).toBe(1);
    expect(applied.err).toMatch(/Dinas Kesehatan: .*kesalahan/u);
    const result = applied.json<{ backupId: string | null; units: Array<{ unitId: number; applied: boolean }> }>();
    expect(result.backupId).not.toBeNull();
    expect(result.units.map((unit) => [unit.unitId, unit.applied]).sort()).toEqual([[1, true], [2, false]]);

    const again = await cli(data, 'intake', 'apply', '--period', '2026', '--from', out, '--unit', '1');
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/Tidak ada kiriman baru/u);
    const checklist = (await cli(data, 'checklist', 'show', '--unit', '1', '--period', '2026', '--json')).json<{ instruments: Array<{ aspects: Array<{ indicators: Array<{ requirements: Array<{ status: string; evidence: unknown[] }> }> }> }> }>();
    const first = checklist.instruments[0]!.aspects[0]!.indicators[0]!.requirements[0]!;
    expect(first).toMatchObject({ status: 'menunggu_verifikasi', evidence: [expect.anything()] });
  });

  it('refuses a missing --from with a clear message', async () => {
    const dir = tempDir();
    const result = await cli(dir, 'intake', 'scan', '--period', '1');
    expect(result.code).not.toBe(0);
    expect(result.err).toMatch(/--from|Periode|tidak ditemukan/u);
  });
});

import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { diffInstruments } from '../../../src/core/instrument/diff';
import { validateInstrument } from '../../../src/core/instrument/validate';
import type { InstrumentDefinition } from '../../../src/core/instrument/schema';
import { runCli } from '../../../src/cli/run';
import { RESOURCES, readJson, tempDir } from '../helpers';

function shipped(name: string): InstrumentDefinition {
  const result = validateInstrument(readJson(path.join(RESOURCES, 'instruments', name)));
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.instrument;
}

async function cli(dataDir: string, ...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli([...argv, '--data-dir', dataDir], { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err, json: <T>() => JSON.parse(out) as T };
}

describe('diff of two real shipped versions', () => {
  it('Ombudsman 2022–2024 → 2025: the trust survey and the suffix come in, dimensions become estimates', () => {
    const diff = diffInstruments(shipped('ombudsman-2022.json'), shipped('ombudsman-2025.json'));
    expect(diff.same).toBe(false);
    const fields = diff.changed.map((change) => `${change.kind}:${change.code}:${change.field}`);
    expect(fields).toEqual(expect.arrayContaining(['instrumen:ombudsman-2025:trust.share', 'instrumen:ombudsman-2025:suffix.label', 'instrumen:ombudsman-2025:years.from']));
    expect(diff.changed.find((change) => change.field === 'trust.share')).toMatchObject({ from: null, to: 30 });
    // Same dimensions, matched by code: none added or removed.
    expect(diff.added.filter((entry) => entry.kind === 'aspek')).toEqual([]);
    expect(diff.removed.filter((entry) => entry.kind === 'aspek')).toEqual([]);
  });

  it('Ombudsman 2013 → 2022: zones replaced by opinion grades, dimensions replaced', () => {
    const diff = diffInstruments(shipped('ombudsman-2013.json'), shipped('ombudsman-2022.json'));
    expect(diff.added.some((entry) => entry.kind === 'kategori')).toBe(true);
    expect(diff.removed.some((entry) => entry.kind === 'kategori')).toBe(true);
    expect(diff.added.length + diff.removed.length + diff.changed.length).toBeGreaterThan(5);
  });

  it('an instrument compared with itself has no differences', () => {
    const pekppp = shipped('pekppp-2022-a.json');
    expect(diffInstruments(pekppp, structuredClone(pekppp))).toMatchObject({ same: true, added: [], removed: [], changed: [] });
  });
});

describe('instruments CLI: export, import, diff', () => {
  it('exports a template, refuses the same version, imports an edited one as a new version, and diffs it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'pekppp.xlsx');
    const exported = await cli(dir, 'instruments', 'export', 'pekppp-2022-a', '--out', file);
    expect(exported.code).toBe(0);

    const same = await cli(dir, 'instruments', 'import', file);
    expect(same.code).not.toBe(0);
    expect(same.err).toContain('sama persis');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    workbook.getWorksheet('Info')!.getCell('B3').value = '2026.1';
    const indicators = workbook.getWorksheet('Indikator')!;
    indicators.getCell('E2').value = 20; // i01 17 → 20
    indicators.getCell('E3').value = 11; // i02 14 → 11
    indicators.getCell('H2').value = 'SP tersedia, tetapi kurang dari 14 komponen (teks 2026).';
    const edited = path.join(dir, 'pekppp-2026.xlsx');
    await workbook.xlsx.writeFile(edited);

    const imported = await cli(dir, 'instruments', 'import', edited, '--json');
    expect(imported.code).toBe(0);
    const instrument = imported.json<{ id: number; version: string; source: string }>();
    expect(instrument).toMatchObject({ version: '2026.1', source: 'impor' });

    const list = await cli(dir, 'instruments', 'list', '--json');
    const old = list.json<Array<{ id: number; code: string; version: string }>>().find((item) => item.code === 'pekppp-2022-a' && item.version === '2022.2')!;
    const diff = await cli(dir, 'instruments', 'diff', String(old.id), String(instrument.id), '--json');
    expect(diff.code).toBe(0);
    const body = diff.json<{ added: unknown[]; removed: unknown[]; changed: Array<{ code: string; field: string; from: unknown; to: unknown }> }>();
    expect(body.added).toEqual([]);
    expect(body.removed).toEqual([]);
    expect(body.changed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'i01', field: 'weight', from: 17, to: 20 }),
        expect.objectContaining({ code: 'i02', field: 'weight', from: 14, to: 11 }),
        expect.objectContaining({ code: 'i01', field: 'levels.1' }),
      ]),
    );
  });

  it('an invalid workbook exits non-zero and names each problem by sheet, row and column', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'ombudsman.xlsx');
    await cli(dir, 'instruments', 'export', 'ombudsman-2025', '--out', file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    workbook.getWorksheet('Info')!.getCell('B3').value = '2026.1';
    workbook.getWorksheet('Aspek')!.getCell('C2').value = 50;
    await workbook.xlsx.writeFile(file);
    const result = await cli(dir, 'instruments', 'import', file);
    expect(result.code).not.toBe(0);
    expect(result.err).toContain('Lembar "Aspek", kolom "Bobot (%)"');
  });
});

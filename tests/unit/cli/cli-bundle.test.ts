import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { repoResourcesDir } from '../../../src/server/paths';
import { tempDir } from '../helpers';
// @ts-expect-error plain ES module script without types
import { buildCli } from '../../../scripts/build-cli.mjs';

/** The bundle is what `npm run cli` runs: plain node, no TypeScript loader. */
describe('CLI bundle', () => {
  it('runs with plain node, including an Excel command that loads exceljs on first use', async () => {
    const dir = tempDir();
    // Inside the repository, like out/cli: resources/ and node_modules are found from there.
    const outDir = path.join(repoResourcesDir(), '..', 'out', `cli-test-${process.pid}`);
    const bundle = path.join(outDir, 'patuh-cli.mjs');
    await (buildCli as (outfile: string) => Promise<void>)(bundle);
    onTestFinished(() => fs.rmSync(outDir, { recursive: true, force: true }));
    const data = path.join(dir, 'data');
    const cli = (...args: string[]) => spawnSync(process.execPath, [bundle, ...args, '--data-dir', data], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    expect(cli('units', 'add', '--name', 'Dinas Sosial', '--json').status).toBe(0);
    const listed = cli('units', 'list', '--json');
    expect(listed.status).toBe(0);
    expect((JSON.parse(listed.stdout) as Array<{ name: string }>).map((unit) => unit.name)).toEqual(['Dinas Sosial']);
    expect(cli('periods', 'add', '--year', '2026', '--instrument', 'pekppp-2022-a', 'ombudsman-2025').status).toBe(0);
    expect(cli('periods', 'scope', '--period', '2026', '--add', '1').status).toBe(0);
    const form = path.join(dir, 'formulir.xlsx');
    const exported = cli('export', 'form', '--unit', '1', '--period', '2026', '--out', form);
    expect(exported.stderr).toBe('');
    expect(exported.status).toBe(0);
    expect(fs.readFileSync(form).subarray(0, 2).toString()).toBe('PK');
    // The parser worker stays warm between imports but must not keep the CLI process alive.
    const imported = spawnSync(process.execPath, [bundle, 'import', 'form', form, '--dry-run', '--data-dir', data], { encoding: 'utf8', timeout: 30_000 });
    expect(imported.signal).toBeNull();
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('0 perubahan');
    // A package: the copy worker (inline source, like the parser's) runs in the bundle and
    // does not keep the process alive either. One file on two requirements: a copy and a clone.
    const shown = JSON.parse(cli('checklist', 'show', '--unit', '1', '--period', '2026', '--json').stdout) as {
      instruments: Array<{ aspects: Array<{ indicators: Array<{ requirements: Array<{ code: string }> }> }> }>;
    };
    // Two indicators (two folders): within one indicator's folder the file is placed once.
    const codes = shown.instruments[0]!.aspects[0]!.indicators.slice(0, 2).map((indicator) => indicator.requirements[0]!.code);
    const evidence = path.join(dir, 'SK Standar Pelayanan.pdf');
    fs.writeFileSync(evidence, `%PDF-1.4 ${'sk standar pelayanan '.repeat(5000)}`);
    for (const code of codes) expect(cli('evidence', 'attach', '--unit', '1', '--period', '2026', '--requirement', code, evidence).status).toBe(0);
    const packages = path.join(dir, 'paket');
    fs.mkdirSync(packages);
    const packed = spawnSync(process.execPath, [bundle, 'export', 'unit-package', '--unit', '1', '--period', '2026', '--out', packages, '--json', '--data-dir', data], { encoding: 'utf8', timeout: 30_000 });
    expect(packed.signal).toBeNull();
    expect(packed.stderr).toBe('');
    expect(packed.status).toBe(0);
    const folder = (JSON.parse(packed.stdout) as { path: string }).path;
    const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8')) as { files: Array<{ path: string; size: number }> };
    const copies = manifest.files.filter((file) => file.path.endsWith('SK Standar Pelayanan.pdf'));
    expect(copies).toHaveLength(2);
    for (const copy of copies) expect(fs.readFileSync(path.join(folder, ...copy.path.split('/')))).toEqual(fs.readFileSync(evidence));
    const bad = cli('terbang');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Penggunaan');
  }, 60_000);
});

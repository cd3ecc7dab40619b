import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_RELATIVE_PATH_CHARS, MAX_SEGMENT_CHARS } from '../../../src/core/intake/kit-paths';
import { verifyManifest, type KitManifest } from '../../../src/server/intake/kit-manifest';
import { findIn, fillWorkbook, pdfWith, seedIntake, type IntakeSeed } from './support';

let seed: IntakeSeed;
beforeAll(async () => {
  seed = await seedIntake();
});
afterAll(() => seed.close());

const manifestOf = (kitDir: string) => JSON.parse(fs.readFileSync(path.join(kitDir, 'patuh-kit.json'), 'utf8')) as KitManifest;

describe('kit export', () => {
  it('writes a folder per unit with workbook (Isian + F-01), requirement folders, guide and a signed manifest', async () => {
    const result = await seed.exportAll();
    expect(result.kits).toHaveLength(3);
    const kit = result.kits.find((entry) => entry.unitId === seed.unitIds[0])!;
    expect(path.basename(kit.path)).toBe('Kit 2026 - Dinas Sosial');
    const manifest = manifestOf(kit.path);
    expect(manifest.unit).toEqual({ id: seed.unitIds[0], name: 'Dinas Sosial' });
    expect(manifest.period.year).toBe(2026);
    expect(manifest.instruments.map((item) => item.code).sort()).toEqual(['ombudsman-2025', 'pekppp-2022-a']);
    expect(manifest.folders.length).toBeGreaterThan(100);
    for (const folder of manifest.folders) {
      expect(folder.path.length).toBeLessThanOrEqual(MAX_RELATIVE_PATH_CHARS);
      for (const part of folder.path.split('/')) {
        expect(part.length).toBeLessThanOrEqual(MAX_SEGMENT_CHARS);
        expect(part).not.toMatch(/[<>:"\\|?*]|[. ]$/u);
      }
      expect(fs.statSync(path.join(kit.path, folder.path)).isDirectory()).toBe(true);
    }
    expect(manifest.folders[0]!.path).toMatch(/^PEKPPP[^/]*\/P01\.1 /u);
    expect(verifyManifest(seed.ctx, fs.readFileSync(path.join(kit.path, 'patuh-kit.json'), 'utf8')).ok).toBe(true);
    expect(fs.readFileSync(path.join(kit.path, 'PETUNJUK.txt'), 'utf8')).toContain('Unit: Dinas Sosial\r\n');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(kit.path, manifest.workbook.file));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Petunjuk', 'Isian', '_kunci', 'Penilaian Mandiri', '_kunci_pm']);
    const f01 = workbook.getWorksheet('Penilaian Mandiri')!;
    expect(String(f01.getCell(6, 4).value)).toMatch(/^0 — .+\n1 — .+\n2 — .+\n3 — .+\n4 — .+\n5 — /su);
  });

  it('a forged manifest (unit swapped, signature kept) is refused', () => {
    const kitDir = path.join(seed.collection, 'Kit 2026 - Dinas Sosial');
    const manifest = manifestOf(kitDir);
    const forged = { ...manifest, unit: { id: seed.unitIds[1], name: 'Dinas Kesehatan' } };
    const check = verifyManifest(seed.ctx, JSON.stringify(forged));
    expect(check.ok).toBe(false);
    expect(!check.ok && check.message).toMatch(/diubah setelah diekspor/u);
  });

  it('re-export refreshes workbook and manifest, keeps the kit id and never touches the unit files', async () => {
    const kitDir = path.join(seed.collection, 'Kit 2026 - Dinas Sosial');
    const before = manifestOf(kitDir);
    const dropped = path.join(kitDir, before.folders[0]!.path, 'SK Standar Pelayanan.pdf');
    fs.writeFileSync(dropped, pdfWith('sk'));
    fs.writeFileSync(path.join(kitDir, 'catatan unit.txt'), 'milik unit');
    const result = await seed.exportAll({ unitIds: [seed.unitIds[0]] });
    expect(result.kits[0]!.kitId).toBe(before.kitId);
    expect(result.kits[0]!.workbookKept).toBe(false);
    expect(fs.readFileSync(dropped)).toEqual(pdfWith('sk'));
    expect(fs.readFileSync(path.join(kitDir, 'catatan unit.txt'), 'utf8')).toBe('milik unit');
    expect(manifestOf(kitDir).exportedAt > before.exportedAt).toBe(true);
  });

  it('re-export keeps a workbook the unit has filled in but the office has not received', async () => {
    const kitDir = path.join(seed.collection, 'Kit 2026 - Dinas Sosial');
    const file = findIn(kitDir, /\.xlsx$/u);
    await fillWorkbook(file, ({ isian }) => {
      isian.getCell(2, 10).value = 'diisi unit';
    });
    const filled = fs.readFileSync(file);
    const result = await seed.exportAll({ unitIds: [seed.unitIds[0]] });
    expect(result.kits[0]!.workbookKept).toBe(true);
    expect(fs.readFileSync(file)).toEqual(filled);
  });

  it('exports one zip per unit with the same layout', async () => {
    const out = path.join(seed.dir, 'zips');
    const result = await seed.exportAll({ zip: true, outDir: out, unitIds: [seed.unitIds[2]] });
    const zipPath = result.kits[0]!.path;
    expect(path.basename(zipPath)).toBe('Kit 2026 - Dinas Pendidikan.zip');
    const zip = await yauzl.openPromise(zipPath, { lazyEntries: true });
    const names: string[] = [];
    for await (const entry of zip.eachEntry()) names.push(entry.fileName);
    await zip.close();
    expect(names).toContain('Kit 2026 - Dinas Pendidikan/patuh-kit.json');
    expect(names).toContain('Kit 2026 - Dinas Pendidikan/PETUNJUK.txt');
    expect(names.some((name) => /^Kit 2026 - Dinas Pendidikan\/PEKPPP[^/]*\/P01\.1 .*\/$/u.test(name))).toBe(true);
  });
});

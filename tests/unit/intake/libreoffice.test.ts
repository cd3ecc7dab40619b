/**
 * A unit that opens the kit workbook in LibreOffice Calc and saves it again: the keys,
 * the F-01 sheet and the unit's entries must still read back exactly.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScanIndex } from '../../../src/server/intake/scan-index';
import { scanIntake } from '../../../src/server/intake/scan';
import { silentJob } from '../../../src/server/jobs/job';
import { f01Row, fillWorkbook, findIn, seedIntake, type IntakeSeed } from './support';

const soffice = ['soffice', 'libreoffice'].find((command) => {
  try {
    execFileSync('which', [command], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});

let seed: IntakeSeed;
beforeAll(async () => {
  seed = await seedIntake();
  await seed.exportAll({ unitIds: [seed.unitIds[0]] });
});
afterAll(() => seed?.close());

describe.skipIf(!soffice)('kit workbook re-saved by LibreOffice', () => {
  it('still reads: sender, status, link and the F-01 level with ticked elements', async () => {
    const kit = path.join(seed.collection, 'Kit 2026 - Dinas Sosial');
    const file = findIn(kit, /\.xlsx$/u);
    await fillWorkbook(file, ({ isian, f01 }) => {
      isian.getCell(2, 7).value = 'Menunggu verifikasi';
      isian.getCell(2, 8).value = 'https://drive.google.com/file/d/lo';
      f01.getCell(2, 3).value = 'Sri Lestari';
      const row = f01Row(f01, 2);
      // Indicator 2 counts elements: tick the first two and leave the level blank (→ suggestion).
      f01.getCell(row, 6).value = null;
      f01.getCell(row + 1, 6).value = 'Ya';
      f01.getCell(row + 2, 6).value = 'Ya';
    });
    const out = path.join(seed.dir, 'lo');
    const profile = path.join(seed.dir, 'lo-profile');
    execFileSync(soffice!, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', out, file], { timeout: 120_000, stdio: 'ignore' });
    fs.copyFileSync(path.join(out, path.basename(file)), file);
    const { inbox } = await scanIntake(seed.ctx, { periodId: seed.periodId, from: [seed.collection] }, new ScanIndex(), new Map(), silentJob());
    const unit = inbox.units.find((entry) => entry.unitId === seed.unitIds[0])!;
    expect(unit.refused).toBeNull();
    expect(unit.errors).toEqual([]);
    expect(unit.sender).toBe('Sri Lestari');
    expect(unit.changes.map((change) => change.field).sort()).toEqual(['link', 'status']);
    expect(unit.levels).toEqual([expect.objectContaining({ number: 2, to: expect.any(Number), elements: expect.arrayContaining([expect.any(String), expect.any(String)]) })]);
  }, 180_000);
});

/**
 * A year half done, as a kabupaten has it in the middle of the cycle: the numbers shown
 * everywhere are *nilai terkini*, an unverified indicator is not a 0, and a unit nobody
 * assessed is "belum dinilai" (never 0,00 F) on the dashboard, the recap, the package
 * and the CLI.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run';
import { exportRecap, exportUnitPackage } from '../../../src/server/excel/exports';
import { LOCAL_GOVERNMENT_ROW_LABEL, RECAP_MAIN_HEADER_ROW } from '../../../src/server/excel/exports/recap-sheet-main';
import { RECAP_LABELS } from '../../../src/server/excel/exports/unit-sheet-summary';
import { silentJob } from '../../../src/server/jobs/job';
import { tempDir, testApp, testHandlers } from '../helpers';
import { findRow, readWorkbook } from '../excel-exports/read-back';

const INDICATORS = Array.from({ length: 30 }, (_, index) => `i${String(index + 1).padStart(2, '0')}`);

async function halfDoneYear() {
  const app = testApp();
  const api = testHandlers(app);
  await api['settings:update']({ localGovernmentName: 'Kabupaten Contoh' });
  const instruments = await api['instruments:list'](undefined);
  const pekppp = instruments.find((item) => item.code === 'pekppp-2022-a')!;
  const make = (name: string) => api['units:create']({ name, groupName: 'Perangkat Daerah', shortName: null, headName: null });
  const dinsos = await make('Dinas Sosial');
  const dpmptsp = await make('DPMPTSP');
  const idle = await make('Kecamatan Barat');
  const last = await api['periods:create']({ year: 2025, instrumentIds: [pekppp.id], deadline: null, unitIds: [dinsos.id, dpmptsp.id, idle.id] });
  const period = await api['periods:create']({ year: 2026, instrumentIds: [pekppp.id], deadline: '2026-12-15', unitIds: [dinsos.id, dpmptsp.id, idle.id] });
  const set = (periodId: number, unitId: number, code: string, level: number, verified = false) =>
    api['assessment:set']({ periodId, unitId, indicatorCode: code, level, ...(verified ? { verified: true } : {}) });
  // Dinas Sosial: 30 own levels of 4, the office verified 5 of them at 4 → 4,00 B (terkini).
  for (const code of INDICATORS) await set(period.id, dinsos.id, code, 4);
  for (const code of INDICATORS.slice(0, 5)) await set(period.id, dinsos.id, code, 4, true);
  // DPMPTSP: 2025 fully verified at 3 (3,00 C); 2026 only 10 own levels of 5 so far.
  for (const code of INDICATORS) await set(last.id, dpmptsp.id, code, 3, true);
  for (const code of INDICATORS.slice(0, 10)) await set(period.id, dpmptsp.id, code, 5);
  return { app, api, period, last, dinsos, dpmptsp, idle };
}

describe('nilai terkini across the services', () => {
  it('dashboard: no F for units not yet verified, unassessed units listed and out of the mean', async () => {
    const { api, period, dinsos, dpmptsp, idle } = await halfDoneYear();
    const board = await api['scores:dashboard']({ periodId: period.id });
    expect(board.view).toBe('current');
    const row = (id: number) => board.units.find((unit) => unit.unitId === id)!;
    expect(row(dinsos.id)).toMatchObject({
      current: { index: 4, state: 'lengkap', basis: { verified: 5, selfOnly: 25, unassessed: 0 }, total: 30 },
      category: { code: 'B', provisional: false },
      selfIndex: 4,
    });
    // The verified view alone would be 0,60 F: it is provisional, and not what the dashboard shows.
    expect(row(dinsos.id).verifiedIndex).toBe(0.6);
    expect(row(dpmptsp.id).category).toMatchObject({ provisional: true });
    expect(row(dpmptsp.id).current?.basis).toEqual({ verified: 0, selfOnly: 10, unassessed: 20 });
    expect(row(idle.id)).toMatchObject({ current: null, category: null, selfIndex: null, verifiedIndex: null, aspectIndexes: [] });
    for (const unit of board.units) expect(unit.category?.code === 'F' && !unit.category.provisional).toBe(false);
    expect(board.pekppp!.unassessedUnits).toEqual(['Kecamatan Barat']);
    expect(board.pekppp!.unitCount).toBe(2);
    expect(board.pekppp!.band?.provisional).toBe(true);
    expect(board.pekppp!.distribution.find((band) => band.code === 'F')!.unitNames).not.toContain('Kecamatan Barat');
    // Year over year compares nilai terkini with nilai terkini.
    expect(board.previousYear).toBe(2025);
    expect(row(dpmptsp.id).previousIndex).toBe(3);
    expect(row(idle.id).previousIndex).toBeNull();
  });

  it('dashboard: last year\'s index is that year\'s own nilai terkini, verified levels taking precedence', async () => {
    const { api, period, last, dinsos } = await halfDoneYear();
    const set = (code: string, level: number, verified: boolean) =>
      api['assessment:set']({ periodId: last.id, unitId: dinsos.id, indicatorCode: code, level, ...(verified ? { verified: true } : {}) });
    // 2025: own levels of 5 everywhere, the office verified the first 8 at 1.
    for (const code of INDICATORS) await set(code, 5, false);
    for (const code of INDICATORS.slice(0, 8)) await set(code, 1, true);
    const lastYear = (await api['scores:dashboard']({ periodId: last.id })).units.find((unit) => unit.unitId === dinsos.id)!;
    const board = await api['scores:dashboard']({ periodId: period.id });
    const previous = board.units.find((unit) => unit.unitId === dinsos.id)!.previousIndex;
    expect(previous).toBe(lastYear.current!.index);
    // Neither view alone: the merge of both, as that year's Beranda showed it.
    expect(previous).not.toBe(lastYear.selfIndex);
    expect(previous).not.toBe(lastYear.verifiedIndex);
  });

  it('gaps: the unit that has not started is its own group, not the top of the ranking', async () => {
    const { api, period } = await halfDoneYear();
    const gaps = await api['gaps:period']({ periodId: period.id, target: 'A' });
    expect(gaps.pekppp!.units.map((unit) => unit.unitName)).not.toContain('Kecamatan Barat');
    expect(gaps.pekppp!.notStarted.map((unit) => unit.unitName)).toEqual(['Kecamatan Barat']);
    const unit = await api['gaps:unit']({ periodId: period.id, unitId: (await api['units:list']({})).find((u) => u.name === 'Kecamatan Barat')!.id });
    expect(unit.basis).toBe('terkini');
    expect(unit.pekppp!.toNextBand).toBeNull();
  });

  it('recap and unit package: the unassessed unit reads belum dinilai', async () => {
    const { app, period, idle } = await halfDoneYear();
    const dir = tempDir();
    const recap = await exportRecap(app.ctx, { periodId: period.id, outFile: path.join(dir, 'rekap.xlsx') }, silentJob());
    const sheet = (await readWorkbook(recap.path)).getWorksheet('Rekap')!;
    const row = findRow(sheet, 'Kecamatan Barat', 2);
    expect(row).toBeGreaterThan(RECAP_MAIN_HEADER_ROW);
    const values = Array.from({ length: 16 }, (_, index) => sheet.getCell(row, index + 1).value);
    expect(values.slice(3, 9)).toEqual(Array(6).fill('–'));
    expect(values.slice(9, 13)).toEqual(['belum dinilai', '–', '–', '–']);
    const totals = findRow(sheet, LOCAL_GOVERNMENT_ROW_LABEL, 2);
    expect(sheet.getCell(totals, 11).value).toBe('2 unit dinilai, 1 belum');

    const pkg = await exportUnitPackage(app.ctx, { periodId: period.id, unitId: idle.id, outDir: dir }, silentJob());
    const workbookFile = fs.readdirSync(pkg.path).find((name) => name.endsWith('.xlsx'))!;
    const summary = (await readWorkbook(path.join(pkg.path, workbookFile))).getWorksheet('Rekap')!;
    const indexRow = findRow(summary, RECAP_LABELS.index);
    expect([3, 4, 5].map((column) => summary.getCell(indexRow, column).value)).toEqual(['belum dinilai', 'belum dinilai', 'belum dinilai']);
    expect([3, 4, 5].map((column) => summary.getCell(indexRow + 1, column).value)).toEqual(['–', '–', '–']);
  });

  it('CLI score --json: three views with basis and provisional bands; current null without a level', async () => {
    const { app, period, dinsos, idle } = await halfDoneYear();
    const run = async (...argv: string[]) => {
      let out = '';
      let err = '';
      const code = await runCli([...argv, '--data-dir', app.dataDir], { out: (text) => (out += text), err: (text) => (err += text) });
      return { code, out, err };
    };
    const scored = await run('score', '--period', String(period.id), '--unit', String(dinsos.id), '--json');
    expect(scored.code).toBe(0);
    const json = JSON.parse(scored.out) as { pekppp: Record<'self' | 'verified' | 'current', { index: number; band: { code: string; provisional: boolean }; completeness: { assessed: number }; aspects: unknown[]; basis: unknown }> };
    expect(Object.keys(json.pekppp)).toEqual(expect.arrayContaining(['self', 'verified', 'current']));
    expect(json.pekppp.current).toMatchObject({ index: 4, band: { code: 'B', provisional: false }, basis: { verified: 5, selfOnly: 25, unassessed: 0 } });
    expect(json.pekppp.verified).toMatchObject({ index: 0.6, band: { code: 'F', provisional: true }, completeness: { assessed: 5 } });
    expect(json.pekppp.self.aspects).toHaveLength(7);

    const none = await run('score', '--period', String(period.id), '--unit', String(idle.id), '--json');
    expect((JSON.parse(none.out) as { pekppp: { current: unknown } }).pekppp.current).toBeNull();

    const human = await run('score', '--period', String(period.id));
    expect(human.out).toContain('nilai terkini');
    expect(human.out).toMatch(/Kecamatan Barat\s+belum dinilai/);
    expect(human.out).not.toMatch(/Kecamatan Barat.*\bF\b/);
    const unitText = await run('score', '--period', String(period.id), '--unit', String(dinsos.id));
    expect(unitText.out).toContain('PEKPPP nilai terkini 4,00 B · 5 diverifikasi, 25 mandiri');
    expect(unitText.out).toContain('nilai verifikasi 0,60 F (sementara) · 5 dari 30 indikator');
    // Plain text speaks id-ID: percentages with a decimal comma.
    const shown = await run('checklist', 'show', '--unit', String(dinsos.id), '--period', String(period.id));
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(/^Dinas Sosial — tahun 2026: \d+,\d% terverifikasi/);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src/server/api/handlers';
import { dispatch } from '../../../src/server/api/dispatch';
import { previewPlatform } from '../../../src/preview/platform';
import type { Channel, Input, Output } from '../../../src/shared/contract';
import type { ExportResult, ImportApplyResult, ImportPreviewResult, JobInfo } from '../../../src/shared/types';
import { tempDir, testApp } from '../helpers';

async function setup() {
  const app = testApp();
  const handlers = createHandlers(app, { host: 'preview', platform: previewPlatform(app.dataDir) });
  const call = async <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => {
    const result = await dispatch(handlers, channel, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as Output<C>;
  };
  const wait = async (job: JobInfo | null): Promise<JobInfo> => {
    for (let i = 0; i < 1000; i += 1) {
      const state = await call('jobs:get', { id: job!.id });
      if (state.status !== 'berjalan') return state;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('job timeout');
  };
  const instruments = await call('instruments:list', undefined);
  const unit = await call('units:create', { name: 'Dinas Sosial', groupName: 'Perangkat Daerah' });
  const period = await call('periods:create', { year: 2026, instrumentIds: instruments.filter((i) => ['pekppp-2022-a', 'ombudsman-2025'].includes(i.code)).map((i) => i.id), unitIds: [unit.id] });
  return { app, call, wait, unit, period };
}

describe('Excel work as jobs through the API (browser preview platform)', () => {
  it('exports a recap and a unit package as downloads with progress to completion', async () => {
    const { call, wait, period, unit } = await setup();
    const recap = await wait(await call('export:recap', { periodId: period.id }));
    expect(recap.status).toBe('selesai');
    const recapResult = recap.result as ExportResult;
    expect(recapResult.downloadUrl).toMatch(/^\/unduh\/Rekapitulasi%202026/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(recapResult.path);
    expect(workbook.getWorksheet('Rekap')).toBeDefined();
    const pack = await wait(await call('export:unit-package', { periodId: period.id, unitId: unit.id }));
    const packResult = pack.result as ExportResult;
    expect(packResult.path.endsWith('.zip')).toBe(true);
    expect(packResult.downloadUrl).toMatch(/^\/unduh\/.+\.zip$/);
  });

  it('round-trips a fillable form uploaded as bytes: preview, then apply with a backup first', async () => {
    const { app, call, wait, period, unit } = await setup();
    const form = await wait(await call('export:forms', { periodId: period.id, unitIds: [unit.id] }));
    const formPath = (form.result as ExportResult).path;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(formPath);
    const sheet = workbook.getWorksheet('Isian')!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const linkColumn = header.findIndex((value) => value === 'Tautan bukti');
    sheet.getRow(2).getCell(linkColumn).value = 'https://drive.google.com/sk-sp';
    const edited = path.join(tempDir(), 'kembali.xlsx');
    await workbook.xlsx.writeFile(edited);
    const upload = { name: 'kembali.xlsx', data: new Uint8Array(fs.readFileSync(edited)) };
    const previewJob = await wait(await call('import:preview', { upload, periodId: period.id, unitId: unit.id }));
    const { preview } = previewJob.result as ImportPreviewResult;
    expect(preview.ok).toBe(true);
    expect(preview.changes.some((change) => change.field === 'link')).toBe(true);
    const applyJob = await wait(await call('import:apply', { upload, token: preview.token, periodId: period.id, unitId: unit.id }));
    expect(applyJob.status).toBe('selesai');
    const applied = applyJob.result as ImportApplyResult;
    expect(applied.applied).toBeGreaterThan(0);
    expect(applied.backupId).toMatch(/sebelum-impor/);
    expect(app.ctx.db.prepare("SELECT count(*) FROM evidence WHERE kind = 'link'").pluck().get()).toBe(1);
  });

  it('a cancelled export reports "dibatalkan" and leaves no package behind', async () => {
    const { call, period, unit, app } = await setup();
    const job = await call('export:unit-package', { periodId: period.id, unitId: unit.id });
    await call('jobs:cancel', { id: job!.id });
    for (let i = 0; i < 500; i += 1) {
      const state = await call('jobs:get', { id: job!.id });
      if (state.status !== 'berjalan') {
        expect(state.status).toBe('dibatalkan');
        expect(state.error?.message).toMatch(/[Dd]ibatalkan/);
        const left = fs.existsSync(path.join(app.dataDir, 'ekspor')) ? fs.readdirSync(path.join(app.dataDir, 'ekspor')) : [];
        expect(left).toEqual([]);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  });
});

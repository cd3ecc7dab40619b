/**
 * Building the SKM report (model → chart PNG → .docx and .xlsx) and writing it to a
 * folder: temp file → fsync → rename, never overwriting an existing report.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ParsedInput } from '../../shared/contract';
import type { SkmExportResult } from '../../shared/skm-types';
import { exportFileName } from '../excel/cells';
import { asExportError, publishUnique, requireDirectory, tempPathIn } from '../excel/exports/output';
import { fsyncFileSync } from '../backup/files';
import { silentJob } from '../jobs/job';
import type { Platform } from '../platform';
import type { ServerContext } from '../context';
import { getUnit } from '../units/units-service';
import { xlsxBuffer } from '../excel/zip-buffer';
import { chartPng } from './chart';
import { skmDocumentFrame } from './report-header';
import { buildReportModel, type SkmReportModel } from './report-model';
import { renderReportDocx } from './report-docx';
import { renderReportWorkbook } from './report-xlsx';
import { skmScheme } from './scheme-store';
import { unitView } from './survey-service';

export interface BuiltReport {
  model: SkmReportModel;
  complete: boolean;
  baseName: string;
  docx: Buffer;
  xlsx: Buffer;
}

type PeriodInput = { unitId: number; year: number; semester: 0 | 1 | 2 };

export async function buildSkmReport(ctx: ServerContext, input: PeriodInput): Promise<BuiltReport> {
  const view = unitView(ctx, input);
  const scheme = skmScheme(ctx);
  const model = buildReportModel(view, scheme, skmDocumentFrame(ctx, getUnit(ctx, { id: input.unitId })));
  const chart = chartPng(view.report.unit, `NRR per unsur — ${view.unitName}`);
  const serviceCharts = view.report.services.length > 1 ? view.report.services.map((service) => ({ label: service.label, png: chartPng(service, `NRR per unsur — ${service.label}`) })) : [];
  const docx = await renderReportDocx(model, chart, serviceCharts);
  const workbook = await renderReportWorkbook(model, chart);
  const xlsx = await xlsxBuffer(workbook);
  return { model, complete: view.report.unit.complete, baseName: exportFileName(`Laporan SKM ${view.unitName} ${view.periodLabel}`), docx, xlsx };
}

async function writeUnique(dir: string, base: string, ext: string, data: Buffer): Promise<string> {
  const temp = tempPathIn(dir);
  try {
    await fs.promises.writeFile(temp, data, { flag: 'wx' });
    fsyncFileSync(temp);
    return publishUnique(temp, dir, base, ext);
  } catch (error) {
    await fs.promises.rm(temp, { force: true });
    throw asExportError(error, silentJob());
  }
}

export async function exportSkmReport(ctx: ServerContext, platform: Platform, input: ParsedInput<'skm:export-report'>): Promise<SkmExportResult | null> {
  const outDir = input.outDir ?? (await platform.pickFolder({ title: 'Pilih folder untuk laporan SKM' }));
  if (!outDir) return null;
  const dir = path.resolve(outDir);
  // A folder the host chose itself (the preview's export folder) may not exist yet.
  if (input.outDir === undefined) fs.mkdirSync(dir, { recursive: true });
  requireDirectory(dir);
  const built = await buildSkmReport(ctx, input);
  const files = [];
  for (const [ext, data] of [['.docx', built.docx], ['.xlsx', built.xlsx]] as const) {
    const written = await writeUnique(dir, built.baseName, ext, data);
    files.push({ path: written, name: path.basename(written), downloadUrl: platform.downloadUrl(written) });
  }
  return { files };
}

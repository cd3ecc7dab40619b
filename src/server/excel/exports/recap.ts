/**
 * The year recap workbook for the Bagian Organisasi, signed as is: Rekap (kop, every
 * unit's index, category, Ombudsman estimate and evidence progress under group
 * sub-headings with group and pemda averages, the category table, the signature) and
 * Bukti Dukung (the office's familiar ✓/- layout per group). The long per-requirement
 * gap list is its own export (gap-list.ts), outside the recap's print area. Numbers
 * come from the dashboard report and the checklists.
 */
import type { ScaleBand } from '../../../core/scoring/types';
import type { Checklist, Dashboard } from '../../../shared/types';
import { getChecklistsOfPeriod } from '../../checklist/checklist-service';
import type { ServerContext } from '../../context';
import { getInstrument } from '../../instruments/instruments-service';
import { throwIfCancelled, type JobControl } from '../../jobs/job';
import { getPeriod } from '../../periods/periods-service';
import { dashboard } from '../../scoring/scores-service';
import { getSettings } from '../../settings/settings-service';
import { localGovernmentOf } from './format';
import { writeWorkbookFile } from './output';
import { documentContext, type DocumentContext } from '../../documents/letterhead';
import { aspectShortNames, printInfoOf } from './document-setup';
import { applyFont } from './kop';
import { addGroupSheets } from './recap-sheet-groups';
import type { PrintInfo } from './sheet-style';
import { addRecapMainSheet } from './recap-sheet-main';
import { newWorkbook } from './unit-workbook';

export interface RecapParams {
  periodId: number;
  /** Target .xlsx path (".xlsx" is appended when missing); replaced only once the new file is complete. */
  outFile: string;
}

export interface RecapResult {
  path: string;
}

export interface RecapData {
  localGovernment: string;
  year: number;
  exportedAt: Date;
  board: Dashboard;
  checklists: Map<number, Checklist>;
  pekpppBands: ScaleBand[];
  ombudsmanBands: ScaleBand[];
  instrumentNames: string[];
  docs: DocumentContext;
  /** The instrument's short aspect name (SDM, Sarpras …) for headers and sheet names. */
  aspectShort: (code: string, name: string) => string;
  print: (title: string) => PrintInfo;
}

function bandsOf(ctx: ServerContext, id: number | undefined): ScaleBand[] {
  if (id === undefined) return [];
  return getInstrument(ctx, { id }).definition.scoring.bands.map((band) => ({ ...band, zone: band.zone ?? null, estimated: band.estimated ?? false }));
}

function loadRecapData(ctx: ServerContext, periodId: number, job: JobControl): RecapData {
  const period = getPeriod(ctx, { id: periodId });
  job.progress(0.05, 'Menghitung nilai semua unit…');
  const board = dashboard(ctx, { periodId });
  throwIfCancelled(job);
  job.progress(0.3, `Membaca daftar bukti ${board.units.length} unit…`);
  const checklists = getChecklistsOfPeriod(ctx, periodId);
  const docs = documentContext(ctx);
  const pekpppId = period.instruments.find((item) => item.family === 'pekppp')?.id;
  const shortNames = pekpppId === undefined ? new Map<string, string>() : aspectShortNames(getInstrument(ctx, { id: pekpppId }).definition);
  return {
    docs,
    aspectShort: (code, name) => shortNames.get(code) ?? name,
    print: (title) => printInfoOf(docs, title),
    localGovernment: localGovernmentOf(getSettings(ctx)),
    year: period.year,
    exportedAt: ctx.now(),
    board,
    checklists,
    pekpppBands: bandsOf(ctx, period.instruments.find((item) => item.family === 'pekppp')?.id),
    ombudsmanBands: bandsOf(ctx, period.instruments.find((item) => item.family === 'ombudsman')?.id),
    instrumentNames: period.instruments.map((item) => `${item.name} (versi ${item.version})`),
  };
}

export async function exportRecap(ctx: ServerContext, params: RecapParams, job: JobControl): Promise<RecapResult> {
  throwIfCancelled(job);
  job.progress(0, 'Menyiapkan rekap…');
  // One read transaction: every unit's numbers and checklist describe the same moment.
  const data = ctx.db.transaction(() => loadRecapData(ctx, params.periodId, job))();
  throwIfCancelled(job);
  job.progress(0.75, 'Menyusun buku kerja Excel…');
  const workbook = newWorkbook(data.exportedAt, `Rekap ${data.localGovernment} ${data.year}`);
  const taken = new Set<string>();
  addRecapMainSheet(workbook, data, taken);
  addGroupSheets(workbook, data, taken);
  applyFont(workbook);
  job.progress(0.9, 'Menyimpan berkas…');
  const path = await writeWorkbookFile(workbook, params.outFile, job);
  job.progress(1, 'Rekap selesai dibuat.');
  return { path };
}

/**
 * The year recap workbook for the Bagian Organisasi, signed as is: Rekap (kop, every
 * unit's index, category, Ombudsman estimate and evidence progress under group
 * sub-headings with group and pemda averages, the category table, the signature) and
 * Bukti Dukung (the office's familiar ✓/- layout per group). The long per-requirement
 * gap list is its own export (gap-list.ts), outside the recap's print area. Numbers
 * come from the dashboard report and the year's statuses (recap-data.ts).
 *
 * Written with the streaming writer: rows go to the file as each block is finished, so
 * a recap of 300 units needs little more memory than its data.
 */
import type { ServerContext } from '../../context';
import { throwIfCancelled, type JobControl } from '../../jobs/job';
import { addGroupSheets } from './recap-sheet-groups';
import { loadRecapData, type RecapData } from './recap-data';
import { addRecapMainSheet } from './recap-sheet-main';
import { streamWorkbookFile } from './stream-workbook';

export type { RecapData } from './recap-data';

export interface RecapParams {
  periodId: number;
  /** Target .xlsx path (".xlsx" is appended when missing); replaced only once the new file is complete. */
  outFile: string;
}

export interface RecapResult {
  path: string;
}

/** Write the recap of already loaded data (the benchmark times this part on its own too). */
export function writeRecap(data: RecapData, outFile: string, job: JobControl): Promise<string> {
  return streamWorkbookFile(outFile, job, data.exportedAt, `Rekap ${data.localGovernment} ${data.year}`, (workbook) => {
    const taken = new Set<string>();
    addRecapMainSheet(workbook, data, taken);
    throwIfCancelled(job);
    addGroupSheets(workbook, data, taken);
  });
}

export async function exportRecap(ctx: ServerContext, params: RecapParams, job: JobControl): Promise<RecapResult> {
  throwIfCancelled(job);
  job.progress(0, 'Menyiapkan rekap…');
  job.progress(0.05, 'Menghitung nilai semua unit…');
  // One read transaction: every unit's numbers and evidence progress describe the same moment.
  const data = ctx.db.transaction(() => loadRecapData(ctx, params.periodId))();
  throwIfCancelled(job);
  job.progress(0.6, 'Menyusun buku kerja Excel…');
  const path = await writeRecap(data, params.outFile, job);
  job.progress(1, 'Rekap selesai dibuat.');
  return { path };
}

/**
 * Writing letters as one job: Nota Dinas (one unit, or every unit with open items —
 * one file per unit plus one combined file to print), Berita Acara per unit (likewise),
 * or the pemda Laporan. Facts are read in one transaction; numbers are issued before
 * the files are written; each file goes temp → rename, never replacing an existing one.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ISectionOptions } from 'docx';
import type { LetterKind, LettersResult } from '../../../shared/documents-types';
import { AppError } from '../../../shared/result';
import type { Checklist } from '../../../shared/types';
import { getChecklistsOfPeriod } from '../../checklist/checklist-service';
import type { ServerContext } from '../../context';
import { exportFileName } from '../../excel/cells';
import { aspectShortNames } from '../../excel/exports/document-setup';
import { asExportError, freeName, requireDirectory, tempPathIn } from '../../excel/exports/output';
import { getInstrument } from '../../instruments/instruments-service';
import { throwIfCancelled, type JobControl } from '../../jobs/job';
import { getPeriod } from '../../periods/periods-service';
import { periodGaps } from '../../scoring/gaps-service';
import { computeYear, dashboard } from '../../scoring/scores-service';
import { documentContext, type DocumentContext } from '../letterhead';
import { issueLetterNumbers } from '../letter-numbers';
import { openItems } from '../reminders';
import { beritaAcaraSection } from './berita-acara';
import { document, docxBuffer } from './docx-kit';
import { laporanSection } from './laporan';
import { notaDinasSection } from './nota-dinas';

export interface WriteLettersParams {
  periodId: number;
  kind: LetterKind;
  /** Units to write for; default: every unit in scope (Nota Dinas: those with open items). */
  unitIds?: number[] | undefined;
  replyBy?: string | undefined;
  outDir: string;
}

type Written = Omit<LettersResult, 'downloadUrl'>;

interface Piece {
  name: string;
  section: ISectionOptions;
}

async function writeDocx(dir: string, base: string, title: string, sections: ISectionOptions[], job: JobControl): Promise<string> {
  const buffer = await docxBuffer(document(title, sections));
  throwIfCancelled(job);
  const temp = tempPathIn(dir);
  const target = path.join(dir, freeName(dir, exportFileName(base, 120), '.docx'));
  try {
    fs.writeFileSync(temp, buffer, { flag: 'wx' });
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw asExportError(error, job);
  }
  return target;
}

/** One file per piece, then (for several) one combined file with every piece on its own pages. */
async function writePieces(dir: string, combinedName: string, title: string, pieces: Piece[], job: JobControl): Promise<string[]> {
  const files: string[] = [];
  for (const [index, piece] of pieces.entries()) {
    throwIfCancelled(job);
    job.progress(0.3 + (0.6 * index) / Math.max(1, pieces.length), `Menulis ${piece.name}…`);
    files.push(await writeDocx(dir, piece.name, piece.name, [piece.section], job));
  }
  if (pieces.length > 1) files.push(await writeDocx(dir, combinedName, title, pieces.map((piece) => piece.section), job));
  return files;
}

function scopedChecklists(checklists: Map<number, Checklist>, unitIds: number[] | undefined): Checklist[] {
  if (!unitIds) return [...checklists.values()];
  const missing = unitIds.filter((id) => !checklists.has(id));
  if (missing.length > 0) throw new AppError('NOT_FOUND', `Unit dengan ID ${missing.join(', ')} tidak termasuk cakupan tahun penilaian ini.`);
  return unitIds.map((id) => checklists.get(id)!);
}

async function notaDinas(ctx: ServerContext, docs: DocumentContext, params: WriteLettersParams, job: JobControl): Promise<Written> {
  const { period, checklists } = ctx.db.transaction(() => ({ period: getPeriod(ctx, { id: params.periodId }), checklists: getChecklistsOfPeriod(ctx, params.periodId) }))();
  const chosen = scopedChecklists(checklists, params.unitIds).filter((checklist) => params.unitIds !== undefined || openItems(checklist).length > 0);
  if (chosen.length === 0) throw new AppError('VALIDATION', 'Tidak ada unit yang masih memiliki kekurangan data dukung; Nota Dinas tidak diperlukan.');
  const year = Number(docs.today.slice(0, 4));
  const numbers = issueLetterNumbers(ctx, { pattern: docs.settings.letterPattern, year, isoDate: docs.today, kind: 'nota-dinas', periodId: period.id, unitIds: chosen.map((item) => item.unit.id) });
  const replyBy = params.replyBy ?? period.deadline;
  const pieces = chosen.map((checklist) => ({
    name: `Nota Dinas ${period.year} - ${checklist.unit.name}`,
    section: notaDinasSection(docs, { unit: checklist.unit, nomor: numbers.get(checklist.unit.id)!, year: period.year, replyBy, items: openItems(checklist) }),
  }));
  const files = await writePieces(params.outDir, `Nota Dinas ${period.year} - semua unit (${pieces.length})`, `Nota Dinas ${period.year}`, pieces, job);
  return { path: params.outDir, files, numbers: chosen.map((item) => ({ unitName: item.unit.name, nomor: numbers.get(item.unit.id)! })) };
}

async function beritaAcara(ctx: ServerContext, docs: DocumentContext, params: WriteLettersParams, job: JobControl): Promise<Written> {
  const { period, checklists, year } = ctx.db.transaction(() => ({
    period: getPeriod(ctx, { id: params.periodId }),
    checklists: getChecklistsOfPeriod(ctx, params.periodId),
    year: computeYear(ctx, params.periodId),
  }))();
  const chosen = scopedChecklists(checklists, params.unitIds);
  if (chosen.length === 0) throw new AppError('VALIDATION', 'Belum ada unit dalam cakupan tahun penilaian ini.');
  const pieces = chosen.map((checklist) => {
    const scores = year.units.find((unit) => unit.unitId === checklist.unit.id);
    const needsFix = openItems(checklist).filter((item) => item.status === 'perlu_perbaikan');
    return {
      name: `Berita Acara Verifikasi ${period.year} - ${checklist.unit.name}`,
      section: beritaAcaraSection(docs, { unit: checklist.unit, year: period.year, self: scores?.self ?? null, verified: scores?.verified ?? null, needsFix }),
    };
  });
  const files = await writePieces(params.outDir, `Berita Acara Verifikasi ${period.year} - semua unit (${pieces.length})`, `Berita Acara ${period.year}`, pieces, job);
  return { path: params.outDir, files, numbers: [] };
}

async function laporan(ctx: ServerContext, docs: DocumentContext, params: WriteLettersParams, job: JobControl): Promise<Written> {
  const { period, board, gaps } = ctx.db.transaction(() => ({
    period: getPeriod(ctx, { id: params.periodId }),
    board: dashboard(ctx, { periodId: params.periodId }),
    gaps: periodGaps(ctx, { periodId: params.periodId, target: 'A-' }),
  }))();
  const pekpppId = period.instruments.find((item) => item.family === 'pekppp')?.id;
  const shortNames = pekpppId === undefined ? new Map<string, string>() : aspectShortNames(getInstrument(ctx, { id: pekpppId }).definition);
  job.progress(0.4, 'Menggambar grafik…');
  const section = laporanSection(docs, { year: period.year, board, gaps, aspectShort: (code, name) => shortNames.get(code) ?? name });
  const name = `Laporan Hasil Penilaian Mandiri ${period.year} - ${docs.header.localGovernment}`;
  return { path: params.outDir, files: [await writeDocx(params.outDir, name, name, [section], job)], numbers: [] };
}

export async function writeLetters(ctx: ServerContext, params: WriteLettersParams, job: JobControl): Promise<Written> {
  requireDirectory(params.outDir);
  throwIfCancelled(job);
  job.progress(0.05, 'Membaca data…');
  const docs = documentContext(ctx);
  const done = params.kind === 'nota-dinas' ? await notaDinas(ctx, docs, params, job) : params.kind === 'berita-acara' ? await beritaAcara(ctx, docs, params, job) : await laporan(ctx, docs, params, job);
  job.progress(1, `${done.files.length} berkas selesai dibuat.`);
  return done;
}

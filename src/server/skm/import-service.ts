/**
 * SKM responses in from a questionnaire export (Google Forms .csv/.xlsx as it comes).
 * Preview reads, guards and validates and changes nothing; apply repeats all of it inside
 * ONE transaction, insists on the preview's token, and replaces the survey's responses
 * (a Google Forms export always holds every answer so far). The confirmed column mapping
 * is remembered per unit by column title, so next month's export maps itself.
 */
import crypto from 'node:crypto';
import type { ParsedInput } from '../../shared/contract';
import { AppError } from '../../shared/result';
import type { SkmImportPreview, SkmImportResult } from '../../shared/skm-types';
import { PROFILE_FIELDS, normalizeText, suggestMapping, type ColumnMapping, type SkmScheme } from '../../core/skm';
import { isoNow, type ServerContext } from '../context';
import { silentJob, type JobControl } from '../jobs/job';
import { checkRows, type ParsedResponse } from './import-rows';
import { schemeOf, requireSurvey, toSurvey } from './survey-service';
import { skmRepo, type SurveyRow } from './skm-repository';
import { readTableFile, type TableFile } from './table-source';

type Source = { file?: string | undefined; upload?: { name: string; data: Uint8Array } | undefined };

function sourceOf(input: Source) {
  if (input.upload) return input.upload;
  if (input.file) return input.file;
  throw new AppError('VALIDATION', 'Pilih berkas jawaban survei (.xlsx atau .csv).');
}

const SAMPLE_ROWS = 5;

function emptyPreview(fileName: string, message: string): SkmImportPreview {
  return { ok: false, rejected: { message }, fileName, headers: [], sampleRows: [], mapping: {}, mappingSource: 'saran', unmapped: [], errors: [], incompleteRows: [], totalRows: 0, completeRows: 0, replaces: 0, token: '' };
}

/** Stored mapping (field → column title) resolved against this file's titles. */
function rememberedMapping(ctx: ServerContext, scheme: SkmScheme, unitId: number, headers: readonly string[]): ColumnMapping | null {
  const stored = skmRepo(ctx.db).mapping.get(unitId);
  if (!stored) return null;
  const titles = JSON.parse(stored.mapping) as Record<string, string | null>;
  const normalized = headers.map(normalizeText);
  const mapping: ColumnMapping = {};
  for (const field of [...scheme.unsur.map((unsur) => unsur.code), ...PROFILE_FIELDS]) {
    const title = titles[field];
    const index = title ? normalized.indexOf(normalizeText(title)) : -1;
    if (title && index < 0 && scheme.unsur.some((unsur) => unsur.code === field)) return null;
    mapping[field] = index >= 0 ? index : null;
  }
  return mapping;
}

function mappingProblem(scheme: SkmScheme, mapping: ColumnMapping, width: number): string | null {
  const used = new Map<number, string>();
  for (const [field, column] of Object.entries(mapping)) {
    if (column === null) continue;
    if (column >= width) return `Kolom nomor ${column + 1} tidak ada di berkas ini; pilih ulang kolom untuk ${field}.`;
    const other = used.get(column);
    if (other) return `Satu kolom dipilih untuk dua isian (${other} dan ${field}); setiap kolom hanya untuk satu isian.`;
    used.set(column, field);
  }
  const known = new Set<string>([...scheme.unsur.map((unsur) => unsur.code), ...PROFILE_FIELDS]);
  const unknown = Object.keys(mapping).find((field) => !known.has(field));
  return unknown ? `Isian "${unknown}" tidak dikenal dalam pemetaan kolom.` : null;
}

interface Analysis {
  preview: SkmImportPreview;
  accepted: (acceptRows: ReadonlySet<number>) => ParsedResponse[];
}

function analyze(ctx: ServerContext, survey: SurveyRow, table: TableFile, chosen: ColumnMapping | undefined): Analysis {
  const scheme = schemeOf(ctx, survey);
  const headers = table.rows[0]!;
  const remembered = chosen ? null : rememberedMapping(ctx, scheme, survey.unit_id, headers);
  const base = suggestMapping(scheme, headers);
  const mapping: ColumnMapping = chosen ? { ...Object.fromEntries(Object.keys(base).map((key) => [key, null])), ...chosen } : (remembered ?? base);
  const mappingSource = chosen ? 'pilihan' : remembered ? 'tersimpan' : 'saran';
  const unmapped = scheme.unsur.filter((unsur) => mapping[unsur.code] === null || mapping[unsur.code] === undefined).map((unsur) => `U${unsur.number} ${unsur.name}`);
  const common = {
    fileName: table.name,
    headers,
    sampleRows: table.rows.slice(1, 1 + SAMPLE_ROWS),
    mapping,
    mappingSource,
    unmapped,
    replaces: toSurvey(survey).respondents,
  } as const;
  const problem = mappingProblem(scheme, mapping, headers.length);
  const token = crypto
    .createHash('sha256')
    .update(JSON.stringify([table.sha256, mapping, survey.id, survey.updated_at, toSurvey(survey).respondents]))
    .digest('hex');
  if (problem || unmapped.length > 0) {
    const preview: SkmImportPreview = { ...common, ok: false, rejected: problem ? { message: problem } : null, errors: [], incompleteRows: [], totalRows: table.rows.length - 1, completeRows: 0, token };
    return { preview, accepted: () => [] };
  }
  const checked = checkRows(scheme, table.rows, mapping);
  const preview: SkmImportPreview = {
    ...common,
    ok: checked.errors.length === 0 && checked.totalRows > 0,
    rejected: checked.totalRows === 0 ? { message: 'Berkas hanya berisi judul kolom, belum ada jawaban responden.' } : null,
    errors: checked.errors,
    incompleteRows: checked.incomplete.map((item) => ({ row: item.response.row, missing: item.missing })),
    totalRows: checked.totalRows,
    completeRows: checked.complete.length,
    token,
  };
  return {
    preview,
    accepted: (acceptRows) => [...checked.complete, ...checked.incomplete.filter((item) => acceptRows.has(item.response.row)).map((item) => item.response)].sort((a, b) => a.row - b.row),
  };
}

async function readOrReject(input: Source, job: JobControl): Promise<TableFile | SkmImportPreview> {
  const source = sourceOf(input);
  try {
    return await readTableFile(source, job);
  } catch (error) {
    if (error instanceof AppError && error.code === 'FILE_REJECTED') return emptyPreview(typeof source === 'string' ? source : source.name, error.message);
    throw error;
  }
}

export async function previewSkmImport(ctx: ServerContext, input: ParsedInput<'skm:import-preview'>, job: JobControl = silentJob()): Promise<SkmImportPreview> {
  requireSurvey(ctx, input.surveyId);
  const table = await readOrReject(input, job);
  if (!('rows' in table)) return table;
  return analyze(ctx, requireSurvey(ctx, input.surveyId), table, input.mapping).preview;
}

function titlesOf(mapping: ColumnMapping, headers: readonly string[]): Record<string, string | null> {
  return Object.fromEntries(Object.entries(mapping).map(([field, column]) => [field, column === null ? null : (headers[column] ?? null)]));
}

export async function applySkmImport(ctx: ServerContext, input: ParsedInput<'skm:import-apply'>, job: JobControl = silentJob()): Promise<SkmImportResult> {
  const table = await readTableFile(sourceOf(input), job);
  const repo = skmRepo(ctx.db);
  return ctx.db
    .transaction(() => {
      const survey = requireSurvey(ctx, input.surveyId);
      const { preview, accepted } = analyze(ctx, survey, table, input.mapping);
      if (preview.token !== input.token) throw new AppError('CONFLICT', 'Berkas, pemetaan kolom, atau data survei berubah sejak pratinjau; buka pratinjau lagi sebelum menyimpan.');
      if (preview.rejected) throw new AppError('FILE_REJECTED', `${preview.rejected.message} Tidak ada yang diubah.`);
      if (preview.unmapped.length > 0) throw new AppError('VALIDATION', `Kolom untuk ${preview.unmapped.join(', ')} belum dipilih; tidak ada yang diubah.`);
      if (preview.errors.length > 0) {
        throw new AppError('VALIDATION', `Berkas masih berisi ${preview.errors.length} kesalahan; tidak ada yang diubah. Perbaiki baris yang ditandai lalu impor lagi.`, {
          details: preview.errors.map((error) => `Baris ${error.row}, kolom ${error.column}: ${error.message}`),
        });
      }
      const responses = accepted(new Set(input.acceptRows));
      if (responses.length === 0) throw new AppError('VALIDATION', 'Tidak ada baris yang diterima; tidak ada yang diubah.');
      const replaced = toSurvey(survey).respondents;
      repo.deleteResponses.run(survey.id);
      repo.deleteCounts.run(survey.id);
      repo.deleteProfileCounts.run(survey.id);
      for (const response of responses) {
        repo.insertResponse.run({
          surveyId: survey.id,
          row: response.row,
          key: response.key,
          answers: JSON.stringify(response.answers),
          sex: response.sex,
          age: response.age,
          education: response.education,
          occupation: response.occupation,
          submittedAt: response.submittedAt,
        });
      }
      repo.setRowsSource.run({ id: survey.id, name: table.name, sha: table.sha256, now: isoNow(ctx) });
      repo.saveMapping.run(survey.unit_id, JSON.stringify(titlesOf(preview.mapping, preview.headers)), isoNow(ctx));
      return { surveyId: survey.id, imported: responses.length, replaced, excluded: preview.incompleteRows.length - (responses.length - preview.completeRows) };
    })
    .immediate();
}

/**
 * `skm import --unit U --period P --service NAME FILE [--json]` and
 * `skm score --unit U --period P [--json]`. P is the survey period: a year (2026) or a
 * semester (2026-S1, 2026-S2). Same channels, validation and messages as the app.
 */
import path from 'node:path';
import { AppError } from '../../shared/result';
import type { SkmGroupResult, SkmSemester, SkmSurvey } from '../../shared/skm-types';
import { formatDecimal } from '../../core/scoring/rounding';
import { requiredFlag, type ParsedArgs } from '../args';
import { resolveUnit } from '../resolve';
import { countText, type CliRuntime } from '../runtime';

export function parseSkmPeriod(value: string): { year: number; semester: SkmSemester } {
  const match = /^(\d{4})(?:\s*[-/ ]\s*(?:s|smt|semester)?\s*(1|2|i|ii))?$/iu.exec(value.trim());
  if (!match) throw new AppError('VALIDATION', `Periode "${value}" tidak dikenal; tulis tahun (2026) atau semester (2026-S1, 2026-S2).`);
  const mark = (match[2] ?? '').toLowerCase();
  return { year: Number(match[1]), semester: mark === '' ? 0 : mark === '1' || mark === 'i' ? 1 : 2 };
}

/** The CLI contract: respondents, nrr (nine values), ikm, ikmConverted, category, sampleNeeded. */
function projection(group: SkmGroupResult) {
  return {
    respondents: group.respondents,
    nrr: group.unsur.map((item) => item.nrr),
    ikm: group.ikm,
    ikmConverted: group.ikmConverted,
    category: group.band?.code ?? null,
    sampleNeeded: group.sampleNeeded,
  };
}

const line = (label: string, group: SkmGroupResult) =>
  `${label}: ${countText(group.respondents)} responden, IKM ${group.ikm === null ? '-' : formatDecimal(group.ikm, 3)}, IKM unit ${group.ikmConverted === null ? '-' : formatDecimal(group.ikmConverted, 2)} (${group.band ? `${group.band.code} ${group.band.kinerja}` : 'belum lengkap'}), sampel minimum ${group.sampleNeeded === null ? '-' : countText(group.sampleNeeded)}`;

async function importAction(runtime: CliRuntime, args: ParsedArgs): Promise<void> {
  const file = args.positionals[0];
  if (!file) throw new AppError('VALIDATION', 'Sebutkan berkas jawaban: skm import --unit … --period … --service NAMA FILE.csv|FILE.xlsx');
  const unitId = resolveUnit(runtime, requiredFlag(args, 'unit'));
  const period = parseSkmPeriod(requiredFlag(args, 'period'));
  const service = requiredFlag(args, 'service');
  const view = await runtime.call('skm:unit', { unitId, ...period });
  const existing = view.surveys.find((survey) => survey.serviceName.toLocaleLowerCase('id-ID') === service.trim().replace(/\s+/gu, ' ').toLocaleLowerCase('id-ID'));
  const survey = existing ?? (await runtime.call('skm:survey-save', { unitId, serviceName: service, ...period, population: null }));
  try {
    await importInto(runtime, survey, path.resolve(file), { unitId, ...period });
  } catch (error) {
    // A refused file changes nothing: not even the survey this command just created for it.
    if (!existing) await runtime.call('skm:survey-delete', { id: survey.id });
    throw error;
  }
}

async function importInto(runtime: CliRuntime, survey: SkmSurvey, file: string, period: { unitId: number; year: number; semester: SkmSemester }): Promise<void> {
  const source = { surveyId: survey.id, file };
  const preview = await runtime.call('skm:import-preview', source);
  if (preview.rejected) throw new AppError('FILE_REJECTED', `${preview.rejected.message} Tidak ada yang diubah.`);
  if (preview.unmapped.length > 0) {
    throw new AppError('VALIDATION', `Kolom untuk ${preview.unmapped.join(', ')} tidak dikenali dari judul kolom. Petakan kolom sekali lewat layar SKM (pemetaan diingat per unit), lalu ulangi.`, {
      details: preview.headers.map((header, index) => `Kolom ${index + 1}: ${header}`),
    });
  }
  if (preview.errors.length > 0) {
    throw new AppError('VALIDATION', `Berkas berisi ${preview.errors.length} kesalahan; tidak ada yang diubah.`, {
      details: preview.errors.map((error) => `Baris ${error.row}, kolom ${error.column}: ${error.message}`),
    });
  }
  // Rows with a blank unsur are kept only when the office accepts them on screen.
  const result = await runtime.call('skm:import-apply', { ...source, mapping: preview.mapping, token: preview.token, acceptRows: [] });
  const score = await runtime.call('skm:unit', period);
  const scored = score.report.services.find((item) => item.key === String(survey.id));
  runtime.print({ ...result, service: survey.serviceName, period: score.periodLabel, mappingSource: preview.mappingSource, incompleteRows: preview.incompleteRows, score: scored ? projection(scored) : null }, () =>
    [
      `Diimpor ${countText(result.imported)} responden ke "${survey.serviceName}" ${score.periodLabel} (menggantikan ${countText(result.replaced)}).`,
      ...(result.excluded > 0 ? [`${countText(result.excluded)} baris dengan unsur kosong tidak diikutkan; terima baris itu lewat layar SKM bila memang sah.`] : []),
      ...(scored ? [line(survey.serviceName, scored)] : []),
    ].join('\n'),
  );
}

async function scoreAction(runtime: CliRuntime, args: ParsedArgs): Promise<void> {
  const unitId = resolveUnit(runtime, requiredFlag(args, 'unit'));
  const period = parseSkmPeriod(requiredFlag(args, 'period'));
  const view = await runtime.call('skm:unit', { unitId, ...period });
  const output = {
    unit: view.unitName,
    period: view.periodLabel,
    scheme: view.report.scheme,
    services: view.report.services.map((service) => ({ service: service.label, ...projection(service) })),
    total: projection(view.report.unit),
    notes: view.report.unit.notes,
  };
  runtime.print(output, () =>
    [
      `SKM ${view.unitName} ${view.periodLabel}`,
      ...view.report.services.map((service) => `  ${line(service.label, service)}`),
      `  ${line('Unit (semua responden)', view.report.unit)}`,
      ...view.report.unit.notes.map((note) => `  Catatan: ${note}`),
    ].join('\n'),
  );
}

export async function skmCommand(runtime: CliRuntime, action: string | undefined, args: ParsedArgs): Promise<void> {
  if (action === 'import') return importAction(runtime, args);
  if (action === 'score') return scoreAction(runtime, args);
  throw new AppError('VALIDATION', 'Perintah skm: import --unit … --period … --service NAMA FILE | score --unit … --period ….');
}

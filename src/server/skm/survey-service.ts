/**
 * Surveys per unit × service type × period, paper counts, the unit view (the calculator's
 * report plus profile and RTL) and the pemda table. One transaction per user action.
 */
import type { ParsedInput } from '../../shared/contract';
import { AppError } from '../../shared/result';
import type { SkmPemdaView, SkmSemester, SkmSurvey, SkmUnitView } from '../../shared/skm-types';
import { computeSkm, emptyTally, pemdaSummary, suggestFollowUpLevel, type SkmScheme, type SkmTally } from '../../core/skm';
import { isoNow, type ServerContext } from '../context';
import { getUnit, listUnits } from '../units/units-service';
import { skmScheme } from './scheme-store';
import { listFollowUps } from './follow-up-service';
import { profileOf, profileProblems, type PaperCount } from './profile';
import { skmRepo, type ResponseRow, type SurveyRow } from './skm-repository';

export function periodLabel(year: number, semester: number): string {
  return semester === 0 ? `Tahun ${year}` : `Semester ${semester === 1 ? 'I' : 'II'} ${year}`;
}

export function schemeOf(ctx: ServerContext, row: SurveyRow): SkmScheme {
  return skmScheme(ctx, row.scheme_code, row.scheme_version);
}

export function toSurvey(row: SurveyRow): SkmSurvey {
  return {
    id: row.id,
    unitId: row.unit_id,
    serviceName: row.service_name,
    year: row.year,
    semester: row.semester as SkmSemester,
    periodLabel: periodLabel(row.year, row.semester),
    population: row.population,
    mode: row.mode,
    respondents: row.mode === 'rows' ? row.response_count : row.paper_respondents,
    sourceName: row.source_name,
    importedAt: row.imported_at,
    updatedAt: row.updated_at,
  };
}

export function requireSurvey(ctx: ServerContext, id: number): SurveyRow {
  const row = skmRepo(ctx.db).survey.get(id);
  if (!row) throw new AppError('NOT_FOUND', `Survei SKM dengan ID ${id} tidak ditemukan; mungkin sudah dihapus.`);
  return row;
}

/** Stored answers are a JSON array in the scheme's unsur order (null = left blank). */
export function parseAnswers(text: string): Array<number | null> {
  return JSON.parse(text) as Array<number | null>;
}

export function tallyOf(ctx: ServerContext, scheme: SkmScheme, row: SurveyRow, responses?: ResponseRow[]): SkmTally {
  const tally = emptyTally(scheme);
  const { min } = scheme.answerScale;
  if (row.mode === 'counts') {
    tally.respondents = row.paper_respondents;
    const index = new Map(scheme.unsur.map((unsur, i) => [unsur.code, i]));
    for (const count of skmRepo(ctx.db).counts.all(row.id)) {
      const u = index.get(count.unsur_code);
      const a = count.answer - min;
      if (u !== undefined && tally.counts[u]![a] !== undefined) tally.counts[u]![a] = count.count;
    }
    return tally;
  }
  const rows = responses ?? skmRepo(ctx.db).responses.all(row.id);
  tally.respondents = rows.length;
  for (const response of rows) {
    parseAnswers(response.answers).forEach((value, u) => {
      if (value !== null && tally.counts[u]?.[value - min] !== undefined) tally.counts[u]![value - min]! += 1;
    });
  }
  return tally;
}

export function saveSurvey(ctx: ServerContext, input: ParsedInput<'skm:survey-save'>): SkmSurvey {
  const repo = skmRepo(ctx.db);
  const unit = getUnit(ctx, { id: input.unitId });
  const scheme = skmScheme(ctx);
  const id = ctx.db
    .transaction(() => {
      const clash = repo.findSurvey.get(unit.id, input.year, input.semester, input.serviceName);
      if (clash && clash.id !== input.id) {
        throw new AppError('CONFLICT', `Survei "${clash.service_name}" untuk ${unit.name} ${periodLabel(input.year, input.semester)} sudah ada. Pilih survei itu, atau beri nama jenis layanan lain.`, {
          fields: { serviceName: 'Jenis layanan ini sudah ada pada periode tersebut.' },
        });
      }
      if (input.id !== undefined) {
        const existing = requireSurvey(ctx, input.id);
        if (existing.unit_id !== unit.id) throw new AppError('VALIDATION', 'Survei ini milik unit lain.');
        if (existing.year !== input.year || existing.semester !== input.semester) {
          throw new AppError('VALIDATION', `Periode survei tidak dapat diubah (${periodLabel(existing.year, existing.semester)}). Buat survei baru untuk periode lain.`);
        }
        repo.updateSurvey.run({ id: input.id, serviceName: input.serviceName, population: input.population, now: isoNow(ctx) });
        return input.id;
      }
      return Number(
        repo.insertSurvey.run({
          unitId: unit.id,
          serviceName: input.serviceName,
          year: input.year,
          semester: input.semester,
          population: input.population,
          schemeCode: scheme.code,
          schemeVersion: scheme.version,
          now: isoNow(ctx),
        }).lastInsertRowid,
      );
    })
    .immediate();
  return toSurvey(requireSurvey(ctx, id));
}

export function deleteSurvey(ctx: ServerContext, input: ParsedInput<'skm:survey-delete'>): { deleted: true } {
  ctx.db
    .transaction(() => {
      requireSurvey(ctx, input.id);
      skmRepo(ctx.db).deleteSurvey.run(input.id);
    })
    .immediate();
  return { deleted: true };
}

function countProblems(scheme: SkmScheme, input: ParsedInput<'skm:counts-set'>): Record<string, string> {
  const steps = scheme.answerScale.max - scheme.answerScale.min + 1;
  const fields: Record<string, string> = {};
  if (input.respondents === 0) fields['respondents'] = 'Isi jumlah kuesioner yang diterima (lebih dari 0).';
  for (const unsur of scheme.unsur) {
    const row = input.counts[unsur.code];
    if (!row || row.length !== steps) {
      fields[unsur.code] = `Isi ${steps} jumlah jawaban (nilai ${scheme.answerScale.min}–${scheme.answerScale.max}) untuk U${unsur.number}.`;
      continue;
    }
    const answered = row.reduce((a, b) => a + b, 0);
    if (answered === 0) fields[unsur.code] = `U${unsur.number} ${unsur.name} belum berisi jawaban.`;
    else if (answered > input.respondents) fields[unsur.code] = `U${unsur.number}: ${answered} jawaban, lebih banyak dari ${input.respondents} kuesioner.`;
  }
  const unknown = Object.keys(input.counts).filter((code) => !scheme.unsur.some((unsur) => unsur.code === code));
  if (unknown.length > 0) fields['counts'] = `Unsur tidak dikenal: ${unknown.join(', ')}.`;
  return fields;
}

/** Paper questionnaires: the office enters how many answered 1–4 per unsur; replaces any imported rows. */
export function setCounts(ctx: ServerContext, input: ParsedInput<'skm:counts-set'>): SkmSurvey {
  const repo = skmRepo(ctx.db);
  ctx.db
    .transaction(() => {
      const survey = requireSurvey(ctx, input.surveyId);
      const scheme = schemeOf(ctx, survey);
      const fields = { ...countProblems(scheme, input), ...(input.profile ? profileProblems(scheme, input.respondents, input.profile) : {}) };
      if (Object.keys(fields).length > 0) {
        throw new AppError('VALIDATION', 'Jumlah jawaban belum benar; tidak ada yang disimpan. Periksa isian yang ditandai.', { fields, details: Object.values(fields) });
      }
      repo.deleteResponses.run(survey.id);
      repo.deleteCounts.run(survey.id);
      for (const unsur of scheme.unsur) {
        input.counts[unsur.code]!.forEach((count, a) => repo.insertCount.run(survey.id, unsur.code, scheme.answerScale.min + a, count));
      }
      // Rows imported earlier carried their own profile; a paper profile is kept unless re-entered.
      if (input.profile || survey.mode === 'rows') repo.deleteProfileCounts.run(survey.id);
      for (const [dimension, labels] of Object.entries(input.profile ?? {})) {
        for (const [label, count] of Object.entries(labels)) if (count > 0) repo.insertProfileCount.run(survey.id, dimension, label, count);
      }
      repo.setCountsMode.run({ id: survey.id, respondents: input.respondents, now: isoNow(ctx) });
    })
    .immediate();
  return toSurvey(requireSurvey(ctx, input.surveyId));
}

export function unitView(ctx: ServerContext, input: ParsedInput<'skm:unit'>): SkmUnitView {
  const unit = getUnit(ctx, { id: input.unitId });
  const rows = skmRepo(ctx.db).surveysOf.all(unit.id, input.year, input.semester);
  const scheme = rows[0] ? schemeOf(ctx, rows[0]) : skmScheme(ctx);
  const allResponses: ResponseRow[] = [];
  const paper: PaperCount[] = [];
  const services = rows.map((row) => {
    const responses = row.mode === 'rows' ? skmRepo(ctx.db).responses.all(row.id) : [];
    allResponses.push(...responses);
    if (row.mode === 'counts') paper.push(...skmRepo(ctx.db).profileCounts.all(row.id));
    return { key: String(row.id), label: row.service_name, population: row.population, tally: tallyOf(ctx, scheme, row, responses) };
  });
  const followUps = listFollowUps(ctx, unit.id, input.year, input.semester);
  return {
    unitId: unit.id,
    unitName: unit.name,
    year: input.year,
    semester: input.semester,
    periodLabel: periodLabel(input.year, input.semester),
    surveys: rows.map(toSurvey),
    report: computeSkm(scheme, unit.name, services),
    profile: profileOf(scheme, allResponses, paper),
    followUps,
    followUpSuggestion: suggestFollowUpLevel(scheme, followUps.length, followUps.filter((item) => item.done).length),
  };
}

export function pemdaView(ctx: ServerContext, input: ParsedInput<'skm:pemda'>): SkmPemdaView {
  const scheme = skmScheme(ctx);
  const withSurveys = new Set(skmRepo(ctx.db).surveysOfPeriod.all(input.year, input.semester).map((row) => row.unit_id));
  const units = listUnits(ctx, { includeArchived: false }).filter((unit) => withSurveys.has(unit.id));
  const reports = units.map((unit) => ({ unitId: unit.id, unitName: unit.name, report: unitView(ctx, { unitId: unit.id, ...input }).report }));
  return { year: input.year, semester: input.semester, periodLabel: periodLabel(input.year, input.semester), summary: pemdaSummary(scheme, reports) };
}

/**
 * The respondent profile of a unit's SKM (sex, age band, education, occupation): from the
 * imported rows, plus what the office tallied on paper questionnaires. Labels come from the
 * scheme data; free answers outside them are counted as "Lainnya (isian bebas)".
 */
import type { SkmScheme } from '../../core/skm';
import type { SkmProfileSummary } from '../../shared/skm-types';
import type { ResponseRow } from './skm-repository';

export type ProfileDimension = 'sex' | 'age' | 'education' | 'occupation';

export interface PaperCount {
  dimension: string;
  label: string;
  count: number;
}

const TITLES: Record<ProfileDimension, string> = { sex: 'Jenis kelamin', age: 'Usia', education: 'Pendidikan', occupation: 'Pekerjaan' };
export const PROFILE_DIMENSIONS = Object.keys(TITLES) as ProfileDimension[];
const OTHER = 'Lainnya (isian bebas)';
const BLANK = 'Tidak diisi';

export function profileLabels(scheme: SkmScheme, dimension: ProfileDimension): string[] {
  if (dimension === 'age') return scheme.profile.ageBands.map((band) => band.label);
  return scheme.profile[dimension];
}

function ageLabel(scheme: SkmScheme, age: number | null): string | null {
  if (age === null) return null;
  return scheme.profile.ageBands.find((band) => age >= band.min && age <= band.max)?.label ?? null;
}

function valueOf(scheme: SkmScheme, row: ResponseRow, dimension: ProfileDimension): string | null {
  return dimension === 'age' ? ageLabel(scheme, row.age) : row[dimension];
}

export function profileOf(scheme: SkmScheme, responses: readonly ResponseRow[], paper: readonly PaperCount[]): SkmProfileSummary {
  const withProfile = responses.filter((r) => r.sex || r.age !== null || r.education || r.occupation).length;
  const paperTotal = paper.reduce((total, item) => total + item.count, 0);
  if (withProfile === 0 && paperTotal === 0) return { respondentsWithProfile: 0, groups: [] };
  const paperRespondents = Math.max(0, ...PROFILE_DIMENSIONS.map((dimension) => paper.filter((item) => item.dimension === dimension).reduce((t, item) => t + item.count, 0)));
  const groups = PROFILE_DIMENSIONS.map((dimension) => {
    const counts = new Map(profileLabels(scheme, dimension).map((label) => [label.toLocaleLowerCase('id-ID'), { label, count: 0 }]));
    let other = 0;
    let blank = 0;
    for (const row of responses) {
      const value = valueOf(scheme, row, dimension);
      if (value === null || value === '') blank += 1;
      else {
        const hit = counts.get(value.toLocaleLowerCase('id-ID'));
        if (hit) hit.count += 1;
        else other += 1;
      }
    }
    for (const item of paper.filter((entry) => entry.dimension === dimension)) {
      const hit = counts.get(item.label.toLocaleLowerCase('id-ID'));
      if (hit) hit.count += item.count;
      else other += item.count;
    }
    const list = [...counts.values()];
    if (other > 0) list.push({ label: OTHER, count: other });
    if (blank > 0) list.push({ label: BLANK, count: blank });
    return { title: TITLES[dimension], counts: list };
  });
  return { respondentsWithProfile: withProfile + paperRespondents, groups };
}

/** Field messages for a paper profile: known labels only, never more than the questionnaires. */
export function profileProblems(scheme: SkmScheme, respondents: number, profile: Partial<Record<ProfileDimension, Record<string, number>>>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const dimension of PROFILE_DIMENSIONS) {
    const entered = profile[dimension];
    if (!entered) continue;
    const labels = profileLabels(scheme, dimension);
    const unknown = Object.keys(entered).filter((label) => !labels.includes(label));
    const total = Object.values(entered).reduce((a, b) => a + b, 0);
    if (unknown.length > 0) fields[`profile.${dimension}`] = `${TITLES[dimension]}: pilihan tidak dikenal (${unknown.join(', ')}).`;
    else if (total > respondents) fields[`profile.${dimension}`] = `${TITLES[dimension]}: ${total} responden, lebih banyak dari ${respondents} kuesioner.`;
  }
  return fields;
}

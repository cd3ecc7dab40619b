/**
 * Loads the SKM regulation data from resources/skm/ and validates it; a broken file is a
 * clear Indonesian error, never a silent default. Surveys store the scheme code and
 * version they were created with, so a later edition can ship beside this one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/result';
import type { SkmSchemeView } from '../../shared/skm-types';
import { PROFILE_FIELDS, PROFILE_LABELS, validateSkmScheme, type SkmScheme } from '../../core/skm';
import { formatDecimal } from '../../core/scoring/rounding';
import type { ServerContext } from '../context';

export const DEFAULT_SCHEME_CODE = 'permenpanrb-14-2017';

const cache = new Map<string, SkmScheme[]>();

function loadAll(resourcesDir: string): SkmScheme[] {
  const cached = cache.get(resourcesDir);
  if (cached) return cached;
  const dir = path.join(resourcesDir, 'skm');
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => name.endsWith('.json')).sort() : [];
  const schemes = files.map((name) => {
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
    } catch {
      throw new AppError('INSTRUMENT_INVALID', `Berkas data SKM ${name} bukan JSON yang sah. Pasang ulang Patuh atau perbaiki berkasnya.`);
    }
    const checked = validateSkmScheme(raw);
    if (!checked.ok) throw new AppError('INSTRUMENT_INVALID', `Berkas data SKM ${name} tidak sah; perbaiki lalu mulai ulang Patuh.`, { details: checked.problems });
    return checked.scheme;
  });
  cache.set(resourcesDir, schemes);
  return schemes;
}

export function skmScheme(ctx: Pick<ServerContext, 'resourcesDir'>, code = DEFAULT_SCHEME_CODE, version?: string): SkmScheme {
  const found = loadAll(ctx.resourcesDir).filter((scheme) => scheme.code === code && (version === undefined || scheme.version === version));
  const scheme = found[found.length - 1];
  if (!scheme) throw new AppError('NOT_FOUND', `Data SKM "${code}${version ? ` versi ${version}` : ''}" tidak ditemukan di folder resources/skm.`);
  return scheme;
}

export function schemeView(scheme: SkmScheme): SkmSchemeView {
  return {
    code: scheme.code,
    version: scheme.version,
    name: scheme.name,
    shortName: scheme.shortName,
    legalBasis: scheme.legalBasis,
    answerScale: scheme.answerScale,
    unsur: scheme.unsur.map(({ code, number, name, question, answers }) => ({ code, number, name, question, answers })),
    bands: scheme.bands,
    profile: scheme.profile,
    profileFields: PROFILE_FIELDS.map((field) => ({ field, label: PROFILE_LABELS[field] })),
    weightLabel:
      scheme.weighting.kind === 'equal'
        ? `1/${scheme.unsur.length} per unsur (dicetak ${formatDecimal(1 / scheme.unsur.length, scheme.weighting.printedDecimals)})`
        : 'bobot per unsur sesuai data',
  };
}

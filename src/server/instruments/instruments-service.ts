import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { countInstrument } from '../../core/instrument/summary';
import type { InstrumentDefinition } from '../../core/instrument/schema';
import { validateInstrument } from '../../core/instrument/validate';
import type { ParsedInput } from '../../shared/contract';
import { AppError } from '../../shared/result';
import type { Instrument, InstrumentSummary } from '../../shared/types';
import { isoNow, type ServerContext } from '../context';
import type { Db } from '../db/connection';
import { memoFor } from '../db/memo';

interface InstrumentRow {
  id: number;
  code: string;
  version: string;
  definition: string;
  sha256: string;
  source: 'bawaan' | 'impor';
}

function instrumentsRepository(db: Db) {
  const all = db.prepare<[], InstrumentRow>(
    'SELECT id, code, version, definition, sha256, source FROM instruments ORDER BY family DESC, code, version',
  );
  const byId = db.prepare<[number], InstrumentRow>('SELECT id, code, version, definition, sha256, source FROM instruments WHERE id = ?');
  const byCode = db.prepare<[string, string], { id: number }>('SELECT id FROM instruments WHERE code = ? AND version = ?');
  const insert = db.prepare(
    `INSERT INTO instruments (code, version, family, name, definition, sha256, source, created_at)
     VALUES (@code, @version, @family, @name, @definition, @sha256, @source, @createdAt)`,
  );
  return { all, byId, byCode, insert };
}

/**
 * Parsed definitions are immutable per stored content, so they are parsed once per
 * process. Keyed by the content hash, not the row id: after a restore (or in another
 * data folder) the same id and version can hold a different imported definition.
 */
const parsedCache = new Map<string, InstrumentDefinition>();

function toInstrument(row: InstrumentRow): Instrument {
  const key = row.sha256;
  let definition = parsedCache.get(key);
  if (!definition) {
    definition = JSON.parse(row.definition) as InstrumentDefinition;
    parsedCache.set(key, definition);
  }
  const counts = countInstrument(definition);
  return {
    id: row.id,
    code: definition.code,
    version: definition.version,
    family: definition.family,
    name: definition.name,
    shortName: definition.shortName,
    yearsFrom: definition.years.from,
    yearsTo: definition.years.to,
    yearsNote: definition.years.note ?? null,
    source: row.source,
    ...counts,
    definition,
  };
}

export function summarize(instrument: Instrument): InstrumentSummary {
  const { definition: _definition, ...summary } = instrument;
  return summary;
}

export function listInstruments(ctx: ServerContext): InstrumentSummary[] {
  return memoFor(ctx.db, instrumentsRepository)
    .all.all()
    .map((row) => summarize(toInstrument(row)));
}

export function getInstrument(ctx: ServerContext, input: ParsedInput<'instruments:get'>): Instrument {
  const row = memoFor(ctx.db, instrumentsRepository).byId.get(input.id);
  if (!row) throw new AppError('NOT_FOUND', `Instrumen dengan ID ${input.id} tidak ditemukan.`);
  return toInstrument(row);
}

/** Find an instrument by numeric id or by code (newest version of that code). */
export function findInstrument(ctx: ServerContext, idOrCode: string): Instrument {
  const asNumber = Number(idOrCode);
  if (Number.isInteger(asNumber) && asNumber > 0) return getInstrument(ctx, { id: asNumber });
  const matches = memoFor(ctx.db, instrumentsRepository)
    .all.all()
    .filter((row) => row.code === idOrCode);
  const newest = matches[matches.length - 1];
  if (!newest) throw new AppError('NOT_FOUND', `Instrumen "${idOrCode}" tidak ditemukan. Lihat daftar: instruments list.`);
  return toInstrument(newest);
}

/** Read and validate one instrument file; every problem is named in the error. */
export function readInstrumentFile(file: string): { definition: InstrumentDefinition; text: string } {
  let raw: unknown;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
    raw = JSON.parse(text);
  } catch (cause) {
    throw new AppError('INSTRUMENT_INVALID', `Berkas instrumen ${path.basename(file)} tidak dapat dibaca: ${(cause as Error).message}`);
  }
  const result = validateInstrument(raw);
  if (!result.ok) {
    throw new AppError(
      'INSTRUMENT_INVALID',
      `Berkas instrumen ${path.basename(file)} tidak valid: ${result.problems[0]}`,
      { details: result.problems },
    );
  }
  return { definition: result.instrument, text };
}

function storeDefinition(ctx: ServerContext, definition: InstrumentDefinition, source: 'bawaan' | 'impor'): number {
  const repo = memoFor(ctx.db, instrumentsRepository);
  const existing = repo.byCode.get(definition.code, definition.version);
  if (existing) return existing.id;
  const json = JSON.stringify(definition);
  return Number(
    repo.insert.run({
      code: definition.code,
      version: definition.version,
      family: definition.family,
      name: definition.name,
      definition: json,
      sha256: crypto.createHash('sha256').update(json).digest('hex'),
      source,
      createdAt: isoNow(ctx),
    }).lastInsertRowid,
  );
}

/**
 * Load the default instruments shipped in resources/instruments. A version already in
 * the database is kept as stored, so periods scored with it reproduce exactly.
 */
export function loadDefaultInstruments(ctx: ServerContext): { added: number } {
  const dir = path.join(ctx.resourcesDir, 'instruments');
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  const definitions = files.map((name) => readInstrumentFile(path.join(dir, name)).definition);
  const before = listInstruments(ctx).length;
  ctx.db.transaction(() => definitions.forEach((definition) => storeDefinition(ctx, definition, 'bawaan'))).immediate();
  return { added: listInstruments(ctx).length - before };
}

/** The stored instrument with exactly this code and version, if any. */
export function findStoredVersion(ctx: ServerContext, code: string, version: string): Instrument | null {
  const found = memoFor(ctx.db, instrumentsRepository).byCode.get(code, version);
  return found ? getInstrument(ctx, { id: found.id }) : null;
}

/**
 * Store an imported definition as a NEW version (call inside the caller's transaction).
 * An existing code+version is refused, never overwritten: years scored with it reproduce.
 */
export function storeImportedDefinition(ctx: ServerContext, definition: InstrumentDefinition): number {
  if (findStoredVersion(ctx, definition.code, definition.version)) {
    throw new AppError(
      'CONFLICT',
      `Instrumen ${definition.code} versi ${definition.version} sudah ada. Naikkan nomor versi di berkas untuk mengimpor perubahan.`,
    );
  }
  return storeDefinition(ctx, definition, 'impor');
}

/** Import an instrument JSON file (e.g. next year's edition) as a new version. */
export function importInstrumentFile(ctx: ServerContext, file: string): Instrument {
  const { definition } = readInstrumentFile(file);
  const id = ctx.db.transaction(() => storeImportedDefinition(ctx, definition)).immediate();
  return getInstrument(ctx, { id });
}

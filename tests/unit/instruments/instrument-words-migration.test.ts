import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, migrations } from '../../../src/server/db/migrations';
import { INSTRUMENT_TEXT_FIXES } from '../../../src/server/db/migrations/008-instrument-words';
import { readInstrumentFile } from '../../../src/server/instruments/instruments-service';
import { repoResourcesDir } from '../../../src/server/paths';

const dir = path.join(repoResourcesDir(), 'instruments');
const files = fs.readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
const shipped = files.map((name) => readInstrumentFile(path.join(dir, name)).definition);
const back = new Map(INSTRUMENT_TEXT_FIXES.map(([old, next]) => [next, old]));

/** The definition as an older Patuh stored it: every fixed text back in English. */
function asBefore(value: unknown): unknown {
  if (typeof value === 'string') return back.get(value) ?? value;
  if (Array.isArray(value)) return value.map(asBefore);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, asBefore(item)]));
  return value;
}

const sha = (text: string) => crypto.createHash('sha256').update(text).digest('hex');
const ENGLISH = /service delivery|manufacturing|capacity building/i;

function databaseAt7(): Database.Database {
  const db = new Database(':memory:');
  migrate(db, { steps: migrations, target: 7 });
  const insert = db.prepare(
    `INSERT INTO instruments (code, version, family, name, definition, sha256, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, '2026-01-05T08:00:00.000Z')`,
  );
  for (const definition of shipped) {
    const old = JSON.stringify(asBefore(definition));
    insert.run(definition.code, definition.version, definition.family, definition.name, old, sha(old), 'bawaan');
  }
  return db;
}

describe('migration 008: instrument texts in Indonesian', () => {
  it('the shipped instrument files no longer show English terms, codes unchanged', () => {
    for (const definition of shipped) expect(JSON.stringify(definition)).not.toMatch(/service delivery|manufacturing|Capacity building \(/);
    const pekppp = shipped.find((definition) => definition.code === 'pekppp-2022-a')!;
    const items = pekppp.aspects.flatMap((aspect) => aspect.indicators).flatMap((indicator) => indicator.elements?.items ?? []);
    expect(items.find((item) => item.code === 'capacity-building')?.label).toBe('Pengembangan kapasitas (peningkatan kompetensi)');
  });

  it('rewrites stored built-in definitions to exactly what a new database loads, keeping ids and versions', () => {
    const db = databaseAt7();
    const before = db.prepare('SELECT id, code, version, definition FROM instruments ORDER BY id').all() as Array<{ id: number; code: string; version: string; definition: string }>;
    expect(before.some((row) => ENGLISH.test(row.definition))).toBe(true);
    migrate(db, { steps: migrations, target: 8 });
    const after = db.prepare('SELECT id, code, version, definition, sha256 FROM instruments ORDER BY id').all() as Array<{ id: number; code: string; version: string; definition: string; sha256: string }>;
    expect(after.map(({ id, code, version }) => ({ id, code, version }))).toEqual(before.map(({ id, code, version }) => ({ id, code, version })));
    for (const row of after) {
      const definition = shipped.find((item) => item.code === row.code && item.version === row.version)!;
      expect(row.definition).toBe(JSON.stringify(definition));
      expect(row.sha256).toBe(sha(row.definition));
      expect(row.definition).not.toMatch(ENGLISH);
    }
  });

  it("never touches an imported instrument or a text the office changed", () => {
    const db = databaseAt7();
    const pekppp = db.prepare("SELECT definition FROM instruments WHERE code = 'pekppp-2022-a'").pluck().get() as string;
    const edited = pekppp.replace('Komponen service delivery Standar Pelayanan tidak dipublikasikan.', 'Komponen service delivery belum dipublikasikan sama sekali.');
    db.prepare("UPDATE instruments SET definition = ? WHERE code = 'pekppp-2022-a'").run(edited);
    const imported = pekppp.replace('"version":"', '"version":"x');
    db.prepare(
      `INSERT INTO instruments (code, version, family, name, definition, sha256, source, created_at) VALUES ('pekppp-2022-a', '2027', 'pekppp', 'PEKPPP impor', ?, ?, 'impor', '2026-02-01T08:00:00.000Z')`,
    ).run(imported, sha(imported));
    migrate(db, { steps: migrations, target: 8 });
    const stored = db.prepare("SELECT definition FROM instruments WHERE code = 'pekppp-2022-a' AND source = 'bawaan'").pluck().get() as string;
    expect(stored).toContain('Komponen service delivery belum dipublikasikan sama sekali.');
    expect(stored).toContain('Hanya sebagian komponen Standar Pelayanan terkait penyampaian pelayanan yang dipublikasikan.');
    expect(db.prepare("SELECT definition FROM instruments WHERE source = 'impor'").pluck().get()).toBe(imported);
  });
});

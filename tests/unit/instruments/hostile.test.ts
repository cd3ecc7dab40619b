import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateInstrument } from '../../../src/core/instrument/validate';
import { exportInstrumentWorkbook } from '../../../src/server/instruments/instrument-workbook-export';
import { readInstrumentSource } from '../../../src/server/instruments/instrument-workbook-import';
import { HOSTILE_CASES, type CorpusInputs } from '../excel-forms/hostile-corpus';
import { RESOURCES, readJson, tempDir } from '../helpers';

let inputs: CorpusInputs;

beforeAll(async () => {
  const result = validateInstrument(readJson(path.join(RESOURCES, 'instruments', 'ombudsman-2025.json')));
  if (!result.ok) throw new Error('shipped instrument invalid');
  const own = fs.readFileSync(await exportInstrumentWorkbook(result.instrument, path.join(tempDir(), 'templat.xlsx')));
  inputs = { own, otherUnit: own, otherYear: own };
});

describe('instrument import: the same hostile-file guard as form imports', () => {
  // The file-level cases (signature, ZIP, XML, parser); the rest are about the form's key and layout.
  const formOnly = HOSTILE_CASES.findIndex((item) => item.name === 'not-our-form');
  const fileCases = HOSTILE_CASES.slice(0, formOnly).filter((item) => item.expect === 'rejected');
  it('covers the whole file-level corpus', () => expect(fileCases.length).toBeGreaterThan(20));
  it.each(fileCases.map((item) => [item.name, item] as const))('%s is refused before parsing, with its message', async (_name, item) => {
    const data = new Uint8Array(await item.make(inputs));
    await expect(readInstrumentSource({ name: 'instrumen.xlsx', data })).rejects.toMatchObject({ code: 'FILE_REJECTED', message: expect.stringMatching(item.pattern) });
  });
});

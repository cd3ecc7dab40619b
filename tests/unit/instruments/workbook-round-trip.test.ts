import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateInstrument } from '../../../src/core/instrument/validate';
import { exportInstrumentWorkbook } from '../../../src/server/instruments/instrument-workbook-export';
import { readInstrumentSource } from '../../../src/server/instruments/instrument-workbook-import';
import { RESOURCES, readJson, tempDir } from '../helpers';

const files = fs.readdirSync(path.join(RESOURCES, 'instruments')).filter((name) => name.endsWith('.json'));

describe('instrument workbook round trip', () => {
  it.each(files)('%s: export → import gives an equal definition', async (name) => {
    const result = validateInstrument(readJson(path.join(RESOURCES, 'instruments', name)));
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const out = await exportInstrumentWorkbook(result.instrument, path.join(tempDir(), 'instrumen.xlsx'));
    const reading = await readInstrumentSource(out);
    if (!reading.ok) throw new Error(JSON.stringify(reading.problems.slice(0, 5)));
    expect(reading.instrument).toEqual(result.instrument);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, testApp, testHandlers } from '../helpers';

async function importWeight(weight: number) {
  const api = testHandlers(testApp());
  const list = await api['instruments:list'](undefined);
  const pekppp = await api['instruments:get']({ id: list.find((item) => item.code === 'pekppp-2022-a')!.id });
  const next = structuredClone(pekppp.definition);
  next.version = '2026.1';
  next.aspects[0]!.indicators[0]!.weight = weight;
  next.aspects[0]!.indicators[1]!.weight = 31 - weight;
  const file = path.join(tempDir(), 'next.json');
  fs.writeFileSync(file, JSON.stringify(next));
  const preview = await api['instruments:import-preview']({ file });
  const imported = await api['instruments:import-apply']({ file, token: preview!.token });
  return { api, id: imported.id };
}

describe('stored definitions', () => {
  it('the same id and version in two data folders keep their own content (cache keyed by content)', async () => {
    const first = await importWeight(20);
    const second = await importWeight(10);
    expect(first.id).toBe(second.id);
    expect((await first.api['instruments:get']({ id: first.id })).definition.aspects[0]!.indicators[0]!.weight).toBe(20);
    expect((await second.api['instruments:get']({ id: second.id })).definition.aspects[0]!.indicators[0]!.weight).toBe(10);
  });
});

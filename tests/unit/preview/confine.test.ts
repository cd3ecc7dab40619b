import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { confinePaths } from '../../../src/preview/confine';

const DOWNLOADS = path.resolve('/tmp/patuh-data/ekspor');

describe('confinePaths', () => {
  it('drops output paths and refuses input paths outside the download folder', () => {
    expect(confinePaths({ periodId: 1, outDir: '/etc', outFile: 'C:/x.xlsx' }, DOWNLOADS)).toEqual({ periodId: 1 });
    expect(() => confinePaths({ file: '/etc/passwd' }, DOWNLOADS)).toThrow(/folder unduhan pratinjau/);
    expect(() => confinePaths({ sourceFolder: '../..' }, DOWNLOADS)).toThrow();
    expect(confinePaths({ folder: path.join(DOWNLOADS, 'kiriman') }, DOWNLOADS)).toEqual({ folder: path.join(DOWNLOADS, 'kiriman') });
  });

  it('judges fields by camelCase word: "profile" or "filePreview" are data, not paths', () => {
    const payload = { profile: { groups: [] }, filePreview: true, counts: [1, 2] };
    expect(confinePaths(payload, DOWNLOADS)).toEqual(payload);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeLetters } from '../../../src/server/documents/letters/write-letters';
import { silentJob } from '../../../src/server/jobs/job';
import { tempDir } from '../helpers';
import { convert, pdfPages, seedOffice, soffice } from './office';

describe.skipIf(!soffice)('letters in LibreOffice', () => {
  it('nota dinas, berita acara and laporan convert to PDF', async () => {
    const { app, period } = await seedOffice();
    const out = tempDir();
    for (const kind of ['nota-dinas', 'berita-acara', 'laporan'] as const) {
      const done = await writeLetters(app.ctx, { periodId: period.id, kind, outDir: out }, silentJob());
      for (const file of done.files) expect(pdfPages(convert(file, 'pdf'))).toBeGreaterThan(0);
    }
    expect(fs.readdirSync(out).length).toBeGreaterThan(3);
    void path;
  }, 600_000);
});

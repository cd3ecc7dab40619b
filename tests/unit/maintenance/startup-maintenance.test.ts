import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startupMaintenance } from '../../../src/server/maintenance';
import { testApp } from '../helpers';

describe('start-up housekeeping', () => {
  it('removes leftovers of interrupted copies and exports, and moves unreferenced evidence aside', async () => {
    const app = testApp();
    const partial = path.join(app.dataDir, 'evidence', '.tmp', 'abc.part');
    fs.mkdirSync(path.dirname(partial), { recursive: true });
    fs.writeFileSync(partial, 'setengah');
    const old = new Date(Date.now() - 3_600_000);
    fs.utimesSync(partial, old, old);
    const exportTemp = path.join(app.dataDir, 'ekspor', '.tmp-123');
    fs.mkdirSync(exportTemp, { recursive: true });
    fs.writeFileSync(path.join(exportTemp, 'rekap.xlsx'), 'setengah');
    const orphan = path.join(app.dataDir, 'evidence', 'ab', `${'a'.repeat(64)}.pdf`);
    fs.mkdirSync(path.dirname(orphan), { recursive: true });
    fs.writeFileSync(orphan, '%PDF-1.4 yatim');
    fs.utimesSync(orphan, old, old);
    const report = await startupMaintenance(app.ctx);
    expect(report).toEqual({ tempFilesRemoved: 1, orphansMoved: 1, exportTempsRemoved: 1 });
    expect(fs.existsSync(partial)).toBe(false);
    expect(fs.existsSync(exportTemp)).toBe(false);
    expect(fs.existsSync(orphan)).toBe(false);
    const aside = fs.readdirSync(path.join(app.dataDir, 'evidence-orphans'), { recursive: true }).map(String);
    expect(aside.some((name) => name.endsWith('.pdf'))).toBe(true);
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportRecap } from '../../../src/server/excel/exports';
import { silentJob } from '../../../src/server/jobs/job';
import { tempDir } from '../helpers';
import { convert, pdfPages, seedOffice, soffice } from './office';

const GROUPS = ['Perangkat Daerah', 'Kecamatan', 'Puskesmas', 'Satuan Pendidikan', 'UPTD', 'Bagian Setda'];

describe.skipIf(!soffice)('recap of 300 units', () => {
  it('prints at most one page per 25 units per sheet', async () => {
    const seeded = await seedOffice();
    const { api } = seeded;
    const ids: number[] = [];
    for (let index = 0; index < 298; index += 1) {
      const group = GROUPS[index % GROUPS.length]!;
      ids.push((await api['units:create']({ name: `${group === 'Satuan Pendidikan' ? 'SD Negeri' : group === 'Puskesmas' ? 'UPTD Puskesmas' : group} ${index + 1} Kabupaten Contoh`, groupName: group, shortName: null, headName: null })).id);
    }
    await api['periods:set-scope']({ periodId: seeded.period.id, add: ids, remove: [] });
    const result = await exportRecap(seeded.app.ctx, { periodId: seeded.period.id, outFile: path.join(tempDir(), 'Rekap 300 unit.xlsx') }, silentJob());
    const pages = pdfPages(convert(result.path, 'pdf'));
    // Two sheets (Rekap, Bukti Dukung): 300 / 25 = 12 pages each.
    expect(pages).toBeLessThanOrEqual(24);
  }, 600_000);
});

import { describe, expect, it } from 'vitest';
import { skmDocumentFrame } from '../../../src/server/skm/report-header';
import { testApp, testHandlers } from '../helpers';

describe('SKM kop and signature (from the shared letterhead model)', () => {
  it.each([
    ['Kabupaten Sleman', 'kabupaten', 'PEMERINTAH KABUPATEN SLEMAN', 'Sleman, 24 November 2026'],
    ['Sleman', 'kabupaten', 'PEMERINTAH KABUPATEN SLEMAN', 'Sleman, 24 November 2026'],
    ['Yogyakarta', 'kota', 'PEMERINTAH KOTA YOGYAKARTA', 'Yogyakarta, 24 November 2026'],
    ['Kota Magelang', 'kabupaten', 'PEMERINTAH KOTA MAGELANG', 'Magelang, 24 November 2026'],
    // A province signs in its capital, which its name does not tell: no place until Pengaturan has one.
    ['Pemerintah Provinsi Jawa Tengah', 'provinsi', 'PEMERINTAH PROVINSI JAWA TENGAH', '24 November 2026'],
  ] as const)('%s (%s) → %s', async (name, kind, kop, placeDate) => {
    const app = testApp();
    const api = testHandlers(app);
    await api['settings:update']({ localGovernmentName: name, localGovernmentKind: kind });
    const unit = await api['units:create']({ name: 'Dinas Sosial', groupName: 'Perangkat Daerah', shortName: null, headName: null });
    const frame = skmDocumentFrame(app.ctx, unit);
    expect(frame.header.lines).toEqual([kop, 'DINAS SOSIAL']);
    expect(frame.signature).toMatchObject({ placeDate, role: 'Kepala Dinas Sosial', name: '(.................................................)' });
  });

  it('without a pemda name the kop says so instead of inventing one', async () => {
    const app = testApp();
    const api = testHandlers(app);
    const unit = await api['units:create']({ name: 'Dinas Sosial', groupName: 'Perangkat Daerah', shortName: null, headName: 'Dra. Ani' });
    const frame = skmDocumentFrame(app.ctx, unit);
    expect(frame.header.lines[0]).toBe('PEMERINTAH DAERAH');
    expect(frame.signature.name).toBe('Dra. Ani');
  });
});

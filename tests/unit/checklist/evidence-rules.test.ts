/** The pure evidence rules (src/core/checklist/rules.ts), cases worked out by hand. */
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  documentExpiry,
  expiryReferenceDate,
  maxAgeFor,
  needsWork,
  sharedWith,
  statusAfterEvidenceAdded,
  statusAfterEvidenceRemoved,
  statusChangeRefusal,
} from '../../../src/core/checklist/rules';
import { renewalSteps } from '../../../src/core/gaps/renewals';
import { coversYear, newestCovering } from '../../../src/core/instrument/years';

describe('terverifikasi needs evidence', () => {
  it('refuses terverifikasi with nothing attached and points to tidak berlaku', () => {
    expect(statusChangeRefusal('terverifikasi', 0)).toMatch(/belum punya berkas atau tautan/);
    expect(statusChangeRefusal('terverifikasi', 0)).toMatch(/"Tidak berlaku"/);
    expect(statusChangeRefusal('terverifikasi', 1)).toBeNull();
  });

  it('allows every other status without evidence', () => {
    for (const status of ['belum_ada', 'menunggu_verifikasi', 'perlu_perbaikan', 'tidak_berlaku'] as const) {
      expect(statusChangeRefusal(status, 0)).toBeNull();
    }
  });
});

describe('what new evidence does to a status', () => {
  it('re-queues verified and sent-back requirements with a reason, and queues empty ones', () => {
    expect(statusAfterEvidenceAdded('terverifikasi')).toEqual({ to: 'menunggu_verifikasi', cause: expect.stringMatching(/sudah terverifikasi; perlu diverifikasi ulang/) });
    expect(statusAfterEvidenceAdded('perlu_perbaikan')).toEqual({ to: 'menunggu_verifikasi', cause: expect.stringMatching(/diminta perbaikan/) });
    expect(statusAfterEvidenceAdded('belum_ada')).toEqual({ to: 'menunggu_verifikasi', cause: 'bukti ditambahkan' });
    expect(statusAfterEvidenceAdded('menunggu_verifikasi')).toBeNull();
    expect(statusAfterEvidenceAdded('tidak_berlaku')).toBeNull();
  });

  it('removing the last evidence leaves neither menunggu nor terverifikasi on nothing', () => {
    expect(statusAfterEvidenceRemoved('menunggu_verifikasi', 0)?.to).toBe('belum_ada');
    expect(statusAfterEvidenceRemoved('terverifikasi', 0)?.to).toBe('belum_ada');
    expect(statusAfterEvidenceRemoved('terverifikasi', 1)).toBeNull();
    expect(statusAfterEvidenceRemoved('perlu_perbaikan', 0)).toBeNull();
  });
});

describe('kedaluwarsa', () => {
  const policy = { windowStart: '2025-01-01', windowEnd: '2026-12-31', maxAgeMonths: null, referenceDate: '2026-11-24' };

  it('flags a date outside the window, never an unknown date', () => {
    expect(documentExpiry('2024-12-31', policy)).toEqual({ expired: true, reason: 'bertanggal 31 Des 2024, di luar rentang tanggal dokumen tahun ini (1 Jan 2025–31 Des 2026)' });
    expect(documentExpiry('2027-01-01', policy).expired).toBe(true);
    expect(documentExpiry('2025-01-01', policy).expired).toBe(false);
    expect(documentExpiry('2026-12-31', policy).expired).toBe(false);
    expect(documentExpiry(null, { ...policy, maxAgeMonths: 1 })).toEqual({ expired: false, reason: null });
  });

  it('flags a document older than the maximum age at the reference date', () => {
    // 6 months after 2026-05-23 is 2026-11-23, before 24 Nov → expired; 2026-05-24 + 6 = 24 Nov → still fresh.
    expect(documentExpiry('2026-05-23', { ...policy, maxAgeMonths: 6 })).toEqual({ expired: true, reason: 'bertanggal 23 Mei 2026, lebih tua dari batas 6 bulan untuk jenis bukti ini' });
    expect(documentExpiry('2026-05-24', { ...policy, maxAgeMonths: 6 }).expired).toBe(false);
    expect(documentExpiry('2025-02-01', { ...policy, maxAgeMonths: 24 }).expired).toBe(false);
  });

  it('measures age today while the year runs and at the window end once it is over', () => {
    expect(expiryReferenceDate('2026-03-01', '2026-12-31')).toBe('2026-03-01');
    expect(expiryReferenceDate('2027-03-01', '2026-12-31')).toBe('2026-12-31');
  });

  it('adds calendar months, clamping the day', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-11-15', 14)).toBe('2027-01-15');
  });

  it('has no default age: kinds without a setting, and unknown kinds, have no limit', () => {
    const maxAge = { dokumen: null, foto: 6, tautan: null, data: null };
    expect(maxAgeFor('foto', maxAge)).toBe(6);
    expect(maxAgeFor('dokumen', maxAge)).toBeNull();
    expect(maxAgeFor('video', maxAge)).toBeNull();
  });
});

describe('what still needs work', () => {
  it('a verified but kedaluwarsa requirement still needs work; tidak berlaku never does', () => {
    expect(needsWork({ status: 'terverifikasi', expired: false })).toBe(false);
    expect(needsWork({ status: 'terverifikasi', expired: true })).toBe(true);
    expect(needsWork({ status: 'menunggu_verifikasi', expired: false })).toBe(true);
    expect(needsWork({ status: 'tidak_berlaku', expired: true })).toBe(false);
  });
});

describe('shared files', () => {
  it('names the other units holding the same SHA-256, once each, sorted', () => {
    const holders = new Map([
      ['a'.repeat(64), [{ unitId: 1, unitName: 'Kecamatan Barat' }, { unitId: 2, unitName: 'UPTD Puskesmas Barat' }, { unitId: 3, unitName: 'Dinas Sosial' }]],
    ]);
    expect(sharedWith(holders, 'a'.repeat(64), 1)).toEqual(['Dinas Sosial', 'UPTD Puskesmas Barat']);
    expect(sharedWith(holders, 'b'.repeat(64), 1)).toEqual([]);
    expect(sharedWith(holders, null, 1)).toEqual([]);
  });
});

describe('renewal steps for the gap list', () => {
  it('one "Perbarui" step per applicable requirement holding an expired document', () => {
    const evidence = (id: number, expired: boolean) => ({ id, title: `Bukti ${id}`, expired, expiredReason: expired ? 'bertanggal 1 Jan 2020' : null });
    const steps = renewalSteps([
      {
        instrumentId: 7,
        shortName: 'PEKPPP 2022 (A)',
        aspects: [
          {
            indicators: [
              {
                code: '1',
                number: 1,
                name: 'Standar Pelayanan',
                requirements: [
                  { code: '1.sk', text: 'SK penetapan SP', status: 'terverifikasi', evidence: [evidence(1, true), evidence(2, false)] },
                  { code: '1.foto', text: 'Foto papan SP', status: 'menunggu_verifikasi', evidence: [evidence(3, false)] },
                  { code: '1.na', text: 'Tidak berlaku', status: 'tidak_berlaku', evidence: [evidence(4, true)] },
                ],
              },
            ],
          },
        ],
      },
    ]);
    expect(steps).toEqual([
      expect.objectContaining({ kind: 'renewal', requirementCode: '1.sk', title: 'Perbarui bukti: SK penetapan SP', documents: [{ evidenceId: 1, title: 'Bukti 1', reason: 'bertanggal 1 Jan 2020' }] }),
    ]);
  });
});

describe('instrument years', () => {
  const items = [
    { id: 1, family: 'pekppp', version: '2022.1', yearsFrom: 2022, yearsTo: 2025 },
    { id: 2, family: 'pekppp', version: '2022.2', yearsFrom: 2022, yearsTo: null },
    { id: 3, family: 'ombudsman', version: '2013.1', yearsFrom: 2013, yearsTo: 2021 },
    { id: 4, family: 'ombudsman', version: '2025.1', yearsFrom: 2025, yearsTo: null },
    { id: 5, family: 'ombudsman', version: '2022.1', yearsFrom: 2022, yearsTo: 2024 },
  ];

  it('open-ended years cover every later year', () => {
    expect(coversYear(items[1]!, 2031)).toBe(true);
    expect(coversYear(items[0]!, 2026)).toBe(false);
    expect(coversYear(items[2]!, 2026)).toBe(false);
  });

  it('preselects the newest covering instrument of each family', () => {
    expect(newestCovering(items, 2026).sort()).toEqual([2, 4]);
    expect(newestCovering(items, 2025).sort()).toEqual([2, 4]);
    expect(newestCovering(items, 2023).sort()).toEqual([2, 5]);
    expect(newestCovering(items, 2019).sort()).toEqual([3]);
    expect(newestCovering(items, Number.NaN)).toEqual([]);
  });
});

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FORM_HEADERS, FOUR_ROWS, formCsv, seedUnit, upload, word } from './forms-fixture';

async function newSurvey(api: Awaited<ReturnType<typeof seedUnit>>['api'], unitId: number, serviceName = 'Kartu Tanda Penduduk Elektronik', population: number | null = 100) {
  return api['skm:survey-save']({ unitId, serviceName, year: 2026, semester: 0, population });
}

describe('SKM import of a Google Forms export, end to end', () => {
  it('maps columns by their titles, flags a blank unsur, keeps it only when accepted, and scores as computed by hand', async () => {
    const { api, unitId } = await seedUnit();
    const survey = await newSurvey(api, unitId);
    const file = upload('SKM Disdukcapil (Respons).csv', formCsv(FOUR_ROWS));
    const preview = await api['skm:import-preview']({ surveyId: survey.id, upload: file });
    expect(preview.rejected).toBeNull();
    expect(preview.mappingSource).toBe('saran');
    expect(preview.unmapped).toEqual([]);
    expect(preview.mapping).toMatchObject({ respondentId: 1, sex: 2, age: 3, education: 4, occupation: 5, U1: 6, U9: 14, submittedAt: 0 });
    expect(preview.errors).toEqual([]);
    expect(preview.totalRows).toBe(4);
    expect(preview.completeRows).toBe(3);
    expect(preview.incompleteRows).toEqual([{ row: 5, missing: ['U9'] }]);
    expect(preview.sampleRows[0]![6]).toBe('Sangat sesuai');

    // Not accepted: 3 respondents. U1–U4 = 9/3 = 3; U5–U9 = 10/3. IKM = (12 + 50/3)/9 = 3,185; ×25 = 79,63 → B.
    const first = await api['skm:import-apply']({ surveyId: survey.id, upload: file, mapping: preview.mapping, token: preview.token, acceptRows: [] });
    expect(first).toEqual({ surveyId: survey.id, imported: 3, replaced: 0, excluded: 1 });
    let view = await api['skm:unit']({ unitId, year: 2026, semester: 0 });
    expect(view.report.unit.ikmConverted).toBe(79.63);

    // Accepted: U1–U4 = 13/4 = 3,25; U5–U8 = 14/4 = 3,5; U9 = 10/3 (R4 left it blank).
    // IKM = (13 + 14 + 10/3)/9 = 3,370; ×25 = 84,259… → 84,26 → B.
    const again = await api['skm:import-preview']({ surveyId: survey.id, upload: file });
    expect(again.mappingSource).toBe('tersimpan');
    expect(again.replaces).toBe(3);
    const second = await api['skm:import-apply']({ surveyId: survey.id, upload: file, mapping: again.mapping, token: again.token, acceptRows: [5] });
    expect(second).toMatchObject({ imported: 4, replaced: 3, excluded: 0 });
    view = await api['skm:unit']({ unitId, year: 2026, semester: 0 });
    const unit = view.report.unit;
    expect(unit.respondents).toBe(4);
    expect(unit.unsur.map((item) => item.nrr)).toEqual([3.25, 3.25, 3.25, 3.25, 3.5, 3.5, 3.5, 3.5, 3.33]);
    expect(unit.unsur[8]!.answered).toBe(3);
    expect(unit.ikm).toBe(3.37);
    expect(unit.ikmConverted).toBe(84.26);
    expect(unit.band?.code).toBe('B');
    expect(unit.sampleNeeded).toBe(80);
    expect(unit.shortfall).toBe(76);
    expect(view.surveys[0]).toMatchObject({ respondents: 4, mode: 'rows', sourceName: 'SKM Disdukcapil (Respons).csv' });
    const sex = view.profile.groups.find((group) => group.title === 'Jenis kelamin')!;
    expect(sex.counts).toEqual([{ label: 'Laki-laki', count: 2 }, { label: 'Perempuan', count: 2 }]);
    const occupation = view.profile.groups.find((group) => group.title === 'Pekerjaan')!;
    expect(occupation.counts).toContainEqual({ label: 'Lainnya (isian bebas)', count: 1 });
  });

  it('reports every bad row in Indonesian and a refused file changes nothing', async () => {
    const { api, unitId } = await seedUnit();
    const survey = await newSurvey(api, unitId);
    const good = upload('baik.csv', formCsv(FOUR_ROWS.slice(0, 3)));
    const ok = await api['skm:import-preview']({ surveyId: survey.id, upload: good });
    await api['skm:import-apply']({ surveyId: survey.id, upload: good, mapping: ok.mapping, token: ok.token, acceptRows: [] });

    const bad = formCsv([
      FOUR_ROWS[0]!,
      { ...FOUR_ROWS[1]!, answers: ['3', '5', '3', '3', '3', '3', '3', '3', '3'] },
      { ...FOUR_ROWS[2]!, answers: [2, 'Lumayan', 2, 2, 3, 3, 3, 3, 3] },
      { ...FOUR_ROWS[3]!, email: 'a@contoh.id', answers: Array(9).fill(4) },
      { ...FOUR_ROWS[0]!, email: 'e@contoh.id', answers: Array(9).fill('') },
    ]);
    const file = upload('salah.csv', bad);
    const preview = await api['skm:import-preview']({ surveyId: survey.id, upload: file });
    expect(preview.ok).toBe(false);
    expect(preview.errors.map((error) => [error.row, error.column.split(' ')[0], error.message])).toEqual([
      [3, 'H', 'Jawaban 5 di luar rentang 1–4.'],
      [4, 'H', expect.stringContaining('Jawaban "Lumayan" tidak dikenali untuk unsur Sistem, mekanisme, dan prosedur; gunakan Tidak mudah, Kurang mudah, Mudah, Sangat mudah, atau angka 1–4.')],
      [5, 'B', expect.stringContaining('ID responden "a@contoh.id" sudah dipakai di baris 2')],
      [6, 'G', expect.stringContaining('tidak berisi jawaban unsur apa pun')],
    ]);
    await expect(api['skm:import-apply']({ surveyId: survey.id, upload: file, mapping: preview.mapping, token: preview.token, acceptRows: [] })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('tidak ada yang diubah'),
    });
    const view = await api['skm:unit']({ unitId, year: 2026, semester: 0 });
    expect(view.report.unit.respondents).toBe(3);
  });

  it('refuses an apply whose file or mapping changed since the preview', async () => {
    const { api, unitId } = await seedUnit();
    const survey = await newSurvey(api, unitId);
    const file = upload('a.csv', formCsv(FOUR_ROWS));
    const preview = await api['skm:import-preview']({ surveyId: survey.id, upload: file });
    const other = upload('a.csv', formCsv(FOUR_ROWS.slice(0, 2)));
    await expect(api['skm:import-apply']({ surveyId: survey.id, upload: other, mapping: preview.mapping, token: preview.token, acceptRows: [] })).rejects.toMatchObject({ code: 'CONFLICT' });
    const swapped = { ...preview.mapping, U1: preview.mapping['U2']!, U2: preview.mapping['U1']! };
    await expect(api['skm:import-apply']({ surveyId: survey.id, upload: file, mapping: swapped, token: preview.token, acceptRows: [] })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await api['skm:unit']({ unitId, year: 2026, semester: 0 })).report.unit.respondents).toBe(0);
  });

  it('asks for a mapping when titles are unknown, and remembers the chosen one per unit', async () => {
    const { api, unitId } = await seedUnit();
    const survey = await newSurvey(api, unitId);
    const headers = ['No', ...Array.from({ length: 9 }, (_, i) => `Pertanyaan nomor ${i + 1} tentang layanan`)];
    const csv = [headers.join(','), '1,4,4,4,4,4,4,4,4,4', '2,3,3,3,3,3,3,3,3,3'].join('\n');
    const file = upload('kertas.csv', csv);
    const preview = await api['skm:import-preview']({ surveyId: survey.id, upload: file });
    expect(preview.ok).toBe(false);
    expect(preview.unmapped).toHaveLength(9);
    const mapping = { respondentId: 0, ...Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`U${i + 1}`, i + 1])) };
    const chosen = await api['skm:import-preview']({ surveyId: survey.id, upload: file, mapping });
    expect(chosen).toMatchObject({ ok: true, mappingSource: 'pilihan', completeRows: 2 });
    await api['skm:import-apply']({ surveyId: survey.id, upload: file, mapping, token: chosen.token, acceptRows: [] });
    const second = await newSurvey(api, unitId, 'Akta Kelahiran');
    const remembered = await api['skm:import-preview']({ surveyId: second.id, upload: file });
    expect(remembered).toMatchObject({ ok: true, mappingSource: 'tersimpan' });
    const dupe = { ...mapping, U2: 1 };
    const clash = await api['skm:import-preview']({ surveyId: survey.id, upload: file, mapping: dupe });
    expect(clash.rejected?.message).toContain('Satu kolom dipilih untuk dua isian');
  });

  it('reads the same answers from an .xlsx through the guarded parse worker', async () => {
    const { api, unitId } = await seedUnit();
    const survey = await newSurvey(api, unitId);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Respons Formulir 1');
    sheet.addRow(FORM_HEADERS);
    sheet.addRow(['2026-03-01', 'x@contoh.id', 'Perempuan', 30, 'SMA', 'Swasta', ...Array.from({ length: 9 }, (_, u) => word(u, 4)), '']);
    sheet.addRow(['2026-03-02', 'y@contoh.id', 'Laki-laki', 41, 'SMA', 'Swasta', ...Array(9).fill(2), '']);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const file = upload('Respons.xlsx', data);
    const preview = await api['skm:import-preview']({ surveyId: survey.id, upload: file });
    expect(preview).toMatchObject({ ok: true, completeRows: 2, mappingSource: 'saran' });
    await api['skm:import-apply']({ surveyId: survey.id, upload: file, mapping: preview.mapping, token: preview.token, acceptRows: [] });
    const view = await api['skm:unit']({ unitId, year: 2026, semester: 0 });
    expect(view.report.unit.ikmConverted).toBe(75); // all NRR 3 → 75,00 → C
    expect(view.report.unit.band?.code).toBe('C');
  });

  it('imports thousands of respondents in one go', async () => {
    const { api, unitId } = await seedUnit();
    const survey = await newSurvey(api, unitId, 'KTP', 10000);
    // 3.000 rows alternating all-3 and all-4: every NRR = 3,5 → IKM 3,5 → 87,50 → B; sample for 10.000 = 370.
    const rows = Array.from({ length: 3000 }, (_, i) => ({ ...FOUR_ROWS[0]!, email: `r${i}@contoh.id`, answers: Array(9).fill(i % 2 === 0 ? 3 : 4) }));
    const file = upload('besar.csv', formCsv(rows));
    const preview = await api['skm:import-preview']({ surveyId: survey.id, upload: file });
    expect(preview).toMatchObject({ ok: true, totalRows: 3000, completeRows: 3000 });
    expect(preview.sampleRows).toHaveLength(5);
    await api['skm:import-apply']({ surveyId: survey.id, upload: file, mapping: preview.mapping, token: preview.token, acceptRows: [] });
    const view = await api['skm:unit']({ unitId, year: 2026, semester: 0 });
    expect(view.report.unit).toMatchObject({ respondents: 3000, ikm: 3.5, ikmConverted: 87.5, sampleNeeded: 370, shortfall: 0 });
  });

  it.each([
    ['text named .xlsx', 'palsu.xlsx', Buffer.from('a,b,c\n1,2,3\n'), 'berisi teks'],
    ['empty file', 'kosong.csv', Buffer.alloc(0), 'Berkas kosong'],
    ['old .xls', 'lama.xlsx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), '.xls lama'],
    ['unclosed quote', 'rusak.csv', Buffer.from('a,b\n"1,2\n'), 'tanda petik tidak ditutup'],
  ])('refuses a hostile or broken file (%s) with a message and changes nothing', async (_label, name, data, message) => {
    const { api, unitId } = await seedUnit();
    const survey = await newSurvey(api, unitId);
    const preview = await api['skm:import-preview']({ surveyId: survey.id, upload: upload(name, data) });
    expect(preview.ok).toBe(false);
    expect(preview.rejected?.message).toContain(message);
  });
});

describe('SKM paper surveys and surveys', () => {
  it('enters per-answer counts per unsur, validated, and scores them', async () => {
    const { api, unitId } = await seedUnit();
    const survey = await newSurvey(api, unitId, 'Kartu Keluarga', 500);
    const counts = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`U${i + 1}`, [0, 10, 60, 30]]));
    // NRR = (20 + 180 + 120)/100 = 3,2 for every unsur → 80,00 → B; sample for 500 = 217.
    const saved = await api['skm:counts-set']({ surveyId: survey.id, respondents: 100, counts });
    expect(saved).toMatchObject({ mode: 'counts', respondents: 100 });
    const view = await api['skm:unit']({ unitId, year: 2026, semester: 0 });
    expect(view.report.unit).toMatchObject({ ikmConverted: 80, sampleNeeded: 217, shortfall: 117 });
    expect(view.report.unit.notes.join(' ')).toContain('kurang dari sampel minimum 217');
    await expect(api['skm:counts-set']({ surveyId: survey.id, respondents: 50, counts })).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: expect.objectContaining({ U1: 'U1: 100 jawaban, lebih banyak dari 50 kuesioner.' }),
    });
    expect((await api['skm:unit']({ unitId, year: 2026, semester: 0 })).report.unit.respondents).toBe(100);
  });

  it('keeps the respondent profile tallied on paper, checked against the questionnaires', async () => {
    const { api, unitId } = await seedUnit();
    const survey = await newSurvey(api, unitId, 'Kartu Keluarga', 500);
    const counts = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`U${i + 1}`, [0, 10, 60, 30]]));
    await api['skm:counts-set']({ surveyId: survey.id, respondents: 100, counts, profile: { sex: { 'Laki-laki': 45, Perempuan: 55 }, education: { SMA: 70, 'D4/S1': 30 } } });
    let view = await api['skm:unit']({ unitId, year: 2026, semester: 0 });
    expect(view.profile.groups.find((group) => group.title === 'Jenis kelamin')!.counts).toEqual([{ label: 'Laki-laki', count: 45 }, { label: 'Perempuan', count: 55 }]);
    expect(view.profile.groups.find((group) => group.title === 'Pendidikan')!.counts).toContainEqual({ label: 'SMA', count: 70 });
    // Saving the answer counts again without a profile keeps the profile entered before.
    await api['skm:counts-set']({ surveyId: survey.id, respondents: 100, counts });
    view = await api['skm:unit']({ unitId, year: 2026, semester: 0 });
    expect(view.profile.respondentsWithProfile).toBe(100);
    await expect(api['skm:counts-set']({ surveyId: survey.id, respondents: 100, counts, profile: { sex: { 'Laki-laki': 80, Perempuan: 55 }, occupation: { Astronaut: 1 } } })).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: expect.objectContaining({ 'profile.sex': 'Jenis kelamin: 135 responden, lebih banyak dari 100 kuesioner.', 'profile.occupation': 'Pekerjaan: pilihan tidak dikenal (Astronaut).' }),
    });
  });

  it('refuses a second survey of the same service and period', async () => {
    const { api, unitId } = await seedUnit();
    await newSurvey(api, unitId, 'Akta Kelahiran');
    await expect(newSurvey(api, unitId, 'akta kelahiran')).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(api['skm:survey-save']({ unitId, serviceName: 'Akta Kelahiran', year: 2026, semester: 1, population: null })).resolves.toMatchObject({ periodLabel: 'Semester I 2026' });
  });

  it('pemda table: one row per unit with surveys, mean of unit IKMs', async () => {
    const { api, unitId } = await seedUnit();
    const other = await api['units:create']({ name: 'Kecamatan Barat', groupName: 'Kecamatan', shortName: null, headName: null });
    const a = await newSurvey(api, unitId, 'KTP', null);
    const b = await newSurvey(api, other.id, 'Surat Keterangan', null);
    await api['skm:counts-set']({ surveyId: a.id, respondents: 10, counts: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`U${i + 1}`, [0, 0, 5, 5]])) }); // 3,5 → 87,50
    await api['skm:counts-set']({ surveyId: b.id, respondents: 10, counts: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`U${i + 1}`, [0, 0, 0, 10]])) }); // 4 → 100
    const pemda = await api['skm:pemda']({ year: 2026, semester: 0 });
    expect(pemda.summary.rows.map((row) => [row.unitName, row.ikmConverted, row.band?.code])).toEqual([
      ['Dinas Kependudukan dan Pencatatan Sipil', 87.5, 'B'],
      ['Kecamatan Barat', 100, 'A'],
    ]);
    expect(pemda.summary.meanConverted).toBe(93.75);
  });

  it('RTL rows feed the indicator 8 suggestion', async () => {
    const { api, unitId } = await seedUnit();
    const base = { unitId, year: 2026, semester: 0 as const };
    await api['skm:follow-up-save']({ ...base, unsurCode: 'U3', activity: 'Menambah loket pelayanan', schedule: 'Triwulan II 2026', responsible: 'Sekretaris Dinas', done: true });
    const list = await api['skm:follow-up-save']({ ...base, unsurCode: 'U9', activity: 'Perbaikan ruang tunggu', schedule: 'Juli 2026', responsible: 'Kasubbag Umum' });
    expect(list).toHaveLength(2);
    let view = await api['skm:unit'](base);
    expect(view.followUpSuggestion).toMatchObject({ total: 2, done: 1, percent: 50, level: 3 });
    await api['skm:follow-up-save']({ ...base, id: list[1]!.id, unsurCode: 'U9', activity: 'Perbaikan ruang tunggu', schedule: 'Juli 2026', responsible: 'Kasubbag Umum', done: true });
    view = await api['skm:unit'](base);
    expect(view.followUpSuggestion).toMatchObject({ level: 5 });
    expect(await api['skm:follow-up-delete']({ id: list[0]!.id })).toHaveLength(1);
  });
});

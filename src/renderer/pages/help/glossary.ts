/**
 * Terms the screens use, explained for a new staff member. The `Term` tooltip and the
 * Bantuan page read this one list, so a word is explained the same way everywhere.
 */
export interface GlossaryEntry {
  id: string;
  term: string;
  /** One or two plain sentences. */
  text: string;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  { id: 'pekppp', term: 'PEKPPP', text: 'Pemantauan dan Evaluasi Kinerja Penyelenggaraan Pelayanan Publik oleh KemenPANRB: enam aspek (Kebijakan, SDM, Sarana Prasarana, SIPP, Konsultasi & Pengaduan, Inovasi), tiap indikator dinilai 0–5.' },
  { id: 'ipp', term: 'IPP', text: 'Indeks Pelayanan Publik, 0,00–5,00: jumlah tertimbang tingkat semua indikator PEKPPP. IPP pemda adalah rata-rata IPP unit yang sudah dinilai.' },
  { id: 'nilai-mandiri', term: 'Nilai mandiri', text: 'Indeks dari tingkat yang diisi unit sendiri (penilaian mandiri, formulir F-01).' },
  { id: 'nilai-verifikasi', term: 'Nilai verifikasi', text: 'Indeks dari tingkat yang ditetapkan verifikator Bagian Organisasi setelah memeriksa bukti dukung. Selama verifikasi berjalan kategorinya sementara.' },
  { id: 'nilai-terkini', term: 'Nilai terkini', text: 'Per indikator: nilai verifikasi bila sudah diverifikasi, selain itu nilai mandiri unit. Inilah angka yang ditampilkan bila hanya satu angka yang muat; dasarnya (berapa indikator diverifikasi, mandiri, belum dinilai) selalu disebut.' },
  { id: 'sementara', term: 'Kategori sementara', text: 'Kategori dari penilaian yang belum selesai (masih ada indikator yang belum dinilai atau belum diverifikasi). Bisa berubah; bukan hasil akhir.' },
  { id: 'belum-dinilai', term: 'Belum dinilai', text: 'Unit belum memberi satu tingkat pun. Unit ini tidak diberi angka atau kategori dan tidak ikut dihitung dalam rata-rata pemda.' },
  { id: 'sipp', term: 'SIPP', text: 'Sistem Informasi Pelayanan Publik: website, media sosial, aplikasi dan papan informasi yang memuat informasi layanan; terhubung ke SIPP Nasional (SIPPN).' },
  { id: 'skm', term: 'SKM', text: 'Survei Kepuasan Masyarakat menurut PermenPANRB 14/2017: sembilan unsur, jawaban 1–4, hasilnya IKM. Wajib minimal sekali setahun dan dipublikasikan.' },
  { id: 'ikm', term: 'IKM', text: 'Indeks Kepuasan Masyarakat hasil SKM, 25–100 (mutu A–D).' },
  { id: 'fkp', term: 'FKP', text: 'Forum Konsultasi Publik: pertemuan dengan pengguna layanan dan unsur masyarakat untuk menyusun atau meninjau Standar Pelayanan.' },
  { id: 'sp4n-lapor', term: 'SP4N-LAPOR!', text: 'Sistem Pengelolaan Pengaduan Pelayanan Publik Nasional. Pengaduan yang ditindaklanjuti lewat SP4N-LAPOR! memberi tingkat tertinggi pada indikator pengaduan.' },
  { id: 'sp', term: 'Standar Pelayanan (SP)', text: 'Tolok ukur layanan dengan 14 komponen (persyaratan, prosedur, waktu, biaya, produk, pengaduan, dasar hukum, sarana, kompetensi, pengawasan, jumlah pelaksana, jaminan, keamanan, evaluasi).' },
  { id: 'lokus', term: 'Lokus', text: 'Unit layanan yang dinilai. Untuk PEKPPP kab/kota, Diskominfo dan Dinas Pendidikan adalah lokus tetap 2025–2029.' },
  { id: 'f-01', term: 'F-01, F-02, F-03', text: 'Formulir PEKPPP: F-01 kuesioner penilaian mandiri unit dengan bukti dukung, F-02 lembar penilaian evaluator, F-03 survei pengguna layanan.' },
  { id: 'data-dukung', term: 'Data dukung / bukti dukung', text: 'Dokumen, foto, tangkapan layar atau tautan yang membuktikan suatu tingkat: SK, SOP, laporan, notulen, daftar hadir, foto fasilitas bertanggal.' },
  { id: 'kedaluwarsa', term: 'Kedaluwarsa', text: 'Bukti yang tanggal dokumennya di luar rentang tanggal tahun penilaian, atau lebih tua dari batas umur yang diatur di Pengaturan.' },
  { id: 'zona', term: 'Zona', text: 'Hasil Ombudsman RI: Hijau (kepatuhan tinggi), Kuning (sedang), Merah (rendah).' },
  { id: 'opini', term: 'Opini Ombudsman', text: 'Sejak 2022 Ombudsman RI memberi opini A–E (Kualitas Tertinggi … Terendah). Sejak 2025 ditambah survei Kepercayaan Masyarakat dan predikat "Tanpa Maladministrasi" bila temuan Ombudsman sudah ditindaklanjuti.' },
  { id: 'estimasi', term: 'Estimasi kesiapan', text: 'Perkiraan nilai Ombudsman dari bukti yang sudah terverifikasi. Lembar penilaian Ombudsman tidak dipublikasikan, jadi angka ini bukan nilai resmi; rentang yang disimpulkan ditandai "estimasi".' },
  { id: 'sampel', term: 'Sampel Ombudsman', text: 'Unit yang dinilai langsung oleh Ombudsman (kab/kota: DPMPTSP, Disdukcapil, Dinas Pendidikan, Dinas Sosial, Dinas Kesehatan dan 2 Puskesmas; provinsi: RSUD).' },
  { id: 'buku-kerja', term: 'Buku kerja', text: 'Berkas Excel (.xlsx) yang diekspor atau diisi kembali oleh unit.' },
];

export const GLOSSARY_BY_ID: ReadonlyMap<string, GlossaryEntry> = new Map(GLOSSARY.map((entry) => [entry.id, entry]));

/**
 * Keyboard shortcuts, listed on the Bantuan page by screen. `keys` are pressed together;
 * `or` is another key that does the same.
 */
export interface Shortcut {
  keys: string[];
  or?: string[];
  action: string;
}

export const SHORTCUTS: ReadonlyArray<Shortcut> = [
  { keys: ['Ctrl', 'K'], action: 'Cari unit dari layar mana pun' },
  { keys: ['/'], action: 'Cari unit (bila kursor tidak di kolom isian)' },
  { keys: ['Shift', 'Enter'], action: 'Di pencarian: buka layar yang sedang dipakai untuk unit itu' },
  { keys: ['Alt', '←'], action: 'Profil unit: unit sebelumnya' },
  { keys: ['Alt', '→'], action: 'Profil unit: unit berikutnya' },
  { keys: ['Esc'], action: 'Tutup dialog' },
];

/** Daftar Periksa; never while typing in a field or while a dialog is open (see use-checklist-keys.ts). */
export const CHECKLIST_SHORTCUTS: ReadonlyArray<Shortcut> = [
  { keys: ['↓'], or: ['j'], action: 'Persyaratan berikutnya' },
  { keys: ['↑'], or: ['k'], action: 'Persyaratan sebelumnya' },
  { keys: ['v'], action: 'Verifikasi persyaratan yang dipilih (perlu berkas atau tautan bukti)' },
  { keys: ['p'], action: 'Tandai perlu perbaikan (meminta alasan)' },
  { keys: ['n'], action: 'Tulis catatan persyaratan yang dipilih' },
  { keys: ['Spasi'], or: ['x'], action: 'Centang atau lepas centang untuk ubah massal' },
  { keys: ['Shift', 'klik'], action: 'Centang satu rentang persyaratan' },
  { keys: ['Esc'], action: 'Lepas semua centang' },
];

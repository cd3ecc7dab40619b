/** Data shapes of the documents feature (kop, signatories, letters, reminders) crossing the API. */

export const SIGNATORY_ROLES = ['kabag', 'sekda'] as const;
export type SignatoryRole = (typeof SIGNATORY_ROLES)[number];

export const SIGNATORY_ROLE_LABELS: Record<SignatoryRole, string> = {
  kabag: 'Kepala Bagian Organisasi',
  sekda: 'Sekretaris Daerah',
};

/** Every document Patuh writes that carries a signature; each has its chosen signatory. */
export const SIGNED_DOCUMENTS = ['recap', 'unit-package', 'gap-report', 'form', 'nota-dinas', 'berita-acara', 'laporan'] as const;
export type SignedDocument = (typeof SIGNED_DOCUMENTS)[number];

export const SIGNED_DOCUMENT_LABELS: Record<SignedDocument, string> = {
  recap: 'Rekapitulasi pemda',
  'unit-package': 'Paket pengajuan unit',
  'gap-report': 'Laporan kesenjangan',
  form: 'Formulir isian unit',
  'nota-dinas': 'Nota Dinas permintaan data dukung',
  'berita-acara': 'Berita Acara verifikasi',
  laporan: 'Laporan hasil penilaian mandiri',
};

export interface Signatory {
  role: SignatoryRole;
  /** Jabatan as printed, e.g. "Kepala Bagian Organisasi". */
  position: string;
  name: string;
  /** Pangkat/golongan, e.g. "Pembina (IV/a)". */
  rank: string;
  /** 18 digits, or '' while not filled in. */
  nip: string;
}

export type PaperSize = 'A4' | 'F4';

export interface LetterheadSettings {
  /** "PEMERINTAH KABUPATEN CONTOH", derived from the pemda name and kind in Pengaturan. */
  governmentTitle: string;
  secretariatLine: string;
  sectionLine: string;
  address: string;
  phone: string;
  email: string;
  website: string;
  /** Place in "Sleman, 24 November 2026". */
  place: string;
  paper: PaperSize;
  /** Nota Dinas number pattern: {n} running number, {tahun}, {bulan}. */
  letterPattern: string;
  logo: { fileName: string; width: number; height: number } | null;
  signatories: Signatory[];
  signers: Record<SignedDocument, SignatoryRole>;
  /** What is still missing for an office to sign documents as is (empty = ready). */
  missing: string[];
}

export type LetterKind = 'nota-dinas' | 'berita-acara' | 'laporan';

export interface LettersResult {
  /** Folder holding the letters. */
  path: string;
  files: string[];
  /** Numbers issued for Nota Dinas, one per unit. */
  numbers: Array<{ unitName: string; nomor: string }>;
  downloadUrl: string | null;
}

export interface Reminder {
  unitId: number;
  unitName: string;
  headName: string | null;
  phone: string | null;
  email: string | null;
  deadline: string | null;
  daysLeft: number | null;
  /** Share of applicable requirements verified, 0–100. */
  percentVerified: number;
  missing: number;
  needsFix: number;
  waiting: number;
  topItems: string[];
  /** Full message text (WhatsApp and e-mail body). */
  message: string;
  subject: string;
  /** https://wa.me/62…?text=… or null when the unit has no mobile number. */
  whatsappUrl: string | null;
  /** mailto: with subject and body, or null without an e-mail address. */
  mailtoUrl: string | null;
}

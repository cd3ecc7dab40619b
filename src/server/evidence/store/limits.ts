/**
 * What the evidence store accepts, and the Indonesian wording used to explain a refusal.
 * Kept apart from the I/O code so the UI can show the same list before a user picks a file.
 */

export interface EvidenceLimits {
  maxBytes: number;
  /** Lower-case, without the dot. */
  allowedExtensions: readonly string[];
}

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: EvidenceLimits = Object.freeze({
  maxBytes: 200 * MiB,
  allowedExtensions: Object.freeze([
    'pdf', 'jpg', 'jpeg', 'png', 'gif', 'webp', 'heic',
    'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'odt', 'ods', 'odp', 'rtf', 'txt', 'csv',
    'mp4', 'mov', 'avi', 'mkv', 'webm', 'mp3', 'm4a', 'zip',
  ]),
});

export function resolveLimits(overrides?: Partial<EvidenceLimits>): EvidenceLimits {
  const maxBytes = overrides?.maxBytes ?? DEFAULT_LIMITS.maxBytes;
  const allowed = (overrides?.allowedExtensions ?? DEFAULT_LIMITS.allowedExtensions).map((ext) =>
    ext.replace(/^\./u, '').toLowerCase(),
  );
  return { maxBytes, allowedExtensions: allowed };
}

const MIME: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  rtf: 'application/rtf',
  txt: 'text/plain',
  csv: 'text/csv',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  avi: 'video/x-msvideo',
  mkv: 'video/x-matroska',
  webm: 'video/webm',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  zip: 'application/zip',
};

export function mimeForExtension(ext: string): string {
  return MIME[ext.toLowerCase()] ?? 'application/octet-stream';
}

// Grouped the way office staff think about documents, not by MIME family.
const KINDS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['PDF', ['pdf']],
  ['gambar', ['jpg', 'jpeg', 'png', 'gif', 'webp', 'heic']],
  ['dokumen', ['doc', 'docx', 'odt', 'rtf', 'txt']],
  ['lembar kerja', ['xls', 'xlsx', 'ods', 'csv']],
  ['presentasi', ['ppt', 'pptx', 'odp']],
  ['video', ['mp4', 'mov', 'avi', 'mkv', 'webm']],
  ['audio', ['mp3', 'm4a']],
  ['arsip', ['zip']],
];

/** e.g. "PDF; gambar (JPG, PNG); video (MP4)" for the extensions actually allowed. */
export function describeAllowed(allowed: readonly string[]): string {
  const set = new Set(allowed);
  const known = new Set(KINDS.flatMap(([, exts]) => exts));
  const parts: string[] = [];
  for (const [label, exts] of KINDS) {
    const present = exts.filter((ext) => set.has(ext));
    if (present.length === 0) continue;
    parts.push(label === 'PDF' ? 'PDF' : `${label} (${present.map((ext) => ext.toUpperCase()).join(', ')})`);
  }
  const others = [...set].filter((ext) => !known.has(ext));
  if (others.length > 0) parts.push(`lainnya (${others.map((ext) => ext.toUpperCase()).join(', ')})`);
  return parts.join('; ');
}

/**
 * Size in Indonesian notation (decimal comma, 1024 base as Windows Explorer shows it).
 * `round: 'up'` for a file's size and 'down' for a limit, so an over-limit file never reads
 * "200 MB, melebihi batas 200 MB".
 */
export function formatBytes(bytes: number, round: 'up' | 'down' = 'up'): string {
  const units = ['byte', 'KB', 'MB', 'GB'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const scaled = value * 10;
  // Tolerance so exact values (250 MiB) are not pushed up by floating-point noise.
  const tenths = round === 'up' ? Math.ceil(scaled - 1e-9) : Math.floor(scaled + 1e-9);
  const whole = Math.floor(tenths / 10);
  const fraction = tenths % 10;
  const number = fraction === 0 ? String(whole) : `${whole},${fraction}`;
  return `${number} ${units[unit]}`;
}

const quoted = (name: string): string => `"${name}"`;

export const messages = {
  missing: (name: string) =>
    `Berkas ${quoted(name)} tidak ditemukan. Mungkin sudah dipindahkan, diganti nama, atau dihapus. Pilih berkasnya lagi.`,
  notRegular: (name: string) =>
    `${quoted(name)} bukan berkas biasa (misalnya folder atau perangkat). Pilih berkas dokumennya langsung, lalu lampirkan lagi.`,
  noPermission: (name: string) =>
    `Berkas ${quoted(name)} tidak dapat dibuka karena tidak ada izin membacanya. Salin berkas ke folder Dokumen Anda, lalu lampirkan salinannya.`,
  busy: (name: string) =>
    `Berkas ${quoted(name)} sedang dipakai program lain. Tutup berkas itu (misalnya di Word atau Excel), lalu lampirkan lagi.`,
  unreadable: (name: string, code: string) =>
    `Berkas ${quoted(name)} tidak dapat dibaca (${code}). Pastikan flashdisk atau folder jaringan masih terhubung, lalu lampirkan lagi.`,
  empty: (name: string) =>
    `Berkas ${quoted(name)} kosong (0 byte). Periksa apakah berkas tersimpan dengan benar, lalu lampirkan lagi.`,
  tooLarge: (name: string, size: number, max: number) =>
    `Berkas ${quoted(name)} berukuran ${formatBytes(size, 'up')}, melebihi batas ${formatBytes(max, 'down')}. Kompres atau pecah berkas lalu lampirkan lagi.`,
  noExtension: (name: string, allowed: readonly string[]) =>
    `Jenis berkas ${quoted(name)} tidak dapat dikenali karena namanya tidak berakhiran jenis berkas (misalnya .pdf). Jenis yang diterima: ${describeAllowed(allowed)}. Beri nama berakhiran yang sesuai, lalu lampirkan lagi.`,
  extensionNotAllowed: (name: string, ext: string, allowed: readonly string[]) =>
    `Jenis berkas .${ext} (${quoted(name)}) tidak diterima. Jenis yang diterima: ${describeAllowed(allowed)}. Simpan atau ekspor dokumen ke salah satu jenis tersebut, lalu lampirkan lagi.`,
  executable: (name: string, ext: string) =>
    `Berkas ${quoted(name)} berisi program yang dapat dijalankan, bukan dokumen .${ext}. Demi keamanan berkas ini ditolak. Periksa berkas dengan antivirus dan lampirkan dokumen aslinya.`,
  contentMismatch: (name: string, ext: string, label: string) =>
    `Isi berkas ${quoted(name)} bukan ${label}, padahal namanya berakhiran .${ext}. Berkas mungkin rusak atau salah diberi nama. Buka berkas untuk memeriksanya, simpan ulang dalam format yang benar, lalu lampirkan lagi.`,
  diskFull: (name: string) =>
    `Disk penuh: berkas ${quoted(name)} tidak dapat disimpan. Kosongkan ruang disk (hapus atau pindahkan berkas yang tidak diperlukan), lalu lampirkan lagi.`,
  readOnly: (name: string) =>
    `Berkas ${quoted(name)} tidak dapat disimpan karena folder data Patuh hanya-baca. Pindahkan folder data ke disk yang dapat ditulisi, lalu lampirkan lagi.`,
  writeDenied: (name: string) =>
    `Berkas ${quoted(name)} tidak dapat disimpan karena Patuh tidak diizinkan menulis ke folder datanya. Periksa izin folder (atau antivirus yang memblokir), lalu lampirkan lagi.`,
  readFailed: (name: string, code: string) =>
    `Berkas ${quoted(name)} gagal dibaca saat disalin (${code}). Pastikan flashdisk atau folder jaringan masih terhubung dan berkas tidak sedang diubah, lalu lampirkan lagi.`,
  writeFailed: (name: string, code: string) =>
    `Berkas ${quoted(name)} gagal disimpan ke folder data Patuh (${code}). Coba lagi; bila tetap gagal, periksa kondisi disk dan hubungi pengelola aplikasi.`,
  cancelled: (name: string) =>
    `Penyalinan berkas ${quoted(name)} dibatalkan. Tidak ada yang tersimpan; lampirkan lagi bila diperlukan.`,
};

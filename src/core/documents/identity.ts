/**
 * Identity fields of people who sign or receive documents: the NIP of a civil servant
 * (18 digits: birth date, appointment month, sex, sequence) and a phone number usable
 * for WhatsApp (wa.me wants the international form without "+": 62812…).
 */

/** Digits only: offices often type NIPs with spaces ("19700101 199503 1 001"). */
export function normalizeNip(value: string): string {
  return value.replace(/[\s.-]/gu, '');
}

/** Null when valid, otherwise the Indonesian reason. */
export function nipProblem(value: string): string | null {
  const nip = normalizeNip(value);
  if (!/^\d+$/u.test(nip)) return 'NIP hanya berisi angka.';
  if (nip.length !== 18) return `NIP harus 18 angka (sekarang ${nip.length}).`;
  const month = Number(nip.slice(4, 6));
  const day = Number(nip.slice(6, 8));
  const tmtMonth = Number(nip.slice(12, 14));
  const sex = nip.charAt(14);
  if (month < 1 || month > 12 || day < 1 || day > 31) return 'Delapan angka pertama NIP harus tanggal lahir (TTTTBBHH).';
  if (tmtMonth < 1 || tmtMonth > 12) return 'Angka ke-9 sampai ke-14 NIP harus tahun dan bulan pengangkatan (TTTTBB).';
  if (sex !== '1' && sex !== '2') return 'Angka ke-15 NIP harus 1 (pria) atau 2 (wanita).';
  return null;
}

/** "19700101 199503 1 001" — the grouping printed under a signature. */
export function formatNip(value: string): string {
  const nip = normalizeNip(value);
  return nip.length === 18 ? `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}` : nip;
}

/** "0812-3456-7890", "+62 812 3456 7890", "62812…" → "6281234567890"; null when not a mobile number. */
export function waNumber(value: string | null | undefined): string | null {
  if (!value) return null;
  let digits = value.replace(/[^\d+]/gu, '');
  if (digits.startsWith('+')) digits = digits.slice(1);
  if (digits.includes('+')) return null;
  if (digits.startsWith('0')) digits = `62${digits.slice(1)}`;
  else if (digits.startsWith('8')) digits = `62${digits}`;
  return /^628\d{7,12}$/u.test(digits) ? digits : null;
}

export function phoneProblem(value: string): string | null {
  return waNumber(value) ? null : 'Nomor HP harus nomor seluler Indonesia, misalnya 0812-3456-7890 atau +62 812 3456 7890.';
}

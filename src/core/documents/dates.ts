/** Dates as Indonesian letters write them: "24 November 2026", "Selasa", and in words for a Berita Acara. */

export const MONTHS_LONG = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', "Jum'at", 'Sabtu'];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

function parts(iso: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/u.exec(iso);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? { year, month, day } : null;
}

/** "2026-11-24" → "24 November 2026"; '' when unparsable. */
export function longDateId(iso: string | null | undefined): string {
  const date = parts(iso ?? '');
  return date ? `${date.day} ${MONTHS_LONG[date.month - 1]} ${date.year}` : '';
}

export function dayNameId(iso: string): string {
  const date = parts(iso);
  return date ? DAYS[new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()]! : '';
}

export function romanMonth(iso: string): string {
  const date = parts(iso);
  return date ? ROMAN[date.month - 1]! : '';
}

const ONES = ['', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh', 'sebelas'];

/** Cardinal number in Indonesian words (0 ≤ n < 1,000,000), as a Berita Acara spells dates. */
export function numberInWords(n: number): string {
  if (n === 0) return 'nol';
  const words = (value: number): string => {
    if (value < 12) return ONES[value]!;
    if (value < 20) return `${ONES[value - 10]} belas`;
    if (value < 100) return `${ONES[Math.floor(value / 10)]} puluh ${words(value % 10)}`.trim();
    if (value < 200) return `seratus ${words(value - 100)}`.trim();
    if (value < 1000) return `${ONES[Math.floor(value / 100)]} ratus ${words(value % 100)}`.trim();
    if (value < 2000) return `seribu ${words(value - 1000)}`.trim();
    return `${words(Math.floor(value / 1000))} ribu ${words(value % 1000)}`.trim();
  };
  return words(Math.floor(n)).replace(/\s+/gu, ' ');
}

/** "Pada hari ini Selasa tanggal dua puluh empat bulan November tahun dua ribu dua puluh enam". */
export function dateInWords(iso: string): string {
  const date = parts(iso);
  if (!date) return '';
  return `${dayNameId(iso)} tanggal ${numberInWords(date.day)} bulan ${MONTHS_LONG[date.month - 1]} tahun ${numberInWords(date.year)}`;
}

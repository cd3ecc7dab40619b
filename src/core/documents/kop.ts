/** Pure text of a kop surat: which government, which secretariat, which section. */

export type LocalGovernmentKind = 'kabupaten' | 'kota' | 'provinsi';

const KIND_WORD: Record<LocalGovernmentKind, string> = { kabupaten: 'Kabupaten', kota: 'Kota', provinsi: 'Provinsi' };

/**
 * "PEMERINTAH KABUPATEN SLEMAN" from the name in Pengaturan, whether the office typed
 * "Sleman", "Kabupaten Sleman" or "Pemerintah Kabupaten Sleman".
 */
export function governmentTitle(name: string, kind: LocalGovernmentKind): string {
  const clean = name.replace(/\s+/gu, ' ').trim();
  if (clean === '') return 'PEMERINTAH DAERAH';
  if (/^pemerintah\s/iu.test(clean)) return clean.toUpperCase();
  if (/^(kabupaten|kota|provinsi)\s/iu.test(clean)) return `PEMERINTAH ${clean}`.toUpperCase();
  return `PEMERINTAH ${KIND_WORD[kind]} ${clean}`.toUpperCase();
}

/** "Kabupaten Sleman" for running text ("… di lingkungan Pemerintah Kabupaten Sleman"). */
export function governmentName(name: string, kind: LocalGovernmentKind): string {
  const clean = name.replace(/\s+/gu, ' ').trim().replace(/^pemerintah\s+/iu, '');
  if (clean === '') return 'Pemerintah Daerah';
  return /^(kabupaten|kota|provinsi)\s/iu.test(clean) ? clean : `${KIND_WORD[kind]} ${clean}`;
}

/** The secretariat line: Sekretariat Daerah at kab/kota and province alike. */
export const SECRETARIAT_LINE = 'SEKRETARIAT DAERAH';
/** Province level calls the section Biro Organisasi. */
export function sectionLine(kind: LocalGovernmentKind): string {
  return kind === 'provinsi' ? 'BIRO ORGANISASI' : 'BAGIAN ORGANISASI';
}

/**
 * The place printed before a date when Pengaturan has none: a kabupaten or kota signs in
 * its own name ("Sleman, 1 Desember 2026"); a province signs in its capital, which the
 * name does not tell, so it stays empty until the office fills it in.
 */
export function defaultPlace(name: string, kind: LocalGovernmentKind): string {
  const bare = name.replace(/\s+/gu, ' ').trim().replace(/^pemerintah\s+/iu, '');
  const named = /^(kabupaten|kota|provinsi)\s+/iu.exec(bare);
  const effective = named ? (named[1]!.toLowerCase() as LocalGovernmentKind) : kind;
  if (effective === 'provinsi') return '';
  return named ? bare.slice(named[0].length).trim() : bare;
}

/**
 * The signature block as text lines, the same in Excel and Word: caption (place and
 * date, or "Mengetahui,"), jabatan, space to sign, name, pangkat/golongan, NIP.
 */
import { formatNip } from './identity';

export interface Signature {
  /** "Sleman, 24 November 2026" or "Mengetahui," — '' for none. */
  caption: string;
  /** Jabatan, e.g. "Kepala Bagian Organisasi". */
  position: string;
  /** Name as printed; a dotted line when not filled in, so the block can be signed by hand. */
  name: string;
  rank: string;
  /** 18 digits or ''. */
  nip: string;
}

export const BLANK_SIGNER = '(.......................................)';
export const SIGN_SPACE_LINES = 3;

/** Name underlined by the writer; rank and NIP only when known (never "NIP. –"). */
export function signatureLines(signature: Signature): { top: string[]; name: string; bottom: string[] } {
  return {
    top: [signature.caption, signature.position].filter((line) => line !== ''),
    name: signature.name.trim() || BLANK_SIGNER,
    bottom: [signature.rank.trim(), signature.nip ? `NIP. ${formatNip(signature.nip)}` : ''].filter((line) => line !== ''),
  };
}

/** "Sleman, 24 November 2026" (place omitted when not set). */
export function placeAndDate(place: string, longDate: string): string {
  return place.trim() ? `${place.trim()}, ${longDate}` : longDate;
}

/**
 * The kop and signature of every SKM document, built in ONE place from the current
 * settings (pemda name and kind) and the unit. A shared letterhead/signature model for all
 * documents is being built in src/server/documents/; at merge this adapter is the only
 * thing that switches to it, the SKM writers keep calling skmDocumentHeader().
 */
import type { Unit } from '../../shared/types';
import type { ServerContext } from '../context';
import { getSettings } from '../settings/settings-service';

export interface SkmDocumentHeader {
  /** Kop lines, top to bottom: PEMERINTAH KABUPATEN …, the unit. */
  lines: string[];
}

export interface SkmSignature {
  /** "Contoh, 24 November 2026". */
  placeDate: string;
  role: string;
  name: string;
  /** Shown as "NIP. …" with dots when unknown, for the office to fill in by hand. */
  nip: string;
}

export interface SkmDocumentFrame {
  header: SkmDocumentHeader;
  signature: SkmSignature;
  localGovernment: string;
}

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const KIND_WORD = { kabupaten: 'Kabupaten', kota: 'Kota', provinsi: 'Provinsi' } as const;
const BLANK_NAME = '(.................................................)';
const BLANK_NIP = 'NIP. ..........................................';

export function longDate(date: Date): string {
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
}

export function skmDocumentFrame(ctx: ServerContext, unit: Unit): SkmDocumentFrame {
  const settings = getSettings(ctx);
  const name = settings.localGovernmentName.trim();
  // "Kabupaten Contoh" names its own kind; "Contoh" gets it from the setting.
  const named = /^(?:pemerintah\s+)?(kabupaten|kota|provinsi)\s+/iu.exec(name);
  const kind = named ? KIND_WORD[named[1]!.toLowerCase() as keyof typeof KIND_WORD] : KIND_WORD[settings.localGovernmentKind];
  const bare = name.slice(named ? named[0].length : 0).trim();
  const localGovernment = name === '' ? 'Pemerintah Daerah' : `${kind} ${bare}`;
  const place = bare || '..................';
  return {
    localGovernment,
    header: { lines: [name === '' ? 'PEMERINTAH DAERAH' : `PEMERINTAH ${localGovernment.toLocaleUpperCase('id-ID')}`, unit.name.toLocaleUpperCase('id-ID')] },
    signature: { placeDate: `${place}, ${longDate(ctx.now())}`, role: `Kepala ${unit.name}`, name: unit.headName?.trim() || BLANK_NAME, nip: BLANK_NIP },
  };
}

/**
 * The kop and signature of every SKM document: the unit's report, so the kop names the
 * pemda and the unit, and the unit head signs — taken from the shared letterhead model
 * (src/server/documents), so a kop is never assembled twice.
 */
import type { Unit } from '../../shared/types';
import type { ServerContext } from '../context';
import { documentContext } from '../documents';
import { formatNip } from '../../core/documents/identity';

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
const BLANK_NAME = '(.................................................)';
const BLANK_NIP = 'NIP. ..........................................';

export function longDate(date: Date): string {
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
}

export function skmDocumentFrame(ctx: ServerContext, unit: Unit): SkmDocumentFrame {
  // The shared letterhead model (settings + unit head) every document reads.
  const docs = documentContext(ctx);
  const head = docs.unitHead(unit);
  return {
    localGovernment: docs.header.localGovernment,
    header: { lines: [docs.header.lines[0], unit.name.toLocaleUpperCase('id-ID')] },
    signature: {
      placeDate: docs.placeDate(),
      role: head.position,
      name: unit.headName?.trim() ? head.name : BLANK_NAME,
      nip: head.nip ? `NIP. ${formatNip(head.nip)}` : BLANK_NIP,
    },
  };
}

/**
 * THE document model: the kop (DocumentHeader) and who signs (Signature), built once
 * from Pengaturan and the unit head, read by every writer — Excel exports, the form's
 * guide, the Word letters, and any later report (SKM). A kop is never assembled twice.
 *
 *   const docs = documentContext(ctx);           // one read of the settings
 *   docs.header                                   // kop lines, contact line, logo bytes, paper
 *   docs.signature('recap', { dated: true })      // the signatory chosen for that document
 *   docs.unitHead(unit)                           // the unit head as a signature
 *   docs.placeDate()                              // "Sleman, 24 November 2026" (today)
 */
import { longDateId } from '../../core/documents/dates';
import { defaultPlace, governmentName } from '../../core/documents/kop';
import { placeAndDate, type Signature } from '../../core/documents/signature';
import type { LetterheadSettings, PaperSize, SignedDocument } from '../../shared/documents-types';
import type { Unit } from '../../shared/types';
import type { ServerContext } from '../context';
import { localIsoDay } from '../excel/exports/format';
import { getSettings } from '../settings/settings-service';
import { getLetterheadSettings, logoBytes } from './settings';

export type { Signature };

export interface DocumentLogo {
  data: Buffer;
  extension: 'png' | 'jpeg';
  /** Pixel size, for scaling without distortion. */
  width: number;
  height: number;
}

export interface DocumentHeader {
  /** Kop lines top to bottom: PEMERINTAH KABUPATEN …, SEKRETARIAT DAERAH, BAGIAN ORGANISASI. */
  lines: [string, string, string];
  /** Address, then telephone / e-mail / website; '' parts left out. */
  addressLine: string;
  contactLine: string;
  logo: DocumentLogo | null;
  /** "Kabupaten Contoh" for running text. */
  localGovernment: string;
  place: string;
  paper: PaperSize;
}

export interface DocumentContext {
  header: DocumentHeader;
  settings: LetterheadSettings;
  /** Local calendar day of the document (YYYY-MM-DD). */
  today: string;
  placeDate(isoDay?: string): string;
  /** The signatory chosen in Pengaturan for `document`; caption = place and date when dated. */
  signature(document: SignedDocument, options?: { dated?: boolean; caption?: string }): Signature;
  /** The unit head as a signature ("Kepala Dinas Sosial"). */
  unitHead(unit: Pick<Unit, 'name' | 'headName' | 'headNip' | 'headRank'>, caption?: string): Signature;
}

function contactLine(settings: LetterheadSettings): string {
  return [
    settings.phone && `Telepon ${settings.phone}`,
    settings.email && `Pos-el ${settings.email}`,
    settings.website && `Laman ${settings.website}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** "Kepala Dinas Sosial"; a unit name that already starts with a jabatan word stays as is. */
export function unitHeadPosition(unitName: string): string {
  return /^(kepala|camat|direktur|lurah|sekretaris)\b/iu.test(unitName) ? unitName : `Kepala ${unitName}`;
}

export function documentContext(ctx: ServerContext): DocumentContext {
  const settings = getLetterheadSettings(ctx);
  const general = getSettings(ctx);
  const bytes = logoBytes(ctx, settings);
  const logo = bytes && settings.logo ? { data: bytes, extension: settings.logo.fileName.endsWith('.png') ? ('png' as const) : ('jpeg' as const), width: settings.logo.width, height: settings.logo.height } : null;
  const today = localIsoDay(ctx.now());
  const place = settings.place || defaultPlace(general.localGovernmentName, general.localGovernmentKind);
  const placeDate = (isoDay = today) => placeAndDate(place, longDateId(isoDay));
  return {
    header: {
      lines: [settings.governmentTitle, settings.secretariatLine.toUpperCase(), settings.sectionLine.toUpperCase()],
      addressLine: settings.address,
      contactLine: contactLine(settings),
      logo,
      localGovernment: governmentName(general.localGovernmentName, general.localGovernmentKind),
      place,
      paper: settings.paper,
    },
    settings,
    today,
    placeDate,
    signature(document, options = {}) {
      const role = settings.signers[document];
      const signatory = settings.signatories.find((item) => item.role === role)!;
      const caption = options.caption ?? (options.dated ? placeDate() : '');
      return { caption, position: signatory.position, name: signatory.name, rank: signatory.rank, nip: signatory.nip };
    },
    unitHead(unit, caption = '') {
      return { caption, position: unitHeadPosition(unit.name), name: unit.headName ?? '', rank: unit.headRank ?? '', nip: unit.headNip ?? '' };
    },
  };
}

/**
 * The fixed shape of the fillable workbook ("formulir isian"). Export writes exactly this
 * layout and import refuses anything else, so both sides share these constants.
 */
import { EVIDENCE_STATUSES, EVIDENCE_STATUS_LABELS, type EvidenceStatus } from '../../../core/checklist/types';

/** Bumped whenever the layout or the key sheet changes meaning; old files are then refused. */
export const FORM_FORMAT = 'patuh-formulir-1';

export const SHEET_GUIDE = 'Petunjuk';
export const SHEET_FORM = 'Isian';
export const SHEET_KEY = '_kunci';
export const FORM_SHEETS = [SHEET_GUIDE, SHEET_FORM, SHEET_KEY] as const;
/** Sheets a kit workbook adds (Penilaian Mandiri F-01 and its key); allowed, never required. */
export const OPTIONAL_SHEETS = ['Penilaian Mandiri', '_kunci_pm'] as const;

/** Columns of the Isian sheet, 1-based like Excel. */
export const COL = {
  no: 1,
  instrument: 2,
  aspect: 3,
  indicator: 4,
  requirement: 5,
  currentStatus: 6,
  status: 7,
  link: 8,
  documentDate: 9,
  note: 10,
} as const;

export const HEADERS: readonly string[] = [
  'No',
  'Instrumen',
  'Aspek/Dimensi',
  'Indikator',
  'Bukti dukung',
  'Status saat ini',
  'Status',
  'Tautan bukti',
  'Tanggal dokumen',
  'Catatan',
];

export const LOCKED_COLUMNS = [COL.no, COL.instrument, COL.aspect, COL.indicator, COL.requirement, COL.currentStatus];
export const EDITABLE_COLUMNS = [COL.status, COL.link, COL.documentDate, COL.note];
export const COLUMN_WIDTHS = [6, 16, 28, 36, 48, 20, 22, 40, 16, 40];

export const MAX_NOTE_LENGTH = 2000;
export const MAX_LINKS_PER_CELL = 10;
export const MAX_URL_LENGTH = 2000;
/** Plausible document dates; anything outside is almost certainly a typing slip. */
export const MIN_DOCUMENT_YEAR = 1990;
export const MAX_DOCUMENT_YEAR = 2100;

/** "A" for 1, "J" for 10 — enough for our ten columns and the few beyond we inspect. */
export function columnLetter(column: number): string {
  let result = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) result = String.fromCharCode(65 + ((n - 1) % 26)) + result;
  return result;
}

export function headerOf(column: number): string {
  return HEADERS[column - 1] ?? columnLetter(column);
}

export const STATUS_LABEL_LIST = EVIDENCE_STATUSES.map((status) => EVIDENCE_STATUS_LABELS[status]);

/** Case- and space-insensitive lookup, so "menunggu  verifikasi" typed by hand still counts. */
export function statusFromLabel(label: string): EvidenceStatus | null {
  const wanted = label.replace(/\s+/gu, ' ').trim().toLowerCase();
  return EVIDENCE_STATUSES.find((status) => EVIDENCE_STATUS_LABELS[status].toLowerCase() === wanted) ?? null;
}

export const statusLabel = (status: EvidenceStatus): string => EVIDENCE_STATUS_LABELS[status];

/** Statuses whose change needs a reason; on import the row's Catatan is that reason. */
export const NEEDS_REASON: ReadonlySet<EvidenceStatus> = new Set(['perlu_perbaikan', 'tidak_berlaku']);

/**
 * The instrument as an editable workbook: which sheets, which columns, and how a
 * definition is laid out in them. One layout serves the writer (server) and the reader
 * (this folder), so a round trip export → import gives the same definition.
 */
import { REQUIREMENT_KINDS, type Band, type InstrumentDefinition } from './schema';

export const SHEET = {
  info: 'Info',
  aspects: 'Aspek',
  indicators: 'Indikator',
  elements: 'Unsur',
  requirements: 'Bukti dukung',
  bands: 'Skala',
  guide: 'Petunjuk',
} as const;

export type DataSheet = Exclude<keyof typeof SHEET, 'guide'>;

export type ColumnKind = 'text' | 'number' | 'integer' | 'yesno' | 'list';

export interface ColumnSpec {
  /** Field of the definition this column holds (used to name problems). */
  field: string;
  header: string;
  width: number;
  kind: ColumnKind;
  /** Allowed values of a list column (also the workbook's drop-down). */
  list?: readonly string[];
  /** A list whose values live in another sheet's column (drop-down of codes). */
  listFrom?: { sheet: DataSheet; column: number };
  min?: number;
  max?: number;
  required?: boolean;
}

export const YES = 'ya';
export const NO = 'tidak';
export const LEVEL_COUNT = 6;

/** Colours a band is shown with; Indonesian words in the workbook, codes in the definition. */
export const TONE_WORDS: Record<Band['tone'], string> = { green: 'hijau', teal: 'toska', amber: 'jingga', red: 'merah' };
export const ZONES = ['hijau', 'kuning', 'merah'] as const;
export const SCORING_WORDS = { levels: 'tingkat 0–5', requirements: 'bukti dukung' } as const;

const levelColumns: ColumnSpec[] = Array.from({ length: LEVEL_COUNT }, (_, level) => ({
  field: `levels.${level}`,
  header: `Tingkat ${level}`,
  width: 34,
  kind: 'text' as const,
}));

export const COLUMNS: Record<Exclude<DataSheet, 'info'>, ColumnSpec[]> = {
  aspects: [
    { field: 'code', header: 'Kode', width: 14, kind: 'text', required: true },
    { field: 'name', header: 'Nama', width: 44, kind: 'text', required: true },
    { field: 'weight', header: 'Bobot (%)', width: 11, kind: 'number', min: 0, max: 100, required: true },
    { field: 'estimated', header: 'Estimasi', width: 10, kind: 'yesno', list: [YES, NO] },
    { field: 'shortName', header: 'Nama singkat (judul lembar, kolom)', width: 22, kind: 'text' },
  ],
  indicators: [
    { field: 'aspect', header: 'Kode aspek', width: 14, kind: 'list', listFrom: { sheet: 'aspects', column: 1 }, required: true },
    { field: 'number', header: 'Nomor', width: 8, kind: 'integer', min: 1, max: 999, required: true },
    { field: 'code', header: 'Kode', width: 16, kind: 'text', required: true },
    { field: 'name', header: 'Nama', width: 44, kind: 'text', required: true },
    { field: 'weight', header: 'Bobot (%)', width: 11, kind: 'number', min: 0, max: 100, required: true },
    { field: 'estimated', header: 'Estimasi', width: 10, kind: 'yesno', list: [YES, NO] },
    ...levelColumns,
    { field: 'elements.thresholds', header: 'Ambang unsur tingkat 1–5', width: 18, kind: 'text' },
  ],
  elements: [
    { field: 'indicator', header: 'Kode indikator', width: 16, kind: 'list', listFrom: { sheet: 'indicators', column: 3 }, required: true },
    { field: 'code', header: 'Kode unsur', width: 20, kind: 'text', required: true },
    { field: 'label', header: 'Uraian', width: 60, kind: 'text', required: true },
    { field: 'base', header: 'Unsur dasar', width: 12, kind: 'yesno', list: [YES, NO] },
  ],
  requirements: [
    { field: 'indicator', header: 'Kode indikator', width: 16, kind: 'list', listFrom: { sheet: 'indicators', column: 3 }, required: true },
    { field: 'code', header: 'Kode', width: 30, kind: 'text', required: true },
    { field: 'text', header: 'Judul bukti dukung', width: 70, kind: 'text', required: true },
    { field: 'kind', header: 'Jenis', width: 16, kind: 'list', list: REQUIREMENT_KINDS, required: true },
    { field: 'validMonths', header: 'Berlaku (bulan)', width: 14, kind: 'integer', min: 1, max: 120 },
  ],
  bands: [
    { field: 'code', header: 'Kode', width: 10, kind: 'text', required: true },
    { field: 'label', header: 'Label', width: 28, kind: 'text', required: true },
    { field: 'min', header: 'Min', width: 10, kind: 'number', required: true },
    { field: 'max', header: 'Maks', width: 10, kind: 'number', required: true },
    { field: 'zone', header: 'Zona', width: 10, kind: 'list', list: ZONES },
    { field: 'tone', header: 'Warna', width: 10, kind: 'list', list: Object.values(TONE_WORDS), required: true },
    { field: 'estimated', header: 'Estimasi', width: 10, kind: 'yesno', list: [YES, NO] },
    { field: 'note', header: 'Catatan', width: 50, kind: 'text' },
  ],
};

/** One row of the Info sheet: label in column A, value in column B. */
export interface InfoRow {
  /** Path of the value in the definition. */
  path: Array<string>;
  label: string;
  kind: ColumnKind;
  list?: readonly string[];
  required?: boolean;
}

export const INFO_HEADERS = ['Isian', 'Nilai'] as const;

export const INFO_ROWS: InfoRow[] = [
  { path: ['code'], label: 'Kode instrumen', kind: 'text', required: true },
  { path: ['version'], label: 'Versi', kind: 'text', required: true },
  { path: ['family'], label: 'Jenis instrumen', kind: 'list', list: ['pekppp', 'ombudsman'], required: true },
  { path: ['name'], label: 'Nama', kind: 'text', required: true },
  { path: ['shortName'], label: 'Nama singkat', kind: 'text', required: true },
  { path: ['years', 'from'], label: 'Berlaku mulai tahun', kind: 'integer', required: true },
  { path: ['years', 'to'], label: 'Berlaku sampai tahun (kosong = masih berlaku)', kind: 'integer' },
  { path: ['years', 'note'], label: 'Catatan masa berlaku', kind: 'text' },
  { path: ['variant'], label: 'Varian', kind: 'text' },
  { path: ['legalBasis'], label: 'Dasar hukum', kind: 'text' },
  { path: ['aspectLabel'], label: 'Sebutan tingkat teratas (Aspek/Dimensi)', kind: 'text', required: true },
  { path: ['description'], label: 'Catatan', kind: 'text' },
  { path: ['scoring', 'kind'], label: 'Cara penilaian', kind: 'list', list: Object.values(SCORING_WORDS), required: true },
  { path: ['scoring', 'scale', 'min'], label: 'Nilai terendah skala', kind: 'number', required: true },
  { path: ['scoring', 'scale', 'max'], label: 'Nilai tertinggi skala', kind: 'number', required: true },
  { path: ['scoring', 'scale', 'decimals'], label: 'Jumlah desimal', kind: 'integer', required: true },
  { path: ['scoring', 'trust', 'label'], label: 'Survei yang ikut dinilai (mis. Kepercayaan Masyarakat)', kind: 'text' },
  { path: ['scoring', 'trust', 'share'], label: 'Bobot survei (%)', kind: 'number' },
  { path: ['scoring', 'trust', 'estimated'], label: 'Bobot survei merupakan estimasi (ya/tidak)', kind: 'yesno', list: [YES, NO] },
  { path: ['scoring', 'trust', 'note'], label: 'Catatan survei', kind: 'text' },
  { path: ['scoring', 'suffix', 'label'], label: 'Keterangan tambahan opini (mis. Tanpa Maladministrasi)', kind: 'text' },
  { path: ['scoring', 'suffix', 'condition'], label: 'Syarat keterangan tambahan', kind: 'text' },
  { path: ['scoring', 'survey', 'respondentsTarget'], label: 'Target responden survei per produk layanan', kind: 'integer' },
  { path: ['scoring', 'survey', 'contactsMin'], label: 'Kontak pengguna layanan minimal per produk', kind: 'integer' },
  { path: ['scoring', 'survey', 'productsPerUnit'], label: 'Produk layanan yang dinilai per unit', kind: 'integer' },
  { path: ['scoring', 'survey', 'note'], label: 'Catatan survei produk layanan', kind: 'text' },
];

export type SheetCell = string | number | null;

export interface SheetData {
  sheet: DataSheet;
  name: string;
  headers: string[];
  rows: SheetCell[][];
}

const yesNo = (value: boolean | undefined): string => (value ? YES : NO);

function infoValue(definition: InstrumentDefinition, path: string[]): SheetCell {
  if (path.join('.') === 'scoring.kind') return SCORING_WORDS[definition.scoring.kind];
  let value: unknown = definition;
  for (const part of path) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  if (typeof value === 'boolean') return yesNo(value);
  return typeof value === 'string' || typeof value === 'number' ? value : null;
}

/** The definition as rows of the data sheets, in the layout the reader expects. */
export function instrumentToSheets(definition: InstrumentDefinition): SheetData[] {
  const indicators = definition.aspects.flatMap((aspect) => aspect.indicators.map((indicator) => ({ aspect, indicator })));
  const headers = (sheet: Exclude<DataSheet, 'info'>) => COLUMNS[sheet].map((column) => column.header);
  return [
    { sheet: 'info', name: SHEET.info, headers: [...INFO_HEADERS], rows: INFO_ROWS.map((row) => [row.label, infoValue(definition, row.path)]) },
    {
      sheet: 'aspects',
      name: SHEET.aspects,
      headers: headers('aspects'),
      rows: definition.aspects.map((aspect) => [aspect.code, aspect.name, aspect.weight, yesNo(aspect.estimated), aspect.shortName ?? null]),
    },
    {
      sheet: 'indicators',
      name: SHEET.indicators,
      headers: headers('indicators'),
      rows: indicators.map(({ aspect, indicator }) => [
        aspect.code,
        indicator.number,
        indicator.code,
        indicator.name,
        indicator.weight,
        yesNo(indicator.estimated),
        ...Array.from({ length: LEVEL_COUNT }, (_, level) => indicator.levels?.[level] ?? null),
        indicator.elements ? indicator.elements.thresholds.join('; ') : null,
      ]),
    },
    {
      sheet: 'elements',
      name: SHEET.elements,
      headers: headers('elements'),
      rows: indicators.flatMap(({ indicator }) =>
        (indicator.elements?.items ?? []).map((item) => [indicator.code, item.code, item.label, yesNo(item.base)]),
      ),
    },
    {
      sheet: 'requirements',
      name: SHEET.requirements,
      headers: headers('requirements'),
      rows: indicators.flatMap(({ indicator }) =>
        indicator.requirements.map((requirement) => [indicator.code, requirement.code, requirement.text, requirement.kind, requirement.validMonths ?? null]),
      ),
    },
    {
      sheet: 'bands',
      name: SHEET.bands,
      headers: headers('bands'),
      rows: definition.scoring.bands.map((band) => [
        band.code,
        band.label,
        band.min,
        band.max,
        band.zone ?? null,
        TONE_WORDS[band.tone],
        yesNo(band.estimated),
        band.note ?? null,
      ]),
    },
  ];
}

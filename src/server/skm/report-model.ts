/**
 * What the SKM report says, as text rows, built once from the unit view (the calculator's
 * report) so the workbook and the .docx print exactly the same numbers.
 */
import { formatCount, type SkmScheme } from '../../core/skm';
import { formatDecimal } from '../../core/scoring/rounding';
import type { SkmUnitView } from '../../shared/skm-types';
import type { SkmDocumentFrame } from './report-header';

export interface SkmReportModel {
  frame: SkmDocumentFrame;
  title: string;
  subtitle: string;
  intro: string;
  facts: Array<[string, string]>;
  unsurHeaders: string[];
  unsurRows: string[][];
  /** Rows under the unsur table: IKM, IKM unit, mutu, kinerja. */
  resultRows: Array<[string, string]>;
  complete: boolean;
  serviceHeaders: string[];
  serviceRows: string[][];
  profile: SkmUnitView['profile'];
  /** Whose profile it is: not every respondent (or paper survey) gives one. */
  profileNote: string;
  weakest: string[];
  followUpHeaders: string[];
  followUpRows: string[][];
  followUpSummary: string;
  bandHeaders: string[];
  bandRows: string[][];
  notes: string[];
  derivation: string[];
  publication: { headline: string; value: string; mutu: string; kinerja: string; lines: string[] };
}

const dash = '–';
const dec = (value: number | null, decimals: number) => (value === null ? dash : formatDecimal(value, decimals));

export function buildReportModel(view: SkmUnitView, scheme: SkmScheme, frame: SkmDocumentFrame): SkmReportModel {
  const unit = view.report.unit;
  const d = scheme.decimals;
  const services = view.surveys.map((survey) => survey.serviceName);
  const weightPrinted = scheme.weighting.kind === 'equal' ? formatDecimal(1 / scheme.unsur.length, scheme.weighting.printedDecimals) : '';
  const unsurRows = unit.unsur.map((item) => [
    String(item.number),
    item.name,
    formatCount(item.sum),
    formatCount(item.answered),
    dec(item.nrr, d.nrr),
    scheme.weighting.kind === 'equal' ? weightPrinted : formatDecimal(item.weight, scheme.weighting.printedDecimals),
    dec(item.weightedExact, 3),
    item.band ? `${item.band.mutu} (${item.band.kinerja})` : dash,
  ]);
  const band = unit.band;
  const resultRows: Array<[string, string]> = unit.complete
    ? [
        ['IKM (Σ NRR × bobot, skala 1–4)', dec(unit.ikm, d.ikm)],
        [`IKM unit pelayanan (IKM × ${scheme.conversionFactor})`, dec(unit.ikmConverted, d.converted)],
        ['Mutu pelayanan', band?.mutu ?? dash],
        ['Kinerja unit pelayanan', band?.kinerja ?? dash],
      ]
    : [['IKM', 'Belum dapat dihitung (lihat catatan)']];
  const shortfall = (value: number | null) => (value === null ? 'populasi belum diisi' : value > 0 ? `kurang ${formatCount(value)}` : 'terpenuhi');
  const done = view.followUps.filter((item) => item.done).length;
  const suggestion = view.followUpSuggestion;
  return {
    frame,
    title: 'LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT',
    subtitle: `${view.unitName} · ${view.periodLabel}`,
    intro: `Survei Kepuasan Masyarakat (SKM) ${view.unitName} periode ${view.periodLabel} dilaksanakan berdasarkan ${scheme.legalBasis}, mengukur sembilan unsur pelayanan dengan skala jawaban ${scheme.answerScale.min}–${scheme.answerScale.max}. Nilai rata-rata (NRR) tiap unsur adalah jumlah nilai jawaban dibagi jumlah responden yang menjawab unsur itu; IKM adalah jumlah NRR dikali bobot ${weightPrinted ? `1/${scheme.unsur.length}` : 'per unsur'}, lalu dikonversi dengan dikali ${scheme.conversionFactor}.`,
    facts: [
      ['Unit pelayanan', view.unitName],
      ['Periode', view.periodLabel],
      ['Jenis layanan', services.length > 0 ? services.join('; ') : dash],
      ['Jumlah responden', formatCount(unit.respondents)],
      ['Populasi pengguna layanan', unit.population === null ? 'belum diisi' : formatCount(unit.population)],
      [`Sampel minimum (${scheme.sample.method})`, unit.sampleNeeded === null ? dash : `${formatCount(unit.sampleNeeded)} responden (${shortfall(unit.shortfall)})`],
    ],
    unsurHeaders: ['No', 'Unsur pelayanan', 'Jumlah nilai', 'Responden menjawab', 'NRR', 'Bobot', 'NRR tertimbang', 'Mutu'],
    unsurRows,
    resultRows,
    complete: unit.complete,
    serviceHeaders: ['Jenis layanan', 'Responden', 'Populasi', 'Sampel minimum', 'IKM unit', 'Mutu', 'Kinerja'],
    serviceRows: view.report.services.map((service) => [
      service.label,
      formatCount(service.respondents),
      service.population === null ? dash : formatCount(service.population),
      service.sampleNeeded === null ? dash : `${formatCount(service.sampleNeeded)} (${shortfall(service.shortfall)})`,
      dec(service.ikmConverted, d.converted),
      service.band?.mutu ?? dash,
      service.band?.kinerja ?? (service.complete ? dash : 'belum lengkap'),
    ]),
    profile: view.profile,
    profileNote:
      view.profile.respondentsWithProfile === 0
        ? 'Profil responden tidak dikumpulkan.'
        : `Profil dari ${formatCount(view.profile.respondentsWithProfile)} dari ${formatCount(unit.respondents)} responden yang mengisi data profil.`,
    weakest: unit.weakest.map((item, index) => `${index + 1}. ${item.name} (${item.code}) — NRR ${formatDecimal(item.nrr, d.nrr)}`),
    followUpHeaders: ['No', 'Unsur', 'Kegiatan', 'Waktu', 'Penanggung jawab', 'Status'],
    followUpRows: view.followUps.map((item, index) => {
      const unsur = scheme.unsur.find((u) => u.code === item.unsurCode);
      return [String(index + 1), unsur ? `U${unsur.number} ${unsur.name}` : dash, item.activity, item.schedule || dash, item.responsible || dash, item.done ? 'Selesai' : 'Belum selesai'];
    }),
    followUpSummary:
      view.followUps.length === 0
        ? 'Rencana tindak lanjut belum disusun.'
        : `${done} dari ${view.followUps.length} kegiatan selesai (${formatDecimal(suggestion.percent ?? 0, 1)}%); saran tingkat indikator ${suggestion.indicatorNumber} PEKPPP: ${suggestion.level} (${suggestion.label}).`,
    bandHeaders: ['Mutu', 'Nilai interval (NI)', 'Nilai interval konversi (NIK)', 'Kinerja'],
    bandRows: [...scheme.bands].sort((a, b) => b.min - a.min).map((item) => [item.mutu, `${formatDecimal(item.niMin, 4)} – ${formatDecimal(item.niMax, 4)}`, `${formatDecimal(item.min, 2)} – ${formatDecimal(item.max, 2)}`, item.kinerja]),
    notes: [...unit.notes, ...view.report.services.flatMap((service) => service.notes.map((note) => `${service.label}: ${note}`))],
    derivation: unit.derivation,
    publication: {
      headline: `Indeks Kepuasan Masyarakat ${view.unitName}`,
      value: dec(unit.ikmConverted, d.converted),
      mutu: band?.mutu ?? dash,
      kinerja: band?.kinerja ?? 'belum dapat dihitung',
      lines: [
        `Periode survei: ${view.periodLabel}`,
        `Jumlah responden: ${formatCount(unit.respondents)} orang`,
        `Jenis layanan: ${services.length > 0 ? services.join(', ') : dash}`,
      ],
    },
  };
}

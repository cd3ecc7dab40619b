/**
 * The gap report for a unit head as plain data: header facts, ranked actions, prediction
 * sentences and the signature block. Pure (no I/O, no clock): the Excel renderer and a
 * print view render the same model, and every number is taken from the gap and score
 * reports, never recomputed here.
 */
import { summarizeView, VIEW_LABELS, viewOf } from '../../../core/scoring';
import { formatDecimal } from '../../../core/scoring/rounding';
import type { BandRef, Tone, Zone } from '../../../core/scoring/types';
import type { OmbudsmanAction, PekpppAction, Prediction } from '../../../core/gaps/types';
import type { Settings, UnitGaps, UnitScores } from '../../../shared/types';
import type { Signature } from '../../../core/documents/signature';
import { formatDateId, localGovernmentOf, zoneLabel } from './format';

/** Facts the gap and score reports do not carry. */
export interface GapReportContext {
  year: number;
  /** Local calendar day YYYY-MM-DD, for the countdown and the signature date. */
  today: string;
  headName: string | null;
  /**
   * Left: the unit head ("Mengetahui,"), right: the signatory chosen for the gap report,
   * both from the document model. Without them the blocks carry the head's name and a
   * dotted line to sign by hand.
   */
  signatures?: [Signature, Signature];
}

export interface GapReportFact {
  label: string;
  text: string;
  /** The report's number when the fact is one (index, total), for numeric cells. */
  value: number | null;
  tone: Tone | null;
}

export interface GapReportRow {
  no: number;
  step: string;
  target: string;
  gain: number;
  gainLabel: string;
  current: string;
}

export interface GapReportSection {
  kind: 'pekppp' | 'ombudsman';
  title: string;
  /** Decimals the gain is shown with (index points vs 0–100 points). */
  gainDecimals: number;
  rows: GapReportRow[];
  predictions: string[];
  emptyMessage: string;
}

/** The shared signature block of every document (src/core/documents/signature.ts). */
export type SignatureBlock = Signature;

export interface GapReportModel {
  title: string;
  subtitle: string;
  unitName: string;
  localGovernment: string;
  year: number;
  basisLabel: string;
  deadline: { date: string | null; daysLeft: number | null; text: string };
  facts: GapReportFact[];
  sections: GapReportSection[];
  signatures: [SignatureBlock, SignatureBlock];
}

export function daysUntil(today: string, deadline: string): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

function deadlineOf(deadline: string | null, today: string): GapReportModel['deadline'] {
  if (!deadline) return { date: null, daysLeft: null, text: 'Belum ditetapkan' };
  const daysLeft = daysUntil(today, deadline);
  const when = daysLeft > 0 ? `${daysLeft} hari lagi` : daysLeft === 0 ? 'hari ini' : `lewat ${-daysLeft} hari`;
  return { date: deadline, daysLeft, text: `${formatDateId(deadline)} (${when})` };
}

function bandText(band: BandRef | null): string {
  return band ? `kategori ${band.code} (${band.label})` : 'kategori belum ada';
}

function facts(gaps: UnitGaps, scores: UnitScores, deadline: GapReportModel['deadline']): GapReportFact[] {
  const list: GapReportFact[] = [{ label: 'Tenggat', text: deadline.text, value: null, tone: null }];
  if (scores.pekppp) {
    const view = gaps.basis === 'verifikasi' ? 'verified' : gaps.basis === 'mandiri' ? 'self' : 'current';
    const report = viewOf(scores.pekppp, view);
    const summary = summarizeView(report);
    const text = summary.assessed
      ? `${summary.value} — ${bandText(report!.band)}${report!.band?.provisional ? ' (sementara)' : ''}${summary.basis ? ` · ${summary.basis}` : ''}`
      : 'belum dinilai';
    list.push({ label: `Indeks PEKPPP (${VIEW_LABELS[view]})`, text, value: report?.index ?? null, tone: report?.band?.tone ?? null });
  }
  const report = scores.ombudsman?.report;
  if (report) {
    const total = report.total === null ? 'belum dapat dihitung' : formatDecimal(report.total, report.scale.decimals);
    const grade = report.band ? `, opini ${report.band.code} ${report.opinion ?? report.band.label}, zona ${zoneLabel(report.zone as Zone | null)}` : '';
    list.push({ label: `Ombudsman (${report.estimateLabel})`, text: `${total}${grade}`, value: report.total, tone: report.band?.tone ?? null });
  }
  return list;
}

function pekpppRow(action: PekpppAction, no: number): GapReportRow {
  const detail = action.nextLevelText ? `\nKriteria tingkat ${action.toLevel}: ${action.nextLevelText}` : '';
  return {
    no,
    step: `${action.title}${detail}`,
    target: `Indikator ${action.indicatorNumber}. ${action.indicatorName}\nAspek ${action.aspectName}`,
    gain: action.gain,
    gainLabel: action.gainLabel,
    current: action.fromLevel === null ? 'Belum dinilai' : `Tingkat ${action.fromLevel}`,
  };
}

function ombudsmanRow(action: OmbudsmanAction, no: number): GapReportRow {
  return {
    no,
    step: action.title,
    target: `Dimensi ${action.aspectName}\nIndikator ${action.indicatorNumber}. ${action.indicatorName}`,
    gain: action.gain,
    gainLabel: action.gainLabel,
    current: action.statusLabel,
  };
}

function predictionLines(label: string, section: { predictions: Prediction[]; toNextBand: Prediction | null }): string[] {
  const lines = section.predictions.map((prediction) => `${label}: ${prediction.sentence}.`);
  const next = section.toNextBand;
  if (next && !section.predictions.some((prediction) => prediction.steps === next.steps)) lines.push(`${label}: ${next.sentence}.`);
  return lines;
}

function sections(gaps: UnitGaps): GapReportSection[] {
  const list: GapReportSection[] = [];
  if (gaps.pekppp) {
    list.push({
      kind: 'pekppp',
      title: 'PEKPPP — langkah yang paling menaikkan indeks',
      gainDecimals: 4,
      rows: gaps.pekppp.actions.map((action, index) => pekpppRow(action, index + 1)),
      predictions: predictionLines('PEKPPP', gaps.pekppp),
      emptyMessage: 'Semua indikator sudah di tingkat tertinggi.',
    });
  }
  if (gaps.ombudsman) {
    list.push({
      kind: 'ombudsman',
      title: 'Ombudsman RI — bukti dukung yang paling menaikkan estimasi',
      gainDecimals: 2,
      rows: gaps.ombudsman.actions.map((action, index) => ombudsmanRow(action, index + 1)),
      predictions: predictionLines('Ombudsman', gaps.ombudsman),
      emptyMessage: 'Semua bukti dukung yang berlaku sudah terverifikasi.',
    });
  }
  return list;
}

export function gapReportModel(gaps: UnitGaps, scores: UnitScores, settings: Settings, context: GapReportContext): GapReportModel {
  const localGovernment = localGovernmentOf(settings);
  const deadline = deadlineOf(gaps.deadline, context.today);
  const basisLabel = gaps.basis === 'verifikasi' ? 'nilai verifikasi' : 'penilaian mandiri';
  return {
    title: `Daftar Langkah Perbaikan — ${gaps.unitName}`,
    subtitle: `${localGovernment} · Tahun ${context.year} · dihitung dari ${basisLabel}`,
    unitName: gaps.unitName,
    localGovernment,
    year: context.year,
    basisLabel,
    deadline,
    facts: facts(gaps, scores, deadline),
    sections: sections(gaps),
    signatures: context.signatures ?? [
      { caption: 'Mengetahui,', position: `Kepala ${gaps.unitName}`, name: context.headName?.trim() ?? '', rank: '', nip: '' },
      { caption: formatDateId(context.today), position: 'Kepala Bagian Organisasi', name: '', rank: '', nip: '' },
    ],
  };
}

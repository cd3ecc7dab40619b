/**
 * Pure helpers of the Daftar Periksa screen: addressing a requirement, the selected
 * tree node, filtering, and replacing one requirement in a loaded checklist while
 * recomputing the progress of its indicator, aspect, instrument and unit (so a status
 * change never needs the whole checklist fetched again).
 */
import { isGap, progressOf, sumProgress } from '../../../core/checklist/progress';
import { needsWork } from '../../../core/checklist/rules';
import type {
  Checklist,
  ChecklistAspect,
  ChecklistIndicator,
  ChecklistInstrument,
  ChecklistRequirement,
  EvidenceItem,
  EvidenceStatus,
} from '../../../shared/types';
import type { Tone } from '../../components/badge';
import { normalizeSearch } from '../../lib/format';
import type { IconName } from '../../components/icons';

export { isGap, needsWork };

/** "instrumentId:requirementCode" — one requirement of the unit being shown. */
export type ReqKey = string;

export const reqKeyOf = (requirement: Pick<ChecklistRequirement, 'instrumentId' | 'code'>): ReqKey => `${requirement.instrumentId}:${requirement.code}`;

export type Selection =
  | { kind: 'instrument'; instrumentId: number }
  | { kind: 'aspect'; instrumentId: number; aspectCode: string }
  | { kind: 'indicator'; instrumentId: number; indicatorCode: string };

export const selectionId = (selection: Selection): string =>
  selection.kind === 'instrument'
    ? `i:${selection.instrumentId}`
    : selection.kind === 'aspect'
      ? `a:${selection.instrumentId}:${selection.aspectCode}`
      : `n:${selection.instrumentId}:${selection.indicatorCode}`;

export const STATUS_META: Record<EvidenceStatus, { tone: Tone; icon: IconName; short: string }> = {
  belum_ada: { tone: 'neutral', icon: 'circle-dashed', short: 'Belum ada' },
  menunggu_verifikasi: { tone: 'blue', icon: 'clock', short: 'Menunggu' },
  terverifikasi: { tone: 'green', icon: 'check', short: 'Terverifikasi' },
  perlu_perbaikan: { tone: 'red', icon: 'alert-triangle', short: 'Perlu perbaikan' },
  tidak_berlaku: { tone: 'neutral', icon: 'ban', short: 'Tidak berlaku' },
};

/** The node in view: the instrument, aspect and indicators it covers. */
export interface NodeView {
  instrument: ChecklistInstrument;
  aspect: ChecklistAspect | null;
  indicator: ChecklistIndicator | null;
  /** Indicators shown, each with its aspect (instrument view spans aspects). */
  indicators: Array<{ aspect: ChecklistAspect; indicator: ChecklistIndicator }>;
}

export function resolveNode(checklist: Checklist, selection: Selection | null): NodeView | null {
  const instrument = checklist.instruments.find((item) => item.instrumentId === selection?.instrumentId) ?? checklist.instruments[0];
  if (!instrument) return null;
  if (!selection || selection.instrumentId !== instrument.instrumentId || selection.kind === 'instrument') {
    return {
      instrument,
      aspect: null,
      indicator: null,
      indicators: instrument.aspects.flatMap((aspect) => aspect.indicators.map((indicator) => ({ aspect, indicator }))),
    };
  }
  if (selection.kind === 'aspect') {
    const aspect = instrument.aspects.find((item) => item.code === selection.aspectCode);
    if (aspect) return { instrument, aspect, indicator: null, indicators: aspect.indicators.map((indicator) => ({ aspect, indicator })) };
  } else {
    for (const aspect of instrument.aspects) {
      const indicator = aspect.indicators.find((item) => item.code === selection.indicatorCode);
      if (indicator) return { instrument, aspect, indicator, indicators: [{ aspect, indicator }] };
    }
  }
  return resolveNode(checklist, { kind: 'instrument', instrumentId: instrument.instrumentId });
}

/** A first selection: the aspect named in the address (PEKPPP first when codes repeat), else the first aspect. */
export function initialSelection(checklist: Checklist, aspectCode: string | null, instrumentHint: string | null): Selection | null {
  const instruments = [...checklist.instruments].sort((a, b) => (a.family === b.family ? 0 : a.family === 'pekppp' ? -1 : 1));
  if (aspectCode) {
    const hinted = instrumentHint
      ? instruments.filter((item) => String(item.instrumentId) === instrumentHint || item.code === instrumentHint || item.family === instrumentHint)
      : [];
    for (const instrument of [...hinted, ...instruments]) {
      if (instrument.aspects.some((aspect) => aspect.code === aspectCode)) return { kind: 'aspect', instrumentId: instrument.instrumentId, aspectCode };
      for (const aspect of instrument.aspects) {
        if (aspect.indicators.some((indicator) => indicator.code === aspectCode)) {
          return { kind: 'indicator', instrumentId: instrument.instrumentId, indicatorCode: aspectCode };
        }
      }
    }
  }
  const first = checklist.instruments[0];
  const aspect = first?.aspects[0];
  if (!first) return null;
  return aspect ? { kind: 'aspect', instrumentId: first.instrumentId, aspectCode: aspect.code } : { kind: 'instrument', instrumentId: first.instrumentId };
}

export function findRequirement(checklist: Checklist, key: ReqKey | null): ChecklistRequirement | null {
  if (!key) return null;
  for (const instrument of checklist.instruments) {
    for (const aspect of instrument.aspects) {
      for (const indicator of aspect.indicators) {
        for (const requirement of indicator.requirements) if (reqKeyOf(requirement) === key) return requirement;
      }
    }
  }
  return null;
}

export function findIndicator(checklist: Checklist, instrumentId: number, indicatorCode: string): { instrument: ChecklistInstrument; aspect: ChecklistAspect; indicator: ChecklistIndicator } | null {
  const instrument = checklist.instruments.find((item) => item.instrumentId === instrumentId);
  if (!instrument) return null;
  for (const aspect of instrument.aspects) {
    const indicator = aspect.indicators.find((item) => item.code === indicatorCode);
    if (indicator) return { instrument, aspect, indicator };
  }
  return null;
}

/**
 * Rebuild the tree with `change` applied to every requirement (returning the same
 * object means unchanged); progress is recomputed only where something changed.
 */
export function mapRequirements(checklist: Checklist, change: (requirement: ChecklistRequirement) => ChecklistRequirement): Checklist {
  let any = false;
  const instruments = checklist.instruments.map((instrument) => {
    let instrumentChanged = false;
    const aspects = instrument.aspects.map((aspect) => {
      let aspectChanged = false;
      const indicators = aspect.indicators.map((indicator) => {
        let indicatorChanged = false;
        const requirements = indicator.requirements.map((requirement) => {
          const next = change(requirement);
          if (next !== requirement) indicatorChanged = true;
          return next;
        });
        if (!indicatorChanged) return indicator;
        aspectChanged = true;
        return { ...indicator, requirements, progress: progressOf(requirements.map((item) => item.status)) };
      });
      if (!aspectChanged) return aspect;
      instrumentChanged = true;
      return { ...aspect, indicators, progress: sumProgress(indicators.map((item) => item.progress)) };
    });
    if (!instrumentChanged) return instrument;
    any = true;
    return { ...instrument, aspects, progress: sumProgress(aspects.map((item) => item.progress)) };
  });
  if (!any) return checklist;
  return { ...checklist, instruments, progress: sumProgress(instruments.map((item) => item.progress)) };
}

/** Put the server's copy of one requirement in place. */
export function replaceRequirement(checklist: Checklist, updated: ChecklistRequirement): Checklist {
  const key = reqKeyOf(updated);
  return mapRequirements(checklist, (requirement) => (reqKeyOf(requirement) === key ? updated : requirement));
}

/**
 * Evidence was attached: put the server's copy of the requirement in place (the server
 * applied the evidence rules, e.g. back to menunggu verifikasi) and keep the usage count
 * of the same library items current wherever else they are linked.
 */
export function applyAttached(checklist: Checklist, updated: ChecklistRequirement): Checklist {
  const key = reqKeyOf(updated);
  const usage = new Map(updated.evidence.map((item) => [item.id, item.usageCount]));
  return mapRequirements(checklist, (requirement) => {
    if (reqKeyOf(requirement) === key) return updated;
    if (!requirement.evidence.some((item) => usage.has(item.id) && usage.get(item.id) !== item.usageCount)) return requirement;
    return { ...requirement, evidence: requirement.evidence.map((item) => (usage.has(item.id) ? { ...item, usageCount: usage.get(item.id)! } : item)) };
  });
}

/** A library item's title changed: rename it wherever it is linked (its date is re-judged by the server on reload). */
export function updateEvidence(checklist: Checklist, item: EvidenceItem): Checklist {
  return mapRequirements(checklist, (requirement) =>
    requirement.evidence.some((entry) => entry.id === item.id)
      ? { ...requirement, evidence: requirement.evidence.map((entry) => (entry.id === item.id ? { ...entry, title: item.title, documentDate: item.documentDate } : entry)) }
      : requirement,
  );
}

/** Trashed evidence disappears from every requirement (the links stay, hidden, until restored). */
export function removeEvidence(checklist: Checklist, evidenceId: number): Checklist {
  return mapRequirements(checklist, (requirement) =>
    requirement.evidence.some((entry) => entry.id === evidenceId) ? { ...requirement, evidence: requirement.evidence.filter((entry) => entry.id !== evidenceId) } : requirement,
  );
}

/** A new office requirement appears at the end of its indicator. */
export function insertRequirement(checklist: Checklist, requirement: ChecklistRequirement): Checklist {
  return {
    ...checklist,
    instruments: checklist.instruments.map((instrument) =>
      instrument.instrumentId !== requirement.instrumentId
        ? instrument
        : {
            ...instrument,
            aspects: instrument.aspects.map((aspect) =>
              aspect.indicators.some((indicator) => indicator.code === requirement.indicatorCode)
                ? {
                    ...aspect,
                    indicators: aspect.indicators.map((indicator) =>
                      indicator.code === requirement.indicatorCode ? { ...indicator, requirements: [...indicator.requirements, requirement] } : indicator,
                    ),
                  }
                : aspect,
            ),
          },
    ),
  };
}

export interface Filters {
  gapsOnly: boolean;
  statuses: ReadonlySet<EvidenceStatus>;
  search: string;
}

export function filtersActive(filters: Filters): boolean {
  return filters.gapsOnly || filters.statuses.size > 0 || filters.search.trim() !== '';
}

/** Search over requirement text and indicator names (accents and case ignored). */
export function matchesSearch(requirement: ChecklistRequirement, indicator: ChecklistIndicator, needle: string): boolean {
  if (needle === '') return true;
  return normalizeSearch(requirement.text).includes(needle) || normalizeSearch(indicator.name).includes(needle);
}

export function passesStatus(requirement: ChecklistRequirement, filters: Filters): boolean {
  // The server's kedaluwarsa flag counts: a verified but expired document still needs renewing.
  if (filters.gapsOnly && !needsWork(requirement)) return false;
  if (filters.statuses.size > 0 && !filters.statuses.has(requirement.status)) return false;
  return true;
}

/** Matches per tree node ("i:…", "a:…", "n:…") while filters are on, so other places with matches show. */
export function matchCounts(checklist: Checklist, filters: Filters): Map<string, number> {
  const needle = normalizeSearch(filters.search);
  const counts = new Map<string, number>();
  const add = (id: string, n: number) => counts.set(id, (counts.get(id) ?? 0) + n);
  for (const instrument of checklist.instruments) {
    for (const aspect of instrument.aspects) {
      for (const indicator of aspect.indicators) {
        const n = indicator.requirements.filter((requirement) => matchesSearch(requirement, indicator, needle) && passesStatus(requirement, filters)).length;
        add(`i:${instrument.instrumentId}`, n);
        add(`a:${instrument.instrumentId}:${aspect.code}`, n);
        add(`n:${instrument.instrumentId}:${indicator.code}`, n);
      }
    }
  }
  return counts;
}

/** Requirements per status over the whole unit (the unit bar). */
export function statusCounts(checklist: Checklist): Record<EvidenceStatus, number> {
  const counts: Record<EvidenceStatus, number> = { belum_ada: 0, menunggu_verifikasi: 0, terverifikasi: 0, perlu_perbaikan: 0, tidak_berlaku: 0 };
  for (const instrument of checklist.instruments) for (const aspect of instrument.aspects) for (const indicator of aspect.indicators) for (const requirement of indicator.requirements) counts[requirement.status] += 1;
  return counts;
}

// ---------------------------------------------------------------- formatting

const dateTimeFormat = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** "2026-11-24T07:05:00Z" → "24 Nov 2026 14.05" (the user's own time zone). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '–';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '–' : dateTimeFormat.format(date).replace(/,/g, '').replace(' pukul', '');
}

const sizeFormat = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

/** 1_300_000 → "1,2 MB". */
export function formatBytes(bytes: number | null): string {
  if (bytes === null) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${sizeFormat.format(bytes / 1024)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${sizeFormat.format(bytes / (1024 * 1024))} MB`;
  return `${sizeFormat.format(bytes / (1024 * 1024 * 1024))} GB`;
}

export type FileKind = 'pdf' | 'image' | 'word' | 'sheet' | 'slides' | 'video' | 'audio' | 'archive' | 'text' | 'link' | 'other';

const KIND_BY_EXT: Record<string, FileKind> = {
  pdf: 'pdf',
  jpg: 'image',
  jpeg: 'image',
  png: 'image',
  gif: 'image',
  webp: 'image',
  heic: 'image',
  doc: 'word',
  docx: 'word',
  odt: 'word',
  rtf: 'word',
  xls: 'sheet',
  xlsx: 'sheet',
  ods: 'sheet',
  csv: 'sheet',
  ppt: 'slides',
  pptx: 'slides',
  odp: 'slides',
  mp4: 'video',
  mov: 'video',
  avi: 'video',
  mkv: 'video',
  webm: 'video',
  mp3: 'audio',
  m4a: 'audio',
  zip: 'archive',
  txt: 'text',
};

export function extensionOf(name: string | null): string {
  const match = name ? /\.([a-z0-9]{1,5})$/i.exec(name) : null;
  return match ? match[1]!.toLowerCase() : '';
}

/** What kind of file an evidence item is, by its MIME type and then its name. */
export function fileKind(item: Pick<EvidenceItem, 'kind' | 'mime' | 'originalName'>): FileKind {
  if (item.kind === 'link') return 'link';
  const mime = item.mime ?? '';
  if (mime === 'application/pdf') return 'pdf';
  if (mime.startsWith('image/')) return 'image';
  if (mime.startsWith('video/')) return 'video';
  if (mime.startsWith('audio/')) return 'audio';
  if (/spreadsheet|excel|csv/.test(mime)) return 'sheet';
  if (/presentation|powerpoint/.test(mime)) return 'slides';
  if (/wordprocessing|msword|opendocument\.text|rtf/.test(mime)) return 'word';
  if (/zip/.test(mime)) return 'archive';
  return KIND_BY_EXT[extensionOf(item.originalName)] ?? (mime.startsWith('text/') ? 'text' : 'other');
}

/** The status actions offered on a requirement row and in the evidence panel, in one order. */
export const STATUS_ACTIONS: ReadonlyArray<{ status: EvidenceStatus; label: string; icon: IconName }> = [
  { status: 'terverifikasi', label: 'Verifikasi', icon: 'check' },
  { status: 'perlu_perbaikan', label: 'Perlu perbaikan', icon: 'alert-triangle' },
  { status: 'tidak_berlaku', label: 'Tidak berlaku', icon: 'ban' },
  { status: 'menunggu_verifikasi', label: 'Menunggu verifikasi', icon: 'clock' },
];

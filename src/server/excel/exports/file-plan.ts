/**
 * Where every evidence file goes inside a unit package:
 * `Berkas/<instrument>/<NN aspect>/<NN indicator>/<readable name>`. Planned before any
 * byte is copied so the workbook's hyperlinks and the copies agree by construction. A
 * file supporting requirements of several indicators is placed once in each indicator's
 * folder, so the folder an assessor opens is always complete.
 */
import type { Checklist, LinkedEvidence } from '../../../shared/types';
import { extensionOf } from '../../evidence/store';
import { shortenName } from '../../../core/documents/shorten';
import { exportFileName } from '../cells';
import { familyShort, ordinal, safeWebUrl } from './format';

export const FILES_ROOT = 'Berkas';

export interface SupportRef {
  instrument: string;
  aspectName: string;
  indicatorNumber: number;
  indicatorName: string;
  requirementText: string;
}

export interface PlacedFile {
  evidenceId: number;
  /** POSIX path relative to the package root. */
  relativePath: string;
  fileName: string;
  sha256: string;
  size: number;
  documentDate: string | null;
  supports: SupportRef[];
}

export interface PlannedLink {
  evidenceId: number;
  title: string;
  url: string;
  /** Null when the stored address is not http/https: shown as text, never as a link. */
  safeUrl: string | null;
  documentDate: string | null;
  supports: SupportRef[];
}

export interface FilePlan {
  files: PlacedFile[];
  links: PlannedLink[];
  /** Relative path of an evidence file as placed for one indicator. */
  pathFor(instrumentId: number, indicatorCode: string, evidenceId: number): string | undefined;
}

/**
 * A path segment of at most `max` characters (the whole package path must stay well
 * below Windows' 260-character limit), shortened only where the meaning survives: words
 * leave the middle, the distinguishing tail ("rev.2", the year, "(P2TP2A)") stays.
 */
export function readableSegment(text: string, max: number): string {
  const clean = exportFileName(text, 1000);
  if (clean.length <= max) return clean;
  return exportFileName(shortenName(clean, max, { extension: false }), max);
}

/** Title as the readable stem, the original extension kept so the OS opens the right program. */
export function readableFileName(evidence: Pick<LinkedEvidence, 'title' | 'originalName'>): string {
  const ext = extensionOf(evidence.originalName ?? '');
  const suffix = ext ? `.${ext}` : '';
  const title = evidence.title.trim() || evidence.originalName || 'berkas';
  const stem = suffix && title.toLowerCase().endsWith(suffix) ? title.slice(0, -suffix.length) : title;
  return `${readableSegment(stem, 60)}${suffix}`;
}

/** "nama.pdf" → "nama (2).pdf" until the name is free in its folder (case-insensitive, like Windows). */
function uniqueIn(taken: Set<string>, name: string): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  let candidate = name;
  for (let counter = 2; taken.has(candidate.toLowerCase()); counter += 1) candidate = `${stem} (${counter})${ext}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

interface Walked {
  instrumentId: number;
  indicatorCode: string;
  folder: string;
  support: SupportRef;
  evidence: LinkedEvidence;
}

function* walk(checklist: Checklist): Generator<Walked> {
  for (const instrument of checklist.instruments) {
    const short = familyShort(instrument.family);
    for (const [aspectIndex, aspect] of instrument.aspects.entries()) {
      const aspectFolder = readableSegment(`${ordinal(aspectIndex + 1)} ${aspect.name}`, 40);
      for (const indicator of aspect.indicators) {
        const folder = [FILES_ROOT, short, aspectFolder, readableSegment(`${ordinal(indicator.number)} ${indicator.name}`, 50)].join('/');
        for (const requirement of indicator.requirements) {
          const support = { instrument: short, aspectName: aspect.name, indicatorNumber: indicator.number, indicatorName: indicator.name, requirementText: requirement.text };
          for (const evidence of requirement.evidence) yield { instrumentId: instrument.instrumentId, indicatorCode: indicator.code, folder, support, evidence };
        }
      }
    }
  }
}

export function planFiles(checklist: Checklist): FilePlan {
  const placed = new Map<string, PlacedFile>();
  const links = new Map<number, PlannedLink>();
  const takenByFolder = new Map<string, Set<string>>();
  const byIndicator = new Map<string, string>();
  for (const item of walk(checklist)) {
    const { evidence } = item;
    if (evidence.kind === 'link' || !evidence.sha256) {
      const link = links.get(evidence.id) ?? { evidenceId: evidence.id, title: evidence.title, url: evidence.url ?? '', safeUrl: safeWebUrl(evidence.url), documentDate: evidence.documentDate, supports: [] };
      link.supports.push(item.support);
      links.set(evidence.id, link);
      continue;
    }
    const key = `${item.folder}|${evidence.id}`;
    let file = placed.get(key);
    if (!file) {
      const taken = takenByFolder.get(item.folder) ?? new Set<string>();
      takenByFolder.set(item.folder, taken);
      const fileName = uniqueIn(taken, readableFileName(evidence));
      file = { evidenceId: evidence.id, relativePath: `${item.folder}/${fileName}`, fileName, sha256: evidence.sha256, size: evidence.size ?? 0, documentDate: evidence.documentDate, supports: [] };
      placed.set(key, file);
    }
    file.supports.push(item.support);
    byIndicator.set(`${item.instrumentId}:${item.indicatorCode}:${evidence.id}`, file.relativePath);
  }
  return {
    files: [...placed.values()],
    links: [...links.values()],
    pathFor: (instrumentId, indicatorCode, evidenceId) => byIndicator.get(`${instrumentId}:${indicatorCode}:${evidenceId}`),
  };
}

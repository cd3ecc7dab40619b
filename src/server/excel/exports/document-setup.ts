/**
 * What every Excel export takes from the document model besides the kop: the page
 * header/footer text and the instrument's short aspect names for narrow headers and
 * sheet names (SDM, Sarpras, SIPP, Konsultasi & Pengaduan).
 */
import type { InstrumentDefinition } from '../../../core/instrument/schema';
import type { DocumentContext } from '../../documents/letterhead';
import { aspectShortName } from './format';
import type { PrintInfo } from './sheet-style';

const titleCase = (text: string) => text.toLowerCase().replace(/(^|\s)(\p{L})/gu, (_, space: string, letter: string) => space + letter.toUpperCase());

export function printInfoOf(docs: DocumentContext, title: string): PrintInfo {
  const section = titleCase(docs.header.lines[2]);
  return { title, issuer: `${section} Setda ${docs.header.localGovernment}`, paper: docs.header.paper };
}

/** Aspect code → short name: the instrument's own `shortName` when it has one, else the bracketed abbreviation. */
export function aspectShortNames(definition: InstrumentDefinition): Map<string, string> {
  return new Map(definition.aspects.map((aspect) => [aspect.code, aspect.shortName ?? aspectShortName(aspect.name)]));
}

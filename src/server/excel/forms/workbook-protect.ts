/**
 * exceljs cannot write workbook-structure protection, so the form export adds
 * <workbookProtection lockStructure="1"/> to the parts of its own freshly written
 * workbook while they are packed (xlsxBuffer). Never applied to a user's file.
 */
import type { ZipEntry } from '../zip-buffer';

const WORKBOOK_PART = 'xl/workbook.xml';
const PROTECTION = '<workbookProtection lockStructure="1"/>';

/** The element must follow <workbookPr> and precede <bookViews>/<sheets> (schema order). */
export function addStructureProtection(xml: string): string {
  if (xml.includes('<workbookProtection')) return xml;
  const afterPr = xml.replace(/(<workbookPr\b[^>]*\/>)/u, `$1${PROTECTION}`);
  if (afterPr !== xml) return afterPr;
  return xml.replace(/(<bookViews\b|<sheets\b)/u, `${PROTECTION}$1`);
}

/** Adds the protection to the parts of our own freshly written workbook (see xlsxBuffer). */
export function protectStructure(entries: ZipEntry[]): void {
  const workbook = entries.find((entry) => entry.name === WORKBOOK_PART);
  if (!workbook) throw new Error('workbook.xml missing from our own export');
  workbook.data = Buffer.from(addStructureProtection(workbook.data.toString('utf8')), 'utf8');
}

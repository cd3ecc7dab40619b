/**
 * exceljs cannot write workbook-structure protection, so the export re-packs its own
 * freshly written archive once and adds <workbookProtection lockStructure="1"/>. This
 * only ever reads our own output, never a user's file.
 */
import yauzl from 'yauzl';
import yazl from 'yazl';
import { zipBuffer } from '../zip-buffer';

const WORKBOOK_PART = 'xl/workbook.xml';
const PROTECTION = '<workbookProtection lockStructure="1"/>';

async function readEntries(buffer: Buffer): Promise<Array<{ name: string; data: Buffer }>> {
  const zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true });
  const entries: Array<{ name: string; data: Buffer }> = [];
  // A buffer-backed archive holds no file handle, so there is nothing to close.
  for await (const entry of zip.eachEntry()) {
    if (entry.fileName.endsWith('/')) continue;
    const stream = await zip.openReadStreamPromise(entry);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    entries.push({ name: entry.fileName, data: Buffer.concat(chunks) });
  }
  return entries;
}

/** The element must follow <workbookPr> and precede <bookViews>/<sheets> (schema order). */
export function addStructureProtection(xml: string): string {
  if (xml.includes('<workbookProtection')) return xml;
  const afterPr = xml.replace(/(<workbookPr\b[^>]*\/>)/u, `$1${PROTECTION}`);
  if (afterPr !== xml) return afterPr;
  return xml.replace(/(<bookViews\b|<sheets\b)/u, `${PROTECTION}$1`);
}

function writeEntries(entries: Array<{ name: string; data: Buffer }>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const entry of entries) zip.addBuffer(entry.data, entry.name, { compress: true });
  return zipBuffer(zip);
}

export async function protectWorkbookStructure(buffer: Buffer): Promise<Buffer> {
  const entries = await readEntries(buffer);
  const workbook = entries.find((entry) => entry.name === WORKBOOK_PART);
  if (!workbook) throw new Error('workbook.xml missing from our own export');
  workbook.data = Buffer.from(addStructureProtection(workbook.data.toString('utf8')), 'utf8');
  return writeEntries(entries);
}

/**
 * A streaming .xlsx writer (exceljs's WorkbookWriter) for the big exports: rows become
 * XML text as they are committed, never a workbook model, so memory stays close to the
 * size of the finished sheets however many units there are; each part is deflated the
 * moment it is complete (stream-workbook-zip.ts) and the file is written at the end.
 *
 * exceljs 4.4's streaming writer writes cells, styles, merges, conditional formats,
 * frozen panes, page setup, header/footer and print titles, but three things the
 * office's documents need are missing, and are added here on the writer's own hooks:
 * - pictures (the kop logo): WorksheetWriter has no addImage, so one drawing part per
 *   sheet is written next to the sheet, as the in-memory writer would;
 * - `printOptions` (horizontal centring on the page) is never written;
 * - sheet views and page setup are written when the sheet is opened, so they are
 *   passed to addWorksheet (see `printOptions` in sheet-style.ts) instead of set later.
 * Everything else uses exceljs's public streaming API, except its zip (see PartsZip).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { throwIfCancelled, type JobControl } from '../../jobs/job';
import { asExportError, publishTemp, requireDirectory, tempPathIn, withXlsxExtension } from './output';
import { removeTemp } from './package-sink';
import type { SheetPrintOptions } from './sheet-style';
import { PartsZip } from './stream-workbook-zip';
import { StyleInterner } from './style-interner';

const EMU_PER_PX = 9525;
const DRAWING_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const IMAGE_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';
const DRAWING_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';

/** The parts of exceljs's WorkbookWriter/WorksheetWriter this file hooks into (not in its typings). */
interface WriterInternals {
  zip: { append: (data: string | Buffer, options: { name: string }) => void; abort: () => void };
  stream: NodeJS.WritableStream;
  promise: Promise<unknown>;
  addThemes: () => Promise<void>;
  addOfficeRels: () => Promise<void>;
  media: Array<{ name: string; extension: string }>;
  addContentTypes: () => Promise<void>;
}
interface SheetInternals {
  id: number;
  stream: { write: (text: string) => void };
  _sheetRelsWriter: { addRelationship: (rel: { Type: string; Target: string }) => string };
  _writePageMargins: () => void;
  _writeRowBreaks: () => void;
  pageSetup: Partial<ExcelJS.PageSetup>;
}

interface Picture {
  imageId: number;
  col: number;
  colOff: number;
  row: number;
  rowOff: number;
  width: number;
  height: number;
}

function drawingXml(pictures: Picture[], imageRel: (imageId: number) => string): string {
  const anchors = pictures.map(
    (picture, index) =>
      `<xdr:oneCellAnchor editAs="oneCell"><xdr:from><xdr:col>${picture.col}</xdr:col><xdr:colOff>${picture.colOff}</xdr:colOff><xdr:row>${picture.row}</xdr:row><xdr:rowOff>${picture.rowOff}</xdr:rowOff></xdr:from>` +
      `<xdr:ext cx="${picture.width * EMU_PER_PX}" cy="${picture.height * EMU_PER_PX}"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="${index + 1}" name="Picture ${index + 1}"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>` +
      `<xdr:blipFill><a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="${imageRel(picture.imageId)}" cstate="print"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
      `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">${anchors.join('')}</xdr:wsDr>`
  );
}

function relsXml(rels: Array<{ id: string; type: string; target: string }>): string {
  const items = rels.map((rel) => `<Relationship Id="${rel.id}" Type="${rel.type}" Target="${rel.target}"/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`;
}

/** Anchor offset inside a cell, computed as exceljs's Anchor does (so the logo sits where it did). */
function anchorOffset(position: number, size: number | undefined, fallback: number): [number, number] {
  const cell = Math.floor(position);
  return [cell, Math.floor((position - cell) * (size ? Math.floor(size * 10000) : fallback))];
}

export class StreamWorkbook {
  readonly writer: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly drawings: string[] = [];
  private readonly images = new Map<unknown, number>();

  constructor(stream: NodeJS.WritableStream, created: Date, title: string) {
    // Shared strings, as Excel itself writes text (inline strings were not measurably faster
    // at 300 units, and exceljs writes those as formula-result cells, t="str").
    // Made without a stream: the archiver it makes for itself writes into a buffer of its
    // own and is dropped for PartsZip, which writes the file (stream-workbook-zip.ts).
    this.writer = new ExcelJS.stream.xlsx.WorkbookWriter({ useStyles: true, useSharedStrings: true });
    const internals = this.writer as unknown as WriterInternals;
    internals.zip.abort();
    internals.zip = new PartsZip(stream);
    internals.stream = stream;
    // The parts the constructor already gave the dropped archiver.
    internals.promise = Promise.all([internals.addThemes(), internals.addOfficeRels()]);
    this.writer.creator = 'Patuh';
    this.writer.lastModifiedBy = 'Patuh';
    this.writer.created = created;
    this.writer.modified = created;
    this.writer.title = title;
    const addContentTypes = internals.addContentTypes.bind(this.writer);
    // The drawing parts need their content type; exceljs lists only what it wrote itself.
    internals.addContentTypes = async () => {
      const original = internals.zip.append.bind(internals.zip);
      internals.zip.append = (data, options) => {
        if (options.name === '[Content_Types].xml' && typeof data === 'string') {
          const overrides = this.drawings.map((name) => `<Override PartName="/xl/drawings/${name}.xml" ContentType="${DRAWING_CONTENT_TYPE}"/>`).join('');
          data = data.replace('</Types>', `${overrides}</Types>`);
        }
        original(data, options);
      };
      try {
        await addContentTypes();
      } finally {
        internals.zip.append = original;
      }
    };
  }

  /**
   * A sheet whose views and page setup are known up front (the writer writes them when
   * the sheet opens). It also answers `addImage` like an in-memory worksheet, so the
   * shared kop code works unchanged.
   */
  addWorksheet(name: string, print: SheetPrintOptions): ExcelJS.Worksheet {
    // The streaming sheet fills in printer DPI and a 100 % scale; left out, as the in-memory writer does.
    const pageSetup = { horizontalDpi: undefined, verticalDpi: undefined, scale: undefined, ...print.pageSetup };
    const sheet = this.writer.addWorksheet(name, { views: print.views, pageSetup, headerFooter: print.headerFooter } as Partial<ExcelJS.AddWorksheetOptions>);
    const internals = sheet as unknown as SheetInternals;
    const pictures: Picture[] = [];
    const writeMargins = internals._writePageMargins.bind(sheet);
    internals._writePageMargins = () => {
      if (internals.pageSetup.horizontalCentered) internals.stream.write('<printOptions horizontalCentered="1"/>');
      writeMargins();
    };
    const writeRowBreaks = internals._writeRowBreaks.bind(sheet);
    // <drawing> belongs right after the row breaks in the sheet XML.
    internals._writeRowBreaks = () => {
      writeRowBreaks();
      if (pictures.length > 0) internals.stream.write(`<drawing r:id="${this.addDrawing(internals, pictures)}"/>`);
    };
    (sheet as unknown as { addImage: ExcelJS.Worksheet['addImage'] }).addImage = (imageId, range) => {
      const anchor = range as { tl: { col: number; row: number }; ext: { width: number; height: number } };
      // Offsets depend on the first cell's size: read now, while that row is still open.
      const [col, colOff] = anchorOffset(anchor.tl.col, sheet.getColumn(Math.floor(anchor.tl.col) + 1).width, 640000);
      const [row, rowOff] = anchorOffset(anchor.tl.row, sheet.getRow(Math.floor(anchor.tl.row) + 1).height, 180000);
      pictures.push({ imageId: Number(imageId), col, colOff, row, rowOff, width: anchor.ext.width, height: anchor.ext.height });
    };
    return sheet as unknown as ExcelJS.Worksheet;
  }

  /** One media part per distinct buffer, however many sheets show it. */
  addImage(image: ExcelJS.Image): number {
    const key = image.buffer ?? image.filename ?? image.base64;
    const known = this.images.get(key);
    if (known !== undefined) return known;
    const id = this.writer.addImage(image);
    this.images.set(key, id);
    return id;
  }

  private addDrawing(sheet: SheetInternals, pictures: Picture[]): string {
    const internals = this.writer as unknown as WriterInternals;
    const name = `drawing${this.drawings.length + 1}`;
    this.drawings.push(name);
    const rels = [...new Set(pictures.map((picture) => picture.imageId))].map((imageId, index) => ({ id: `rId${index + 1}`, type: IMAGE_TYPE, target: `../media/${internals.media[imageId]!.name}`, imageId }));
    internals.zip.append(drawingXml(pictures, (imageId) => rels.find((rel) => rel.imageId === imageId)!.id), { name: `xl/drawings/${name}.xml` });
    internals.zip.append(relsXml(rels), { name: `xl/drawings/_rels/${name}.xml.rels` });
    return sheet._sheetRelsWriter.addRelationship({ Type: DRAWING_TYPE, Target: `../drawings/${name}.xml` });
  }
}

/**
 * Stream a workbook into a temp file next to `outFile` and rename it only once complete
 * (the same guarantees as writeWorkbookFile: a final name always means a finished file,
 * cancel or failure leaves nothing behind, an existing file is replaced only at the end).
 */
export async function streamWorkbookFile(outFile: string, job: JobControl, created: Date, title: string, build: (workbook: StreamWorkbook) => void): Promise<string> {
  const target = path.resolve(withXlsxExtension(outFile));
  requireDirectory(path.dirname(target));
  const temp = tempPathIn(path.dirname(target));
  const stream = fs.createWriteStream(temp, { flags: 'wx' });
  let workbook: StreamWorkbook | undefined;
  // A write error (full disk, removed flash drive) can come at any moment while the zip
  // streams; exceljs would only listen at the very end and then wait forever.
  const failed = new Promise<never>((_resolve, reject) => stream.on('error', reject));
  failed.catch(() => undefined);
  try {
    await Promise.race([new Promise<void>((resolve) => stream.once('open', () => resolve())), failed]);
    workbook = new StreamWorkbook(stream, created, title);
    (workbook.writer as unknown as { zip: NodeJS.EventEmitter }).zip.on('error', (error: Error) => stream.destroy(error));
    build(workbook);
    throwIfCancelled(job);
    await Promise.race([workbook.writer.commit(), failed]);
    return publishTemp(temp, target, job);
  } catch (error) {
    // Stop the zip first so nothing more is written into the temp being removed.
    (workbook?.writer as unknown as { zip?: { abort: () => void } } | undefined)?.zip?.abort();
    stream.destroy();
    await removeTemp(temp);
    throw asExportError(error, job);
  }
}

/**
 * The same workbook as bytes in memory, for a workbook that goes into a package (the
 * package sink writes, hashes and flushes it with the evidence files).
 */
export async function streamWorkbookBuffer(created: Date, title: string, build: (workbook: StreamWorkbook) => void): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const memory = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  const workbook = new StreamWorkbook(memory, created, title);
  build(workbook);
  await workbook.writer.commit();
  return Buffer.concat(chunks);
}

const interners = new WeakMap<object, StyleInterner>();

/**
 * Write every row still open to the file. Each cell first gets the one font family
 * (a committed row can no longer change) and its style object is swapped for the
 * shared one with the same content.
 */
export function commitRows(sheet: ExcelJS.Worksheet): void {
  const book = sheet.workbook as object;
  let interner = interners.get(book);
  if (!interner) interners.set(book, (interner = new StyleInterner()));
  let last: ExcelJS.Row | undefined;
  sheet.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.style = interner.shared(cell.style);
    });
    last = row;
  });
  last?.commit();
}

/** Write the sheet's remaining rows and close it: its part is then complete and deflated while the next sheet is built. */
export function commitSheet(sheet: ExcelJS.Worksheet): void {
  commitRows(sheet);
  (sheet as unknown as { commit: () => void }).commit();
}

/**
 * The documents model for every writer (Excel exports, Word letters, later reports such
 * as SKM). Build a context once per document, then render its kop and signatures:
 *
 *   import { documentContext, kop, signatures, section, document, docxBuffer } from '../documents';
 *   const docs = documentContext(ctx);
 *   const body = [...kop(docs.header, docs.header.paper), …, signatures(docs.header.paper, docs.signature('laporan', { dated: true }))];
 *   const buffer = await docxBuffer(document('Laporan SKM 2026', [section(docs.header.paper, 'Laporan SKM 2026', body)]));
 *
 * Excel: writeKop / writeTitleBlock / writeSignatures / applyFont (excel/exports/kop.ts)
 * and printSetup(sheet, headerRow, orientation, freeze, printInfoOf(docs, title)).
 * A new signed document kind is one entry in SIGNED_DOCUMENTS (shared/documents-types.ts).
 */
export { documentContext, unitHeadPosition, type DocumentContext, type DocumentHeader, type DocumentLogo, type Signature } from './letterhead';
export { contentWidth, docxBuffer, document, fieldTable, justify, kop, pageSize, para, section, signatures, table, text } from './letters/docx-kit';
export { svgToPng } from './letters/chart-image';
export { applyFont, KOP_ROWS, writeKop, writeSignature, writeSignatures, writeTitleBlock } from '../excel/exports/kop';
export { printInfoOf } from '../excel/exports/document-setup';

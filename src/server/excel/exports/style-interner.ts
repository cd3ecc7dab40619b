/**
 * Shared style objects for exceljs, used by the streamed workbooks (recap, unit package:
 * per committed row) and by every in-memory workbook (gap report, gap list) once it is built.
 */
import type ExcelJS from 'exceljs';
import { FONT } from './sheet-style';

const PLAIN_FONT: Partial<ExcelJS.Font> = { name: FONT };

/**
 * Identical styles share one object: exceljs remembers the style id of every style
 * object it has written (a WeakMap), so a shared object is turned into XML once instead
 * of once per cell. Parts are told apart by content, so a literal written per cell
 * ({ bold: true }) still lands on the shared style.
 */
export class StyleInterner {
  private readonly partIds = new WeakMap<object, number>();
  private readonly partsByJson = new Map<string, number>();
  private readonly styles = new Map<string, Partial<ExcelJS.Style>>();
  private readonly fonts = new Map<number, Partial<ExcelJS.Font>>();

  private id(part: object | undefined): number {
    if (part === undefined) return 0;
    let id = this.partIds.get(part);
    if (id === undefined) {
      const json = JSON.stringify(part);
      id = this.partsByJson.get(json);
      if (id === undefined) this.partsByJson.set(json, (id = this.partsByJson.size + 1));
      this.partIds.set(part, id);
    }
    return id;
  }

  /** The font with the one family every export uses (applyFont's rule for in-memory workbooks). */
  private named(font: Partial<ExcelJS.Font> | undefined): Partial<ExcelJS.Font> {
    if (!font) return PLAIN_FONT;
    if (font.name === FONT) return font;
    const id = this.id(font);
    let withName = this.fonts.get(id);
    if (!withName) this.fonts.set(id, (withName = { ...font, name: FONT }));
    return withName;
  }

  shared(style: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
    const font = this.named(style.font);
    const key = `${style.numFmt ?? ''}|${this.id(font)}|${this.id(style.border)}|${this.id(style.fill)}|${this.id(style.alignment)}|${this.id(style.protection)}`;
    let shared = this.styles.get(key);
    if (!shared) {
      shared = { ...style, font };
      for (const name of Object.keys(shared) as Array<keyof ExcelJS.Style>) if (shared[name] === undefined) delete shared[name];
      this.styles.set(key, shared);
    }
    return shared;
  }
}

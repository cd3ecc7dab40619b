/**
 * The parser worker stays warm between parses: what matters is that reuse never hands
 * out a worker that was killed, and that parallel and failed parses still answer right.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseInWorker } from '../../../src/server/excel/forms/parse-worker';
import { DEFAULT_LIMITS } from '../../../src/server/excel/forms/types';
import { SHEET_FORM } from '../../../src/server/excel/forms/layout';
import { silentJob } from '../../../src/server/jobs/job';

async function workbook(text: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet(SHEET_FORM).getCell('A1').value = text;
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('form parser worker', () => {
  it('parses one file after another and two at once, each getting its own snapshot', async () => {
    const first = await parseInWorker(await workbook('satu'), DEFAULT_LIMITS, silentJob());
    const second = await parseInWorker(await workbook('dua'), DEFAULT_LIMITS, silentJob());
    expect(first.form!.rows[0]![0]).toEqual({ k: 'text', t: 'satu' });
    expect(second.form!.rows[0]![0]).toEqual({ k: 'text', t: 'dua' });
    const [a, b] = await Promise.all([
      parseInWorker(await workbook('tiga'), DEFAULT_LIMITS, silentJob()),
      parseInWorker(await workbook('empat'), DEFAULT_LIMITS, silentJob()),
    ]);
    expect([a.form!.rows[0]![0], b.form!.rows[0]![0]]).toEqual([
      { k: 'text', t: 'tiga' },
      { k: 'text', t: 'empat' },
    ]);
  });

  it('after a file it cannot read, a timeout or a cancel, the next file is parsed normally', async () => {
    await expect(parseInWorker(Buffer.from('PK\u0003\u0004 bukan buku kerja'), DEFAULT_LIMITS, silentJob())).rejects.toThrow(/tidak dapat dibaca/);
    await expect(parseInWorker(await workbook('lambat'), { ...DEFAULT_LIMITS, parseTimeoutMs: 1 }, silentJob())).rejects.toThrow(/terlalu rumit/);
    const controller = new AbortController();
    const job = { ...silentJob(), signal: controller.signal };
    const cancelled = parseInWorker(await workbook('batal'), DEFAULT_LIMITS, job);
    controller.abort();
    await expect(cancelled).rejects.toThrow(/Dibatalkan/);
    const fine = await parseInWorker(await workbook('lanjut'), DEFAULT_LIMITS, silentJob());
    expect(fine.form!.rows[0]![0]).toEqual({ k: 'text', t: 'lanjut' });
  });
});

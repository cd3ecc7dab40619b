/**
 * The running numbers of letters, per series (the pattern) and year, kept like the
 * office's agenda book: issued in one transaction, never reused — a number printed on
 * a letter that was then discarded stays taken, as in a paper register.
 */
import { formatLetterNumber, letterSeries } from '../../core/documents/letter-number';
import { isoNow, type ServerContext } from '../context';
import type { Db } from '../db/connection';
import { memoFor } from '../db/memo';

function letterNumbersRepository(db: Db) {
  const last = db.prepare<[string, number], { last: number | null }>('SELECT max(number) AS last FROM letter_numbers WHERE series = ? AND year = ?');
  const insert = db.prepare(
    `INSERT INTO letter_numbers (series, year, number, nomor, kind, period_id, unit_id, issued_at)
     VALUES (@series, @year, @number, @nomor, @kind, @periodId, @unitId, @issuedAt)`,
  );
  return { last: (series: string, year: number) => last.get(series, year)?.last ?? 0, insert: (row: Record<string, unknown>) => void insert.run(row) };
}

export interface IssueRequest {
  pattern: string;
  /** Year of the letter (the calendar year of its date). */
  year: number;
  isoDate: string;
  kind: string;
  periodId: number;
  unitIds: number[];
}

/** The next numbers of the series, one per unit in order, recorded before the letters are written. */
export function issueLetterNumbers(ctx: ServerContext, request: IssueRequest): Map<number, string> {
  const repo = memoFor(ctx.db, letterNumbersRepository);
  const series = letterSeries(request.pattern);
  return ctx.db
    .transaction(() => {
      const issued = new Map<number, string>();
      let number = repo.last(series, request.year);
      for (const unitId of request.unitIds) {
        number += 1;
        const nomor = formatLetterNumber(request.pattern, { n: number, year: request.year, isoDate: request.isoDate });
        repo.insert({ series, year: request.year, number, nomor, kind: request.kind, periodId: request.periodId, unitId, issuedAt: isoNow(ctx) });
        issued.set(unitId, nomor);
      }
      return issued;
    })
    .immediate();
}

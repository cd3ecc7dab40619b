/** The result scale: category/grade bands with range, zone and whether they are inferred.
 * Notes repeat across bands, so each distinct note is printed once as a footnote. */
import type { Band } from '../../../core/instrument/schema';
import { BandCode, EstimateTag, ZoneBadge } from '../../components/badge';
import { formatRange } from '../../lib/format';

export function BandsTable({ bands, decimals }: { bands: Band[]; decimals: number }) {
  const hasZones = bands.some((band) => band.zone);
  const notes = [...new Set(bands.flatMap((band) => (band.note ? [band.note] : [])))];
  const hasRemarks = notes.length > 0 || bands.some((band) => band.estimated);
  return (
    <>
      <table className="static-table">
        <thead>
          <tr>
            <th scope="col">Kode</th>
            <th scope="col">Predikat</th>
            <th scope="col" className="num">
              Rentang nilai
            </th>
            {hasZones ? <th scope="col">Zona</th> : null}
            {hasRemarks ? <th scope="col">Keterangan</th> : null}
          </tr>
        </thead>
        <tbody>
          {bands.map((band) => (
            <tr key={band.code}>
              <td>
                <BandCode band={band} />
              </td>
              <td className="cell-strong">{band.label}</td>
              <td className="num">{formatRange(band.min, band.max, decimals)}</td>
              {hasZones ? <td>{band.zone ? <ZoneBadge zone={band.zone} /> : '–'}</td> : null}
              {hasRemarks ? (
                <td>
                  {band.estimated ? <EstimateTag /> : <span className="text-subtle">resmi</span>}
                  {band.note ? <sup className="footnote-ref">{notes.indexOf(band.note) + 1}</sup> : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {notes.length > 0 ? (
        <ol className="footnotes">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ol>
      ) : null}
    </>
  );
}

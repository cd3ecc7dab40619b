/** The parts of the Kesenjangan printout that only paper shows: letterhead and signatures. */
import type { PeriodDetail } from '../../../shared/types';
import { useAppData } from '../../lib/app-data';
import { daysUntil, formatCount, formatLongDate } from '../../lib/format';

export function GapsPrintHeader({ unitName, period, basis }: { unitName: string; period: PeriodDetail; basis: string }) {
  const { settings } = useAppData();
  const days = period.deadline ? daysUntil(period.deadline) : null;
  return (
    <header className="print-only print-head">
      <div className="print-head__gov">{settings?.localGovernmentName || 'Pemerintah Daerah'}</div>
      <h1 className="print-head__title">Rencana Perbaikan Pelayanan Publik</h1>
      <table className="print-head__meta">
        <tbody>
          <tr>
            <th scope="row">Unit</th>
            <td>{unitName}</td>
          </tr>
          <tr>
            <th scope="row">Tahun penilaian</th>
            <td>
              {period.year} · {period.instruments.map((item) => item.shortName).join(' dan ')}
            </td>
          </tr>
          <tr>
            <th scope="row">Tenggat</th>
            <td>
              {period.deadline ? formatLongDate(period.deadline) : 'belum diatur'}
              {days !== null && days >= 0 ? ` (${formatCount(days)} hari lagi)` : ''}
            </td>
          </tr>
          <tr>
            <th scope="row">Dasar nilai</th>
            <td>Nilai {basis}</td>
          </tr>
        </tbody>
      </table>
    </header>
  );
}

export function SignatureBlock({ headName, printedAt }: { headName: string | null; printedAt: string }) {
  const { settings } = useAppData();
  const place = (settings?.localGovernmentName ?? '').replace(/^(Kabupaten|Kota|Provinsi)\s+/i, '');
  return (
    <section className="print-only signatures" aria-hidden="true">
      <div className="signatures__col">
        <div>Disiapkan oleh,</div>
        <div>Operator Bagian Organisasi</div>
        <div className="signatures__space" />
        <div className="signatures__name">{settings?.operatorName || '(………………………………)'}</div>
      </div>
      <div className="signatures__col">
        <div>
          {place ? `${place}, ` : ''}
          {formatLongDate(printedAt).replace(/^[^,]+, /, '')}
        </div>
        <div>Mengetahui, Kepala Unit</div>
        <div className="signatures__space" />
        <div className="signatures__name">{headName || '(………………………………)'}</div>
        <div className="signatures__nip">NIP. ……………………………</div>
      </div>
    </section>
  );
}

/** One unit's SKM for a period: surveys, results with the chart, RTL, report and evidence. */
import { useState } from 'react';
import type { SkmSchemeView, SkmSemester } from '../../../shared/skm-types';
import { Button } from '../../components/button';
import { useConfirm } from '../../components/confirm';
import { ErrorState, Loading } from '../../components/states';
import { api, errorMessage } from '../../lib/api';
import { useAppData } from '../../lib/app-data';
import { useQuery } from '../../lib/use-query';
import { useToast } from '../../lib/toast';
import { downloadHref } from '../exports/download';
import { FollowUpPanel } from './follow-up-panel';
import { ResultsPanel } from './results-panel';
import { SurveysPanel } from './surveys-panel';

function ReportActions({ unitId, year, semester, complete }: { unitId: number; year: number; semester: SkmSemester; complete: boolean }) {
  const { activePeriod } = useAppData();
  const toast = useToast();
  const confirm = useConfirm();
  const [busy, setBusy] = useState<'export' | 'attach' | null>(null);
  const [links, setLinks] = useState<Array<{ name: string; url: string }>>([]);
  const exportReport = async () => {
    setBusy('export');
    try {
      const result = await api['skm:export-report']({ unitId, year, semester });
      if (result) {
        setLinks(result.files.filter((file) => file.downloadUrl).map((file) => ({ name: file.name, url: file.downloadUrl! })));
        toast.success('Laporan SKM dibuat', result.files.map((file) => (file.downloadUrl ? file.name : file.path)).join(' · '));
      }
    } catch (error) {
      toast.error('Laporan gagal dibuat', errorMessage(error));
    } finally {
      setBusy(null);
    }
  };
  const attach = async () => {
    if (!activePeriod) return;
    const agreed = await confirm({
      title: 'Lampirkan laporan SKM sebagai bukti?',
      message: `Laporan SKM (.docx) dilampirkan ke persyaratan SKM PEKPPP (indikator 6, 8, 9) dan Ombudsman (laporan SKM, nilai IKM) tahun penilaian ${activePeriod.year}. Statusnya menjadi menunggu verifikasi sampai diperiksa.`,
      confirmLabel: 'Lampirkan',
      tone: 'primary',
    });
    if (!agreed) return;
    setBusy('attach');
    try {
      const result = await api['skm:attach-evidence']({ unitId, year, semester, periodId: activePeriod.id });
      toast.success(`Laporan dilampirkan ke ${result.attached.length} persyaratan`, `${result.attached.map((item) => item.requirementCode).join(', ')} — menunggu verifikasi.`);
    } catch (error) {
      toast.error('Belum dapat dilampirkan', errorMessage(error));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="skm-actions">
      <Button icon="file" busy={busy === 'export'} onClick={() => void exportReport()}>
        Buat laporan (.docx + .xlsx)
      </Button>
      <Button
        icon="paperclip"
        variant="primary"
        busy={busy === 'attach'}
        disabled={!complete || !activePeriod}
        title={!complete ? 'IKM unit belum lengkap' : activePeriod ? `Ke PEKPPP indikator 6, 8, 9 dan Ombudsman, tahun ${activePeriod.year}` : 'Belum ada tahun penilaian aktif'}
        onClick={() => void attach()}
      >
        Lampirkan sebagai bukti {activePeriod ? activePeriod.year : ''}
      </Button>
      {links.length > 0 ? (
        <div className="skm-downloads" role="status">
          <span>Laporan siap diunduh:</span>
          {links.map((link) => (
            <a key={link.url} className="btn btn--secondary btn--sm" href={downloadHref(link.url)} download aria-label={`Unduh ${link.name}`}>
              {link.name.endsWith('.docx') ? 'Word (.docx)' : 'Excel (.xlsx)'}
            </a>
          ))}
        </div>
      ) : null}
    </div>
  );
}

export function UnitSkm({ scheme, unitId, year, semester }: { scheme: SkmSchemeView; unitId: number; year: number; semester: SkmSemester }) {
  const view = useQuery(`skm-unit-${unitId}-${year}-${semester}`, () => api['skm:unit']({ unitId, year, semester }));
  if (view.error && !view.data) return <ErrorState error={view.error} onRetry={view.reload} />;
  if (!view.data) return <Loading />;
  const data = view.data;
  return (
    <div className="skm-unit">
      <ReportActions unitId={unitId} year={year} semester={semester} complete={data.report.unit.complete} />
      <SurveysPanel scheme={scheme} view={data} onChanged={view.reload} />
      {data.surveys.length > 0 ? <ResultsPanel view={data} /> : null}
      <FollowUpPanel scheme={scheme} view={data} onChanged={view.reload} />
    </div>
  );
}

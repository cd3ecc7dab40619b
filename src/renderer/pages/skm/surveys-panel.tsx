/** The unit's surveys of the period: one per service type, with population and how answers came in. */
import { useState } from 'react';
import type { SkmSchemeView, SkmSurvey, SkmUnitView } from '../../../shared/skm-types';
import { Badge } from '../../components/badge';
import { Button, IconButton } from '../../components/button';
import { useConfirm } from '../../components/confirm';
import { EmptyState } from '../../components/states';
import { api, errorMessage } from '../../lib/api';
import { useToast } from '../../lib/toast';
import { CountsDialog } from './counts-dialog';
import { count } from './format';
import { ImportDialog } from './import-dialog';
import { SurveyDialog } from './survey-dialog';

type Open = { kind: 'survey'; survey: SkmSurvey | null } | { kind: 'import'; survey: SkmSurvey } | { kind: 'counts'; survey: SkmSurvey } | null;

function sourceText(survey: SkmSurvey): string {
  if (survey.respondents === 0) return 'Belum ada jawaban';
  if (survey.mode === 'counts') return 'Isian jumlah (kuesioner kertas)';
  return survey.sourceName ? `Impor: ${survey.sourceName}` : 'Impor berkas';
}

export function SurveysPanel({ scheme, view, onChanged }: { scheme: SkmSchemeView; view: SkmUnitView; onChanged: () => void }) {
  const [open, setOpen] = useState<Open>(null);
  const confirm = useConfirm();
  const toast = useToast();
  const results = new Map(view.report.services.map((service) => [service.key, service]));
  const close = () => setOpen(null);
  const done = () => {
    setOpen(null);
    onChanged();
  };
  const remove = async (survey: SkmSurvey) => {
    const message = `Survei “${survey.serviceName}” beserta ${count(survey.respondents)} jawabannya akan dihapus.`;
    if (!(await confirm({ title: 'Hapus survei?', message, confirmLabel: 'Hapus survei' }))) return;
    try {
      await api['skm:survey-delete']({ id: survey.id });
      onChanged();
    } catch (error) {
      toast.error('Gagal menghapus survei', errorMessage(error));
    }
  };
  return (
    <section className="panel panel--padded" aria-labelledby="skm-surveys-title">
      <div className="panel__head">
        <div>
          <h2 className="panel__title" id="skm-surveys-title">
            Survei per jenis layanan
          </h2>
          <p className="panel__subtitle">Sembilan unsur PermenPANRB 14/2017, jawaban 1–4. Bobot {scheme.weightLabel}.</p>
        </div>
        <Button icon="plus" variant="primary" onClick={() => setOpen({ kind: 'survey', survey: null })}>
          Tambah survei
        </Button>
      </div>
      {view.surveys.length === 0 ? (
        <EmptyState icon="list" title="Belum ada survei pada periode ini">
          Tambahkan satu survei per jenis layanan, lalu impor jawaban Google Forms atau isi jumlah jawaban kuesioner kertas.
        </EmptyState>
      ) : (
        <table className="static-table skm-table">
          <thead>
            <tr>
              <th>Jenis layanan</th>
              <th className="num">Responden</th>
              <th className="num">Populasi</th>
              <th>Sumber jawaban</th>
              <th>
                <span className="sr-only">Aksi</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {view.surveys.map((survey) => {
              const result = results.get(String(survey.id));
              return (
                <tr key={survey.id}>
                  <td>
                    <div className="skm-survey-name">{survey.serviceName}</div>
                    {result && result.shortfall ? <Badge tone="amber">Kurang {count(result.shortfall)} dari sampel minimum {count(result.sampleNeeded)}</Badge> : null}
                  </td>
                  <td className="num">{count(survey.respondents)}</td>
                  <td className="num">{survey.population === null ? <span className="muted">belum diisi</span> : count(survey.population)}</td>
                  <td>{sourceText(survey)}</td>
                  <td className="skm-actions-cell">
                    <div className="skm-row-actions">
                    <Button size="sm" icon="upload" onClick={() => setOpen({ kind: 'import', survey })}>
                      Impor jawaban
                    </Button>
                    <Button size="sm" icon="grid" onClick={() => setOpen({ kind: 'counts', survey })}>
                      Isi jumlah
                    </Button>
                    <IconButton icon="edit" label={`Ubah ${survey.serviceName}`} onClick={() => setOpen({ kind: 'survey', survey })} />
                    <IconButton icon="trash" label={`Hapus ${survey.serviceName}`} onClick={() => void remove(survey)} />
                  </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {open?.kind === 'survey' ? <SurveyDialog unitId={view.unitId} year={view.year} semester={view.semester} survey={open.survey} onClose={close} onSaved={done} /> : null}
      {open?.kind === 'import' ? <ImportDialog scheme={scheme} survey={open.survey} onClose={close} onImported={done} /> : null}
      {open?.kind === 'counts' ? <CountsDialog scheme={scheme} survey={open.survey} result={results.get(String(open.survey.id))} onClose={close} onSaved={done} /> : null}
    </section>
  );
}

/**
 * Paket pengajuan: per unit a folder or ZIP with the unit workbook and every evidence
 * file laid out per instrument/aspect/indicator. "Semua unit" runs one job per unit, one
 * after another; on the desktop the folder chosen for the first is reused for the rest.
 */
import { useState } from 'react';
import type { PeriodDetail, PeriodUnit } from '../../../shared/types';
import { Button } from '../../components/button';
import { SelectField } from '../../components/field';
import { Icon } from '../../components/icons';
import { api, isPreview } from '../../lib/api';
import { formatCount } from '../../lib/format';
import { href } from '../../lib/router';
import { useToast } from '../../lib/toast';
import { Choice, ExportCard } from './card';
import { asExportOutput, describeOutput, fileNameOf, parentOf } from './download';
import { DownloadLink, ExportOutcome, FailureDetails, Outcome, TaskProgress } from './task-status';
import { useTask, type StepOutcome } from './use-task';

const ALL = 'semua';

function BatchOutcome({ outcomes, stopped, total }: { outcomes: StepOutcome[]; stopped: boolean; total: number }) {
  const made = outcomes.filter((outcome) => outcome.status === 'selesai');
  const failed = outcomes.filter((outcome) => outcome.status === 'gagal');
  const preview = isPreview();
  const folder = made[0] ? parentOf(asExportOutput(made[0].result)?.path ?? '') : null;
  const title = `${formatCount(made.length)} dari ${formatCount(total)} paket dibuat`;
  const tone = failed.length > 0 ? 'error' : made.length === 0 ? 'neutral' : 'ok';
  const notes = [failed.length > 0 ? `${formatCount(failed.length)} gagal` : '', stopped ? 'sisanya dibatalkan' : ''].filter(Boolean).join(', ');
  return (
    <Outcome tone={tone} icon={tone === 'ok' ? 'check-circle' : tone === 'error' ? 'alert' : 'info'} title={notes ? `${title} · ${notes}` : title}>
      {!preview && folder ? (
        <div className="exp-saved">
          Tersimpan di <code title={folder}>{folder}</code>
        </div>
      ) : null}
      <ul className="exp-files" aria-label="Paket per unit">
        {outcomes.map((outcome) => {
          const output = asExportOutput(outcome.result);
          return (
            <li key={outcome.label} className={`exp-files__item exp-files__item--${outcome.status}`}>
              <Icon name={outcome.status === 'selesai' ? 'check-circle' : outcome.status === 'gagal' ? 'alert' : 'info'} size={16} className="exp-files__icon" />
              <div className="exp-files__main">
                <div className="exp-files__name">{outcome.label}</div>
                {outcome.status === 'selesai' && output ? (
                  <div className="exp-files__meta" title={output.path}>
                    {[output.path.toLowerCase().endsWith('.zip') ? 'ZIP' : 'Folder', describeOutput(output)].filter(Boolean).join(' · ')}
                  </div>
                ) : (
                  <div className="exp-files__meta">
                    {outcome.status === 'dibatalkan' ? 'Dibatalkan' : outcome.error}
                    <FailureDetails details={outcome.details} />
                  </div>
                )}
              </div>
              {preview && output?.downloadUrl ? <DownloadLink url={output.downloadUrl} name={fileNameOf(output.path)} /> : null}
            </li>
          );
        })}
      </ul>
    </Outcome>
  );
}

export function PackageCard({ period, units }: { period: PeriodDetail; units: PeriodUnit[] }) {
  const toast = useToast();
  const preview = isPreview();
  const [choice, setChoice] = useState<string>(String(units[0]?.unitId ?? ''));
  const [format, setFormat] = useState<'zip' | 'folder'>('zip');
  const zip = preview || format === 'zip';
  const task = useTask({
    onComplete: (outcomes, stopped) => {
      const made = outcomes.filter((outcome) => outcome.status === 'selesai').length;
      const failed = outcomes.find((outcome) => outcome.status === 'gagal');
      if (failed) toast.error(outcomes.length > 1 ? `${formatCount(outcomes.filter((outcome) => outcome.status === 'gagal').length)} paket gagal dibuat` : 'Paket gagal dibuat', failed.error ?? undefined);
      else if (stopped) toast.info('Pembuatan paket dibatalkan', made > 0 ? `${formatCount(made)} paket sudah selesai sebelum dibatalkan.` : undefined);
      else toast.success(made > 1 ? `${formatCount(made)} paket pengajuan selesai dibuat` : 'Paket pengajuan selesai dibuat');
    },
  });
  const running = task.phase === 'running';
  const chosen = choice === ALL ? units : units.filter((unit) => String(unit.unitId) === choice);

  const start = () => {
    const steps = chosen.map((unit) => ({
      label: unit.unitName,
      start: (earlier: StepOutcome[]) => {
        // Desktop: the folder picked for the first unit holds the other packages too.
        const first = earlier.map((outcome) => asExportOutput(outcome.result)).find(Boolean);
        const outDir = !preview && first ? parentOf(first.path) : undefined;
        return api['export:unit-package']({ periodId: period.id, unitId: unit.unitId, zip, ...(outDir ? { outDir } : {}) });
      },
    }));
    task.run(steps);
  };

  const single = task.outcomes.length === 1 && task.total === 1 ? task.outcomes[0] : undefined;
  return (
    <ExportCard
      icon="archive"
      tone="blue"
      title="Paket pengajuan per unit"
      description="Buku kerja nilai unit beserta semua berkas bukti, tersusun per instrumen, aspek dan indikator — siap diunggah atau diserahkan kepada penilai."
      status={
        running ? (
          <TaskProgress task={task} label="Kemajuan pembuatan paket" />
        ) : task.phase === 'done' ? (
          single ? (
            <ExportOutcome outcome={single} what="paket" />
          ) : (
            <BatchOutcome outcomes={task.outcomes} stopped={task.stopped} total={task.total} />
          )
        ) : null
      }
      actions={
        <Button variant="primary" icon="archive" busy={running} disabled={chosen.length === 0} onClick={start}>
          {choice === ALL ? `Buat ${formatCount(units.length)} paket` : 'Buat paket'}
        </Button>
      }
    >
      <div className="exp-fields">
        <SelectField label="Unit" value={choice} onChange={setChoice} disabled={running} hint={choice === ALL ? 'Satu paket per unit, dibuat berurutan.' : undefined}>
          <option value={ALL}>Semua unit ({formatCount(units.length)})</option>
          {units.map((unit) => (
            <option key={unit.unitId} value={unit.unitId}>
              {unit.unitName}
            </option>
          ))}
        </SelectField>
        {chosen.length === 1 && choice !== ALL ? (
          <a className="exp-profile-link" href={href(`/unit/${chosen[0]!.unitId}`)} title={`Buka profil ${chosen[0]!.unitName}`}>
            <Icon name="building" size={15} />
            <span>Profil unit</span>
          </a>
        ) : null}
        {preview ? (
          <div className="exp-note">
            <Icon name="info" size={16} />
            <span>Di pratinjau browser paket selalu dibuat sebagai berkas ZIP untuk diunduh.</span>
          </div>
        ) : (
          <Choice
            label="Bentuk paket"
            value={format}
            disabled={running}
            onChange={setFormat}
            options={[
              { value: 'zip', label: 'Berkas ZIP', hint: 'Satu berkas, mudah dikirim' },
              { value: 'folder', label: 'Folder biasa', hint: 'Mudah dibuka dan diperiksa' },
            ]}
          />
        )}
      </div>
    </ExportCard>
  );
}

/**
 * Formulir isian: a protected workbook per unit that the unit fills in offline (status,
 * links, document dates, notes) and sends back; it is imported in the section below.
 */
import { useState } from 'react';
import type { PeriodDetail, PeriodUnit } from '../../../shared/types';
import { Button } from '../../components/button';
import { Checkbox } from '../../components/field';
import { isPreview, api } from '../../lib/api';
import { formatCount } from '../../lib/format';
import { useToast } from '../../lib/toast';
import { ExportCard } from './card';
import { asExportOutput, fileNameOf } from './download';
import { DownloadLink, ExportOutcome, Outcome, TaskProgress } from './task-status';
import { useTask, type StepOutcome } from './use-task';

function ManyForms({ outcome }: { outcome: StepOutcome }) {
  const output = asExportOutput(outcome.result);
  if (!output) return <ExportOutcome outcome={outcome} what="formulir" />;
  const files = (output.files ?? []).filter((file): file is string => typeof file === 'string');
  const count = output.fileCount ?? files.length;
  return (
    <Outcome tone="ok" icon="check-circle" title={`${formatCount(count)} formulir isian dibuat`}>
      {isPreview() && files.length > 0 ? (
        <ul className="exp-files exp-files--compact" aria-label="Formulir per unit">
          {files.map((url) => (
            <li key={url} className="exp-files__item">
              <div className="exp-files__main">
                <div className="exp-files__name">{fileNameOf(url)}</div>
              </div>
              <DownloadLink url={url} name={fileNameOf(url)} />
            </li>
          ))}
        </ul>
      ) : (
        <div className="exp-saved">
          Tersimpan di folder <code title={output.path}>{output.path}</code>
        </div>
      )}
    </Outcome>
  );
}

export function FormsCard({ period, units }: { period: PeriodDetail; units: PeriodUnit[] }) {
  const toast = useToast();
  const [selected, setSelected] = useState<Set<number>>(() => new Set(units.map((unit) => unit.unitId)));
  const task = useTask({
    onComplete: (outcomes) => {
      const outcome = outcomes[0];
      if (!outcome) return;
      if (outcome.status === 'selesai') toast.success('Formulir isian selesai dibuat', 'Kirimkan kepada unit; impor kembali setelah diisi.');
      else if (outcome.status === 'dibatalkan') toast.info('Pembuatan formulir dibatalkan');
      else toast.error('Formulir gagal dibuat', outcome.error ?? undefined);
    },
  });
  const running = task.phase === 'running';
  const outcome = task.phase === 'done' ? task.outcomes[0] : undefined;
  const chosen = units.filter((unit) => selected.has(unit.unitId));
  const allChecked = chosen.length === units.length && units.length > 0;

  const toggle = (unitId: number, checked: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (checked) next.add(unitId);
      else next.delete(unitId);
      return next;
    });

  const start = () => {
    const label = chosen.length === 1 ? chosen[0]!.unitName : `${formatCount(chosen.length)} unit`;
    task.run([{ label, start: () => api['export:forms']({ periodId: period.id, unitIds: chosen.map((unit) => unit.unitId) }) }]);
  };

  return (
    <ExportCard
      icon="edit"
      tone="green"
      title="Formulir isian untuk unit"
      description="Unit mengisi status, tautan bukti, tanggal dokumen dan catatan di buku kerja ini tanpa membuka Patuh, lalu mengirimkannya kembali untuk diimpor di bagian Impor di bawah."
      status={
        running ? (
          <TaskProgress task={task} label="Kemajuan pembuatan formulir" />
        ) : outcome ? (
          outcome.status === 'selesai' && Array.isArray(asExportOutput(outcome.result)?.files) ? (
            <ManyForms outcome={outcome} />
          ) : (
            <ExportOutcome outcome={outcome} what="formulir" />
          )
        ) : null
      }
      actions={
        <>
          {chosen.length === 0 ? <span className="exp-card__hint">Pilih minimal satu unit.</span> : null}
          <Button variant="primary" icon="edit" busy={running} disabled={chosen.length === 0} onClick={start}>
            {chosen.length > 1 ? `Buat ${formatCount(chosen.length)} formulir` : 'Buat formulir'}
          </Button>
        </>
      }
    >
      <fieldset className="exp-units" disabled={running}>
        <legend className="sr-only">Unit yang dibuatkan formulir</legend>
        <div className="exp-units__all">
          <Checkbox
            label={<strong>Pilih semua</strong>}
            checked={allChecked}
            indeterminate={chosen.length > 0 && !allChecked}
            onChange={(checked) => setSelected(checked ? new Set(units.map((unit) => unit.unitId)) : new Set())}
          />
          <span className="exp-units__count">
            {formatCount(chosen.length)} dari {formatCount(units.length)} unit
          </span>
        </div>
        <div className="exp-units__list">
          {units.map((unit) => (
            <Checkbox key={unit.unitId} label={unit.unitName} description={unit.groupName} checked={selected.has(unit.unitId)} onChange={(checked) => toggle(unit.unitId, checked)} />
          ))}
        </div>
      </fieldset>
    </ExportCard>
  );
}

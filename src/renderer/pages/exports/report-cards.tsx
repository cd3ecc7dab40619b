/** Rekap pemerintah daerah (one workbook for the year) and the gap report for a unit's head. */
import { useState } from 'react';
import type { PeriodDetail, PeriodUnit } from '../../../shared/types';
import { Button } from '../../components/button';
import { SelectField } from '../../components/field';
import { Icon } from '../../components/icons';
import { api } from '../../lib/api';
import { href } from '../../lib/router';
import { useToast } from '../../lib/toast';
import { Choice, ExportCard } from './card';
import { ExportOutcome, TaskProgress } from './task-status';
import { useTask, type StepOutcome } from './use-task';

/** One toast per finished export, in the user's words. */
function useOutcomeToast(what: string, done: string) {
  const toast = useToast();
  return (outcomes: StepOutcome[]) => {
    const outcome = outcomes[0];
    if (!outcome) return;
    if (outcome.status === 'selesai') toast.success(done);
    else if (outcome.status === 'dibatalkan') toast.info(`Pembuatan ${what} dibatalkan`);
    else toast.error(`${what[0]!.toLocaleUpperCase('id-ID')}${what.slice(1)} gagal dibuat`, outcome.error ?? undefined);
  };
}

export function RecapCard({ period }: { period: PeriodDetail }) {
  const task = useTask({ onComplete: useOutcomeToast('rekap', 'Rekap pemerintah daerah selesai dibuat') });
  const running = task.phase === 'running';
  const outcome = task.phase === 'done' ? task.outcomes[0] : undefined;
  return (
    <ExportCard
      icon="chart"
      tone="teal"
      title="Rekap pemerintah daerah"
      description={`Satu buku kerja berisi capaian semua unit pada tahun penilaian ${period.year}, untuk pimpinan dan laporan.`}
      status={running ? <TaskProgress task={task} label="Kemajuan pembuatan rekap" /> : outcome ? <ExportOutcome outcome={outcome} what="rekap" /> : null}
      actions={
        <Button variant="primary" icon="chart" busy={running} onClick={() => task.run([{ label: 'Rekap', start: () => api['export:recap']({ periodId: period.id }) }])}>
          Buat rekap
        </Button>
      }
    >
      <ul className="point-list exp-contents" aria-label="Isi buku kerja rekap">
        <li>
          <Icon name="check" size={15} />
          <span>
            <strong>Rekap</strong> — indeks, kategori, perkiraan Ombudsman dan kelengkapan bukti setiap unit
          </span>
        </li>
        <li>
          <Icon name="check" size={15} />
          <span>
            <strong>Bukti Dukung</strong> — per kelompok unit dengan tanda ✓/– per aspek
          </span>
        </li>
        <li>
          <Icon name="check" size={15} />
          <span>
            <strong>Kop, tanda tangan, A4</strong> — siap dicetak; daftar kekurangan per butir ada di kartu “Surat dan dokumen”
          </span>
        </li>
      </ul>
    </ExportCard>
  );
}

type Basis = 'mandiri' | 'verifikasi';

export function GapsCard({ period, units }: { period: PeriodDetail; units: PeriodUnit[] }) {
  const [unitId, setUnitId] = useState<string>(String(units[0]?.unitId ?? ''));
  const [basis, setBasis] = useState<Basis>('mandiri');
  const task = useTask({ onComplete: useOutcomeToast('laporan kesenjangan', 'Laporan kesenjangan selesai dibuat') });
  const running = task.phase === 'running';
  const outcome = task.phase === 'done' ? task.outcomes[0] : undefined;
  const unit = units.find((entry) => String(entry.unitId) === unitId);

  const start = () => {
    if (!unit) return;
    task.run([{ label: unit.unitName, start: () => api['export:gaps']({ periodId: period.id, unitId: unit.unitId, basis }) }]);
  };

  return (
    <ExportCard
      icon="target"
      tone="amber"
      title="Laporan kesenjangan untuk kepala unit"
      description="Langkah perbaikan yang paling menaikkan nilai unit, diurutkan dari yang paling berpengaruh."
      status={running ? <TaskProgress task={task} label="Kemajuan pembuatan laporan kesenjangan" /> : outcome ? <ExportOutcome outcome={outcome} what="laporan kesenjangan" /> : null}
      actions={
        <>
          {unit ? (
            <a className="btn btn--ghost" href={href(`/kesenjangan/${unit.unitId}`)}>
              <Icon name="file" size={18} />
              <span>Lihat versi cetak</span>
            </a>
          ) : null}
          <Button variant="primary" icon="target" busy={running} disabled={!unit} onClick={start}>
            Buat laporan
          </Button>
        </>
      }
    >
      <div className="exp-fields">
        <SelectField label="Unit" value={unitId} onChange={setUnitId} disabled={running}>
          {units.map((entry) => (
            <option key={entry.unitId} value={entry.unitId}>
              {entry.unitName}
            </option>
          ))}
        </SelectField>
        <Choice
          label="Dasar nilai"
          value={basis}
          onChange={setBasis}
          disabled={running}
          options={[
            { value: 'mandiri', label: 'Penilaian mandiri', hint: 'Tingkat yang diisi unit' },
            { value: 'verifikasi', label: 'Hasil verifikasi', hint: 'Tingkat yang disahkan Bagian Organisasi' },
          ]}
        />
      </div>
    </ExportCard>
  );
}

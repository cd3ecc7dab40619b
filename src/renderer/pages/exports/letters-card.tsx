/**
 * Surat dan dokumen (.docx) and the long gap list: Nota Dinas to one unit or to every
 * unit with gaps (one file each plus a combined file to print), Berita Acara per unit,
 * the Laporan for the Sekda/Bupati, and the Daftar kekurangan workbook. All carry the
 * kop and signatories from Pengaturan.
 */
import { useState } from 'react';
import type { LetterKind } from '../../../shared/documents-types';
import type { PeriodDetail, PeriodUnit } from '../../../shared/types';
import { Button } from '../../components/button';
import { SelectField } from '../../components/field';
import { Icon } from '../../components/icons';
import { api } from '../../lib/api';
import { href } from '../../lib/router';
import { useToast } from '../../lib/toast';
import { ExportCard } from './card';
import { ExportOutcome, TaskProgress } from './task-status';
import { useTask } from './use-task';

const ALL = 'semua';
const KIND_LABELS: Record<LetterKind, string> = { 'nota-dinas': 'Nota Dinas', 'berita-acara': 'Berita Acara', laporan: 'Laporan' };

export function LettersCard({ period, units }: { period: PeriodDetail; units: PeriodUnit[] }) {
  const toast = useToast();
  const [unitChoice, setUnitChoice] = useState<string>(ALL);
  const [what, setWhat] = useState('surat');
  const task = useTask({
    onComplete: (outcomes) => {
      const outcome = outcomes[0];
      if (outcome?.status === 'selesai') toast.success(`${what[0]!.toLocaleUpperCase('id-ID')}${what.slice(1)} selesai dibuat`);
      else if (outcome?.status === 'gagal') toast.error(`${what} gagal dibuat`, outcome.error ?? undefined);
    },
  });
  const running = task.phase === 'running';
  const outcome = task.phase === 'done' ? task.outcomes[0] : undefined;
  const unitIds = unitChoice === ALL ? undefined : [Number(unitChoice)];

  const letters = (kind: LetterKind) => {
    setWhat(KIND_LABELS[kind]);
    task.run([{ label: KIND_LABELS[kind], start: () => api['export:letters']({ periodId: period.id, kind, ...(kind !== 'laporan' && unitIds ? { unitIds } : {}) }) }]);
  };
  const gapList = () => {
    setWhat('daftar kekurangan');
    task.run([{ label: 'Daftar kekurangan', start: () => api['export:gap-list']({ periodId: period.id }) }]);
  };

  return (
    <ExportCard
      icon="file"
      tone="blue"
      title="Surat dan dokumen"
      description="Dokumen Word siap ditandatangani dengan kop, nomor surat dan penandatangan dari Pengaturan."
      status={running ? <TaskProgress task={task} label="Kemajuan pembuatan dokumen" /> : outcome ? <ExportOutcome outcome={outcome} what={what} /> : null}
      actions={
        <div className="letters-row">
          <Button variant="primary" icon="file" busy={running} onClick={() => letters('nota-dinas')}>
            Nota Dinas
          </Button>
          <Button icon="check-circle" disabled={running} onClick={() => letters('berita-acara')}>
            Berita Acara
          </Button>
          <Button icon="chart" disabled={running} onClick={() => letters('laporan')}>
            Laporan pimpinan
          </Button>
          <Button icon="list" disabled={running} onClick={gapList}>
            Daftar kekurangan (.xlsx)
          </Button>
        </div>
      }
    >
      <div className="exp-fields">
        <SelectField label="Untuk unit (Nota Dinas dan Berita Acara)" value={unitChoice} onChange={setUnitChoice} disabled={running} hint="“Semua” membuat satu berkas per unit ditambah satu berkas gabungan untuk dicetak.">
          <option value={ALL}>Semua unit (Nota Dinas: yang masih memiliki kekurangan)</option>
          {units.map((entry) => (
            <option key={entry.unitId} value={entry.unitId}>
              {entry.unitName}
            </option>
          ))}
        </SelectField>
      </div>
      <p className="exp-note">
        <Icon name="settings" size={15} />
        <span>
          Kop, logo, NIP dan penandatangan diatur di <a href={href('/pengaturan')}>Pengaturan</a>; nomor Nota Dinas diambil berurutan dan tidak dipakai ulang.
        </span>
      </p>
    </ExportCard>
  );
}

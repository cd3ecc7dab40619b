/**
 * The year's collection folder (a synced Drive/OneDrive folder or a network share) and
 * the kits in it: choose or type the folder, create or refresh the kits of every unit.
 */
import { useEffect, useState } from 'react';
import type { IntakeStatus } from '../../../shared/intake-types';
import type { PeriodDetail } from '../../../shared/types';
import { Button } from '../../components/button';
import { Checkbox, TextField } from '../../components/field';
import { JobProgress, useJob } from '../../components/job-progress';
import { api, errorMessage, isPreview } from '../../lib/api';
import { formatCount } from '../../lib/format';
import { useToast } from '../../lib/toast';

interface Props {
  period: PeriodDetail;
  status: IntakeStatus | null;
  onChanged: () => void;
  onScan: () => void;
  scanning: boolean;
}

interface KitsResult {
  path: string;
  kits: Array<{ unitName: string; workbookKept: boolean }>;
}

export function FolderPanel({ period, status, onChanged, onScan, scanning }: Props) {
  const toast = useToast();
  const [typed, setTyped] = useState(status?.folder ?? '');
  const [zip, setZip] = useState(false);
  const [saving, setSaving] = useState(false);
  const exportJob = useJob({ onFinish: (job) => job.status === 'selesai' && onChanged() });
  const folder = status?.folder ?? null;
  useEffect(() => setTyped(folder ?? ''), [folder]);

  const save = async (path: string | undefined) => {
    setSaving(true);
    try {
      const next = await api['intake:set-folder']({ periodId: period.id, ...(path === undefined ? {} : { path: path.trim() === '' ? null : path.trim() }) });
      if (next) {
        toast.success(next.folder ? 'Folder kiriman disimpan' : 'Folder kiriman dilepas', next.folder ?? undefined);
        onChanged();
      }
    } catch (error) {
      toast.error('Folder kiriman tidak disimpan', errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const exportKits = async () => {
    try {
      const info = await api['intake:export']({ periodId: period.id, zip, ...(folder ? { outDir: folder } : {}) });
      if (info) exportJob.track(info);
    } catch (error) {
      toast.error('Kit tidak dapat dibuat', errorMessage(error));
    }
  };

  return (
    <section className="panel intake-folder" aria-label="Folder kiriman">
      <div className="intake-folder__main">
        <h2 className="intake-units__title">Folder kiriman {period.year}</h2>
        <p className="intake-hint">
          Satu folder untuk kit semua unit, misalnya folder Google Drive atau OneDrive yang dibagikan ke unit, atau folder jaringan Pemda. Patuh memeriksanya otomatis selama aplikasi terbuka.
        </p>
        <div className="intake-folder__row">
          <TextField label="Lokasi folder" value={typed} onChange={setTyped} placeholder="mis. D:\Google Drive\Kiriman Unit 2026" className="intake-folder__field" />
          <Button variant="secondary" busy={saving} disabled={typed.trim() === (folder ?? '')} onClick={() => void save(typed)}>
            Simpan
          </Button>
          {!isPreview() ? (
            <Button variant="secondary" icon="folder" onClick={() => void save(undefined)}>
              Pilih folder…
            </Button>
          ) : null}
        </div>
      </div>
      <div className="intake-folder__side">
        <Button variant="primary" icon="search" busy={scanning} disabled={!folder} onClick={onScan}>
          Periksa kiriman
        </Button>
        <Button variant="secondary" icon="upload" disabled={!folder && isPreview()} onClick={() => void exportKits()}>
          Buat/perbarui kit {formatCount(period.units.length)} unit
        </Button>
        <Checkbox label="Sebagai .zip (untuk dikirim lewat WhatsApp/surel)" checked={zip} onChange={setZip} />
      </div>
      <JobProgress
        handle={exportJob}
        title="Membuat kit isian unit"
        description="Buku kerja, folder persyaratan, PETUNJUK.txt dan manifest per unit. Berkas yang sudah ditaruh unit tidak disentuh."
        renderResult={(result) => {
          const done = result as KitsResult;
          const kept = done.kits.filter((kit) => kit.workbookKept);
          return (
            <>
              {formatCount(done.kits.length)} kit dibuat di <span className="intake-path">{done.path}</span>.
              {kept.length > 0 ? ` Buku kerja ${kept.map((kit) => kit.unitName).join(', ')} sudah diisi unit dan belum diterapkan, jadi tidak ditimpa.` : ''}
            </>
          );
        }}
      />
    </section>
  );
}

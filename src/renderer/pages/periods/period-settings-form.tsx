/** Instruments, deadline and document-date window of one year. */
import { useState } from 'react';
import type { InstrumentSummary, PeriodDetail } from '../../../shared/types';
import { Button } from '../../components/button';
import { useConfirm } from '../../components/confirm';
import { DateField } from '../../components/date-field';
import { FormAlert } from '../../components/field';
import { api, fieldErrors } from '../../lib/api';
import { useToast } from '../../lib/toast';
import { formLevelMessage } from '../../components/form-dialog';
import { InstrumentPicker } from './instrument-picker';
import { withYearConfirmation } from './out-of-range';

interface PeriodSettingsFormProps {
  period: PeriodDetail;
  instruments: InstrumentSummary[];
  onSaved: (period: PeriodDetail) => void;
}

export function PeriodSettingsForm({ period, instruments, onSaved }: PeriodSettingsFormProps) {
  const toast = useToast();
  const confirm = useConfirm();
  const [instrumentIds, setInstrumentIds] = useState(period.instruments.map((item) => item.id));
  const [deadline, setDeadline] = useState(period.deadline ?? '');
  const [windowStart, setWindowStart] = useState(period.windowStart);
  const [windowEnd, setWindowEnd] = useState(period.windowEnd);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const original = period.instruments.map((item) => item.id).sort().join(',');
  const dirty =
    [...instrumentIds].sort().join(',') !== original ||
    deadline !== (period.deadline ?? '') ||
    windowStart !== period.windowStart ||
    windowEnd !== period.windowEnd;

  const reset = () => {
    setInstrumentIds(period.instruments.map((item) => item.id));
    setDeadline(period.deadline ?? '');
    setWindowStart(period.windowStart);
    setWindowEnd(period.windowEnd);
    setErrors({});
    setFormError(null);
  };

  const save = async () => {
    setBusy(true);
    setFormError(null);
    try {
      const input = { id: period.id, instrumentIds, deadline: deadline === '' ? null : deadline, windowStart, windowEnd };
      const saved = await withYearConfirmation(confirm, period.year, (force) => api['periods:update']({ ...input, ...(force ? { force } : {}) }), 'Tetap simpan');
      setErrors({});
      onSaved(saved);
      toast.success('Pengaturan tahun disimpan', saved.name);
    } catch (error) {
      setErrors(fieldErrors(error));
      setFormError(formLevelMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="panel panel--padded"
      noValidate
      aria-label="Instrumen dan jadwal"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <div className="panel__head">
        <div>
          <h2 className="panel__title">Instrumen dan jadwal</h2>
          <p className="panel__subtitle">Bukti dukung bertanggal di luar rentang dokumen dianggap kedaluwarsa. Mengganti instrumen tidak menghapus data unit.</p>
        </div>
      </div>
      <FormAlert message={formError} />
      <div className="stack">
        <InstrumentPicker instruments={instruments} value={instrumentIds} onChange={setInstrumentIds} error={errors['instrumentIds']} year={period.year} />
        <div className="form-grid form-grid--3">
          <DateField label="Tenggat pengumpulan" value={deadline} onChange={setDeadline} error={errors['deadline']} hint="Kosongkan bila belum ada." />
          <DateField
            label="Dokumen bertanggal mulai"
            value={windowStart}
            onChange={setWindowStart}
            error={errors['windowStart']}
          />
          <DateField label="Dokumen bertanggal sampai" value={windowEnd} onChange={setWindowEnd} error={errors['windowEnd']} />
        </div>
      </div>
      <div className="panel__footer">
        <Button onClick={reset} disabled={!dirty || busy}>
          Batalkan perubahan
        </Button>
        <Button type="submit" variant="primary" busy={busy} disabled={!dirty}>
          Simpan perubahan
        </Button>
      </div>
    </form>
  );
}

/** Create an assessment year: instruments, deadline and which units take part. */
import { useState } from 'react';
import type { PeriodDetail, Period } from '../../../shared/types';
import { useConfirm } from '../../components/confirm';
import { DateField } from '../../components/date-field';
import { TextField } from '../../components/field';
import { FormDialog, useFormSubmit } from '../../components/form-dialog';
import { ErrorState, Loading } from '../../components/states';
import { api } from '../../lib/api';
import { formatCount } from '../../lib/format';
import { useQuery } from '../../lib/use-query';
import { InstrumentPicker, applicableInstruments } from './instrument-picker';
import { withYearConfirmation } from './out-of-range';
import { UnitPicker } from './unit-picker';

interface CreatePeriodDialogProps {
  periods: Period[];
  onClose: () => void;
  onCreated: (period: PeriodDetail) => void;
}

function defaultYear(periods: Period[]): number {
  const now = new Date().getFullYear();
  const years = new Set(periods.map((period) => period.year));
  let year = now;
  while (years.has(year)) year += 1;
  return year;
}

/** The latest year before `year`, else the latest year at all. */
function previousPeriod(periods: Period[], year: number): Period | null {
  const before = periods.filter((period) => period.year < year).sort((a, b) => b.year - a.year);
  return before[0] ?? [...periods].sort((a, b) => b.year - a.year)[0] ?? null;
}

export function CreatePeriodDialog({ periods, onClose, onCreated }: CreatePeriodDialogProps) {
  const data = useQuery('create-period', async () => {
    const [instruments, units] = await Promise.all([api['instruments:list'](), api['units:list']()]);
    return { instruments, units };
  });
  const [year, setYear] = useState(String(defaultYear(periods)));
  const [chosenInstruments, setChosenInstruments] = useState<number[] | null>(null);
  const [deadline, setDeadline] = useState('');
  const yearNumber = Number(year);
  const previous = previousPeriod(periods, yearNumber);
  const [scopeMode, setScopeMode] = useState<'copy' | 'choose'>(previous ? 'copy' : 'choose');
  const [unitIds, setUnitIds] = useState<Set<number>>(new Set());
  const form = useFormSubmit();
  const confirm = useConfirm();
  const { errors } = form;

  // Until the user ticks something, the instruments follow the year typed.
  const instrumentIds = chosenInstruments ?? applicableInstruments(data.data?.instruments ?? [], yearNumber);
  const copying = scopeMode === 'copy' && previous !== null;

  const submit = async () => {
    await form.run(async () => {
      const input = {
        year: year.trim() === '' ? Number.NaN : yearNumber,
        instrumentIds,
        deadline: deadline === '' ? null : deadline,
        ...(copying ? { copyScopeFromPeriodId: previous.id } : { unitIds: [...unitIds] }),
      };
      onCreated(await withYearConfirmation(confirm, input.year, (force) => api['periods:create']({ ...input, ...(force ? { force } : {}) })));
    });
  };

  return (
    <FormDialog
      size="lg"
      title="Buat tahun penilaian"
      description="Satu tahun penilaian memakai satu instrumen PEKPPP dan/atau satu instrumen Ombudsman."
      onClose={onClose}
      onSubmit={submit}
      busy={form.busy}
      formError={form.formError}
      submitLabel="Buat tahun penilaian"
      submitDisabled={!data.data}
    >
      {data.error ? <ErrorState error={data.error} onRetry={data.reload} /> : null}
      {!data.data && !data.error ? <Loading /> : null}
      {data.data ? (
        <div className="stack">
          <div className="form-grid">
            <TextField
              label="Tahun"
              required
              type="number"
              inputMode="numeric"
              min={2013}
              max={2100}
              value={year}
              onChange={(value) => {
                setYear(value);
                setChosenInstruments(null);
              }}
              error={errors['year']}
              hint="Tahun pelaksanaan penilaian."
              autoFocus
            />
            <DateField
              label="Tenggat pengumpulan"
              value={deadline}
              onChange={setDeadline}
              error={errors['deadline']}
              hint="Batas akhir unit mengumpulkan bukti dukung. Boleh diisi nanti."
            />
          </div>
          <InstrumentPicker
            instruments={data.data.instruments}
            value={instrumentIds}
            onChange={setChosenInstruments}
            error={errors['instrumentIds']}
            year={yearNumber}
          />
          <fieldset className="scope-choice">
            <legend className="field__label">Unit yang dinilai</legend>
            {previous ? (
              <label className="radio">
                <input type="radio" name="scope" checked={scopeMode === 'copy'} onChange={() => setScopeMode('copy')} />
                <span>
                  Salin dari {previous.name}
                  <span className="radio__hint">
                    {formatCount(previous.unitCount)} unit, {formatCount(previous.sampleCount)} sampel Ombudsman
                  </span>
                </span>
              </label>
            ) : null}
            <label className="radio">
              <input type="radio" name="scope" checked={!copying} onChange={() => setScopeMode('choose')} />
              <span>
                Pilih unit
                <span className="radio__hint">Sampel Ombudsman yang umum (DPMPTSP, Disdukcapil, Dinkes, …) ditandai otomatis.</span>
              </span>
            </label>
            {!copying ? (
              data.data.units.length === 0 ? (
                <div className="alert alert--info">Belum ada unit aktif. Unit dapat ditambahkan ke tahun ini nanti.</div>
              ) : (
                <UnitPicker units={data.data.units} value={unitIds} onChange={setUnitIds} />
              )
            ) : null}
          </fieldset>
        </div>
      ) : null}
    </FormDialog>
  );
}

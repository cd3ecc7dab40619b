/** Dialogs about requirements: a reason for a status or for hiding, an office requirement, the hidden ones. */
import { useMemo, useState, type ReactNode } from 'react';
import type { ChecklistIndicator, ChecklistInstrument, ChecklistRequirement, HiddenRequirement } from '../../../shared/types';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { FormAlert, SelectField, TextAreaField } from '../../components/field';
import { FormDialog, messageWithoutFields, useFormSubmit } from '../../components/form-dialog';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { api, errorMessage, fieldErrors } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useQuery } from '../../lib/use-query';

interface ReasonDialogProps {
  title: string;
  description: ReactNode;
  label: string;
  placeholder?: string;
  confirmLabel: string;
  tone?: 'primary' | 'danger';
  initial?: string;
  /** Throws to keep the dialog open with the error shown. */
  onSubmit: (reason: string) => Promise<void>;
  onClose: () => void;
}

export function ReasonDialog({ title, description, label, placeholder, confirmLabel, tone = 'primary', initial = '', onSubmit, onClose }: ReasonDialogProps) {
  const [reason, setReason] = useState(initial);
  // Only the reason is a field here; any other message is shown above it.
  const form = useFormSubmit((caught) => (fieldErrors(caught)['reason'] ? null : errorMessage(caught)));

  const submit = async () => {
    if (reason.trim() === '') {
      form.setErrors({ reason: 'Alasan wajib diisi.' });
      return;
    }
    await form.run(() => onSubmit(reason.trim()));
  };

  return (
    <FormDialog
      size="sm"
      title={title}
      description={description}
      onClose={onClose}
      onSubmit={submit}
      busy={form.busy}
      formError={form.formError}
      submitVariant={tone}
      submitLabel={confirmLabel}
    >
      <TextAreaField
        label={label}
        required
        value={reason}
        onChange={(value) => {
          setReason(value);
          if (value.trim() !== '') form.clearError('reason');
        }}
        error={form.errors['reason']}
        placeholder={placeholder}
        maxLength={500}
        rows={4}
        autoFocus
      />
    </FormDialog>
  );
}

const KINDS = [
  { value: 'dokumen', label: 'Dokumen' },
  { value: 'foto', label: 'Foto' },
  { value: 'tautan', label: 'Tautan' },
  { value: 'data', label: 'Data' },
] as const;

interface AddRequirementDialogProps {
  periodId: number;
  year: number;
  instrument: ChecklistInstrument;
  indicator: ChecklistIndicator;
  onClose: () => void;
  onAdded: (requirement: ChecklistRequirement) => void;
}

export function AddRequirementDialog({ periodId, year, instrument, indicator, onClose, onAdded }: AddRequirementDialogProps) {
  const [text, setText] = useState('');
  const [kind, setKind] = useState<(typeof KINDS)[number]['value']>('dokumen');
  const form = useFormSubmit(messageWithoutFields);
  const { errors } = form;

  const submit = async () => {
    if (text.trim() === '') {
      form.setErrors({ text: 'Uraian bukti dukung wajib diisi.' });
      return;
    }
    await form.run(async () => {
      onAdded(await api['checklist:add-requirement']({ periodId, instrumentId: instrument.instrumentId, indicatorCode: indicator.code, text: text.trim(), kind }));
    });
  };

  return (
    <FormDialog
      title="Tambah persyaratan"
      description={
        <>
          {instrument.shortName} · Indikator {indicator.number}: {indicator.name}
        </>
      }
      onClose={onClose}
      onSubmit={submit}
      busy={form.busy}
      formError={form.formError}
      submitIcon="plus"
      submitLabel="Tambah persyaratan"
    >
      <div className="stack stack--tight">
        <TextAreaField
          label="Uraian bukti dukung"
          required
          value={text}
          onChange={(value) => {
            setText(value);
            if (errors['text'] && value.trim() !== '') form.setErrors({});
          }}
          error={errors['text']}
          placeholder="Misalnya: Foto papan informasi jam layanan di ruang tunggu"
          hint={`Ditandai "tambahan kantor" dan berlaku untuk semua unit pada tahun ${year}.`}
          maxLength={300}
          rows={3}
          autoFocus
        />
        <SelectField label="Jenis bukti" value={kind} onChange={(value) => setKind(value as typeof kind)} error={errors['kind']}>
          {KINDS.map((item) => (
            <option key={item.value} value={item.value}>
              {item.label}
            </option>
          ))}
        </SelectField>
      </div>
    </FormDialog>
  );
}

/** Which indicator a requirement code belongs to, from the instrument definition (office codes name it). */
function indicatorOfCode(code: string, byCode: Map<string, string>): string | null {
  const own = byCode.get(code);
  if (own) return own;
  const custom = /^kantor-(.+)-\d+$/.exec(code);
  return custom ? custom[1]! : null;
}

interface HiddenDialogProps {
  periodId: number;
  year: number;
  instrument: ChecklistInstrument;
  /** Only this indicator's, or every hidden requirement of the instrument. */
  indicator: ChecklistIndicator | null;
  onClose: () => void;
  onUnhidden: (requirement: HiddenRequirement) => void;
}

export function HiddenDialog({ periodId, year, instrument, indicator, onClose, onUnhidden }: HiddenDialogProps) {
  const data = useQuery(`hidden-${periodId}-${instrument.instrumentId}`, async () => {
    const [hidden, definition] = await Promise.all([
      api['checklist:hidden-requirements']({ periodId }),
      api['instruments:get']({ id: instrument.instrumentId }),
    ]);
    const byCode = new Map<string, string>();
    for (const aspect of definition.definition.aspects) {
      for (const item of aspect.indicators) for (const requirement of item.requirements) byCode.set(requirement.code, item.code);
    }
    return { hidden, byCode };
  });
  const [busyCode, setBusyCode] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const indicatorNames = useMemo(() => new Map(instrument.aspects.flatMap((aspect) => aspect.indicators.map((item) => [item.code, `Indikator ${item.number}: ${item.name}`] as const))), [instrument]);
  const rows = (data.data?.hidden ?? []).filter((row) => {
    if (row.instrumentId !== instrument.instrumentId) return false;
    return indicator ? indicatorOfCode(row.code, data.data!.byCode) === indicator.code : true;
  });

  const unhide = async (row: HiddenRequirement) => {
    setBusyCode(row.code);
    setError(null);
    try {
      await api['checklist:unhide-requirement']({ periodId, instrumentId: row.instrumentId, requirementCode: row.code });
      onUnhidden(row);
      data.reload();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusyCode(null);
    }
  };

  return (
    <Dialog
      open
      size="lg"
      title="Persyaratan yang disembunyikan"
      description={`${instrument.shortName}${indicator ? ` · Indikator ${indicator.number}: ${indicator.name}` : ''} · berlaku untuk semua unit pada tahun ${year}`}
      onClose={onClose}
      footer={<Button onClick={onClose}>Tutup</Button>}
    >
      <FormAlert message={error} />
      {data.error ? <ErrorState error={data.error} onRetry={data.reload} /> : null}
      {!data.data && !data.error ? <Loading /> : null}
      {data.data && rows.length === 0 ? (
        <EmptyState icon="check-circle" title="Tidak ada persyaratan yang disembunyikan">
          Semua persyaratan bawaan ditampilkan.
        </EmptyState>
      ) : null}
      {rows.length > 0 ? (
        <ul className="hidden-list">
          {rows.map((row) => {
            const indicatorCode = indicatorOfCode(row.code, data.data!.byCode);
            return (
              <li key={row.code} className="hidden-list__item">
                <div className="hidden-list__body">
                  <div className="hidden-list__text">{row.text}</div>
                  <div className="hidden-list__meta">
                    {!indicator && indicatorCode ? <span>{indicatorNames.get(indicatorCode) ?? indicatorCode} · </span> : null}
                    Disembunyikan {formatDate(row.hiddenAt)} · Alasan: {row.reason}
                  </div>
                </div>
                <Button size="sm" icon="restore" busy={busyCode === row.code} disabled={busyCode !== null && busyCode !== row.code} onClick={() => void unhide(row)}>
                  Tampilkan lagi
                </Button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </Dialog>
  );
}

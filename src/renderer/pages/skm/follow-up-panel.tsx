/** The follow-up plan (RTL) the office fills in: kegiatan, waktu, penanggung jawab, selesai. */
import { useState } from 'react';
import type { SkmFollowUp, SkmSchemeView, SkmSemester, SkmUnitView } from '../../../shared/skm-types';
import { Badge } from '../../components/badge';
import { Button, IconButton } from '../../components/button';
import { useConfirm } from '../../components/confirm';
import { Checkbox, SelectField, TextField } from '../../components/field';
import { FormDialog, useFormSubmit } from '../../components/form-dialog';
import { api, errorMessage } from '../../lib/api';
import { useToast } from '../../lib/toast';
import { formatPercent } from '../../lib/format';

interface Base {
  unitId: number;
  year: number;
  semester: SkmSemester;
}

function FollowUpDialog({ scheme, base, item, weakest, onClose, onSaved }: { scheme: SkmSchemeView; base: Base; item: SkmFollowUp | null; weakest: string | null; onClose: () => void; onSaved: () => void }) {
  const [unsurCode, setUnsurCode] = useState(item?.unsurCode ?? weakest ?? '');
  const [activity, setActivity] = useState(item?.activity ?? '');
  const [schedule, setSchedule] = useState(item?.schedule ?? '');
  const [responsible, setResponsible] = useState(item?.responsible ?? '');
  const [done, setDone] = useState(item?.done ?? false);
  const form = useFormSubmit();
  const submit = () =>
    form.run(async () => {
      await api['skm:follow-up-save']({ ...base, ...(item ? { id: item.id } : {}), unsurCode: unsurCode === '' ? null : unsurCode, activity, schedule, responsible, done });
      onSaved();
    });
  return (
    <FormDialog title={item ? 'Ubah kegiatan RTL' : 'Tambah kegiatan RTL'} onClose={onClose} onSubmit={submit} busy={form.busy} formError={form.formError} submitLabel="Simpan" submitIcon="check">
      <SelectField label="Unsur yang diperbaiki" value={unsurCode} onChange={setUnsurCode} error={form.errors['unsurCode']}>
        <option value="">(umum, tidak terkait satu unsur)</option>
        {scheme.unsur.map((unsur) => (
          <option key={unsur.code} value={unsur.code}>
            U{unsur.number} {unsur.name}
          </option>
        ))}
      </SelectField>
      <TextField label="Kegiatan" required value={activity} onChange={setActivity} error={form.errors['activity']} autoFocus maxLength={500} />
      <TextField label="Waktu" value={schedule} onChange={setSchedule} error={form.errors['schedule']} placeholder="mis. Triwulan II 2026" maxLength={120} />
      <TextField label="Penanggung jawab" value={responsible} onChange={setResponsible} error={form.errors['responsible']} placeholder="mis. Sekretaris Dinas" maxLength={160} />
      <Checkbox label="Sudah selesai dilaksanakan" checked={done} onChange={setDone} />
    </FormDialog>
  );
}

export function FollowUpPanel({ scheme, view, onChanged }: { scheme: SkmSchemeView; view: SkmUnitView; onChanged: () => void }) {
  const [editing, setEditing] = useState<SkmFollowUp | 'new' | null>(null);
  const confirm = useConfirm();
  const toast = useToast();
  const base = { unitId: view.unitId, year: view.year, semester: view.semester };
  const suggestion = view.followUpSuggestion;
  const remove = async (item: SkmFollowUp) => {
    if (!(await confirm({ title: 'Hapus kegiatan RTL?', message: `“${item.activity}” akan dihapus dari rencana tindak lanjut.`, confirmLabel: 'Hapus' }))) return;
    try {
      await api['skm:follow-up-delete']({ id: item.id });
      onChanged();
    } catch (error) {
      toast.error('Gagal menghapus', errorMessage(error));
    }
  };
  return (
    <section className="panel panel--padded" aria-labelledby="skm-rtl-title">
      <div className="panel__head">
        <div>
          <h2 className="panel__title" id="skm-rtl-title">
            Rencana tindak lanjut (RTL)
          </h2>
          <p className="panel__subtitle">
            {suggestion.total === 0
              ? 'Belum ada RTL. Mulailah dari unsur dengan nilai terendah.'
              : `${suggestion.done} dari ${suggestion.total} kegiatan selesai (${formatPercent(suggestion.percent ?? 0)}) · saran tingkat indikator ${suggestion.indicatorNumber} PEKPPP: ${suggestion.level} (${suggestion.label}).`}
          </p>
        </div>
        <Button icon="plus" onClick={() => setEditing('new')}>
          Tambah kegiatan
        </Button>
      </div>
      {view.followUps.length > 0 ? (
        <table className="static-table skm-table">
          <thead>
            <tr>
              <th>Unsur</th>
              <th>Kegiatan</th>
              <th>Waktu</th>
              <th>Penanggung jawab</th>
              <th>Status</th>
              <th>
                <span className="sr-only">Aksi</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {view.followUps.map((item) => {
              const unsur = scheme.unsur.find((u) => u.code === item.unsurCode);
              return (
                <tr key={item.id}>
                  <td>{unsur ? `U${unsur.number} ${unsur.name}` : '–'}</td>
                  <td>{item.activity}</td>
                  <td>{item.schedule || '–'}</td>
                  <td>{item.responsible || '–'}</td>
                  <td>{item.done ? <Badge tone="green">Selesai</Badge> : <Badge tone="amber">Belum selesai</Badge>}</td>
                  <td className="skm-actions-cell">
                    <div className="skm-row-actions">
                    <IconButton icon="edit" label={`Ubah ${item.activity}`} onClick={() => setEditing(item)} />
                    <IconButton icon="trash" label={`Hapus ${item.activity}`} onClick={() => void remove(item)} />
                  </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {editing ? (
        <FollowUpDialog
          scheme={scheme}
          base={base}
          item={editing === 'new' ? null : editing}
          weakest={view.report.unit.weakest[0]?.code ?? null}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onChanged();
          }}
        />
      ) : null}
    </section>
  );
}

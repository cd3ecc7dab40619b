/** Add or edit a survey: the service type (jenis layanan) and its population of users. */
import { useState } from 'react';
import type { SkmSemester, SkmSurvey } from '../../../shared/skm-types';
import { TextField } from '../../components/field';
import { FormDialog, useFormSubmit } from '../../components/form-dialog';
import { api } from '../../lib/api';

interface Props {
  unitId: number;
  year: number;
  semester: SkmSemester;
  survey: SkmSurvey | null;
  onClose: () => void;
  onSaved: (survey: SkmSurvey) => void;
}

export function SurveyDialog({ unitId, year, semester, survey, onClose, onSaved }: Props) {
  const [name, setName] = useState(survey?.serviceName ?? '');
  const [population, setPopulation] = useState(survey?.population ? String(survey.population) : '');
  const form = useFormSubmit();
  const submit = () =>
    form.run(async () => {
      const value = population.trim() === '' ? null : Number(population.replace(/\./gu, ''));
      const saved = await api['skm:survey-save']({ ...(survey ? { id: survey.id } : {}), unitId, serviceName: name, year, semester, population: value });
      onSaved(saved);
    });
  return (
    <FormDialog title={survey ? 'Ubah survei' : 'Tambah survei'} onClose={onClose} onSubmit={submit} busy={form.busy} formError={form.formError} submitLabel="Simpan" submitIcon="check">
      <TextField label="Jenis layanan" required value={name} onChange={setName} error={form.errors['serviceName']} placeholder="mis. Kartu Tanda Penduduk Elektronik" autoFocus maxLength={160} />
      <TextField
        label="Populasi pengguna layanan"
        value={population}
        onChange={setPopulation}
        inputMode="numeric"
        error={form.errors['population']}
        hint="Jumlah pengguna layanan pada periode ini; dipakai menghitung sampel minimum (Krejcie–Morgan). Boleh dikosongkan."
      />
    </FormDialog>
  );
}

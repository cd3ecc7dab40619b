/** Paper questionnaires: how many respondents answered 1, 2, 3, 4 for each unsur. */
import { useState } from 'react';
import type { SkmGroupResult, SkmSchemeView, SkmSurvey } from '../../../shared/skm-types';
import { TextField } from '../../components/field';
import { FormDialog, useFormSubmit } from '../../components/form-dialog';
import { api } from '../../lib/api';
import { ProfileFields, emptyProfile, profilePayload, type ProfileInput } from './profile-fields';

interface Props {
  scheme: SkmSchemeView;
  survey: SkmSurvey;
  /** The survey's current result: paper counts already entered are shown for editing. */
  result: SkmGroupResult | undefined;
  onClose: () => void;
  onSaved: () => void;
}

export function CountsDialog({ scheme, survey, result, onClose, onSaved }: Props) {
  const steps = scheme.answerScale.max - scheme.answerScale.min + 1;
  const [respondents, setRespondents] = useState(survey.mode === 'counts' ? String(survey.respondents) : '');
  const [cells, setCells] = useState<Record<string, string[]>>(() =>
    Object.fromEntries(
      scheme.unsur.map((unsur) => {
        const entered = survey.mode === 'counts' ? result?.unsur.find((item) => item.code === unsur.code)?.distribution : undefined;
        return [unsur.code, Array.from({ length: steps }, (_, i) => (entered ? String(entered[i] ?? 0) : ''))];
      }),
    ),
  );
  const [profile, setProfile] = useState<ProfileInput | null>(null);
  const form = useFormSubmit();
  const setCell = (code: string, index: number, value: string) => setCells((current) => ({ ...current, [code]: current[code]!.map((old, i) => (i === index ? value.replace(/\D/gu, '') : old)) }));
  const submit = () =>
    form.run(async () => {
      const counts = Object.fromEntries(Object.entries(cells).map(([code, row]) => [code, row.map((value) => (value === '' ? 0 : Number(value)))]));
      // The profile is sent only when the office opened it; otherwise what was entered stays.
      await api['skm:counts-set']({ surveyId: survey.id, respondents: respondents === '' ? 0 : Number(respondents), counts, ...(profile ? { profile: profilePayload(profile) } : {}) });
      onSaved();
    });
  return (
    <FormDialog
      size="lg"
      title={`Isi jumlah jawaban — ${survey.serviceName}`}
      description={survey.respondents > 0 && survey.mode === 'rows' ? `Menggantikan ${survey.respondents.toLocaleString('id-ID')} jawaban yang sudah ada pada survei ini.` : 'Untuk kuesioner kertas: hitung berapa responden memilih tiap jawaban.'}
      onClose={onClose}
      onSubmit={submit}
      busy={form.busy}
      formError={form.formError}
      submitLabel="Simpan jumlah"
      submitIcon="check"
    >
      <TextField label="Jumlah kuesioner yang diterima" required value={respondents} onChange={setRespondents} inputMode="numeric" error={form.errors['respondents']} />
      <table className="static-table skm-counts">
        <thead>
          <tr>
            <th>Unsur</th>
            {Array.from({ length: steps }, (_, i) => (
              <th key={i} className="num">
                Nilai {scheme.answerScale.min + i}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {scheme.unsur.map((unsur) => (
            <tr key={unsur.code}>
              <td>
                U{unsur.number} {unsur.name}
                {form.errors[unsur.code] ? (
                  <div className="field__error" role="alert">
                    {form.errors[unsur.code]}
                  </div>
                ) : null}
              </td>
              {cells[unsur.code]!.map((value, i) => (
                <td key={i} className="num">
                  <input
                    className="input skm-counts__input"
                    inputMode="numeric"
                    aria-label={`U${unsur.number} jawaban ${unsur.answers[i]} (nilai ${scheme.answerScale.min + i})`}
                    title={unsur.answers[i]}
                    value={value}
                    onChange={(event) => setCell(unsur.code, i, event.target.value)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {profile ? (
        <>
          <h3 className="skm-subtitle">Profil responden</h3>
          <p className="skm-note">Menggantikan profil yang pernah diisi untuk survei ini. Boleh sebagian; jumlah tiap kelompok tidak boleh melebihi jumlah kuesioner.</p>
          <ProfileFields scheme={scheme} value={profile} errors={form.errors} onChange={setProfile} />
        </>
      ) : (
        <button type="button" className="link-button skm-how" onClick={() => setProfile(emptyProfile(scheme))}>
          Isi profil responden (opsional)
        </button>
      )}
    </FormDialog>
  );
}

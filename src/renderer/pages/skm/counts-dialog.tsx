/** Paper questionnaires: how many respondents answered 1, 2, 3, 4 for each unsur. */
import { useState } from 'react';
import type { SkmGroupResult, SkmSchemeView, SkmSurvey } from '../../../shared/skm-types';
import { TextField } from '../../components/field';
import { FormDialog, useFormSubmit } from '../../components/form-dialog';
import { api } from '../../lib/api';

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
  const form = useFormSubmit();
  const setCell = (code: string, index: number, value: string) => setCells((current) => ({ ...current, [code]: current[code]!.map((old, i) => (i === index ? value.replace(/\D/gu, '') : old)) }));
  const submit = () =>
    form.run(async () => {
      const counts = Object.fromEntries(Object.entries(cells).map(([code, row]) => [code, row.map((value) => (value === '' ? 0 : Number(value)))]));
      await api['skm:counts-set']({ surveyId: survey.id, respondents: respondents === '' ? 0 : Number(respondents), counts });
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
    </FormDialog>
  );
}

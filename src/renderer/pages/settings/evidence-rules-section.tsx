/**
 * Pengaturan › Aturan bukti: the maximum age of a document per kind of requirement. No
 * default exists (no regulation publishes one), so an empty field means "no limit" and
 * only the year's evidence window decides whether a document is kedaluwarsa.
 */
import { useState } from 'react';
import type { EvidenceRules } from '../../../shared/types';
import { FormPanel } from '../../components/form-panel';
import { FormAlert, TextField } from '../../components/field';
import { formLevelMessage, useFormSubmit } from '../../components/form-dialog';
import { ErrorState, Loading } from '../../components/states';
import { api } from '../../lib/api';
import { useToast } from '../../lib/toast';
import { useQuery } from '../../lib/use-query';

type Kind = keyof EvidenceRules['maxAgeMonths'];

const KINDS: Array<{ kind: Kind; label: string; hint: string }> = [
  { kind: 'dokumen', label: 'Dokumen (SK, SOP, laporan)', hint: 'mis. 24 bila SK harus diterbitkan dalam dua tahun terakhir.' },
  { kind: 'foto', label: 'Foto', hint: 'mis. 12 bila foto sarana harus dari setahun terakhir.' },
  { kind: 'tautan', label: 'Tautan / tangkapan layar', hint: 'Untuk bukti berupa tautan web.' },
  { kind: 'data', label: 'Data', hint: 'Rekap, tabel, data pendukung.' },
];

const toText = (value: number | null) => (value === null ? '' : String(value));

function EvidenceRulesForm({ rules, onSaved }: { rules: EvidenceRules; onSaved: (rules: EvidenceRules) => void }) {
  const toast = useToast();
  const [values, setValues] = useState<Record<Kind, string>>(() => ({
    dokumen: toText(rules.maxAgeMonths.dokumen),
    foto: toText(rules.maxAgeMonths.foto),
    tautan: toText(rules.maxAgeMonths.tautan),
    data: toText(rules.maxAgeMonths.data),
  }));
  const { errors, formError, busy, run } = useFormSubmit(formLevelMessage, { inline: true });

  const save = () =>
    run(async () => {
      // Empty = no limit; anything else goes to the server as typed, which validates it.
      const maxAgeMonths = Object.fromEntries(KINDS.map(({ kind }) => [kind, values[kind].trim() === '' ? null : Number(values[kind].replace(',', '.'))]));
      const saved = await api['evidence-rules:update']({ maxAgeMonths });
      onSaved(saved);
      toast.success('Aturan bukti disimpan', 'Tanda kedaluwarsa di Daftar Periksa mengikuti batas yang baru.');
    });

  return (
    <FormPanel
      titleId="evidence-rules-title"
      title="Aturan bukti"
      subtitle={
        <>
          Batas usia dokumen (dalam bulan) per jenis bukti dukung. Dokumen yang lebih tua ditandai <strong>kedaluwarsa</strong> dan masuk daftar kesenjangan. Kosongkan bila
          tidak ada batas: belum ada ketentuan resmi, jadi Patuh tidak memakai nilai bawaan. Dokumen di luar rentang tanggal tahun penilaian selalu ditandai kedaluwarsa.
        </>
      }
      saveLabel="Simpan aturan bukti"
      busy={busy}
      onSave={() => void save()}
    >
      <FormAlert message={formError} />
      <div className="form-grid">
        {KINDS.map(({ kind, label, hint }) => (
          <TextField
            key={kind}
            label={`${label} — batas usia (bulan)`}
            type="number"
            inputMode="numeric"
            min={1}
            max={240}
            value={values[kind]}
            onChange={(value) => setValues((previous) => ({ ...previous, [kind]: value }))}
            error={errors[`maxAgeMonths.${kind}`]}
            placeholder="tanpa batas"
            hint={hint}
          />
        ))}
      </div>
    </FormPanel>
  );
}

export function EvidenceRulesSection() {
  const rules = useQuery('evidence-rules', () => api['evidence-rules:get']());
  if (rules.error) return <ErrorState error={rules.error} onRetry={rules.reload} />;
  if (!rules.data) return <Loading />;
  return <EvidenceRulesForm rules={rules.data} onSaved={() => rules.reload()} />;
}

/**
 * Import of a questionnaire export: pick the file, check the column mapping (suggested from
 * the titles, or the one remembered for this unit), see the first rows and every problem,
 * accept rows with a blank unsur or leave them out, then save. Nothing changes before Simpan.
 */
import { useState } from 'react';
import type { ColumnMapping, SkmImportPreview, SkmSchemeView, SkmSurvey } from '../../../shared/skm-types';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { Checkbox, FormAlert } from '../../components/field';
import { api, errorMessage } from '../../lib/api';
import { useToast } from '../../lib/toast';

interface Props {
  scheme: SkmSchemeView;
  survey: SkmSurvey;
  onClose: () => void;
  onImported: () => void;
}

/** Column letters as Excel and Google Sheets show them: 0 → A, 26 → AA. */
function columnLetter(index: number): string {
  let n = index + 1;
  let text = '';
  while (n > 0) {
    text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
    n = Math.floor((n - 1) / 26);
  }
  return text;
}

const SOURCE_LABEL = { tersimpan: 'pemetaan yang tersimpan untuk unit ini', saran: 'saran dari judul kolom', pilihan: 'pilihan Anda' } as const;

function MappingGrid({ scheme, preview, mapping, onChange }: { scheme: SkmSchemeView; preview: SkmImportPreview; mapping: ColumnMapping; onChange: (field: string, column: number | null) => void }) {
  const fields = [...scheme.unsur.map((unsur) => ({ field: unsur.code, label: `U${unsur.number} ${unsur.name}`, required: true })), ...scheme.profileFields.map((item) => ({ ...item, required: false }))];
  return (
    <div className="skm-mapping">
      {fields.map((item) => (
        <label key={item.field} className="skm-mapping__row">
          <span className="skm-mapping__label">
            {item.label}
            {item.required ? <span className="field__required"> *</span> : null}
          </span>
          <select className="input select" value={mapping[item.field] ?? ''} onChange={(event) => onChange(item.field, event.target.value === '' ? null : Number(event.target.value))}>
            <option value="">{item.required ? '— pilih kolom —' : '(tidak ada di berkas)'}</option>
            {preview.headers.map((header, index) => (
              <option key={index} value={index}>
                {columnLetter(index)}: {header.length > 70 ? `${header.slice(0, 70)}…` : header || '(tanpa judul)'}
              </option>
            ))}
          </select>
        </label>
      ))}
    </div>
  );
}

function Problems({ preview }: { preview: SkmImportPreview }) {
  if (preview.errors.length === 0) return null;
  return (
    <div className="alert alert--error alert--spaced" role="alert">
      <strong>{preview.errors.length} kesalahan; berkas tidak dapat disimpan sebelum diperbaiki:</strong>
      <ul className="skm-errors">
        {preview.errors.map((error, index) => (
          <li key={index}>{error.row > 0 ? `Baris ${error.row}, kolom ${error.column}: ${error.message}` : error.message}</li>
        ))}
      </ul>
    </div>
  );
}

export function ImportDialog({ scheme, survey, onClose, onImported }: Props) {
  const toast = useToast();
  const [upload, setUpload] = useState<{ name: string; data: Uint8Array<ArrayBuffer> } | null>(null);
  const [preview, setPreview] = useState<SkmImportPreview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [dirty, setDirty] = useState(false);
  const [acceptIncomplete, setAcceptIncomplete] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = async (file: { name: string; data: Uint8Array<ArrayBuffer> }, chosen?: ColumnMapping) => {
    setBusy(true);
    setError(null);
    try {
      const result = await api['skm:import-preview']({ surveyId: survey.id, upload: file, ...(chosen ? { mapping: chosen } : {}) });
      setPreview(result);
      setMapping(result.mapping);
      setDirty(false);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  const pick = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    const data = new Uint8Array(await file.arrayBuffer());
    setUpload({ name: file.name, data });
    setAcceptIncomplete(false);
    await load({ name: file.name, data });
  };

  const save = async () => {
    if (!upload || !preview) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api['skm:import-apply']({
        surveyId: survey.id,
        upload,
        mapping: preview.mapping,
        token: preview.token,
        acceptRows: acceptIncomplete ? preview.incompleteRows.map((row) => row.row) : [],
      });
      toast.success(`${result.imported.toLocaleString('id-ID')} responden diimpor`, result.excluded > 0 ? `${result.excluded} baris dengan unsur kosong tidak diikutkan.` : undefined);
      onImported();
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  };

  const ready = preview !== null && preview.ok && !dirty && preview.rejected === null;
  return (
    <Dialog
      open
      size="lg"
      title={`Impor jawaban — ${survey.serviceName}`}
      description="Ekspor Google Forms (.csv atau .xlsx) apa adanya, atau lembar Excel berisi satu baris per responden. Jawaban boleh berupa teks (mis. “Sangat sesuai”) atau angka 1–4."
      onClose={onClose}
      busy={busy}
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            Batal
          </Button>
          {dirty && upload ? (
            <Button variant="primary" icon="eye" busy={busy} onClick={() => void load(upload, mapping)}>
              Perbarui pratinjau
            </Button>
          ) : (
            <Button variant="primary" icon="check" busy={busy} disabled={!ready} onClick={() => void save()}>
              Simpan {preview && ready ? `${(preview.completeRows + (acceptIncomplete ? preview.incompleteRows.length : 0)).toLocaleString('id-ID')} responden` : ''}
            </Button>
          )}
        </>
      }
    >
      <FormAlert message={error} />
      <div className="skm-file">
        <label className={`btn btn--secondary${busy ? ' btn--disabled' : ''}`}>
          <input type="file" className="sr-only" accept=".csv,.xlsx" aria-label="Pilih berkas jawaban survei" onChange={(event) => void pick(event.target.files)} disabled={busy} />
          Pilih berkas .csv / .xlsx…
        </label>
        <span className="skm-file__name">{upload ? upload.name : 'Belum ada berkas dipilih'}</span>
      </div>
      {preview?.rejected ? <FormAlert message={`Berkas ditolak: ${preview.rejected.message}`} /> : null}
      {preview && preview.headers.length > 0 ? (
        <>
          <p className="skm-note">
            {preview.totalRows.toLocaleString('id-ID')} baris jawaban · kolom dipetakan menurut {SOURCE_LABEL[preview.mappingSource]}
            {preview.replaces > 0 ? ` · menggantikan ${preview.replaces.toLocaleString('id-ID')} jawaban yang sudah ada` : ''}.
          </p>
          {preview.unmapped.length > 0 ? <FormAlert message={`Pilih kolom untuk: ${preview.unmapped.join(', ')}.`} /> : null}
          <Problems preview={preview} />
          {preview.incompleteRows.length > 0 ? (
            <div className="alert alert--info alert--spaced">
              <div>
                {preview.incompleteRows.length} baris memiliki unsur kosong:{' '}
                {preview.incompleteRows.slice(0, 8).map((row) => `baris ${row.row} (${row.missing.join(', ')})`).join('; ')}
                {preview.incompleteRows.length > 8 ? '; …' : ''}. Unsur kosong tidak dihitung pada NRR unsur itu saja.
              </div>
              <Checkbox label="Terima baris-baris ini" checked={acceptIncomplete} onChange={setAcceptIncomplete} />
            </div>
          ) : null}
          <h3 className="skm-subtitle">Pemetaan kolom</h3>
          <MappingGrid
            scheme={scheme}
            preview={preview}
            mapping={mapping}
            onChange={(field, column) => {
              setMapping((current) => ({ ...current, [field]: column }));
              setDirty(true);
            }}
          />
          <h3 className="skm-subtitle">Baris pertama berkas</h3>
          <div className="skm-sample">
            <table className="static-table">
              <thead>
                <tr>
                  {preview.headers.map((header, index) => (
                    <th key={index} title={header}>
                      {columnLetter(index)}: {header.length > 28 ? `${header.slice(0, 28)}…` : header}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.sampleRows.map((row, r) => (
                  <tr key={r}>
                    {preview.headers.map((_, c) => (
                      <td key={c}>{row[c] ?? ''}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </Dialog>
  );
}

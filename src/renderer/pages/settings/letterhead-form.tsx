/**
 * Pengaturan › Kop surat & penandatangan: what every printed document carries — the kop
 * lines, address and contact, the logo, the place for dates, the paper, the Nota Dinas
 * number pattern, the signatories (jabatan, name, pangkat, NIP) and who signs what.
 * The server validates (NIP 18 digits, pattern with {n}); its messages show under the fields.
 */
import { useState, type ChangeEvent } from 'react';
import {
  SIGNATORY_ROLE_LABELS,
  SIGNATORY_ROLES,
  SIGNED_DOCUMENTS,
  SIGNED_DOCUMENT_LABELS,
  type LetterheadSettings,
  type Signatory,
  type SignatoryRole,
  type SignedDocument,
} from '../../../shared/documents-types';
import { Button } from '../../components/button';
import { FormPanel } from '../../components/form-panel';
import { formLevelMessage, useFormSubmit } from '../../components/form-dialog';
import { FormAlert, SelectField, TextField } from '../../components/field';
import { Icon } from '../../components/icons';
import { api, errorMessage } from '../../lib/api';
import { useToast } from '../../lib/toast';
import '../../styles/documents.css';

type Text = Pick<LetterheadSettings, 'secretariatLine' | 'sectionLine' | 'address' | 'phone' | 'email' | 'website' | 'place' | 'letterPattern'>;

function LogoPicker({ settings, onChanged }: { settings: LetterheadSettings; onChanged: (next: LetterheadSettings) => void }) {
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    try {
      const next = await api['documents:set-logo']({ upload: { name: file.name, data: new Uint8Array(await file.arrayBuffer()) } });
      if (next) onChanged(next);
      toast.success('Logo disimpan');
    } catch (error) {
      toast.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    setBusy(true);
    try {
      onChanged(await api['documents:remove-logo']());
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="field form-grid__full">
      <div className="field__label-row">
        <span className="field__label">Logo pemerintah daerah</span>
      </div>
      <div className="logo-row">
        <span className="logo-row__name">
          <Icon name="file" size={18} />
          {settings.logo ? `${settings.logo.width} × ${settings.logo.height} piksel, tersimpan di folder data` : 'Belum ada logo'}
        </span>
        <label className={`btn btn--secondary${busy ? ' btn--busy' : ''}`}>
          <span>{settings.logo ? 'Ganti logo…' : 'Pilih logo…'}</span>
          <input type="file" accept="image/png,image/jpeg" className="sr-only" aria-label="Pilih logo (PNG atau JPG)" disabled={busy} onChange={(event) => void pick(event)} />
        </label>
        {settings.logo ? (
          <Button variant="ghost" disabled={busy} onClick={() => void remove()}>
            Hapus logo
          </Button>
        ) : null}
      </div>
      <div className="field__hint">PNG atau JPG, paling besar 2 MB. Tampil di kiri kop semua ekspor Excel dan surat.</div>
    </div>
  );
}

function SignatoryFields({ value, errors, index, onChange }: { value: Signatory; errors: Record<string, string>; index: number; onChange: (next: Signatory) => void }) {
  const key = (field: string) => errors[`signatories.${index}.${field}`];
  return (
    <fieldset className="signatory">
      <legend className="signatory__legend">{SIGNATORY_ROLE_LABELS[value.role]}</legend>
      <div className="form-grid">
        <TextField label="Jabatan (seperti tercetak)" value={value.position} onChange={(position) => onChange({ ...value, position })} error={key('position')} />
        <TextField label="Nama lengkap dengan gelar" value={value.name} onChange={(name) => onChange({ ...value, name })} error={key('name')} placeholder="mis. Drs. Bambang Sutrisno, M.Si." />
        <TextField label="Pangkat/golongan" value={value.rank} onChange={(rank) => onChange({ ...value, rank })} error={key('rank')} placeholder="mis. Pembina (IV/a)" />
        <TextField label="NIP" value={value.nip} onChange={(nip) => onChange({ ...value, nip })} error={key('nip')} placeholder="18 angka" inputMode="numeric" maxLength={24} hint="18 angka; spasi boleh." />
      </div>
    </fieldset>
  );
}

export function LetterheadForm({ initial }: { initial: LetterheadSettings }) {
  const toast = useToast();
  const [settings, setSettings] = useState(initial);
  const [text, setText] = useState<Text>(initial);
  const [paper, setPaper] = useState(initial.paper);
  const [signatories, setSignatories] = useState(initial.signatories);
  const [signers, setSigners] = useState(initial.signers);
  const { errors, formError, busy, run } = useFormSubmit(formLevelMessage, { inline: true });

  const field = (name: keyof Text, label: string, extra: { placeholder?: string; hint?: string; full?: boolean } = {}) => (
    <TextField
      className={extra.full ? 'form-grid__full' : undefined}
      label={label}
      value={text[name]}
      onChange={(value) => setText({ ...text, [name]: value })}
      error={errors[name]}
      {...(extra.placeholder ? { placeholder: extra.placeholder } : {})}
      {...(extra.hint ? { hint: extra.hint } : {})}
    />
  );

  const save = () =>
    run(async () => {
      const next = await api['documents:update-settings']({ ...text, paper, signatories, signers });
      setSettings(next);
      setSignatories(next.signatories);
      toast.success('Kop dan penandatangan disimpan');
    });

  return (
    <FormPanel titleId="letterhead-title" title="Kop surat & penandatangan" subtitle="Dipakai semua ekspor Excel, Nota Dinas, Berita Acara dan Laporan." saveLabel="Simpan kop & penandatangan" busy={busy} onSave={() => void save()}>
      {settings.missing.length > 0 ? (
        <div className="alert alert--info alert--spaced" role="status">
          Belum lengkap untuk dokumen yang siap ditandatangani: {settings.missing.join('; ')}.
        </div>
      ) : null}
      <FormAlert message={formError} />
      <p className="kop-preview" aria-label="Baris kop">
        <strong>{settings.governmentTitle}</strong>
        <br />
        {text.secretariatLine.toUpperCase()} · {text.sectionLine.toUpperCase()}
      </p>
      <div className="form-grid">
        <LogoPicker settings={settings} onChanged={setSettings} />
        {field('secretariatLine', 'Baris kedua kop')}
        {field('sectionLine', 'Baris ketiga kop')}
        {field('address', 'Alamat kantor', { full: true, placeholder: 'mis. Jl. Parasamya No. 1, Beran, Tridadi, Sleman 55511' })}
        {field('phone', 'Telepon kantor', { placeholder: 'mis. (0274) 868405' })}
        {field('email', 'E-mail kantor', { placeholder: 'mis. organisasi@slemankab.go.id' })}
        {field('website', 'Laman', { placeholder: 'mis. organisasi.slemankab.go.id' })}
        {field('place', 'Tempat pada tanggal surat', { placeholder: 'mis. Sleman', hint: 'Menjadi “Sleman, 24 November 2026”.' })}
        <SelectField label="Ukuran kertas" value={paper} onChange={(value) => setPaper(value === 'F4' ? 'F4' : 'A4')} hint="Berlaku untuk ekspor Excel dan surat.">
          <option value="A4">A4 (210 × 297 mm)</option>
          <option value="F4">F4 / Folio (215 × 330 mm)</option>
        </SelectField>
        {field('letterPattern', 'Pola nomor Nota Dinas', { hint: '{n} nomor urut, {tahun}, {bulan} (romawi). Contoh: 000.8/{n}/Org/{tahun}.' })}
      </div>
      {signatories.map((signatory, index) => (
        <SignatoryFields key={signatory.role} value={signatory} index={index} errors={errors} onChange={(next) => setSignatories(signatories.map((item) => (item.role === next.role ? next : item)))} />
      ))}
      <fieldset className="signatory">
        <legend className="signatory__legend">Penandatangan tiap dokumen</legend>
        <div className="form-grid">
          {SIGNED_DOCUMENTS.map((document: SignedDocument) => (
            <SelectField key={document} label={SIGNED_DOCUMENT_LABELS[document]} value={signers[document]} onChange={(value) => setSigners({ ...signers, [document]: value as SignatoryRole })}>
              {SIGNATORY_ROLES.map((role) => (
                <option key={role} value={role}>
                  {SIGNATORY_ROLE_LABELS[role]}
                </option>
              ))}
            </SelectField>
          ))}
        </div>
      </fieldset>
    </FormPanel>
  );
}

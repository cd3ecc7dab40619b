/** Pengaturan: who uses the app for which local government, and what is installed. */
import { useState } from 'react';
import type { Settings } from '../../../shared/types';
import { FormPanel } from '../../components/form-panel';
import { FormAlert, SelectField, TextField } from '../../components/field';
import { PageHeader } from '../../components/page-header';
import { ErrorState, Loading } from '../../components/states';
import { api } from '../../lib/api';
import { KIND_LABELS, useAppData } from '../../lib/app-data';
import { formatCount } from '../../lib/format';
import { useToast } from '../../lib/toast';
import { useQuery } from '../../lib/use-query';
import { formLevelMessage, useFormSubmit } from '../../components/form-dialog';
import { EvidenceRulesSection } from './evidence-rules-section';
import { LetterheadForm } from './letterhead-form';

const HOST_LABELS = { electron: 'Aplikasi desktop', preview: 'Pratinjau peramban', cli: 'Baris perintah' } as const;

function SettingsForm({ settings }: { settings: Settings }) {
  const { refreshSettings } = useAppData();
  const toast = useToast();
  const [operatorName, setOperatorName] = useState(settings.operatorName);
  const [localGovernmentName, setLocalGovernmentName] = useState(settings.localGovernmentName);
  const [kind, setKind] = useState<Settings['localGovernmentKind']>(settings.localGovernmentKind);
  const { errors, formError, busy, run } = useFormSubmit(formLevelMessage, { inline: true });

  const save = () =>
    run(async () => {
      await api['settings:update']({ operatorName, localGovernmentName, localGovernmentKind: kind });
      await refreshSettings();
      toast.success('Pengaturan disimpan');
    });

  return (
    <FormPanel titleId="settings-title" title="Identitas" subtitle="Tampil di sidebar, laporan dan berkas ekspor." saveLabel="Simpan pengaturan" busy={busy} onSave={() => void save()}>
      <FormAlert message={formError} />
      <div className="form-grid">
        <TextField
          className="form-grid__full"
          label="Nama pemerintah daerah"
          required
          value={localGovernmentName}
          onChange={setLocalGovernmentName}
          error={errors['localGovernmentName']}
          placeholder="mis. Kabupaten Sleman"
          hint="Ditulis lengkap seperti pada kop surat, misalnya “Kabupaten Sleman” atau “Kota Malang”."
        />
        <SelectField label="Jenis pemerintah daerah" value={kind} onChange={(value) => setKind(value as Settings['localGovernmentKind'])} error={errors['localGovernmentKind']} hint="Menentukan saran sampel unit Ombudsman.">
          {(Object.keys(KIND_LABELS) as Settings['localGovernmentKind'][]).map((value) => (
            <option key={value} value={value}>
              {KIND_LABELS[value]}
            </option>
          ))}
        </SelectField>
        <TextField label="Nama operator" value={operatorName} onChange={setOperatorName} error={errors['operatorName']} placeholder="mis. Rina Kurniasih, S.AP." hint="Petugas Bagian Organisasi yang mengelola data." />
      </div>
    </FormPanel>
  );
}

export function SettingsPage() {
  const { settings } = useAppData();
  const info = useQuery('app-info', () => api['app:info']());
  // Keyed on the pemda name and kind: the kop's first line is derived from them on the server.
  const letterheadKey = `letterhead-${settings?.localGovernmentName ?? ''}-${settings?.localGovernmentKind ?? ''}`;
  const letterhead = useQuery(letterheadKey, () => api['documents:settings']());
  return (
    <div className="page">
      <PageHeader title="Pengaturan" breadcrumb={[{ label: 'Beranda', path: '/' }, { label: 'Pengaturan' }]} description="Identitas pemerintah daerah, kop surat dan penandatangan, aturan bukti dukung, serta informasi aplikasi." />
      <div className="settings-layout">
        <div className="settings-stack">
          {settings ? <SettingsForm settings={settings} /> : <Loading />}
          {letterhead.error ? <ErrorState error={letterhead.error} onRetry={letterhead.reload} /> : null}
          {letterhead.data ? <LetterheadForm key={letterhead.data.governmentTitle} initial={letterhead.data} /> : !letterhead.error ? <Loading /> : null}
          <EvidenceRulesSection />
        </div>
        <section className="panel panel--padded" aria-labelledby="about-title">
          <div className="panel__head">
            <h2 className="panel__title" id="about-title">
              Tentang
            </h2>
          </div>
          {info.error ? <ErrorState error={info.error} onRetry={info.reload} /> : null}
          {info.data ? (
            <dl className="about">
              <div>
                <dt>Aplikasi</dt>
                <dd>Patuh — persiapan penilaian kepatuhan pelayanan publik</dd>
              </div>
              <div>
                <dt>Versi</dt>
                <dd>{info.data.version}</dd>
              </div>
              <div>
                <dt>Skema basis data</dt>
                <dd>Versi {formatCount(info.data.schemaVersion)}</dd>
              </div>
              <div>
                <dt>Folder data</dt>
                <dd>
                  <code className="path">{info.data.dataDir}</code>
                </dd>
              </div>
              <div>
                <dt>Berjalan sebagai</dt>
                <dd>{HOST_LABELS[info.data.host]}</dd>
              </div>
            </dl>
          ) : !info.error ? (
            <Loading />
          ) : null}
        </section>
      </div>
    </div>
  );
}

/** Dialogs about evidence: add a link, edit title/date, reuse from the unit's library, the trash. */
import { useState } from 'react';
import type { EvidenceItem, EvidenceLinkResult } from '../../../shared/types';
import { Button } from '../../components/button';
import { DateField } from '../../components/date-field';
import { Dialog } from '../../components/dialog';
import { FormAlert, TextField } from '../../components/field';
import { FormDialog, messageWithoutFields, useFormSubmit } from '../../components/form-dialog';
import { Icon } from '../../components/icons';
import { SearchBox } from '../../components/search-box';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { api, errorMessage } from '../../lib/api';
import { formatCount, formatDate, normalizeSearch } from '../../lib/format';
import { useQuery } from '../../lib/use-query';
import { FileBadge } from './file-badge';
import { formatBytes, formatDateTime } from './model';

export interface ItemKeyInput {
  periodId: number;
  unitId: number;
  instrumentId: number;
  requirementCode: string;
}

/** A date typed but not understood stays as text; the server then names the field. */
function dateOrNull(value: string): string | null {
  return value.trim() === '' ? null : value;
}

export function LinkDialog({ itemKey, requirementText, onClose, onAdded }: { itemKey: ItemKeyInput; requirementText: string; onClose: () => void; onAdded: (item: EvidenceLinkResult) => void }) {
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const form = useFormSubmit(messageWithoutFields);
  const { errors } = form;

  const submit = async () => {
    const trimmed = url.trim();
    if (trimmed === '') {
      form.setErrors({ url: 'Alamat tautan wajib diisi.' });
      return;
    }
    await form.run(async () => {
      const item = await api['evidence:link']({ ...itemKey, url: trimmed, ...(title.trim() ? { title: title.trim() } : {}), documentDate: dateOrNull(date) });
      onAdded(item);
    });
  };

  return (
    <FormDialog
      title="Tambah tautan"
      description={<span className="dialog-req">{requirementText}</span>}
      onClose={onClose}
      onSubmit={submit}
      busy={form.busy}
      formError={form.formError}
      submitIcon="link"
      submitLabel="Tambah tautan"
    >
      <div className="stack stack--tight">
        <TextField
          label="Alamat tautan (URL)"
          required
          value={url}
          onChange={(value) => {
            setUrl(value);
            form.clearError('url');
          }}
          error={errors['url']}
          placeholder="https://drive.google.com/…"
          hint="Alamat web lengkap yang diawali http:// atau https://, misalnya folder Google Drive atau halaman situs unit."
          autoFocus
        />
        <TextField label="Judul" value={title} onChange={setTitle} error={errors['title']} placeholder="Misalnya: Folder foto sarana pengaduan" maxLength={200} hint="Boleh dikosongkan; nama situs dipakai sebagai judul." />
        <DateField label="Tanggal dokumen" value={date} onChange={setDate} error={errors['documentDate']} hint="Boleh dikosongkan." />
      </div>
    </FormDialog>
  );
}

export function EditEvidenceDialog({ item, onClose, onSaved }: { item: EvidenceItem; onClose: () => void; onSaved: (item: EvidenceItem) => void }) {
  const [title, setTitle] = useState(item.title);
  const [date, setDate] = useState(item.documentDate ?? '');
  const form = useFormSubmit(messageWithoutFields);
  const { errors } = form;

  const submit = async () => {
    if (title.trim() === '') {
      form.setErrors({ title: 'Judul wajib diisi.' });
      return;
    }
    await form.run(async () => {
      onSaved(await api['evidence:update']({ evidenceId: item.id, title: title.trim(), documentDate: dateOrNull(date) }));
    });
  };

  return (
    <FormDialog
      size="sm"
      title="Ubah judul dan tanggal"
      description={item.kind === 'file' ? `Berkas asli: ${item.originalName ?? item.title}` : item.url}
      onClose={onClose}
      onSubmit={submit}
      busy={form.busy}
      formError={form.formError}
      submitLabel="Simpan"
    >
      <div className="stack stack--tight">
        <TextField
          label="Judul"
          required
          value={title}
          onChange={(value) => {
            setTitle(value);
            form.clearError('title');
          }}
          error={errors['title']}
          maxLength={200}
          autoFocus
        />
        <DateField label="Tanggal dokumen" value={date} onChange={setDate} error={errors['documentDate']} hint="Tanggal yang tertulis pada dokumen (mis. tanggal SK)." />
        {item.usageCount > 1 ? (
          <div className="alert alert--info">Bukti ini dipakai di {formatCount(item.usageCount)} persyaratan; perubahan berlaku di semuanya.</div>
        ) : null}
      </div>
    </FormDialog>
  );
}

interface LibraryDialogProps {
  itemKey: ItemKeyInput;
  unitName: string;
  requirementText: string;
  linkedIds: ReadonlySet<number>;
  onClose: () => void;
  onAttached: (item: EvidenceLinkResult) => void;
}

/** Reuse an item of the unit's library, e.g. the same SK for PEKPPP indicator 1 and Ombudsman Proses. */
export function LibraryDialog({ itemKey, unitName, requirementText, linkedIds, onClose, onAttached }: LibraryDialogProps) {
  const library = useQuery(`library-${itemKey.unitId}`, () => api['evidence:library']({ unitId: itemKey.unitId }));
  const [search, setSearch] = useState('');
  const [busyId, setBusyId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attached, setAttached] = useState<Set<number>>(new Set());
  const needle = normalizeSearch(search);
  const rows = (library.data ?? []).filter(
    (item) => needle === '' || normalizeSearch(`${item.title} ${item.originalName ?? ''} ${item.url ?? ''}`).includes(needle),
  );

  const attach = async (item: EvidenceItem) => {
    setBusyId(item.id);
    setError(null);
    try {
      const linked = await api['evidence:attach-existing']({ ...itemKey, evidenceId: item.id });
      setAttached((previous) => new Set(previous).add(item.id));
      onAttached(linked);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusyId(null);
    }
  };

  return (
    <Dialog
      open
      size="lg"
      title="Lampirkan dari pustaka unit"
      description={
        <>
          Pustaka bukti {unitName}. Dilampirkan ke: <span className="dialog-req">{requirementText}</span>
        </>
      }
      onClose={onClose}
      footer={
        <>
          <span className="dialog__footer-note">{attached.size > 0 ? `${formatCount(attached.size)} bukti dilampirkan` : 'Berkas yang sama tidak disimpan dua kali.'}</span>
          <Button variant="primary" onClick={onClose}>
            Selesai
          </Button>
        </>
      }
    >
      <FormAlert message={error} />
      <SearchBox label="Cari di pustaka" value={search} onChange={setSearch} placeholder="Cari judul, nama berkas atau alamat…" className="library__search" autoFocus />
      {library.error ? <ErrorState error={library.error} onRetry={library.reload} /> : null}
      {!library.data && !library.error ? <Loading /> : null}
      {library.data && rows.length === 0 ? (
        <EmptyState icon="database" title={library.data.length === 0 ? 'Pustaka unit masih kosong' : 'Tidak ada bukti yang cocok'}>
          {library.data.length === 0 ? 'Berkas dan tautan yang diunggah untuk unit ini akan muncul di sini dan dapat dipakai ulang.' : 'Ubah kata kunci pencarian.'}
        </EmptyState>
      ) : null}
      {rows.length > 0 ? (
        <ul className="library-list" aria-label="Pustaka bukti unit">
          {rows.map((item) => {
            const linked = linkedIds.has(item.id) || attached.has(item.id);
            return (
              <li key={item.id} className="library-list__item">
                <FileBadge item={item} />
                <div className="library-list__body">
                  <div className="library-list__title">{item.title}</div>
                  <div className="library-list__meta">
                    {item.kind === 'link' ? item.url : [item.originalName, formatBytes(item.size)].filter(Boolean).join(' · ')}
                    {' · '}
                    {item.documentDate ? `Dokumen ${formatDate(item.documentDate)}` : 'tanggal dokumen tidak diketahui'}
                    {' · '}
                    dipakai di {formatCount(item.usageCount)} persyaratan
                  </div>
                </div>
                {linked ? (
                  <span className="library-list__done">
                    <Icon name="check" size={15} /> Terlampir
                  </span>
                ) : (
                  <Button size="sm" icon="plus" busy={busyId === item.id} disabled={busyId !== null && busyId !== item.id} onClick={() => void attach(item)} aria-label={`Lampirkan ${item.title}`}>
                    Lampirkan
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </Dialog>
  );
}

export function TrashDialog({ unitId, unitName, onClose, onRestored }: { unitId: number; unitName: string; onClose: () => void; onRestored: (item: EvidenceItem) => void }) {
  const trash = useQuery(`trash-${unitId}`, () => api['evidence:library']({ unitId, onlyDeleted: true }));
  const [busyId, setBusyId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const restore = async (item: EvidenceItem) => {
    setBusyId(item.id);
    setError(null);
    try {
      const restored = await api['evidence:restore']({ evidenceId: item.id });
      trash.setData((trash.data ?? []).filter((entry) => entry.id !== item.id));
      onRestored(restored);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusyId(null);
    }
  };

  return (
    <Dialog
      open
      size="lg"
      title="Tempat sampah bukti"
      description={`${unitName} · bukti yang dibuang tetap tersimpan dan dapat dipulihkan beserta tautannya ke persyaratan.`}
      onClose={onClose}
      footer={<Button onClick={onClose}>Tutup</Button>}
    >
      <FormAlert message={error} />
      {trash.error ? <ErrorState error={trash.error} onRetry={trash.reload} /> : null}
      {!trash.data && !trash.error ? <Loading /> : null}
      {trash.data && trash.data.length === 0 ? (
        <EmptyState icon="check-circle" title="Tempat sampah kosong">
          Tidak ada bukti unit ini yang dibuang.
        </EmptyState>
      ) : null}
      {trash.data && trash.data.length > 0 ? (
        <ul className="library-list" aria-label="Bukti di tempat sampah">
          {trash.data.map((item) => (
            <li key={item.id} className="library-list__item">
              <FileBadge item={item} />
              <div className="library-list__body">
                <div className="library-list__title">{item.title}</div>
                <div className="library-list__meta">
                  {item.kind === 'link' ? item.url : [item.originalName, formatBytes(item.size)].filter(Boolean).join(' · ')} · diunggah {formatDateTime(item.createdAt)} oleh {item.createdBy}
                </div>
              </div>
              <Button size="sm" icon="restore" busy={busyId === item.id} disabled={busyId !== null && busyId !== item.id} onClick={() => void restore(item)} aria-label={`Pulihkan ${item.title}`}>
                Pulihkan
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </Dialog>
  );
}

/**
 * Impor instrumen: choose an edited workbook (.xlsx) or a JSON file, read the host's
 * check (every problem with its sheet, row and column), then import it as a new
 * version. Nothing is stored before "Impor sebagai versi baru" on a clean preview.
 */
import { useState, type ChangeEvent } from 'react';
import type { Instrument } from '../../../shared/types';
import type { InstrumentImportPreview } from '../../../shared/channels/instruments';
import { Badge, FamilyBadge } from '../../components/badge';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { Icon } from '../../components/icons';
import { api, errorMessage, isPreview } from '../../lib/api';
import { formatCount } from '../../lib/format';

type Source = { upload: { name: string; data: Uint8Array<ArrayBuffer> } } | { file: string };

function ProblemList({ preview }: { preview: InstrumentImportPreview }) {
  return (
    <div className="itool-problems">
      <p className="itool-problems__title" role="alert">
        <Icon name="alert" size={16} /> {formatCount(preview.problems.length)} masalah perlu diperbaiki di berkas; tidak ada yang diimpor.
      </p>
      <div className="itool-problems__scroll">
        <table className="static-table itool-table" aria-label="Daftar masalah">
          <thead>
            <tr>
              <th scope="col">Lembar</th>
              <th scope="col">Baris</th>
              <th scope="col">Kolom</th>
              <th scope="col">Masalah</th>
            </tr>
          </thead>
          <tbody>
            {preview.problems.map((problem, index) => (
              <tr key={index}>
                <td>{problem.sheet ?? 'JSON'}</td>
                <td className="cell--center">{problem.row ?? '—'}</td>
                <td>{problem.column ? `${problem.column}${problem.cell ? ` (${problem.cell})` : ''}` : '—'}</td>
                <td>{problem.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function Summary({ preview }: { preview: InstrumentImportPreview }) {
  const item = preview.instrument!;
  return (
    <div className="itool-summary">
      <div className="itool-summary__head">
        <FamilyBadge family={item.family} />
        <strong>{item.shortName}</strong>
        <Badge tone="blue">versi {item.version}</Badge>
      </div>
      <p className="text-muted">{item.name}</p>
      <p>
        {formatCount(item.aspectCount)} aspek/dimensi · {formatCount(item.indicatorCount)} indikator · {formatCount(item.requirementCount)} bukti dukung
      </p>
      {preview.compareWith && preview.diff ? (
        <p>
          Dibanding versi {preview.compareWith.version}: {formatCount(preview.diff.added)} ditambahkan, {formatCount(preview.diff.removed)} dihapus, {formatCount(preview.diff.changed)} diubah.
        </p>
      ) : (
        <p>Instrumen baru: belum ada versi lain dengan kode {item.code}.</p>
      )}
      <p className="text-subtle">Versi yang sudah ada tidak diubah; tahun penilaian tetap memakai versinya sampai dipindah.</p>
    </div>
  );
}

export function InstrumentImportDialog({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: (instrument: Instrument) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<InstrumentImportPreview | null>(null);
  const [source, setSource] = useState<Source | null>(null);

  const check = async (next: Source | null) => {
    setBusy(true);
    setError(null);
    try {
      const result = await api['instruments:import-preview'](next ?? {});
      if (!result) return;
      setPreview(result);
      setSource(next ?? (result.filePath ? { file: result.filePath } : null));
    } catch (failure) {
      setPreview(null);
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) await check({ upload: { name: file.name, data: new Uint8Array(await file.arrayBuffer()) } });
  };

  const apply = async () => {
    if (!preview || !source) return;
    setBusy(true);
    setError(null);
    try {
      const instrument = await api['instruments:import-apply']({ ...source, token: preview.token });
      setPreview(null);
      setSource(null);
      onImported(instrument);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const close = () => {
    setPreview(null);
    setSource(null);
    setError(null);
    onClose();
  };

  return (
    <Dialog
      open={open}
      title="Impor instrumen"
      description="Buku kerja templat instrumen yang sudah diubah (.xlsx) atau berkas JSON instrumen. Semua isian diperiksa sebelum disimpan sebagai versi baru."
      onClose={close}
      busy={busy}
      size="lg"
      footer={
        <>
          <Button variant="ghost" onClick={close} disabled={busy}>
            Tutup
          </Button>
          <Button variant="primary" icon="check" onClick={apply} disabled={!preview?.ok || busy} busy={busy && preview?.ok === true}>
            Impor sebagai versi baru
          </Button>
        </>
      }
    >
      <div className="itool-pick">
        {isPreview() ? (
          <label className="btn btn--secondary">
            <Icon name="search" size={18} />
            <span>{preview ? 'Pilih berkas lain…' : 'Pilih berkas…'}</span>
            <input type="file" accept=".xlsx,.json" className="sr-only" aria-label="Pilih berkas instrumen (.xlsx atau .json)" disabled={busy} onChange={onFile} />
          </label>
        ) : (
          <Button icon="search" onClick={() => check(null)} disabled={busy}>
            {preview ? 'Pilih berkas lain…' : 'Pilih berkas…'}
          </Button>
        )}
        {preview ? <span className="itool-pick__name">{preview.fileName}</span> : <span className="text-subtle">Buat templat dengan tombol “Ekspor templat” pada instrumen mana pun.</span>}
      </div>
      {busy && !preview ? <p className="text-muted">Memeriksa berkas…</p> : null}
      {error ? (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      ) : null}
      {preview && !preview.ok ? <ProblemList preview={preview} /> : null}
      {preview?.instrument && preview.ok ? <Summary preview={preview} /> : null}
    </Dialog>
  );
}

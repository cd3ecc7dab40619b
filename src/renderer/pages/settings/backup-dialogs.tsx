/**
 * Dialogs of the Cadangan page: a strong confirmation before any restore (the current
 * state is saved first and can be restored back), and a folder path for archives.
 */
import { useState, type ReactNode } from 'react';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { Checkbox, TextField } from '../../components/field';
import { Icon } from '../../components/icons';

interface RestoreConfirmProps {
  open: boolean;
  /** What will be restored, e.g. "cadangan 25 Nov 2026 pukul 11.57". */
  source: ReactNode;
  /** Ask for an archive folder path too (restore from archive). */
  askFolder?: boolean;
  busy: boolean;
  error: string | null;
  onCancel: () => void;
  onConfirm: (folder: string) => void;
}

export function RestoreConfirmDialog({ open, source, askFolder = false, busy, error, onCancel, onConfirm }: RestoreConfirmProps) {
  const [understood, setUnderstood] = useState(false);
  const [folder, setFolder] = useState('');
  const ready = understood && (!askFolder || folder.trim() !== '');
  return (
    <Dialog
      open={open}
      role="alertdialog"
      size="md"
      title={askFolder ? 'Pulihkan dari arsip?' : 'Pulihkan cadangan?'}
      busy={busy}
      onClose={onCancel}
      onSubmit={() => ready && onConfirm(folder.trim())}
      footer={
        <>
          <Button onClick={onCancel} disabled={busy}>
            Batal
          </Button>
          <Button type="submit" variant="danger" icon="restore" busy={busy} disabled={!ready}>
            {askFolder ? 'Pulihkan dari arsip' : 'Pulihkan cadangan'}
          </Button>
        </>
      }
    >
      <div className="restore-confirm">
        {askFolder ? (
          <TextField
            label="Folder arsip"
            value={folder}
            onChange={setFolder}
            placeholder="mis. E:\Arsip Patuh\patuh-arsip-20261124-101500"
            hint="Folder arsip lengkap yang dibuat Patuh (berisi basis data dan berkas bukti)."
            error={error ?? undefined}
            autoFocus
          />
        ) : (
          <p className="restore-confirm__source">
            Yang dipulihkan: <strong>{source}</strong>
          </p>
        )}
        <ul className="point-list restore-confirm__points">
          <li>
            <Icon name="alert" size={16} />
            <span>
              <strong>Semua data saat ini diganti</strong> dengan isi {askFolder ? 'arsip' : 'cadangan'} tersebut: unit, tahun penilaian, penilaian mandiri dan status bukti dukung.
            </span>
          </li>
          <li>
            <Icon name="shield" size={16} />
            <span>
              Sebelum mengganti, Patuh <strong>menyimpan keadaan sekarang</strong> sebagai cadangan “sebelum pemulihan”. Langkah ini dapat dibatalkan dengan tombol <em>Batalkan pemulihan</em>.
            </span>
          </li>
          <li>
            <Icon name="info" size={16} />
            <span>Pastikan tidak ada orang lain yang sedang mengisi data di komputer ini.</span>
          </li>
        </ul>
        {error && !askFolder ? (
          <div className="alert alert--error" role="alert">
            {error}
          </div>
        ) : null}
        <Checkbox label="Saya mengerti bahwa data saat ini akan diganti." checked={understood} onChange={setUnderstood} />
      </div>
    </Dialog>
  );
}

interface FolderDialogProps {
  open: boolean;
  busy: boolean;
  error: string | null;
  onCancel: () => void;
  onSubmit: (folder: string) => void;
}

/** Folder for a new archive (the browser preview cannot show a folder picker). */
export function ArchiveFolderDialog({ open, busy, error, onCancel, onSubmit }: FolderDialogProps) {
  const [folder, setFolder] = useState('');
  return (
    <Dialog
      open={open}
      size="md"
      title="Buat arsip lengkap"
      description="Salinan basis data dan semua berkas bukti dukung ke satu folder baru, mis. di flashdisk."
      busy={busy}
      onClose={onCancel}
      onSubmit={() => folder.trim() && onSubmit(folder.trim())}
      footer={
        <>
          <Button onClick={onCancel} disabled={busy}>
            Batal
          </Button>
          <Button type="submit" variant="primary" icon="archive" busy={busy} disabled={folder.trim() === ''}>
            Buat arsip
          </Button>
        </>
      }
    >
      <TextField
        label="Folder tujuan"
        value={folder}
        onChange={setFolder}
        placeholder="mis. E:\Arsip Patuh atau /media/flashdisk"
        hint="Tulis alamat folder lengkap yang sudah ada. Patuh membuat subfolder patuh-arsip-… di dalamnya."
        error={error ?? undefined}
        autoFocus
        required
      />
    </Dialog>
  );
}

/**
 * Shown above every screen when the database could not be used at start: a damaged file
 * was moved to karantina/ (never deleted), or it was missing while a backup exists. One
 * button restores the newest verified backup and reloads the window. Self-contained (no
 * context), so it can be mounted anywhere in the frame; renders nothing when all is well.
 */
import { useEffect, useState } from 'react';
import type { StartStatus } from '../../shared/types';
import { api, errorMessage } from '../lib/api';
import { Button } from './button';
import { Icon } from './icons';
import '../styles/jobs.css';

const dateTime = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/**
 * After "Pulihkan sekarang" the host clears its start warning and the window reloads; the
 * window remembers what it restored (for this session) so it can confirm it once.
 */
const RESTORED_KEY = 'patuh.pemulihanAwal';

function markerOf(status: StartStatus): string {
  return `${status.status}|${status.quarantineDir ?? ''}|${status.newestBackup?.id ?? ''}`;
}

function readRestored(): string | null {
  try {
    return window.sessionStorage.getItem(RESTORED_KEY);
  } catch {
    return null;
  }
}

function writeRestored(marker: string): void {
  try {
    window.sessionStorage.setItem(RESTORED_KEY, marker);
  } catch {
    // Without storage the banner may offer the restore again; restoring twice is harmless.
  }
}

const RESTORED_INFO_KEY = 'patuh.pemulihanAwal.info';

interface RestoredInfo {
  backup: NonNullable<StartStatus['newestBackup']>;
  quarantineDir: string | null;
}

function readRestoredInfo(): RestoredInfo | null {
  try {
    const raw = window.sessionStorage.getItem(RESTORED_INFO_KEY);
    return raw ? (JSON.parse(raw) as RestoredInfo) : null;
  } catch {
    return null;
  }
}

function rememberRestoredInfo(info: RestoredInfo): void {
  try {
    window.sessionStorage.setItem(RESTORED_INFO_KEY, JSON.stringify(info));
  } catch {
    // Only the confirmation message is lost.
  }
}

function forgetRestored(): void {
  try {
    window.sessionStorage.removeItem(RESTORED_INFO_KEY);
  } catch {
    // Nothing to forget.
  }
}

function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date).replace(', ', ' pukul ');
}

export function StartStatusBanner() {
  const [status, setStatus] = useState<StartStatus | null>(null);
  const [hidden, setHidden] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    api['app:info']().then(
      (info) => {
        if (!cancelled) setStatus(info.startStatus);
      },
      () => {
        // Without app:info there is nothing reliable to say; the screens report their own errors.
      },
    );
    return () => {
      cancelled = true;
    };
  }, []);

  if (!status || hidden) return null;
  const remembered = status.status === 'ok' ? readRestoredInfo() : null;
  const backup = remembered?.backup ?? status.newestBackup;
  const quarantined = status.status === 'quarantined';
  if (!remembered && !quarantined && !(status.status === 'missing' && backup)) return null;

  if (backup && (remembered || readRestored() === markerOf(status))) {
    const quarantineDir = remembered?.quarantineDir ?? status.quarantineDir;
    return (
      <div className="start-banner start-banner--ok" role="status">
        <Icon name="check-circle" size={22} className="start-banner__icon" />
        <div className="start-banner__body">
          <div className="start-banner__title">Cadangan dipulihkan</div>
          <p className="start-banner__text">
            Data dipulihkan dari cadangan {when(backup.createdAt)}.
            {quarantineDir ? (
              <>
                {' '}
                Berkas yang rusak tetap tersimpan di <code>{quarantineDir}</code>.
              </>
            ) : null}
          </p>
        </div>
        <div className="start-banner__actions">
          <Button
            variant="ghost"
            onClick={() => {
              forgetRestored();
              setHidden(true);
            }}
          >
            Tutup
          </Button>
        </div>
      </div>
    );
  }

  const restore = async () => {
    if (!backup) return;
    setBusy(true);
    setError(null);
    try {
      await api['backup:restore']({ id: backup.id });
      writeRestored(markerOf(status));
      rememberRestoredInfo({ backup, quarantineDir: status.quarantineDir });
      window.location.reload();
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <div className={`start-banner${quarantined ? '' : ' start-banner--amber'}`} role="alert">
      <Icon name="alert" size={22} className="start-banner__icon" />
      <div className="start-banner__body">
        <div className="start-banner__title">{quarantined ? 'Basis data rusak' : 'Basis data tidak ditemukan'}</div>
        <p className="start-banner__text">
          {quarantined ? (
            <>
              Basis data rusak dan telah dipindahkan ke karantina: <code>{status.quarantineDir}</code>. Data tidak dihapus.{' '}
            </>
          ) : (
            <>Patuh tidak menemukan basis data dan memulai dengan data kosong. </>
          )}
          {backup ? `Pulihkan cadangan terbaru dari ${when(backup.createdAt)}?` : 'Tidak ada cadangan terverifikasi yang dapat dipulihkan; hubungi petugas TI dengan folder karantina di atas.'}
        </p>
        {status.problems.length > 0 ? (
          <details className="start-banner__problems">
            <summary>Rincian masalah ({status.problems.length})</summary>
            <ul>
              {status.problems.map((problem, index) => (
                <li key={index}>{problem}</li>
              ))}
            </ul>
          </details>
        ) : null}
        {error ? <div className="start-banner__error">Pemulihan gagal: {error}</div> : null}
      </div>
      <div className="start-banner__actions">
        {backup ? (
          <Button variant={quarantined ? 'danger' : 'primary'} icon="restore" busy={busy} onClick={() => void restore()}>
            Pulihkan sekarang
          </Button>
        ) : null}
        <Button variant="ghost" disabled={busy} onClick={() => setHidden(true)}>
          Nanti saja
        </Button>
      </div>
    </div>
  );
}

/** Right pane: everything about the selected requirement — status, evidence, note, history. */
import { Button, IconButton } from '../../components/button';
import { useId, useRef, useState } from 'react';
import type { AttachReport, ChecklistAspect, ChecklistIndicator, ChecklistInstrument, ChecklistRequirement, EvidenceStatus, LinkedEvidence } from '../../../shared/types';
import { Badge, FamilyBadge } from '../../components/badge';
import { Icon } from '../../components/icons';
import { EmptyState, ErrorState } from '../../components/states';
import { api, errorMessage, isPreview } from '../../lib/api';
import { formatCount, formatDate } from '../../lib/format';
import { useQuery } from '../../lib/use-query';
import { FileBadge } from './file-badge';
import { extensionOf, formatBytes, formatDateTime, reqKeyOf, STATUS_ACTIONS } from './model';
import type { UploadState } from './requirement-list';
import { StatusChip } from './widgets';

export interface EvidenceHandlers {
  onStatus: (status: EvidenceStatus) => void;
  onUpload: (files: File[]) => void;
  onAttachDialog: () => void;
  onAddLink: () => void;
  onLibrary: () => void;
  onOpen: (item: LinkedEvidence) => void;
  onEdit: (item: LinkedEvidence) => void;
  onDetach: (item: LinkedEvidence) => void;
  onTrash: (item: LinkedEvidence) => void;
  onSaveNote: (note: string) => Promise<void>;
  onDismissRejected: () => void;
}

interface EvidencePanelProps {
  periodId: number;
  unitId: number;
  windowStart: string;
  windowEnd: string;
  requirement: ChecklistRequirement | null;
  instrument: ChecklistInstrument | null;
  aspect: ChecklistAspect | null;
  indicator: ChecklistIndicator | null;
  busy: boolean;
  uploading: UploadState | null;
  attachingDialog: boolean;
  rejected: AttachReport['rejected'];
  historyVersion: number;
  handlers: EvidenceHandlers;
}

function hostOf(url: string | null): string {
  if (!url) return '';
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

function EvidenceRow({ item, handlers }: { item: LinkedEvidence; handlers: EvidenceHandlers }) {
  const ext = extensionOf(item.originalName).toUpperCase();
  const facts = item.kind === 'link' ? [hostOf(item.url)] : [ext, formatBytes(item.size)].filter(Boolean);
  return (
    <li className="ev-item" aria-label={item.title}>
      <FileBadge item={item} />
      <div className="ev-item__body">
        <button type="button" className="ev-item__title" onClick={() => handlers.onOpen(item)} title={item.kind === 'link' ? item.url ?? item.title : item.originalName ?? item.title}>
          {item.title}
        </button>
        <div className="ev-item__meta">
          {facts.join(' · ')}
          {facts.length > 0 ? ' · ' : ''}
          {item.documentDate ? `Dokumen ${formatDate(item.documentDate)}` : 'Tanggal dokumen belum diisi (tidak diketahui)'}
          {item.usageCount > 1 ? ` · dipakai di ${formatCount(item.usageCount)} persyaratan` : ''}
        </div>
        {item.expired || item.sharedWith.length > 0 ? (
          <div className="ev-item__warn">
            {item.expired ? (
              <Badge tone="red" icon="alert-triangle" title="Penilai dapat menolak dokumen ini. Unggah versi terbaru atau perbaiki tanggal dokumennya.">
                kedaluwarsa
              </Badge>
            ) : null}
            {item.expired && item.expiredReason ? <span className="ev-item__why">{item.expiredReason}</span> : null}
            {item.sharedWith.length > 0 ? (
              <Badge tone="amber" icon="copy" title="Berkas yang sama persis (SHA-256 sama) dilampirkan oleh unit lain. Tetap diizinkan; pastikan memang dokumen bersama.">
                juga dipakai: {item.sharedWith.join(', ')}
              </Badge>
            ) : null}
          </div>
        ) : null}
      </div>
      <div className="ev-item__actions">
        <IconButton icon="external" label={`Buka ${item.title}`} onClick={() => handlers.onOpen(item)} />
        <IconButton icon="edit" label={`Ubah judul/tanggal ${item.title}`} onClick={() => handlers.onEdit(item)} />
        <IconButton icon="unlink" label={`Lepas ${item.title}`} onClick={() => handlers.onDetach(item)} />
        <IconButton icon="trash" label={`Buang ${item.title} ke tempat sampah`} className="btn--ghost-danger" onClick={() => handlers.onTrash(item)} />
      </div>
    </li>
  );
}

function NoteEditor({ note, onSave }: { note: string; onSave: (note: string) => Promise<void> }) {
  const id = useId();
  const [text, setText] = useState(note);
  const [shown, setShown] = useState(note);
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  const [error, setError] = useState<string | null>(null);
  const dirty = text.trim() !== note;
  // The note changed elsewhere (saved, carried over): follow it unless the user is typing.
  if (note !== shown) {
    setShown(note);
    if (!dirty || text.trim() === note) setText(note);
  }

  const save = async () => {
    if (!dirty) return;
    setState('saving');
    setError(null);
    try {
      await onSave(text.trim());
      setState('saved');
    } catch (caught) {
      setState('error');
      setError(errorMessage(caught));
    }
  };

  return (
    <div className="note">
      <div className="note__head">
        <label htmlFor={id} className="ev-section__title">
          Catatan
        </label>
        <span className={`note__state note__state--${state}`} role="status" aria-live="polite">
          {state === 'saving' ? 'Menyimpan…' : state === 'saved' && !dirty ? (
            <>
              <Icon name="check" size={14} /> tersimpan
            </>
          ) : state === 'error' ? (
            'Gagal menyimpan'
          ) : dirty ? (
            'Belum disimpan'
          ) : (
            ''
          )}
        </span>
      </div>
      <textarea
        id={id}
        className="input textarea note__input"
        rows={3}
        maxLength={2000}
        placeholder="Catatan untuk unit atau penilai, misalnya dokumen yang masih ditunggu…"
        value={text}
        aria-invalid={state === 'error' || undefined}
        onChange={(event) => {
          setText(event.target.value);
          if (state === 'saved' || state === 'error') setState('idle');
        }}
        onBlur={() => void save()}
      />
      {error ? (
        <div className="field__error" role="alert">
          {error}
        </div>
      ) : (
        <div className="field__hint">Disimpan otomatis saat Anda keluar dari kotak catatan.</div>
      )}
    </div>
  );
}

function History({ periodId, unitId, requirement, version }: { periodId: number; unitId: number; requirement: ChecklistRequirement; version: number }) {
  const key = `${periodId}:${unitId}:${reqKeyOf(requirement)}`;
  const history = useQuery(`history-${key}-${version}`, async () => ({
    key,
    entries: await api['checklist:history']({ periodId, unitId, instrumentId: requirement.instrumentId, requirementCode: requirement.code }),
  }));
  const entries = history.data?.key === key ? history.data.entries : null;
  return (
    <section className="ev-section" aria-label="Riwayat perubahan">
      <h3 className="ev-section__title">
        <Icon name="history" size={15} /> Riwayat
      </h3>
      {history.error ? <ErrorState error={history.error} onRetry={history.reload} /> : null}
      {!entries && !history.error ? <div className="text-subtle history__loading">Memuat riwayat…</div> : null}
      {entries && entries.length === 0 ? <div className="text-subtle history__empty">Belum ada perubahan pada persyaratan ini.</div> : null}
      {entries && entries.length > 0 ? (
        <ol className="history">
          {entries.map((entry) => (
            <li key={entry.id} className="history__item">
              <div className="history__summary">{entry.summary}</div>
              <div className="history__meta">
                {entry.operator} · {formatDateTime(entry.at)}
              </div>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

export function EvidencePanel(props: EvidencePanelProps) {
  const { periodId, unitId, windowStart, windowEnd, requirement, instrument, aspect, indicator, busy, uploading, attachingDialog, rejected, historyVersion, handlers } = props;
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();

  if (!requirement || !instrument || !indicator) {
    return (
      <aside className="cl-pane cl-pane--detail" aria-label="Rincian persyaratan">
        <EmptyState icon="list" title="Pilih satu persyaratan">
          Bukti dukung, status, catatan dan riwayat persyaratan yang dipilih tampil di sini.
        </EmptyState>
      </aside>
    );
  }

  const files = requirement.evidence.filter((item) => item.kind === 'file');
  const links = requirement.evidence.filter((item) => item.kind === 'link');
  const windowText = `${formatDate(windowStart)} – ${formatDate(windowEnd)}`;
  const showReason = requirement.reason && (requirement.status === 'perlu_perbaikan' || requirement.status === 'tidak_berlaku');
  const uploadingHere = uploading !== null && uploading.key === reqKeyOf(requirement);

  return (
    <aside className="cl-pane cl-pane--detail" aria-label="Rincian persyaratan">
      <div className="detail">
        <header className="detail__head">
          <div className="detail__eyebrow">
            <FamilyBadge family={instrument.family} />
            <span>
              {aspect?.name} · Indikator {indicator.number}
            </span>
          </div>
          <h2 className="detail__title">{requirement.text}</h2>
          <div className="detail__tags">
            <Badge>{requirement.kind}</Badge>
            {requirement.custom ? <Badge tone="amber">tambahan kantor</Badge> : null}
          </div>
        </header>

        <section className="ev-section detail__status" aria-label="Status">
          <div className="detail__status-row">
            <StatusChip status={requirement.status} />
            {busy ? <span className="spinner spinner--small" role="status" aria-label="Menyimpan status…" /> : null}
          </div>
          {showReason ? (
            <div className={`detail__reason detail__reason--${requirement.status}`}>
              <strong>Alasan:</strong> {requirement.reason}
            </div>
          ) : null}
          <div className="detail__verified">
            {requirement.verifiedBy && requirement.status === 'terverifikasi'
              ? `Diverifikasi oleh ${requirement.verifiedBy} · ${formatDateTime(requirement.verifiedAt)}`
              : requirement.updatedAt
                ? `Terakhir diubah ${formatDateTime(requirement.updatedAt)}`
                : 'Belum pernah diubah'}
          </div>
          <div className="status-buttons" role="group" aria-label="Ubah status persyaratan">
            {STATUS_ACTIONS.map((button) => {
              const current = requirement.status === button.status;
              return (
                <button
                  key={button.status}
                  type="button"
                  className={`status-button status-button--${button.status}${current ? ' status-button--on' : ''}`}
                  aria-pressed={current}
                  disabled={busy}
                  onClick={() => handlers.onStatus(button.status)}
                >
                  <Icon name={button.icon} size={15} />
                  <span>{button.label}</span>
                </button>
              );
            })}
          </div>
        </section>

        <section className="ev-section" aria-label="Bukti dukung">
          <h3 className="ev-section__title">
            <Icon name="paperclip" size={15} /> Bukti dukung <span className="ev-section__count">{formatCount(requirement.evidence.length)}</span>
          </h3>
          {requirement.evidence.length === 0 && !uploadingHere ? (
            <div className="ev-empty">Belum ada bukti. Unggah berkas, tambahkan tautan, atau seret berkas ke daftar persyaratan.</div>
          ) : null}
          {files.length > 0 ? (
            <>
              <div className="ev-group">Berkas</div>
              <ul className="ev-list" aria-label="Berkas">
                {files.map((item) => (
                  <EvidenceRow key={item.id} item={item} handlers={handlers} />
                ))}
              </ul>
            </>
          ) : null}
          {links.length > 0 ? (
            <>
              <div className="ev-group">Tautan</div>
              <ul className="ev-list" aria-label="Tautan">
                {links.map((item) => (
                  <EvidenceRow key={item.id} item={item} handlers={handlers} />
                ))}
              </ul>
            </>
          ) : null}
          {uploadingHere ? (
            <div className="ev-uploading" role="status">
              <span className="spinner spinner--small" aria-hidden="true" /> Mengunggah {formatCount(uploading.done + 1)} dari {formatCount(uploading.total)}: {uploading.current}
            </div>
          ) : null}
          {rejected.length > 0 ? (
            <div className="ev-rejected" role="alert">
              <div className="ev-rejected__head">
                <strong>{formatCount(rejected.length)} berkas ditolak</strong>
                <IconButton icon="x" label="Tutup daftar berkas yang ditolak" onClick={handlers.onDismissRejected} />
              </div>
              <ul>
                {rejected.map((item, index) => (
                  <li key={`${item.name}-${index}`}>
                    <span className="ev-rejected__name">{item.name}</span>: {item.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="ev-actions">
            <label htmlFor={inputId} className={`btn btn--primary btn--sm ev-upload${uploading ? ' ev-upload--busy' : ''}`}>
              <Icon name="upload" size={16} />
              <span>Unggah berkas</span>
            </label>
            <input
              ref={inputRef}
              id={inputId}
              type="file"
              multiple
              className="sr-only"
              disabled={uploading !== null}
              onChange={(event) => {
                const chosen = Array.from(event.target.files ?? []);
                if (inputRef.current) inputRef.current.value = '';
                if (chosen.length > 0) handlers.onUpload(chosen);
              }}
            />
            {isPreview() ? null : (
              <Button size="sm" icon="folder" busy={attachingDialog} disabled={uploading !== null} onClick={handlers.onAttachDialog}>
                Pilih berkas…
              </Button>
            )}
            <Button size="sm" icon="link" onClick={handlers.onAddLink}>
              Tambah tautan
            </Button>
            <Button size="sm" icon="copy" onClick={handlers.onLibrary}>
              Dari pustaka unit
            </Button>
          </div>
          <div className="ev-hint">Tanggal dokumen diharapkan dalam rentang {windowText}.</div>
        </section>

        <section className="ev-section">
          <NoteEditor key={`${unitId}:${reqKeyOf(requirement)}`} note={requirement.note} onSave={handlers.onSaveNote} />
        </section>

        <History periodId={periodId} unitId={unitId} requirement={requirement} version={historyVersion} />
      </div>
    </aside>
  );
}

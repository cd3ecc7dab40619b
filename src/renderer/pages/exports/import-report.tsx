/**
 * The validation report of a returned workbook: refused file, row errors, the changes
 * that would be written and the conflicts with what Patuh changed since the export.
 */
import { Fragment, type ReactNode } from 'react';
import type { ChangeField } from '../../../shared/import-types';
import type { Change, Conflict, ImportPreview, RowError } from '../../../shared/types';
import { Icon } from '../../components/icons';
import { formatCount, formatDate } from '../../lib/format';
import { Choice } from './card';

const dateTime = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

function when(iso: string): string {
  const date = new Date(iso);
  return iso && !Number.isNaN(date.getTime()) ? dateTime.format(date).replace(', ', ' pukul ') : '–';
}

function Value({ field, value, strong, old }: { field: ChangeField; value: string; strong?: boolean; old?: boolean }) {
  if (!value.trim()) return <span className="exp-value exp-value--empty">(kosong)</span>;
  const shown = field === 'documentDate' && /^\d{4}-\d{2}-\d{2}/u.test(value) ? formatDate(value) : value;
  return (
    <span className={`exp-value${field === 'link' ? ' exp-value--link' : ''}${strong ? ' exp-value--new' : ''}${old ? ' exp-value--old' : ''}`} title={value}>
      {shown}
    </span>
  );
}

function Requirement({ change }: { change: Change }) {
  return (
    <div className="exp-req">
      <div className="exp-req__text">{change.requirement}</div>
      <div className="exp-req__where">
        {change.instrument} · {change.indicator}
      </div>
    </div>
  );
}

/** Consecutive entries of the same workbook row share one requirement cell. */
function groupByRow<T extends Change>(items: T[]): T[][] {
  const groups: T[][] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.row === item.row) last.push(item);
    else groups.push([item]);
  }
  return groups;
}

function Block({ tone, icon, title, subtitle, children, label }: { tone: 'red' | 'amber' | 'blue'; icon: 'alert' | 'edit' | 'info'; title: string; subtitle?: ReactNode; children: ReactNode; label: string }) {
  return (
    <section className={`exp-block exp-block--${tone}`} aria-label={label}>
      <header className="exp-block__head">
        <span className="exp-block__icon" aria-hidden="true">
          <Icon name={icon} size={18} />
        </span>
        <div>
          <h4 className="exp-block__title">{title}</h4>
          {subtitle ? <p className="exp-block__subtitle">{subtitle}</p> : null}
        </div>
      </header>
      {children}
    </section>
  );
}

function ErrorsTable({ errors }: { errors: RowError[] }) {
  return (
    <div className="exp-table-wrap">
      <table className="static-table exp-table" aria-label="Kesalahan per baris">
        <thead>
          <tr>
            <th className="exp-col-row">Baris</th>
            <th>Kolom</th>
            <th className="exp-col-cell">Sel</th>
            <th>Masalah</th>
            <th>Yang perlu dilakukan</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((error, index) => (
            <tr key={`${error.cell}-${index}`}>
              <td className="num">{formatCount(error.row)}</td>
              <td className="exp-nowrap">{error.column}</td>
              <td>
                <code className="exp-cell">{error.cell}</code>
              </td>
              <td className="exp-problem">{error.message}</td>
              <td>{error.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ChangesTable({ changes }: { changes: Change[] }) {
  const groups = groupByRow(changes);
  return (
    <div className="exp-table-wrap">
      <table className="static-table exp-table" aria-label="Perubahan yang akan diterapkan">
        <thead>
          <tr>
            <th className="exp-col-row">Baris</th>
            <th className="exp-col-req">Persyaratan</th>
            <th className="exp-col-field">Kolom</th>
            <th>Sebelum → Sesudah</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group, groupIndex) => {
            const spanClass = `exp-span${groupIndex === groups.length - 1 ? ' exp-span--last' : ''}`;
            return (
              <Fragment key={`${group[0]!.row}-${groupIndex}`}>
                {group.map((change, index) => (
                  <tr key={`${change.row}-${change.field}-${index}`} className={[index < group.length - 1 ? 'exp-row--joined' : '', index > 0 ? 'exp-row--cont' : ''].filter(Boolean).join(' ') || undefined}>
                    {index === 0 ? (
                      <>
                        <td className={`num ${spanClass}`} rowSpan={group.length}>
                          {formatCount(change.row)}
                        </td>
                        <td className={spanClass} rowSpan={group.length}>
                          <Requirement change={change} />
                        </td>
                      </>
                    ) : null}
                    <td className="exp-nowrap">{change.fieldLabel}</td>
                    <td>
                      <div className="exp-diff">
                        <Value field={change.field} value={change.before} old />
                        <Icon name="chevron-right" size={15} className="exp-diff__arrow" />
                        <Value field={change.field} value={change.after} strong />
                      </div>
                    </td>
                  </tr>
                ))}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function ConflictsTable({ conflicts }: { conflicts: Conflict[] }) {
  return (
    <div className="exp-table-wrap">
      <table className="static-table exp-table" aria-label="Konflik">
        <thead>
          <tr>
            <th className="exp-col-row">Baris</th>
            <th className="exp-col-req">Persyaratan</th>
            <th className="exp-col-field">Kolom</th>
            <th>Saat diekspor</th>
            <th>Di Patuh sekarang</th>
            <th>Di buku kerja</th>
          </tr>
        </thead>
        <tbody>
          {conflicts.map((conflict, index) => (
            <tr key={`${conflict.row}-${conflict.field}-${index}`}>
              <td className="num exp-top">{formatCount(conflict.row)}</td>
              <td className="exp-top">
                <Requirement change={conflict} />
              </td>
              <td className="exp-nowrap">{conflict.fieldLabel}</td>
              <td>
                <Value field={conflict.field} value={conflict.exported} />
              </td>
              <td>
                <Value field={conflict.field} value={conflict.before} />
                <div className="exp-when">diubah {when(conflict.changedAt)}</div>
              </td>
              <td>
                <Value field={conflict.field} value={conflict.after} strong />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export type Resolution = 'skip' | 'overwrite';

export function RejectedPanel({ message }: { message: string }) {
  return (
    <div className="exp-reject" role="alert">
      <Icon name="alert" size={24} className="exp-reject__icon" />
      <div>
        <div className="exp-reject__title">Berkas ditolak — tidak ada data yang diubah</div>
        <p className="exp-reject__message">{message}</p>
        <p className="exp-reject__todo">
          <strong>Yang perlu dilakukan:</strong> pastikan berkas ini adalah formulir isian hasil ekspor Patuh (bagian <em>Formulir isian untuk unit</em> di atas) yang diisi unit dan disimpan sebagai .xlsx, lalu pilih berkasnya lagi.
        </p>
      </div>
    </div>
  );
}

function Stat({ value, label, tone }: { value: number; label: string; tone: 'blue' | 'amber' | 'red' | 'neutral' | 'green' }) {
  return (
    <div className={`exp-stat exp-stat--${value > 0 ? tone : 'neutral'}`}>
      <span className="exp-stat__value">{formatCount(value)}</span>
      <span className="exp-stat__label">{label}</span>
    </div>
  );
}

interface ReportProps {
  preview: ImportPreview;
  fileName: string;
  resolution: Resolution;
  onResolution: (value: Resolution) => void;
  disabled: boolean;
}

export function ImportReport({ preview, fileName, resolution, onResolution, disabled }: ReportProps) {
  return (
    <div className="exp-report">
      <header className="exp-report__head">
        <div className="exp-report__file">
          <span className={`exp-report__file-icon${preview.rejected ? ' exp-report__file-icon--rejected' : ''}`} aria-hidden="true">
            <Icon name="file" size={22} />
          </span>
          <div>
            <h3 className="exp-report__title">Pratinjau: {fileName}</h3>
            <p className="exp-report__meta">
              {preview.unit ? `Formulir ${preview.unit.name}` : preview.rejected ? 'Tidak dapat dibaca sebagai formulir isian Patuh' : 'Unit tidak dikenali'}
              {preview.period ? ` · Tahun ${preview.period.year}` : ''}
              {preview.rejected ? '' : ` · ${formatCount(preview.unchanged)} baris tanpa perubahan`}
            </p>
          </div>
        </div>
        {preview.rejected ? null : (
          <div className="exp-stats">
            <Stat value={preview.changedRequirements} label="persyaratan berubah" tone="blue" />
            <Stat value={preview.conflictRequirements} label="konflik" tone="amber" />
            <Stat value={preview.errors.length} label="kesalahan" tone="red" />
          </div>
        )}
      </header>

      {preview.rejected ? (
        <RejectedPanel message={preview.rejected.message} />
      ) : (
        <>
          {preview.errors.length > 0 ? (
            <Block
              tone="red"
              icon="alert"
              label="Kesalahan"
              title={`${formatCount(preview.errors.length)} kesalahan harus diperbaiki dulu`}
              subtitle="Selama masih ada kesalahan, tidak ada perubahan yang dapat diterapkan. Perbaiki sel yang disebut di buku kerja (atau kembalikan kepada unit), simpan, lalu pilih berkasnya lagi."
            >
              <ErrorsTable errors={preview.errors} />
            </Block>
          ) : null}

          {preview.conflicts.length > 0 ? (
            <Block
              tone="amber"
              icon="info"
              label="Konflik"
              title={`${formatCount(preview.conflictRequirements)} konflik (${formatCount(preview.conflicts.length)} isian)`}
              subtitle="Isian ini diubah di Patuh setelah formulir diekspor, dan unit juga mengubahnya di workbook. Pilih mana yang dipakai."
            >
              <ConflictsTable conflicts={preview.conflicts} />
              <div className="exp-block__choice">
                <Choice
                  label="Untuk konflik"
                  value={resolution}
                  onChange={onResolution}
                  disabled={disabled}
                  options={[
                    { value: 'skip', label: 'Lewati konflik (disarankan)', hint: 'Isian di Patuh dipertahankan' },
                    { value: 'overwrite', label: 'Timpa dengan isi buku kerja', hint: 'Isian buku kerja menggantikan isian di Patuh' },
                  ]}
                />
              </div>
            </Block>
          ) : null}

          {preview.changes.length > 0 ? (
            <Block
              tone="blue"
              icon="edit"
              label="Perubahan"
              title={`${formatCount(preview.changes.length)} perubahan pada ${formatCount(preview.changedRequirements)} persyaratan`}
              subtitle="Belum ada yang diubah. Periksa daftar ini, lalu tekan Terapkan di bawah."
            >
              <ChangesTable changes={preview.changes} />
            </Block>
          ) : preview.conflicts.length === 0 && preview.errors.length === 0 ? (
            <div className="exp-nothing">
              <Icon name="check-circle" size={20} />
              <span>Buku kerja ini tidak berisi perubahan dibanding data di Patuh. Tidak ada yang perlu diterapkan.</span>
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}

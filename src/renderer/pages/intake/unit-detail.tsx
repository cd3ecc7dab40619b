/**
 * The inbox of one unit's kit: new files per requirement, workbook changes, F-01 levels,
 * conflicts with what the office changed, row errors, files in the wrong place (with a
 * choice of requirement), refused files and duplicates. Shows the host's verdicts only.
 */
import type { ReactNode } from 'react';
import type { IntakePlacement, IntakeUnit } from '../../../shared/intake-types';
import { Badge } from '../../components/badge';
import { Button } from '../../components/button';
import { Icon } from '../../components/icons';
import { formatCount, formatDate } from '../../lib/format';
import { href } from '../../lib/router';
import { STATE_LABEL, STATE_TONE, formatSize } from './intake-format';

export interface RequirementOption {
  instrumentId: number;
  code: string;
  label: string;
}

interface Props {
  unit: IntakeUnit;
  requirements: RequirementOption[];
  placements: IntakePlacement[];
  onPlace: (path: string, choice: { instrumentId: number; requirementCode: string } | null) => void;
  /** Refresh this unit's kit (new statuses and reasons); its files stay as they are. */
  onRefreshKit?: () => void;
}

interface BlockProps {
  title: string;
  count: number;
  tone?: 'neutral' | 'amber' | 'red' | 'green';
  children: ReactNode;
}

type Header = string | { num: string };

/** A block whose content is one table: the header cells, then the rows given as children. */
function TableBlock({ headers, children, ...block }: BlockProps & { headers: Header[] }) {
  return (
    <Block {...block}>
      <table className="static-table intake-table">
        <thead>
          <tr>
            {headers.map((header) => (typeof header === 'string' ? <th key={header}>{header}</th> : <th key={header.num} className="num">{header.num}</th>))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </Block>
  );
}

function Block({ title, count, tone = 'neutral', children }: BlockProps) {
  if (count === 0) return null;
  return (
    <section className="intake-block">
      <h3 className="intake-block__title">
        {title} <Badge tone={tone}>{formatCount(count)}</Badge>
      </h3>
      {children}
    </section>
  );
}

const levelText = (level: number | null) => (level === null ? 'belum diisi' : `Tingkat ${level}`);

export function UnitDetail({ unit, requirements, placements, onPlace, onRefreshKit }: Props) {
  const placed = (path: string) => placements.find((entry) => entry.unitId === unit.unitId && entry.path === path);
  return (
    <div className="intake-detail" aria-label={`Kiriman ${unit.unitName}`}>
      <header className="intake-detail__head">
        <div>
          <h2 className="intake-detail__title">
            {unit.unitId !== null ? (
              <a href={href(`/unit/${unit.unitId}`)} title={`Buka profil ${unit.unitName}`}>
                {unit.unitName}
              </a>
            ) : (
              unit.unitName
            )}
          </h2>
          <p className="intake-detail__meta">
            {unit.source.kind === 'zip' ? 'Kit .zip' : unit.source.kind === 'workbook' ? 'Buku kerja lepas' : 'Folder kit'} · <span className="intake-path">{unit.source.path}</span>
            {unit.sender ? ` · dikirim oleh ${unit.sender}` : ''}
          </p>
        </div>
        <div className="intake-detail__side">
          <Badge tone={STATE_TONE[unit.state]}>{STATE_LABEL[unit.state]}</Badge>
          {onRefreshKit && unit.unitId !== null && unit.source.kind === 'folder' ? (
            <Button variant="ghost" size="sm" icon="restore" onClick={onRefreshKit} title="Buku kerja dan manifest diperbarui; berkas unit tidak disentuh">
              Perbarui kit unit ini
            </Button>
          ) : null}
        </div>
      </header>
      {unit.refused ? (
        <div className="intake-refused" role="alert">
          <Icon name="ban" size={18} />
          <div>
            <strong>Kiriman ditolak seluruhnya.</strong> {unit.refused}
          </div>
        </div>
      ) : null}
      {unit.state === 'kosong' && !unit.refused ? <p className="intake-empty">Tidak ada yang baru dari unit ini sejak pemeriksaan terakhir.</p> : null}
      {unit.waiting > 0 ? (
        <p className="intake-waiting">
          <Icon name="clock" size={15} /> {formatCount(unit.waiting)} berkas masih disinkronkan atau berkas sistem; diperiksa lagi nanti.
        </p>
      ) : null}

      <TableBlock title="Berkas baru" count={unit.newFiles.length} tone="green" headers={['Persyaratan', 'Berkas', { num: 'Ukuran' }, 'Catatan']}>
        {unit.newFiles.map((file) => (
          <tr key={file.path}>
            <td className="intake-req">{file.requirement}</td>
            <td>{file.name}</td>
            <td className="num">{formatSize(file.size)}</td>
            <td>{file.conflict ? <Badge tone="amber">{file.conflict}</Badge> : file.alsoInUnit ? <Badge tone="neutral">{`Juga ada di ${file.alsoInUnit}`}</Badge> : null}</td>
          </tr>
        ))}
      </TableBlock>

      <TableBlock title="Perubahan isian buku kerja" count={unit.changes.length} tone="green" headers={['Persyaratan', 'Kolom', 'Sebelum → Sesudah']}>
        {unit.changes.map((change, index) => (
          <tr key={`${change.row}-${change.field}-${index}`}>
            <td className="intake-req">{change.requirement}</td>
            <td>{change.fieldLabel}</td>
            <td>
              <span className="intake-before">{change.before || '—'}</span> → <strong>{change.after || '—'}</strong>
            </td>
          </tr>
        ))}
      </TableBlock>

      <TableBlock title="Penilaian mandiri (F-01)" count={unit.levels.length} tone={unit.levels.some((level) => level.conflict) ? 'amber' : 'green'} headers={['Indikator', 'Nilai mandiri', 'Penjelasan unit', 'Catatan']}>
        {unit.levels.map((level) => (
          <tr key={level.indicatorCode}>
            <td className="intake-req">
              {level.number}. {level.name}
            </td>
            <td className="intake-nowrap">
              {levelText(level.from)} → <strong>{levelText(level.to)}</strong>
              {level.suggested !== null && level.suggested !== level.to ? <div className="intake-hint">Saran unsur: tingkat {level.suggested}</div> : null}
            </td>
            <td>{[level.justification, level.overrideReason ? `Alasan: ${level.overrideReason}` : ''].filter(Boolean).join(' · ') || '—'}</td>
            <td>{level.conflict ? <Badge tone="amber">{level.conflict}</Badge> : <Badge tone="blue">masuk sebagai nilai mandiri</Badge>}</td>
          </tr>
        ))}
      </TableBlock>

      <TableBlock title="Konflik dengan data kantor" count={unit.conflicts.length} tone="amber" headers={['Persyaratan', 'Kolom', 'Di Patuh → dari unit', 'Sebab']}>
        {unit.conflicts.map((conflict, index) => (
          <tr key={`${conflict.row}-${conflict.field}-${index}`}>
            <td className="intake-req">{conflict.requirement}</td>
            <td>{conflict.fieldLabel}</td>
            <td>
              {conflict.before || '—'} → <strong>{conflict.after || '—'}</strong>
            </td>
            <td>{conflict.reason}</td>
          </tr>
        ))}
      </TableBlock>

      <TableBlock title="Kesalahan isian (harus diperbaiki unit)" count={unit.errors.length} tone="red" headers={[{ num: 'Baris' }, 'Kolom', 'Masalah', 'Yang perlu dilakukan']}>
        {unit.errors.map((error, index) => (
          <tr key={`${error.cell}-${index}`}>
            <td className="num">{error.row}</td>
            <td className="intake-nowrap">{error.column}</td>
            <td>{error.message}</td>
            <td>{error.action}</td>
          </tr>
        ))}
      </TableBlock>

      <Block title="Berkas di tempat yang salah" count={unit.misplaced.length} tone="amber">
        <p className="intake-hint">Pilih persyaratannya; berkas tanpa pilihan tetap menunggu dan tidak diterapkan.</p>
        <ul className="intake-list">
          {unit.misplaced.map((file) => {
            const choice = placed(file.path);
            return (
              <li key={file.path} className="intake-misplaced">
                <div>
                  <strong>{file.name}</strong> <span className="intake-hint">{file.where === 'akar-kit' ? 'di akar kit' : `di folder lain: ${file.path}`} · {formatSize(file.size)} · {formatDate(file.modifiedAt)}</span>
                </div>
                <select
                  className="input select intake-select"
                  aria-label={`Persyaratan untuk ${file.name}`}
                  value={choice ? `${choice.instrumentId}|${choice.requirementCode}` : ''}
                  onChange={(event) => {
                    const [instrumentId, requirementCode] = event.target.value.split('|');
                    onPlace(file.path, event.target.value ? { instrumentId: Number(instrumentId), requirementCode: requirementCode! } : null);
                  }}
                >
                  <option value="">— Biarkan menunggu —</option>
                  {requirements.map((option) => (
                    <option key={`${option.instrumentId}|${option.code}`} value={`${option.instrumentId}|${option.code}`}>
                      {option.label}
                    </option>
                  ))}
                </select>
              </li>
            );
          })}
        </ul>
      </Block>

      <Block title="Berkas ditolak" count={unit.rejected.length} tone="red">
        <ul className="intake-list">
          {unit.rejected.map((file) => (
            <li key={file.path}>
              <strong>{file.name}</strong> — {file.reason}
            </li>
          ))}
        </ul>
      </Block>

      <Block title="Duplikat" count={unit.duplicates.length}>
        <ul className="intake-list">
          {unit.duplicates.map((file) => (
            <li key={`${file.path}-${file.kind}`}>
              <strong>{file.name}</strong> — {file.kind === 'unit-ini' ? 'isi yang sama sudah ada di unit ini; dilewati.' : `isi yang sama juga ada di ${file.otherUnit ?? 'unit lain'}; tetap diterima, periksa bila perlu.`}
            </li>
          ))}
        </ul>
      </Block>
    </div>
  );
}

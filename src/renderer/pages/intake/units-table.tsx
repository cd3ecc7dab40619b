/** The units of the year with what each sent; a row opens that unit's inbox. */
import type { IntakeUnit } from '../../../shared/intake-types';
import { Badge } from '../../components/badge';
import { formatCount, formatDate } from '../../lib/format';
import { STATE_LABEL, STATE_TONE } from './intake-format';

export interface Row {
  key: string;
  unitName: string;
  unitId: number | null;
  unit: IntakeUnit | null;
}

interface Props {
  rows: Row[];
  selectedKey: string | null;
  onSelect: (key: string) => void;
  chosen: Set<number>;
  onChoose: (next: Set<number>) => void;
}

const count = (value: number, tone: 'amber' | 'red' | 'green' = 'green') => (value === 0 ? <span className="intake-zero">0</span> : <Badge tone={tone}>{formatCount(value)}</Badge>);

export function UnitsTable({ rows, selectedKey, onSelect, chosen, onChoose }: Props) {
  const toggle = (unitId: number, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(unitId);
    else next.delete(unitId);
    onChoose(next);
  };
  return (
    <div className="intake-table-wrap">
      <table className="static-table intake-units-table" aria-label="Unit dan kirimannya">
        <thead>
          <tr>
            <th className="intake-col-check">
              <span className="sr-only">Pilih</span>
            </th>
            <th>Unit</th>
            <th>Status</th>
            <th className="num" title="Berkas baru, termasuk yang salah tempat">
              Berkas
            </th>
            <th className="num" title="Perubahan isian, tingkat F-01 dan konflik">
              Isian
            </th>
            <th className="num" title="Kesalahan isian dan berkas ditolak">
              Galat
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const unit = row.unit;
            const state = unit ? unit.state : 'belum';
            const selectable = unit !== null && row.unitId !== null && unit.state !== 'ditolak' && unit.state !== 'kosong';
            return (
              <tr key={row.key} className={`intake-row${row.key === selectedKey ? ' intake-row--selected' : ''}`} onClick={() => onSelect(row.key)}>
                <td className="intake-col-check" onClick={(event) => event.stopPropagation()}>
                  {selectable ? <input type="checkbox" className="check__box" aria-label={`Pilih ${row.unitName}`} checked={chosen.has(row.unitId!)} onChange={(event) => toggle(row.unitId!, event.target.checked)} /> : null}
                </td>
                <td>
                  <button type="button" className="link-button intake-unit-name" onClick={() => onSelect(row.key)} aria-pressed={row.key === selectedKey}>
                    {row.unitName}
                  </button>
                  <div className="intake-hint">{[unit?.sender, unit?.lastReceived ? `diterima ${formatDate(unit.lastReceived)}` : null].filter(Boolean).join(' · ') || (unit ? '' : 'belum ada kiriman')}</div>
                </td>
                <td>
                  <Badge tone={STATE_TONE[state]}>{STATE_LABEL[state]}</Badge>
                </td>
                <td className="num">{unit ? count(unit.newFiles.length + unit.misplaced.length) : '–'}</td>
                <td className="num">{unit ? count(unit.changes.length + unit.levels.length + unit.conflicts.length, unit.conflicts.length > 0 ? 'amber' : 'green') : '–'}</td>
                <td className="num">{unit ? count(unit.errors.length + unit.rejected.length, 'red') : '–'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

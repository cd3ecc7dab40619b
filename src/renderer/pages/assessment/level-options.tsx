/** The six rubric texts of an indicator as radio rows 0–5, the chosen one highlighted. */
import { useId } from 'react';

interface LevelOptionsProps {
  levels: string[];
  value: number | null;
  /** The other column's level, marked on its row ("Verifikasi" / "Mandiri"). */
  other: number | null;
  otherLabel: string;
  suggested: number | null;
  columnLabel: string;
  unsaved: boolean;
  disabled: boolean;
  onPick: (level: number) => void;
}

export function LevelOptions({ levels, value, other, otherLabel, suggested, columnLabel, unsaved, disabled, onPick }: LevelOptionsProps) {
  const name = useId();
  return (
    <fieldset className="level-options" disabled={disabled}>
      <legend className="sr-only">Tingkat nilai {columnLabel.toLocaleLowerCase('id-ID')}</legend>
      {levels.map((text, level) => {
        const selected = value === level;
        return (
          <label
            key={level}
            className={['level-option', selected ? 'level-option--selected' : '', selected && unsaved ? 'level-option--unsaved' : ''].filter(Boolean).join(' ')}
          >
            <input type="radio" name={name} className="level-option__input" checked={selected} onChange={() => onPick(level)} aria-label={`Tingkat ${level}: ${text}`} />
            <span className={`level-option__chip level-option__chip--${level}`} aria-hidden="true">
              {level}
            </span>
            <span className="level-option__text">{text}</span>
            <span className="level-option__marks" aria-hidden="true">
              {suggested === level ? <span className="level-mark level-mark--suggested">Saran</span> : null}
              {other === level ? <span className="level-mark">{otherLabel}</span> : null}
              {selected && unsaved ? <span className="level-mark level-mark--unsaved">Belum disimpan</span> : null}
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}

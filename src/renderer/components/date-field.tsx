/**
 * A date typed the Indonesian way (15/12/2026) with a calendar button. The native
 * <input type="date"> shows the browser's own order (often mm/dd/yyyy), which users
 * here misread, so it is only used as the picker behind the button.
 */
import { useId, useRef, useState } from 'react';
import { formatLongDate } from '../lib/format';
import { Icon } from './icons';

/** "15/12/2026", "15-12-2026", "15.12.2026" or "2026-12-15" → "2026-12-15"; otherwise null. */
export function parseDateInput(text: string): string | null {
  const value = text.trim();
  let day: number;
  let month: number;
  let year: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (local) [day, month, year] = [Number(local[1]), Number(local[2]), Number(local[3])];
  else return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** "2026-12-15" → "15/12/2026". */
export function toDateInput(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

interface DateFieldProps {
  label: string;
  /** ISO date, '' when empty, or the raw text while it is not a date. */
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
  className?: string;
}

export function DateField({ label, value, onChange, error, hint, required, className }: DateFieldProps) {
  const id = useId();
  const pickerRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(toDateInput(value));
  const [shownValue, setShownValue] = useState(value);
  const [touched, setTouched] = useState(false);
  // The value changed from outside (reset, saved): show it.
  if (value !== shownValue) {
    setShownValue(value);
    if ((parseDateInput(text) ?? text) !== value) setText(toDateInput(value));
  }

  const parsed = parseDateInput(text);
  const localError = touched && text.trim() !== '' && parsed === null ? 'Tanggal tidak dikenali. Tulis hari/bulan/tahun, misalnya 15/12/2026.' : undefined;
  const shownError = localError ?? error;
  const note = shownError ? undefined : parsed ? formatLongDate(parsed) : hint;

  const update = (next: string) => {
    setText(next);
    const iso = parseDateInput(next);
    const outgoing = iso ?? next.trim();
    setShownValue(outgoing);
    onChange(outgoing);
  };

  return (
    <div className={['field', shownError ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <div className="field__label-row">
        <label className="field__label" htmlFor={id}>
          {label}
        </label>
        {required ? (
          <span className="field__required" aria-hidden="true">
            *
          </span>
        ) : null}
      </div>
      <div className="date-field">
        <input
          id={id}
          className="input date-field__input"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder="hh/bb/tttt"
          value={text}
          aria-invalid={shownError ? true : undefined}
          aria-describedby={shownError ? `${id}-error` : note ? `${id}-note` : undefined}
          onChange={(event) => update(event.target.value)}
          onBlur={() => setTouched(true)}
        />
        <button
          type="button"
          className="date-field__button"
          aria-label={`Pilih ${label.toLocaleLowerCase('id-ID')} dari kalender`}
          title="Pilih dari kalender"
          onClick={() => pickerRef.current?.showPicker()}
        >
          <Icon name="calendar" size={17} />
        </button>
        <input
          ref={pickerRef}
          type="date"
          className="date-field__picker"
          tabIndex={-1}
          aria-hidden="true"
          value={parsed ?? ''}
          onChange={(event) => {
            setTouched(true);
            update(toDateInput(event.target.value));
          }}
        />
      </div>
      {note ? (
        <div className={parsed ? 'field__hint field__hint--date' : 'field__hint'} id={`${id}-note`}>
          {note}
        </div>
      ) : null}
      {shownError ? (
        <div className="field__error" id={`${id}-error`} role="alert">
          {shownError}
        </div>
      ) : null}
    </div>
  );
}

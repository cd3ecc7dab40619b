/** A labelled multi-line field with hint and inline error, styled like components/field.tsx. */
import { useId, type ReactNode } from 'react';

interface TextAreaFieldProps {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
  placeholder?: string;
  rows?: number;
  maxLength?: number;
  autoFocus?: boolean;
}

export function TextAreaField({ label, value, onChange, error, hint, required, placeholder, rows = 4, maxLength, autoFocus }: TextAreaFieldProps) {
  const id = useId();
  const describedBy = [hint && !error ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <div className="field__label-row">
        <label className="field__label" htmlFor={id}>
          {label}
        </label>
        {required ? (
          <span className="field__required" aria-hidden="true" title="Wajib diisi">
            *
          </span>
        ) : null}
      </div>
      <textarea
        id={id}
        className="input textarea"
        rows={rows}
        value={value}
        placeholder={placeholder}
        maxLength={maxLength}
        data-autofocus={autoFocus ? true : undefined}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint && !error ? (
        <div className="field__hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <div className="field__error" id={`${id}-error`} role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}

/** Labelled form controls with hint and inline error text (announced, linked by aria-describedby). */
import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';

interface BaseProps {
  label: ReactNode;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
}

function describedBy(hintId: string, errorId: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

function FieldFrame({ id, label, error, hint, required, className, children }: BaseProps & { id: string; children: ReactNode }) {
  return (
    <div className={['field', error ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
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
      {children}
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

interface TextFieldProps extends BaseProps {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'number' | 'date' | 'search';
  placeholder?: string;
  autoFocus?: boolean;
  name?: string;
  min?: number | string;
  max?: number | string;
  inputMode?: 'numeric' | 'text';
  maxLength?: number;
  disabled?: boolean;
}

export function TextField({ value, onChange, type = 'text', placeholder, autoFocus, name, min, max, inputMode, maxLength, disabled, ...frame }: TextFieldProps) {
  const id = useId();
  return (
    <FieldFrame id={id} {...frame}>
      <input
        id={id}
        className="input"
        type={type}
        name={name}
        value={value}
        placeholder={placeholder}
        min={min}
        max={max}
        inputMode={inputMode}
        maxLength={maxLength}
        disabled={disabled}
        data-autofocus={autoFocus ? true : undefined}
        aria-invalid={frame.error ? true : undefined}
        aria-required={frame.required || undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-error`, frame.hint, frame.error)}
        onChange={(event) => onChange(event.target.value)}
      />
    </FieldFrame>
  );
}

interface TextAreaFieldProps extends BaseProps {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  rows?: number;
  maxLength?: number;
  autoFocus?: boolean;
}

export function TextAreaField({ value, onChange, placeholder, rows = 4, maxLength, autoFocus, ...frame }: TextAreaFieldProps) {
  const id = useId();
  return (
    <FieldFrame id={id} {...frame}>
      <textarea
        id={id}
        className="input textarea"
        rows={rows}
        value={value}
        placeholder={placeholder}
        maxLength={maxLength}
        data-autofocus={autoFocus ? true : undefined}
        aria-invalid={frame.error ? true : undefined}
        aria-required={frame.required || undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-error`, frame.error ? undefined : frame.hint, frame.error)}
        onChange={(event) => onChange(event.target.value)}
      />
    </FieldFrame>
  );
}

interface SelectFieldProps extends BaseProps {
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
  name?: string;
  disabled?: boolean;
}

/**
 * A long option (a unit name) ends in an ellipsis in the closed select (CSS); its full
 * text stays readable as the tooltip, kept in step with the chosen option.
 */
export function useSelectTitle() {
  const ref = useRef<HTMLSelectElement>(null);
  useLayoutEffect(() => {
    const select = ref.current;
    if (select) select.title = select.selectedOptions[0]?.textContent?.trim() ?? '';
  });
  return ref;
}

export function SelectField({ value, onChange, children, name, disabled, ...frame }: SelectFieldProps) {
  const id = useId();
  const ref = useSelectTitle();
  return (
    <FieldFrame id={id} {...frame}>
      <select
        ref={ref}
        id={id}
        className="input select"
        name={name}
        value={value}
        disabled={disabled}
        aria-invalid={frame.error ? true : undefined}
        aria-required={frame.required || undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-error`, frame.hint, frame.error)}
        onChange={(event) => onChange(event.target.value)}
      >
        {children}
      </select>
    </FieldFrame>
  );
}

interface CheckboxProps {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  description?: ReactNode;
  disabled?: boolean;
  indeterminate?: boolean;
  className?: string;
}

export function Checkbox({ label, checked, onChange, description, disabled, indeterminate, className }: CheckboxProps) {
  const id = useId();
  return (
    <div className={['check', disabled ? 'check--disabled' : '', className ?? ''].filter(Boolean).join(' ')}>
      <input
        id={id}
        type="checkbox"
        className="check__box"
        checked={checked}
        disabled={disabled}
        ref={(element) => {
          if (element) element.indeterminate = Boolean(indeterminate);
        }}
        aria-describedby={description ? `${id}-desc` : undefined}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id} className="check__label">
        {label}
        {description ? (
          <span className="check__description" id={`${id}-desc`}>
            {description}
          </span>
        ) : null}
      </label>
    </div>
  );
}

interface SwitchProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Accessible name; shown next to the switch unless `hideLabel`. */
  label: string;
  hideLabel?: boolean;
  /** A fuller accessible name than the visible text (e.g. including the row's unit). */
  ariaLabel?: string;
  disabled?: boolean;
}

export function Switch({ checked, onChange, label, hideLabel, ariaLabel, disabled }: SwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-label={ariaLabel ?? (hideLabel ? label : undefined)}
      disabled={disabled}
      className={`switch${checked ? ' switch--on' : ''}`}
      onClick={() => onChange(!checked)}
    >
      <span className="switch__track" aria-hidden="true">
        <span className="switch__thumb" />
      </span>
      {hideLabel ? null : <span className="switch__label">{label}</span>}
    </button>
  );
}

/** A form-level error (e.g. a conflict) above the fields. */
export function FormAlert({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <div className="alert alert--error" role="alert">
      {message}
    </div>
  );
}

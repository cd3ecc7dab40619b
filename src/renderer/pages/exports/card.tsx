/** The frame every export shares: icon, title, one-line purpose, controls, and the action row. */
import { useId, type ReactNode } from 'react';
import { Icon, type IconName } from '../../components/icons';

interface CardProps {
  icon: IconName;
  tone: 'blue' | 'teal' | 'amber' | 'green';
  title: string;
  description: ReactNode;
  children?: ReactNode;
  /** Buttons and links, bottom right. */
  actions: ReactNode;
  /** Progress or outcome, above the actions. */
  status?: ReactNode;
  className?: string;
}

export function ExportCard({ icon, tone, title, description, children, actions, status, className }: CardProps) {
  const titleId = useId();
  return (
    <section className={`panel exp-card${className ? ` ${className}` : ''}`} aria-labelledby={titleId}>
      <header className="exp-card__head">
        <span className={`exp-card__icon exp-card__icon--${tone}`} aria-hidden="true">
          <Icon name={icon} size={20} />
        </span>
        <div className="exp-card__heading">
          <h2 id={titleId} className="exp-card__title">
            {title}
          </h2>
          <p className="exp-card__desc">{description}</p>
        </div>
      </header>
      {children ? <div className="exp-card__body">{children}</div> : null}
      <div className="exp-card__foot">
        {status ? <div className="exp-card__status">{status}</div> : null}
        <div className="exp-card__actions">{actions}</div>
      </div>
    </section>
  );
}

/** Radio buttons drawn as a segmented control (keyboard: arrows move within the group). */
export function Choice<T extends string>({ label, value, options, onChange, disabled }: { label: string; value: T; options: Array<{ value: T; label: string; hint?: string }>; onChange: (value: T) => void; disabled?: boolean }) {
  const name = useId();
  return (
    <fieldset className="exp-choice" disabled={disabled}>
      <legend className="field__label">{label}</legend>
      <div className="exp-choice__options">
        {options.map((option) => (
          <label key={option.value} className={`exp-choice__option${value === option.value ? ' exp-choice__option--on' : ''}`}>
            <input type="radio" name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
            <span className="exp-choice__text">
              <span className="exp-choice__label">{option.label}</span>
              {option.hint ? <span className="exp-choice__hint">{option.hint}</span> : null}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

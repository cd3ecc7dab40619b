/**
 * A form shown in place as a panel (Pengaturan sections, the Ombudsman inputs): titled
 * head, the fields, and one save button in the footer. Submitting never reloads the
 * page; the caller's `onSave` runs the save through useFormSubmit.
 */
import type { ReactNode } from 'react';
import { Button } from './button';

interface FormPanelProps {
  /** Id of the title, which also names the form for assistive technology. */
  titleId: string;
  title: ReactNode;
  subtitle?: ReactNode;
  saveLabel: ReactNode;
  busy: boolean;
  onSave: () => void;
  children: ReactNode;
}

export function FormPanel({ titleId, title, subtitle, saveLabel, busy, onSave, children }: FormPanelProps) {
  return (
    <form
      className="panel panel--padded"
      aria-labelledby={titleId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSave();
      }}
    >
      <div className="panel__head">
        <div>
          <h2 className="panel__title" id={titleId}>
            {title}
          </h2>
          {subtitle ? <p className="panel__subtitle">{subtitle}</p> : null}
        </div>
      </div>
      {children}
      <div className="panel__footer">
        <Button type="submit" variant="primary" busy={busy}>
          {saveLabel}
        </Button>
      </div>
    </form>
  );
}

/**
 * Dialog-with-form scaffolding shared by the add/edit dialogs: busy state, the server's
 * field messages under the fields, a form-level message above them, Batal + submit footer.
 */
import { useState, type ReactNode } from 'react';
import { errorMessage, fieldErrors } from '../lib/api';
import { Button } from './button';
import { Dialog } from './dialog';
import { FormAlert } from './field';
import type { IconName } from './icons';

/** Show the form-level message only when it adds something to the field messages. */
export function formLevelMessage(error: unknown): string | null {
  const fields = Object.values(fieldErrors(error));
  const message = errorMessage(error);
  return fields.includes(message) ? null : message;
}

/** Show the form-level message only when the server named no field. */
export function messageWithoutFields(error: unknown): string | null {
  return Object.keys(fieldErrors(error)).length > 0 ? null : errorMessage(error);
}

/**
 * State of a dialog's form. `run` marks it busy and awaits the save; when the save throws,
 * the field messages and the form-level message are shown and the form is free again
 * (on success it stays busy: the dialog is about to close). A form that stays on the page
 * (`inline`) is freed and its messages cleared on success too.
 */
export function useFormSubmit(formMessage: (error: unknown) => string | null = formLevelMessage, options: { inline?: boolean } = {}) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (save: () => Promise<void>) => {
    setBusy(true);
    setFormError(null);
    try {
      await save();
      if (options.inline) {
        setErrors({});
        setBusy(false);
      }
    } catch (error) {
      setErrors(fieldErrors(error));
      setFormError(formMessage(error));
      setBusy(false);
    }
  };

  /** Drops one field's message (when the user edits that field). */
  const clearError = (field: string) => {
    if (errors[field]) setErrors(({ [field]: _removed, ...rest }) => rest);
  };

  return { errors, setErrors, formError, busy, run, clearError };
}

interface FormDialogProps {
  title: string;
  description?: ReactNode;
  size?: 'sm' | 'md' | 'lg';
  busy: boolean;
  formError: string | null;
  onClose: () => void;
  onSubmit: () => Promise<void>;
  submitLabel: ReactNode;
  submitIcon?: IconName;
  submitVariant?: 'primary' | 'danger';
  submitDisabled?: boolean;
  children?: ReactNode;
}

export function FormDialog({ title, description, size, busy, formError, onClose, onSubmit, submitLabel, submitIcon, submitVariant = 'primary', submitDisabled, children }: FormDialogProps) {
  return (
    <Dialog
      open
      size={size}
      title={title}
      description={description}
      onClose={onClose}
      onSubmit={() => void onSubmit()}
      busy={busy}
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            Batal
          </Button>
          <Button type="submit" variant={submitVariant} icon={submitIcon} busy={busy} disabled={submitDisabled}>
            {submitLabel}
          </Button>
        </>
      }
    >
      <FormAlert message={formError} />
      {children}
    </Dialog>
  );
}

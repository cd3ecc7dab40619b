/** `const confirm = useConfirm(); if (await confirm({...})) …` — every destructive action asks first. */
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { Button } from './button';
import { Dialog } from './dialog';

interface ConfirmOptions {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  tone?: 'danger' | 'primary';
}

type Confirm = (options: ConfirmOptions) => Promise<boolean>;

const ConfirmContext = createContext<Confirm | null>(null);

interface Pending extends ConfirmOptions {
  resolve: (answer: boolean) => void;
}

export function ConfirmProvider({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState<Pending | null>(null);

  const confirm = useCallback<Confirm>(
    (options) => new Promise<boolean>((resolve) => setPending({ ...options, resolve })),
    [],
  );

  const answer = (value: boolean) => {
    pending?.resolve(value);
    setPending(null);
  };

  return (
    <ConfirmContext.Provider value={confirm}>
      {children}
      <Dialog
        open={pending !== null}
        role="alertdialog"
        size="sm"
        title={pending?.title ?? ''}
        onClose={() => answer(false)}
        footer={
          <>
            <Button onClick={() => answer(false)} data-autofocus={pending?.tone === 'primary' ? undefined : true}>
              {pending?.cancelLabel ?? 'Batal'}
            </Button>
            <Button variant={pending?.tone === 'primary' ? 'primary' : 'danger'} onClick={() => answer(true)} data-autofocus={pending?.tone === 'primary' ? true : undefined}>
              {pending?.confirmLabel}
            </Button>
          </>
        }
      >
        <div className="confirm__message">{pending?.message}</div>
      </Dialog>
    </ConfirmContext.Provider>
  );
}

export function useConfirm(): Confirm {
  const context = useContext(ConfirmContext);
  if (!context) throw new Error('useConfirm dipakai di luar ConfirmProvider');
  return context;
}

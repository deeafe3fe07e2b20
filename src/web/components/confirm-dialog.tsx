import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  isBusy?: boolean;
}

/**
 * A modal confirmation (<dialog> with showModal, so focus stays inside and Escape cancels).
 * Focus goes to "cancel" when it opens, since the action behind "confirm" is usually hard to
 * undo, and back to the element that opened it when it closes.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, cancelLabel, onConfirm, onCancel, isBusy }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const id = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      cancelRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
      if (opener.current?.isConnected) opener.current.focus();
      opener.current = null;
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={children ? `${id}-body` : undefined}
      onCancel={(event) => {
        event.preventDefault();
        if (!isBusy) onCancel();
      }}
    >
      <h2 id={`${id}-title`} className="dialog__title">
        {title}
      </h2>
      {children ? (
        <div id={`${id}-body`} className="dialog__body">
          {children}
        </div>
      ) : null}
      <div className="actions">
        <button type="button" className="button button--primary" onClick={onConfirm} disabled={isBusy}>
          {confirmLabel}
        </button>
        <button type="button" className="button" onClick={onCancel} ref={cancelRef} disabled={isBusy}>
          {cancelLabel}
        </button>
      </div>
    </dialog>
  );
}

import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';

export interface ConfirmOptions {
  title: string;
  /** What happens if the person goes on; plain sentences. */
  body?: ReactNode;
  /** The action's own verb ("Publish", "Hand in"), never "OK". */
  confirmLabel: string;
  cancelLabel?: string;
  /** `danger` for what cannot be undone or hurts someone else's work (red confirm button). */
  tone?: 'default' | 'danger';
}

interface DialogProps extends ConfirmOptions {
  open: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A styled, accessible replacement for `window.confirm()`. Built on `<dialog>.showModal()`, so the rest of the page is
 * inert and the dialog sits in the top layer; Tab and Shift+Tab cycle inside it (Chromium would otherwise let focus
 * leave to the browser's own controls), Escape cancels, the title labels it and the body describes it
 * (WAI-ARIA APG "Alert and Message Dialogs"). Focus starts on Cancel, the safe choice, and returns to whatever had it
 * before the dialog opened.
 */
export function ConfirmDialog({ open, title, body, confirmLabel, cancelLabel = 'Cancel', tone = 'default', onConfirm, onCancel }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const id = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    cancelRef.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (before?.isConnected) before.focus();
    };
  }, [open]);

  const onKeyDown = (e: React.KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== 'Tab' || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (items.length === 0) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  if (!open) return null;
  return (
    <dialog
      ref={ref}
      className="modal confirm-dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      aria-describedby={body ? `${id}-body` : undefined}
      data-testid="confirm-dialog"
      // Escape fires `cancel`; the dialog is closed by React (open=false), not by the browser behind its back.
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      onKeyDown={onKeyDown}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      {body ? <div id={`${id}-body`} className="confirm-dialog-body">{typeof body === 'string' ? <p>{body}</p> : body}</div> : null}
      <div className="modal-actions">
        <button ref={cancelRef} type="button" className="btn" onClick={onCancel} data-testid="confirm-cancel">
          {cancelLabel}
        </button>
        <button type="button" className={tone === 'danger' ? 'btn btn-danger-solid' : 'btn btn-primary'} onClick={onConfirm} data-testid="confirm-ok">
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}

/**
 * `const { confirm, dialog } = useConfirm();` then render `{dialog}` once and `if (await confirm({...})) doIt();`,
 * a drop-in for `window.confirm()` that resolves false on Cancel or Escape.
 */
export function useConfirm(): { confirm: (options: ConfirmOptions) => Promise<boolean>; dialog: ReactNode } {
  const [pending, setPending] = useState<(ConfirmOptions & { resolve: (ok: boolean) => void }) | null>(null);
  const confirm = useCallback((options: ConfirmOptions) => new Promise<boolean>((resolve) => setPending({ ...options, resolve })), []);
  const settle = (ok: boolean) => {
    pending?.resolve(ok);
    setPending(null);
  };
  const dialog = pending ? <ConfirmDialog {...pending} open onConfirm={() => settle(true)} onCancel={() => settle(false)} /> : null;
  return { confirm, dialog };
}

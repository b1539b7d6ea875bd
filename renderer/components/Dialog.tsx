/** A modal dialog on the native <dialog> element: focus is trapped and Escape cancels. */
import { useEffect, useId, useRef, type ReactNode } from 'react';

/** Props of a modal dialog. */
export interface DialogProps {
  title: string;
  /** Escape, or the close request of the window. */
  onCancel: () => void;
  children: ReactNode;
  /** Text under the title, read out with it. */
  description?: string;
}

/**
 * Marks the control a dialog focuses when it opens (the first one marked and enabled). React's
 * `autoFocus` does not do it: `showModal()` runs after React's commit and moves the focus to the
 * dialog's first focusable control, which for "Discard" / "Don't save" would let one Enter or
 * space throw away the author's unsaved work.
 */
export const INITIAL_FOCUS = { 'data-initial-focus': '' } as const;

/** Opens modally when mounted, its INITIAL_FOCUS control focused; closes when unmounted. */
export function Dialog({ title, description, onCancel, children }: DialogProps): React.JSX.Element {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    const returnFocus = document.activeElement;
    if (!dialog.open) dialog.showModal();
    // With its focus ring shown even after a click: the author sees which button Enter presses.
    dialog.querySelector<HTMLElement>('[data-initial-focus]:not(:disabled)')?.focus({ focusVisible: true });
    return () => {
      dialog.close();
      if (returnFocus instanceof HTMLElement && returnFocus.isConnected) returnFocus.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={description === undefined ? undefined : `${id}-description`}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 className="dialog-title" id={`${id}-title`}>
        {title}
      </h2>
      {description === undefined ? null : (
        <p className="dialog-description" id={`${id}-description`}>
          {description}
        </p>
      )}
      {children}
    </dialog>
  );
}

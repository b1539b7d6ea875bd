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

/** Opens modally when mounted; closes when unmounted. */
export function Dialog({ title, description, onCancel, children }: DialogProps): React.JSX.Element {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    const returnFocus = document.activeElement;
    if (!dialog.open) dialog.showModal();
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

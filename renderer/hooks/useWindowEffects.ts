/** Effects on the window itself: its title, the unsaved-changes prompt, and the save shortcut. */
import { useEffect, useRef } from 'react';

/** Sets the document title: "<title> — Postwright", with a dot while unsaved. */
export function useDocumentTitle(title: string | null, dirty: boolean): void {
  useEffect(() => {
    const base = title === null ? 'Postwright' : `${title} — Postwright`;
    document.title = dirty ? `• ${base}` : base;
  }, [title, dirty]);
}

/** Makes the browser ask before leaving while there are unsaved edits. */
export function useBeforeUnload(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent): void => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
}

/** Calls `onSave` for Ctrl+S / Cmd+S anywhere in the window (never the browser's "Save page"). */
export function useSaveShortcut(onSave: () => void): void {
  const handler = useRef(onSave);
  useEffect(() => {
    handler.current = onSave;
  }, [onSave]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 's') return;
      event.preventDefault();
      if (!event.repeat) handler.current();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);
}

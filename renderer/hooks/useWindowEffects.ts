/**
 * Effects on the window itself: its title, the unsaved-changes prompts (the browser's on leaving,
 * the desktop app's on closing or quitting), and the save shortcut.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CloseReason, DesktopApi } from '../../shared/api/desktop';
import { createCloseFlow, type CloseChoice, type CloseFlow } from '../state/closeRequest';

/** Sets the document title: "<title> — Postwright", with a dot while unsaved. */
export function useDocumentTitle(title: string | null, dirty: boolean): void {
  useEffect(() => {
    const base = title === null ? 'Postwright' : `${title} — Postwright`;
    document.title = dirty ? `• ${base}` : base;
  }, [title, dirty]);
}

/** What closing the desktop window needs from the editor. */
export interface CloseOptions {
  isDirty: () => boolean;
  /** Saves every unsaved post; true once all of it is on disk. */
  save: () => Promise<boolean>;
  /** Forgets the journalled edits of the open post. */
  forget: () => Promise<void>;
}

/** The close question on screen (its reason, or null) and the author's answer to it. */
export interface CloseQuestion {
  reason: CloseReason | null;
  choose: (choice: CloseChoice) => void;
}

/** Answers the desktop app's close and quit requests, asking Save / Don't save / Cancel when needed. */
export function useCloseRequests(desktop: DesktopApi | null, options: CloseOptions): CloseQuestion {
  const [reason, setReason] = useState<CloseReason | null>(null);
  const latest = useRef(options);
  const flow = useRef<CloseFlow | null>(null);
  useEffect(() => {
    latest.current = options;
  });
  useEffect(() => {
    if (desktop === null) return;
    const created = createCloseFlow({
      isDirty: () => latest.current.isDirty(),
      answer: (request, answer) => void desktop.answerClose(request, answer),
      show: setReason,
      save: () => latest.current.save(),
      forget: () => latest.current.forget(),
    });
    flow.current = created;
    const off = desktop.onCloseRequested(created.request);
    return () => {
      off();
      flow.current = null;
    };
  }, [desktop]);
  const choose = useCallback((choice: CloseChoice) => void flow.current?.choose(choice), []);
  return useMemo(() => ({ reason, choose }), [reason, choose]);
}

/** Tells the desktop app whether the window holds unsaved edits (the close button's mark on macOS). */
export function useEditedMark(desktop: DesktopApi | null, dirty: boolean): void {
  useEffect(() => {
    if (desktop !== null) void desktop.setEdited(dirty);
  }, [desktop, dirty]);
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

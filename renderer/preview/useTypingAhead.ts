/**
 * The Markdown editor's text: which textarea shows it and how a keystroke reaches the app
 * (./typing.ts). Short posts keep the editor's own coloured, controlled textarea, updated with
 * every key as before; long posts get the plain one, and the app follows in a transition.
 */
import { useCallback, useLayoutEffect, useRef, useState, useTransition, type RefObject } from 'react';
import { reconcile, startTyping, typedText } from './typing';

/** What the editor needs to show and change the text. */
export interface TypingAhead {
  /** The element around the editor (its textarea is found inside). */
  box: RefObject<HTMLDivElement | null>;
  /** Whether the plain, uncontrolled textarea is shown. */
  plain: boolean;
  /** A change made in the plain textarea. */
  onPlainText: (text: string) => void;
  /** A change made in the editor's own textarea. */
  onText: (text: string) => void;
}

interface Place {
  start: number;
  end: number;
  focused: boolean;
}

/** The text handling of an editor showing the app's `value` and reporting changes to `onChange`. */
export function useTypingAhead(value: string, onChange: (value: string) => void): TypingAhead {
  const box = useRef<HTMLDivElement>(null);
  const [state, setState] = useState(() => startTyping(value));
  const [pending, startTransition] = useTransition();
  const next = reconcile(state, value, pending);
  if (next !== state) setState(next);

  const send = useRef(onChange);
  const place = useRef<Place | null>(null);
  const shownPlain = useRef(next.plain);
  useLayoutEffect(() => {
    send.current = onChange;
  });

  // A text taken from the app replaces the plain textarea's; switching textareas keeps the caret.
  useLayoutEffect(() => {
    const area = box.current?.querySelector('textarea');
    if (area == null) return;
    if (next.plain && area.value !== next.taken) area.value = next.taken;
    if (shownPlain.current === next.plain) return;
    shownPlain.current = next.plain;
    const where = place.current;
    // Only when the switch took the focus with the old textarea (not when the author is elsewhere).
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (where === null || !where.focused || !lost) return;
    area.focus({ preventScroll: true });
    area.setSelectionRange(where.start, where.end);
  }, [next.revision, next.taken, next.plain]);

  const remember = useCallback((): void => {
    const area = box.current?.querySelector('textarea');
    if (area == null) return;
    place.current = { start: area.selectionStart, end: area.selectionEnd, focused: area === document.activeElement };
  }, []);

  const onText = useCallback(
    (text: string): void => {
      remember();
      send.current(text);
    },
    [remember],
  );

  const onPlainText = useCallback(
    (text: string): void => {
      remember();
      setState((before) => typedText(before, text));
      startTransition(() => send.current(text));
    },
    [remember],
  );

  return { box, plain: next.plain, onPlainText, onText };
}

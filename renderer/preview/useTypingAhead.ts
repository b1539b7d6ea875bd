/**
 * The Markdown editor's text: how a keystroke reaches the app (./typing.ts). The textarea is the
 * plain, uncontrolled one at every size, and the app follows in a transition. (A controlled,
 * coloured textarea for short posts cost as much CPU per key at 10 KB, swapped textareas under the
 * author's caret at a size limit, and shipped a highlighter for every language.)
 */
import { useCallback, useLayoutEffect, useRef, useState, useTransition, type RefObject } from 'react';
import { reconcile, startTyping, typedText } from './typing';

/** What the editor needs to show and change the text. */
export interface TypingAhead {
  /** The element around the editor (its textarea is found inside). */
  box: RefObject<HTMLDivElement | null>;
  /** A change made in the textarea (typed, or by a toolbar command). */
  onPlainText: (text: string) => void;
  /** A change the editor reports itself (its onChange), passed on at once. */
  onText: (text: string) => void;
}

/** The text handling of an editor showing the app's `value` and reporting changes to `onChange`. */
export function useTypingAhead(value: string, onChange: (value: string) => void): TypingAhead {
  const box = useRef<HTMLDivElement>(null);
  const [state, setState] = useState(() => startTyping(value));
  const [pending, startTransition] = useTransition();
  const next = reconcile(state, value, pending);
  if (next !== state) setState(next);

  const send = useRef(onChange);
  useLayoutEffect(() => {
    send.current = onChange;
  });

  // A text taken from the app replaces the textarea's.
  useLayoutEffect(() => {
    const area = box.current?.querySelector('textarea');
    if (area != null && area.value !== next.taken) area.value = next.taken;
  }, [next.revision, next.taken]);

  const onText = useCallback((text: string): void => send.current(text), []);

  const onPlainText = useCallback((text: string): void => {
    setState((before) => typedText(before, text));
    startTransition(() => send.current(text));
  }, []);

  return { box, onPlainText, onText };
}

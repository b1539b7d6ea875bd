/**
 * The Markdown editor's text: how a keystroke reaches the app (./typing.ts). The textarea is the
 * plain, uncontrolled one at every size; a key goes straight to the editor's latest state, and no
 * React render runs on the key's path. (A controlled, coloured textarea for short posts cost as much
 * CPU per key at 10 KB, swapped textareas under the author's caret at a size limit, and shipped a
 * highlighter for every language.)
 */
import { useCallback, useLayoutEffect, useRef, type RefObject } from 'react';
import { shouldTake, type TextSource } from './typing';

/** What the editor needs to show and change the text. */
export interface TypingAhead {
  /** The element around the editor (its textarea is found inside). */
  box: RefObject<HTMLDivElement | null>;
  /** A change made in the textarea (typed, by a toolbar command, or reported by the editor). */
  onText: (text: string) => void;
}

/**
 * The text handling of an editor showing React's `value` of the post read as `generation`, where
 * `text` is the text now and `onType` takes each change.
 */
export function useTypingAhead(
  value: string,
  generation: number,
  text: TextSource,
  onType: (body: string, generation: number) => void,
): TypingAhead {
  const box = useRef<HTMLDivElement>(null);
  const send = useRef({ onType, generation });
  // The text the textarea is known to hold (typed there or taken): no need to read a long value back.
  const shown = useRef<{ area: HTMLTextAreaElement | null; text: string } | null>(null);
  useLayoutEffect(() => {
    send.current = { onType, generation };
  });

  // After every render: a text from elsewhere replaces the textarea's (never a late copy of typing).
  useLayoutEffect(() => {
    const area = box.current?.querySelector('textarea');
    if (area == null) return;
    const known = shown.current?.area === area ? shown.current.text : null;
    if (!shouldTake(value, text.body(), known)) return;
    if (area.value !== value) area.value = value;
    shown.current = { area, text: value };
  });

  const onText = useCallback((body: string): void => {
    shown.current = { area: box.current?.querySelector('textarea') ?? null, text: body };
    send.current.onType(body, send.current.generation);
  }, []);
  return { box, onText };
}

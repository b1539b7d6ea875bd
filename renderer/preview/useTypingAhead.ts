/**
 * The Markdown editor's text: how a keystroke reaches the app (./typing.ts). The textarea is the
 * plain, uncontrolled one at every size; a key goes straight to the editor's latest state, and no
 * React render runs on the key's path. (A controlled, coloured textarea for short posts cost as much
 * CPU per key at 10 KB, swapped textareas under the author's caret at a size limit, and shipped a
 * highlighter for every language.)
 */
import { useCallback, useLayoutEffect, useRef, type RefObject } from 'react';
import { historyOf } from './editHistory';
import { completeSplit, splitOpening, wholeText, type Split } from './openingText';
import { createAfterPaint, shouldTake, type TextSource } from './typing';

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
  // The text the textarea is known to hold (typed there or taken; with the rest of a long opening
  // still to come, the whole text), and whose post it is: no need to read a long value back.
  const shown = useRef<{ area: HTMLTextAreaElement | null; text: string; post: string | null } | null>(null);
  // A long post's opening is in the textarea and the rest goes in after its paint (./openingText.ts).
  const opening = useRef<{ area: HTMLTextAreaElement; split: Split } | null>(null);
  // No cleanup clears it: StrictMode's second run of the effects would find the text taken and never
  // schedule the rest again; a textarea gone from the page is skipped when the rest is due.
  const restLater = useRef<(() => void) | null>(null);
  // Whose undo history the textarea holds (./editHistory.ts).
  const historyPost = useRef<{ area: HTMLTextAreaElement; post: string | null } | null>(null);
  useLayoutEffect(() => {
    send.current = { onType, generation };
  });

  // After every render: a text from elsewhere replaces the textarea's (never a late copy of typing).
  useLayoutEffect(() => {
    const area = box.current?.querySelector('textarea');
    if (area == null) return;
    const post = text.postId();
    // Another post starts a history of its own, even with the very same text as the last one.
    if (historyPost.current?.area === area && historyPost.current.post !== post) historyOf(area)?.reset(area.value);
    historyPost.current = { area, post };
    const known = shown.current?.area === area ? shown.current.text : null;
    if (!shouldTake(value, text.body(), known)) return;
    // Another post's text: a long one shows its opening first. The same post read again (from disk,
    // a restore) goes in whole, so the caret and scroll kept for it (hooks/useKeepCaret.ts) fit.
    const split = known === null || shown.current?.post !== post ? splitOpening(value) : null;
    opening.current = split === null ? null : { area, split };
    const first = split?.head ?? value;
    // Nothing typed before a text from elsewhere can be undone in it.
    if (area.value !== first) historyOf(area)?.reset(first);
    if (area.value !== first) area.value = first;
    // Another post starts with the caret at its top, where the author looks (setting a value puts it at
    // the end, so a key typed at once would land at the end of the post or of a long post's opening).
    // A post with nothing written yet (a new one: a blank line after its front matter) starts after it.
    if (shown.current?.post !== post) {
      const at = first.trim() === '' ? first.length : 0;
      area.setSelectionRange(at, at);
    }
    shown.current = { area, text: value, post };
    if (split === null) return;
    restLater.current ??= createAfterPaint(() => {
      const pending = opening.current;
      opening.current = null;
      if (pending === null || !pending.area.isConnected) return;
      completeSplit(pending.area, pending.split);
      // What was typed in the opening stays undoable: the rest only follows it.
      historyOf(pending.area)?.append(pending.split.tail);
    });
    restLater.current();
  });

  const onText = useCallback(
    (body: string): void => {
      const area = box.current?.querySelector('textarea') ?? null;
      const pending = opening.current;
      // Typed into a long post's opening before the rest went in: the rest follows what was typed.
      const whole = pending !== null && pending.area === area ? wholeText(body, pending.split) : body;
      shown.current = { area, text: whole, post: text.postId() };
      send.current.onType(whole, send.current.generation);
    },
    [text],
  );
  return { box, onText };
}

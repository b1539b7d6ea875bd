/**
 * Keeps the Markdown editor's caret, selection and scroll where they were when the open post is
 * reloaded from disk under the author (a controlled textarea would otherwise jump to the end).
 */
import { useEffect, useLayoutEffect, useRef } from 'react';

interface Place {
  id: string;
  start: number;
  end: number;
  scrollTop: number;
}

function textarea(): HTMLTextAreaElement | null {
  return document.querySelector<HTMLTextAreaElement>('.markdown-pane textarea');
}

function scroller(): HTMLElement | null {
  return document.querySelector<HTMLElement>('.markdown-pane .w-md-editor-area');
}

/** Remembers where the author was in post `id`; puts them back there whenever `generation` changes. */
export function useKeepCaret(id: string | null, generation: number): void {
  const place = useRef<Place | null>(null);

  useEffect(() => {
    if (id === null) return;
    const record = (): void => {
      const area = textarea();
      if (area === null) return;
      place.current = { id, start: area.selectionStart, end: area.selectionEnd, scrollTop: scroller()?.scrollTop ?? 0 };
    };
    document.addEventListener('selectionchange', record);
    document.addEventListener('scroll', record, true);
    // Where the post opened (its top), before the author clicks or scrolls: a text from elsewhere
    // then keeps them there, where setting it would put the caret, and the view once focused, at its end.
    record();
    return () => {
      document.removeEventListener('selectionchange', record);
      document.removeEventListener('scroll', record, true);
    };
  }, [id]);

  // Layout effect: runs after React wrote the new text, before the browser paints the jump.
  useLayoutEffect(() => {
    const saved = place.current;
    const area = textarea();
    if (saved === null || saved.id !== id || area === null) return;
    const length = area.value.length;
    area.setSelectionRange(Math.min(saved.start, length), Math.min(saved.end, length));
    const box = scroller();
    if (box !== null) box.scrollTop = saved.scrollTop;
  }, [id, generation]);
}

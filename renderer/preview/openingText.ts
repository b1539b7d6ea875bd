/**
 * A long post's text goes into the editor in two steps. A textarea lays out all of its text before
 * it paints any (1 MB: ~0.5 s here, whatever the styles), so a long post first gets its opening
 * lines, painted and editable within a frame or two, and the rest right after that paint. The page
 * is busy laying the whole text out either way; in between, the author sees the post, not the last
 * screen. Every reader of the text (save, journal, preview, counts) gets the whole text throughout:
 * the textarea holds only the opening for that moment, and a change made in it is reported with the
 * rest appended.
 */

/** Texts shorter than this go into the textarea whole (100 KB lays out in ~50 ms). */
export const SPLIT_FROM = 200_000;
/** The opening is cut at the first line break after this many characters: several screens. */
export const OPENING_CHARS = 24_000;

/** A text put into a textarea in two steps: `head` first, then `tail` after it. */
export interface Split {
  head: string;
  tail: string;
}

/** Where `text` is split for a first paint of its opening, or null when it goes in whole. */
export function splitOpening(text: string): Split | null {
  if (text.length < SPLIT_FROM) return null;
  const cut = text.indexOf('\n', OPENING_CHARS) + 1;
  if (cut <= 0 || cut >= text.length) return null;
  return { head: text.slice(0, cut), tail: text.slice(cut) };
}

/** What of a textarea the second step reads and writes. */
export interface AreaState {
  value: string;
  selectionStart: number;
  selectionEnd: number;
  selectionDirection: 'forward' | 'backward' | 'none' | null;
  scrollTop: number;
  setSelectionRange: (start: number, end: number, direction?: 'forward' | 'backward' | 'none') => void;
}

/** The whole text while `split`'s tail is still to come: what the textarea holds, then the tail. */
export function wholeText(held: string, split: Split): string {
  return held + split.tail;
}

/**
 * The second step: `split`'s tail goes in after whatever the textarea holds now. Untouched (the
 * head, the caret where taking it left it) it simply takes the whole text; if the author typed,
 * clicked or scrolled in the opening, their edit, caret, selection and scroll stay as they were.
 */
export function completeSplit(area: AreaState, split: Split): void {
  const held = area.value;
  const touched = held !== split.head || area.selectionStart !== held.length || area.selectionEnd !== held.length;
  if (!touched && area.scrollTop === 0) {
    area.value = wholeText(held, split);
    return;
  }
  const { selectionStart, selectionEnd, selectionDirection, scrollTop } = area;
  area.value = wholeText(held, split);
  area.setSelectionRange(selectionStart, selectionEnd, selectionDirection ?? undefined);
  area.scrollTop = scrollTop;
}

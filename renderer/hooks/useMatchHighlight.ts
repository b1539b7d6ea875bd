/**
 * Where the find bar's matches are on screen. A textarea paints no selection while another
 * field has the focus, so the matches are measured in a hidden copy of the editor's text
 * (./textMirror.ts: only the paragraphs up to the current match, and the editor's view, are laid
 * out, and only those an edit changed are laid out again) and boxes are drawn over them: the
 * current match boxed, the others in the editor's view tinted, as editors show them. The editor is
 * scrolled to bring the current match into view when the writer moves to another.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { TextMatch } from '../state/findInText';
import { createMirror, type TextMirror } from './textMirror';

/** A box on the page, in viewport pixels. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The boxes to draw, and the part of the page they may show in (the editor's visible text). */
export interface MatchMarks {
  clip: Box;
  /** The current match's boxes (one per line it wraps over). */
  marks: Box[];
  /** The other matches in the editor's view. */
  others: Box[];
}

/** Most other matches drawn at once: a screenful of text rarely holds more. */
export const MOST_OTHERS = 400;
/** Text laid out beyond the current match, at most, to reach the bottom of the editor's view. */
const AHEAD_CHARS = 40_000;
/** Text laid out at once to reach the bottom of the view: more than a screenful of ordinary prose. */
const SCREENFUL_CHARS = 8_000;
/** Matches measured for one frame, at most, however long the lines they are on. */
const MOST_MEASURED = 2 * MOST_OTHERS;

/** A paragraph longer than this is cut at a line end too, so an edit in it lays out only a piece. */
const LONGEST_CHUNK = 4000;

/** The editor's textarea. */
export function markdownArea(): HTMLTextAreaElement | null {
  return document.querySelector<HTMLTextAreaElement>('.markdown-pane textarea');
}

/** What scrolls the editor: a long post's textarea itself, else the area around a growing one. */
function scrollerOf(area: HTMLTextAreaElement): HTMLElement {
  if (area.scrollHeight > area.clientHeight + 1) return area;
  return area.closest<HTMLElement>('.w-md-editor-area') ?? area;
}

/**
 * Where `text` is cut into the mirror's chunks: after each blank line, and at a line end in a
 * paragraph longer than LONGEST_CHUNK, so the cuts before an edit stay where they were.
 */
export function chunkStarts(text: string): number[] {
  const starts = [0];
  let from = 0;
  while (from < text.length) {
    const blank = text.indexOf('\n\n', from);
    const end = blank === -1 ? text.length : blank + 2;
    let start = from;
    while (end - start > LONGEST_CHUNK) {
      const cut = text.indexOf('\n', start + LONGEST_CHUNK);
      if (cut === -1 || cut + 1 >= end) break;
      starts.push(cut + 1);
      start = cut + 1;
    }
    if (end < text.length) starts.push(end);
    from = end;
  }
  return starts;
}

/** The last index in `starts` at or before `offset`. */
function chunkAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The chunks of `text` from the first to chunk `last`. */
function chunksTo(text: string, starts: readonly number[], last: number): string[] {
  return starts.slice(0, last + 1).map((start, i) => text.slice(start, starts[i + 1] ?? text.length));
}

/**
 * The match's boxes in the textarea's scrolled content (0, 0: its border box's top left), laid out
 * at once. The text laid out before (up to `keep`) stays: going back to a match further down costs nothing.
 */
function measure(mirror: TextMirror, area: HTMLTextAreaElement, match: TextMatch, keep = 0): DOMRect[] {
  const text = area.value;
  if (match.end > text.length) return [];
  const starts = chunkStarts(text);
  const index = chunkAt(starts, match.start);
  mirror.update(area, chunksTo(text, starts, Math.max(index, chunkAt(starts, Math.min(keep, text.length) - 1))));
  const base = starts[index] ?? 0;
  return mirror.rectsOf(index, match.start - base, match.end - base).filter((rect) => rect.width > 0);
}

/**
 * How much new text the mirror lays out in one go: the text up to a match far into a 1 MB post
 * took some 500 ms to lay out, so it is laid out a piece at a time, keys coming in between.
 */
const STEP_CHARS = 80_000;

/**
 * Lays the mirror out up to `match` a piece at a time (from `laid`, the text already laid out),
 * then hands over its boxes; returns what stops it.
 */
function measureInSteps(
  mirror: TextMirror,
  area: HTMLTextAreaElement,
  match: TextMatch,
  laid: { chars: number },
  done: (rects: DOMRect[]) => void,
): () => void {
  const text = area.value;
  const starts = chunkStarts(text);
  const index = chunkAt(starts, match.start);
  let timer = 0;
  const step = (): void => {
    const reach = Math.max(chunkAt(starts, laid.chars + STEP_CHARS), chunkAt(starts, laid.chars));
    const last = Math.min(index, reach);
    mirror.update(area, chunksTo(text, starts, Math.max(last, chunkAt(starts, laid.chars - 1))));
    // Reading a position lays the new piece out now, not all at once at the end.
    mirror.topOf(last);
    laid.chars = Math.max(laid.chars, starts[last + 1] ?? text.length);
    if (last < index) {
      timer = window.setTimeout(step, 0);
      return;
    }
    done(measure(mirror, area, match, laid.chars));
  };
  if ((starts[index + 1] ?? text.length) - laid.chars <= STEP_CHARS) {
    laid.chars = Math.max(laid.chars, starts[index + 1] ?? text.length);
    done(measure(mirror, area, match, laid.chars));
  } else timer = window.setTimeout(step, 0);
  return () => window.clearTimeout(timer);
}

function box(rect: DOMRect): Box {
  return { left: rect.left, top: rect.top, width: rect.width, height: rect.height };
}

/** The part of the textarea's scrolled content the editor shows, as content offsets from its top. */
function visibleBand(area: HTMLTextAreaElement): { top: number; bottom: number } {
  const at = area.getBoundingClientRect();
  const scroller = scrollerOf(area).getBoundingClientRect();
  return {
    top: Math.max(at.top, scroller.top) - at.top + area.scrollTop,
    bottom: Math.min(at.bottom, scroller.bottom) - at.top + area.scrollTop,
  };
}

/**
 * The content boxes of the matches other than `current` in the editor's view. The mirror holds the
 * text up to the current match (`laid`); when the view reaches below it, a little more is laid
 * out (at most AHEAD_CHARS past the match, a screenful being far less).
 */
function othersInView(
  mirror: TextMirror,
  area: HTMLTextAreaElement,
  matches: readonly TextMatch[],
  current: TextMatch,
  laid: { chars: number },
  measured: Measured,
): DOMRect[] {
  const { text, starts } = measured;
  if (matches.length < 2 || laid.chars === 0) return [];
  const band = visibleBand(area);
  if (band.bottom <= band.top) return [];
  let last = chunkAt(starts, Math.min(laid.chars, text.length) - 1);
  // Below the laid-out text, the view needs more of it: a screenful at most, once a frame.
  if (mirror.topOf(last) < band.bottom && last < starts.length - 1 && laid.chars < current.end + AHEAD_CHARS) {
    last = Math.min(starts.length - 1, Math.max(last + 1, chunkAt(starts, laid.chars + SCREENFUL_CHARS)));
    mirror.update(area, chunksTo(text, starts, last));
    laid.chars = starts[last + 1] ?? text.length;
  }
  // The first chunk in view: the last one starting above the band's top.
  let low = 0;
  let high = last;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (mirror.topOf(middle) <= band.top) low = middle;
    else high = middle - 1;
  }
  const to = starts[last + 1] ?? text.length;
  // The matches of the laid-out text from that chunk on; the text runs down the page in their order,
  // so the first in view is found by halving (a chunk may be one long line of thousands of matches).
  const budget = { calls: 0 };
  const boxesOf = (i: number): DOMRect[] => {
    const match = matches[i];
    if (match === undefined || match.end > text.length) return [];
    budget.calls += 1;
    const index = chunkAt(starts, match.start);
    const base = starts[index] ?? 0;
    return mirror.rectsOf(index, match.start - base, match.end - base);
  };
  let first = firstMatchFrom(matches, starts[low] ?? 0);
  let end = firstMatchFrom(matches, to);
  while (first < end) {
    const middle = (first + end) >> 1;
    const boxes = boxesOf(middle);
    if (boxes.length > 0 && Math.max(...boxes.map((rect) => rect.bottom)) < band.top) first = middle + 1;
    else end = middle;
  }
  const rects: DOMRect[] = [];
  let drawn = 0;
  for (let i = first; i < matches.length && drawn < MOST_OTHERS && budget.calls < MOST_MEASURED; i++) {
    const match = matches[i];
    if (match === undefined || match.start >= to) break;
    if (match.start === current.start) continue;
    const boxes = boxesOf(i);
    // The first match below the view ends the walk.
    if (boxes.length > 0 && Math.min(...boxes.map((rect) => rect.top)) > band.bottom) break;
    if (boxes.some((rect) => rect.bottom >= band.top && rect.top <= band.bottom)) {
      rects.push(...boxes.filter((rect) => rect.width > 0));
      drawn += 1;
    }
  }
  return rects;
}

/** The index of the first of `matches` (sorted) starting at or after `offset`. */
function firstMatchFrom(matches: readonly TextMatch[], offset: number): number {
  let low = 0;
  let high = matches.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((matches[middle]?.start ?? 0) < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The text the mirror was laid out from, and its chunks: what the view is measured in as it scrolls
 * (reading a long post's text from the textarea at every frame copies it).
 */
interface Measured {
  text: string;
  starts: number[];
}

/** The content boxes placed on the page as the textarea is now, with the editor's visible part. */
function place(area: HTMLTextAreaElement, content: readonly DOMRect[], others: readonly DOMRect[]): MatchMarks {
  const at = area.getBoundingClientRect();
  const scroller = scrollerOf(area).getBoundingClientRect();
  const top = Math.max(at.top, scroller.top);
  const bottom = Math.min(at.bottom, scroller.bottom);
  const onPage = (rect: DOMRect): Box =>
    box(
      new DOMRect(at.left + rect.left - area.scrollLeft, at.top + rect.top - area.scrollTop, rect.width, rect.height),
    );
  return {
    clip: { left: at.left, top, width: at.width, height: Math.max(0, bottom - top) },
    marks: content.map(onPage),
    others: others.map(onPage),
  };
}

/** Scrolls the editor so `content` (the match's boxes) is in view, a third of the way down when it was not. */
function reveal(area: HTMLTextAreaElement, content: readonly DOMRect[]): void {
  const first = content[0];
  const last = content.at(-1);
  if (first === undefined || last === undefined) return;
  const scroller = scrollerOf(area);
  const view = scroller.getBoundingClientRect();
  const at = area.getBoundingClientRect();
  const top = at.top + first.top - area.scrollTop;
  const bottom = at.top + last.bottom - area.scrollTop;
  const margin = Math.min(40, view.height / 4);
  if (top >= view.top + margin && bottom <= view.top + scroller.clientHeight - margin) return;
  scroller.scrollTop += top - (view.top + scroller.clientHeight / 3);
}

/**
 * The boxes of `match` in the editor's text of `textVersion`, and of the other `matches` in the
 * editor's view, kept in place as the editor scrolls and resizes; the editor is scrolled to the
 * match each time `revealRequest` changes.
 */
export function useMatchHighlight(
  match: TextMatch | null,
  textVersion: number,
  revealRequest: string,
  matches: readonly TextMatch[] = [],
): MatchMarks | null {
  // Boxes for the match and text of `key`: those of a match still being measured are not shown.
  const [marks, setMarks] = useState<{ key: string; marks: MatchMarks } | null>(null);
  const mirror = useRef<TextMirror | null>(null);
  const laid = useRef({ chars: 0 });
  const content = useRef<DOMRect[]>([]);
  const measured = useRef<Measured | null>(null);
  // The matches of the text measured, for the scroll handler (a ref: a new list must not re-measure).
  const all = useRef(matches);
  useLayoutEffect(() => {
    all.current = matches;
  });
  const revealed = useRef<string | null>(null);
  useEffect(
    () => () => {
      mirror.current?.dispose();
      mirror.current = null;
    },
    [],
  );

  const start = match?.start ?? -1;
  const end = match?.end ?? -1;
  // Before paint: the box moves with the scroll it causes, in the same frame.
  const key = `${start}:${end}:${textVersion}`;
  useLayoutEffect(() => {
    const area = markdownArea();
    const own = mirror.current ?? createMirror(document);
    mirror.current = own;
    content.current = [];
    if (area === null || start < 0) return;
    return measureInSteps(own, area, { start, end }, laid.current, (rects) => {
      content.current = rects;
      if (revealed.current !== revealRequest) {
        revealed.current = revealRequest;
        reveal(area, rects);
      }
      const text = area.value;
      const layout = { text, starts: chunkStarts(text) };
      measured.current = layout;
      const others = othersInView(own, area, all.current, { start, end }, laid.current, layout);
      setMarks({ key, marks: place(area, rects, others) });
    });
    // A new list of matches (a switch turned) redraws the others, though the current match stays.
  }, [start, end, key, revealRequest, matches]);

  useEffect(() => {
    const area = markdownArea();
    if (area === null) return;
    let frame = 0;
    const follow = (): void => {
      if (frame !== 0) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        // A new width wraps the lines anew: measured again.
        if (content.current.length > 0 && mirror.current !== null && !mirror.current.fits(area) && start >= 0) {
          content.current = measure(mirror.current, area, { start, end }, laid.current.chars);
        }
        const own = mirror.current;
        const layout = measured.current;
        const others =
          own === null || layout === null || start < 0
            ? []
            : othersInView(own, area, all.current, { start, end }, laid.current, layout);
        setMarks(content.current.length === 0 ? null : { key, marks: place(area, content.current, others) });
      });
    };
    const resized = new ResizeObserver(follow);
    resized.observe(area);
    document.addEventListener('scroll', follow, { capture: true, passive: true });
    window.addEventListener('resize', follow);
    return () => {
      cancelAnimationFrame(frame);
      resized.disconnect();
      document.removeEventListener('scroll', follow, { capture: true });
      window.removeEventListener('resize', follow);
    };
  }, [start, end, key]);
  return start < 0 || marks?.key !== key ? null : marks.marks;
}

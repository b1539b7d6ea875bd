/**
 * The find bar's search of the open post's text (it lives only while the bar is open): the
 * matches of the query, found in a render a key in the bar may interrupt; the current one; moving
 * between them; and replacing through the textarea's own editing, so the edit is the writer's
 * (saved, previewed, undone with Ctrl/Cmd+Z: ../preview/editHistory.ts). While the writer types
 * in the post, the matches are found again once typing pauses, never on the key's path.
 */
import { startTransition, useDeferredValue, useEffect, useMemo, useState } from 'react';
import {
  findMatches,
  indexOfMatch,
  matchBefore,
  matchFrom,
  matchStatus,
  queryPattern,
  replaceAllEdit,
  stillMatches,
  type FindOptions,
  type FoundMatches,
  type TextMatch,
} from '../state/findInText';
import type { TextSource } from '../preview/typing';
import { markdownArea } from './useMatchHighlight';

/** How long typing in the post must pause before its matches are found again, in ms. */
export const REFIND_MS = 200;

/** Where the search starts: the first match at or after `position`; a new `request` moves it there. */
export interface FindAnchor {
  position: number;
  request: number;
}

/** The search, for the bar. */
export interface FindSearch {
  found: FoundMatches;
  current: TextMatch | null;
  /** "3 of 12", "No matches"; empty while there is no query. */
  status: string;
  /** Changes each time the matches were found again in a changed text. */
  textVersion: number;
  /** Changes each time the writer moved to a match (or asked anew): the editor scrolls to it. */
  revealKey: string;
  next: () => void;
  previous: () => void;
  /** Replaces the current match; false when there was none to replace. */
  replace: (replacement: string) => boolean;
  /** Replaces every match as one edit; how many were replaced. */
  replaceAll: (replacement: string) => number;
}

/** The first listed match starting at or after `at`, else (a count stopped at its cap) one found from there, else the first. */
function matchAtOrAfter(text: string, found: FoundMatches, pattern: RegExp | null, at: number): TextMatch | null {
  const { matches } = found;
  let low = 0;
  let high = matches.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((matches[middle]?.start ?? 0) < at) low = middle + 1;
    else high = middle;
  }
  const listed = matches[low];
  if (listed !== undefined) return listed;
  if (found.capped && pattern !== null) return matchFrom(text, pattern, at);
  return matches[0] ?? null;
}

/** The search of `text` for `query`, starting from `anchor`. */
export function useFindSearch(text: TextSource, query: string, options: FindOptions, anchor: FindAnchor): FindSearch {
  const [version, setVersion] = useState(0);
  const [at, setAt] = useState(anchor.position);
  const [anchored, setAnchored] = useState(anchor.request);
  const [moves, setMoves] = useState(0);
  if (anchored !== anchor.request) {
    setAnchored(anchor.request);
    setAt(anchor.position);
  }
  useEffect(() => {
    let timer = 0;
    const unsubscribe = text.subscribe(() => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => startTransition(() => setVersion((n) => n + 1)), REFIND_MS);
    });
    return () => {
      window.clearTimeout(timer);
      unsubscribe();
    };
  }, [text]);

  const wanted = useMemo(() => ({ query, ...options }), [query, options]);
  const asked = useDeferredValue(wanted);
  const pattern = useMemo(() => queryPattern(asked.query, asked), [asked]);
  // `version` stands for the text: it changes whenever the text read here may have.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const found = useMemo(() => findMatches(text.body(), asked.query, asked), [text, asked, version]);
  const current = useMemo(() => matchAtOrAfter(text.body(), found, pattern, at), [text, found, pattern, at]);
  const index = current === null ? -1 : indexOfMatch(found.matches, current.start);
  const status = asked.query === '' ? '' : matchStatus(index, found);

  const moveTo = (position: number): void => {
    setAt(position);
    setMoves((n) => n + 1);
  };
  const next = (): void => {
    if (current !== null) moveTo(current.end);
  };
  const previous = (): void => {
    if (current === null || pattern === null) return;
    const before = index > 0 ? found.matches[index - 1] : matchBefore(text.body(), pattern, current.start);
    if (before !== undefined && before !== null) moveTo(before.start);
  };
  const replace = (replacement: string): boolean => {
    const area = markdownArea();
    if (area === null || current === null || pattern === null) return false;
    // The matches may be a pause behind the text: the match must still be there.
    if (!stillMatches(area.value, pattern, current)) {
      setVersion((n) => n + 1);
      return false;
    }
    area.setRangeText(replacement, current.start, current.end, 'end');
    // Told as a typed change is (PlainTextarea's input listener, the undo history).
    area.dispatchEvent(
      new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: replacement }),
    );
    setVersion((n) => n + 1);
    moveTo(current.start + replacement.length);
    return true;
  };
  const replaceAll = (replacement: string): number => {
    const area = markdownArea();
    if (area === null) return 0;
    const edit = replaceAllEdit(area.value, asked.query, asked, replacement);
    if (edit === null) return 0;
    area.setRangeText(edit.insert, edit.from, edit.to, 'end');
    area.dispatchEvent(new Event('input', { bubbles: true }));
    setVersion((n) => n + 1);
    moveTo(edit.from + edit.insert.length);
    return edit.count;
  };
  const revealKey = `${moves}:${asked.query}:${asked.matchCase}:${asked.wholeWord}`;
  return { found, current, status, textVersion: version, revealKey, next, previous, replace, replaceAll };
}

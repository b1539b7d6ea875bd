/** Full-text search as the author types: debounced, and only the newest answer lands. */
import { startTransition, useEffect, useRef, useState } from 'react';
import type { ApiError, BlogApi, PostSummary, SearchHit } from '../../shared/api/contract';
import { foldedWords, foldText } from '../../shared/search/fold';

/**
 * How long a query must stay the same before the backend is asked, in milliseconds (on top of
 * the search box's own settling, FindPanel SETTLE_MS: 150 ms after the last key in all).
 */
export const SEARCH_DELAY_MS = 30;

interface Answer {
  query: string;
  hits: SearchHit[];
  error: ApiError | null;
}

/**
 * The hits for `query` (null while there is no query or no answer for it yet) and the last error.
 * `within`, when the list's filters leave out some posts, limits the search to the posts they let
 * through: the backend returns its best hits of those, not of the whole folder (where a filtered
 * post could be crowded out).
 */
export function useSearch(
  api: Pick<BlogApi, 'searchPosts'>,
  query: string,
  revision: unknown,
  within?: readonly string[],
): { hits: SearchHit[] | null; error: ApiError | null } {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const generation = useRef(0);
  const trimmed = query.trim();
  useEffect(() => {
    const mine = ++generation.current;
    if (trimmed === '') return;
    const timer = window.setTimeout(() => {
      const asked = within === undefined ? api.searchPosts(trimmed) : api.searchPosts(trimmed, [...within]);
      void asked.then((result) => {
        if (mine !== generation.current) return;
        // In a transition: a key typed while the hits render is painted first (the render yields to it).
        startTransition(() =>
          setAnswer(
            result.ok
              ? { query: trimmed, hits: result.value, error: null }
              : { query: trimmed, hits: [], error: result.error },
          ),
        );
      });
    }, SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
    // `revision` changes when the list reloads, so results follow edits on disk.
  }, [api, trimmed, revision, within]);
  // An answer for an earlier query is never shown for this one.
  if (answer === null || trimmed === '' || answer.query !== trimmed) return { hits: null, error: null };
  return { hits: answer.hits, error: answer.error };
}

/** Finds posts by the words of a query in their title, id, path or tags, as filterPosts does (blind to case and accents). */
export interface PostFinder {
  (query: string): PostSummary[];
  /** Every post of the folder (`all`, not only those found or shown) by id. */
  byId(): ReadonlyMap<string, PostSummary>;
  /** Lower-cases every post's text and maps them by id now (else done by the first query), e.g. once the list is painted. */
  prepare(): void;
}

/**
 * A finder over `posts` (arranged; `all` are the folder's posts) with each post's text folded (lower-cased, accents off) once and the posts mapped by id once, on
 * the first query or `prepare()` (not while the list is first painted, nor in the render that shows
 * the first results), so a keystroke costs one `includes` per post and word (10,000 posts: about a
 * millisecond), not a join and lower-casing.
 */
export function postFinder(posts: readonly PostSummary[], all: readonly PostSummary[] = posts): PostFinder {
  let keys: string[] | null = null;
  let ids: Map<string, PostSummary> | null = null;
  const prepare = (): string[] =>
    (keys ??= posts.map((post) => foldText([post.title, post.id, post.path ?? '', ...post.tags].join('\n'))));
  const byId = (): ReadonlyMap<string, PostSummary> => (ids ??= new Map(all.map((post) => [post.id, post])));
  const find = (query: string): PostSummary[] => {
    const words = foldedWords(query);
    if (words.length === 0) return [...posts];
    const lower = prepare();
    return posts.filter((_, index) => {
      const key = lower[index] ?? '';
      return words.every((word) => key.includes(word));
    });
  };
  return Object.assign(find, {
    byId,
    prepare: () => {
      prepare();
      byId();
    },
  });
}

/**
 * `value` once it has stayed the same for `delayMs`, applied in a transition: the key that changed it
 * is painted first, and a key that comes while its render runs interrupts it (0: right after the key).
 */
export function useSettled<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(value, settled)) return;
    const timer = window.setTimeout(() => startTransition(() => setSettled(value)), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, settled, delayMs]);
  return settled;
}

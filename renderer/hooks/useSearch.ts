/** Full-text search as the author types: debounced, and only the newest answer lands. */
import { useEffect, useRef, useState } from 'react';
import type { ApiError, BlogApi, SearchHit } from '../../shared/api/contract';

/** How long typing must pause before the backend is asked, in milliseconds. */
export const SEARCH_DELAY_MS = 150;

interface Answer {
  query: string;
  hits: SearchHit[];
  error: ApiError | null;
}

/** The hits for `query` (null while there is no query or no answer for it yet) and the last error. */
export function useSearch(
  api: Pick<BlogApi, 'searchPosts'>,
  query: string,
  revision: unknown,
): { hits: SearchHit[] | null; error: ApiError | null } {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const generation = useRef(0);
  const trimmed = query.trim();
  useEffect(() => {
    const mine = ++generation.current;
    if (trimmed === '') return;
    const timer = window.setTimeout(() => {
      void api.searchPosts(trimmed).then((result) => {
        if (mine !== generation.current) return;
        setAnswer(
          result.ok
            ? { query: trimmed, hits: result.value, error: null }
            : { query: trimmed, hits: [], error: result.error },
        );
      });
    }, SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
    // `revision` changes when the list reloads, so results follow edits on disk.
  }, [api, trimmed, revision]);
  // An answer for an earlier query is never shown for this one.
  if (answer === null || trimmed === '' || answer.query !== trimmed) return { hits: null, error: null };
  return { hits: answer.hits, error: answer.error };
}

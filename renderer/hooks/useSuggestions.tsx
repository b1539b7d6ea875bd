/**
 * The values used across the blog for each list key (tags, categories…), provided once near the
 * top of the app so that a form field can ask for them without every panel passing them down.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { PostSummary } from '../../shared/api/contract';
import { suggestionLookup, type Suggestion, type SuggestionLookup } from '../state/suggestions';

const NONE: readonly Suggestion[] = [];

const SuggestionsContext = createContext<SuggestionLookup>(() => NONE);

/** Makes the suggestions of `posts` available to every field below. */
export function SuggestionsProvider({ posts, children }: { posts: PostSummary[]; children: ReactNode }) {
  const lookup = useMemo(() => suggestionLookup(posts), [posts]);
  return <SuggestionsContext value={lookup}>{children}</SuggestionsContext>;
}

/** The values the blog uses for `key`, most used first (none outside a provider). */
export function useSuggestions(key: string): readonly Suggestion[] {
  const lookup = useContext(SuggestionsContext);
  return useMemo(() => lookup(key), [lookup, key]);
}

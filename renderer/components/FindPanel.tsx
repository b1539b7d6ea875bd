/**
 * Finding a post in the sidebar: the search box, the sort and filter controls, then either the
 * arranged post list or, while there is a query, the full-text results with matches marked.
 */
import { useCallback, useDeferredValue, useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { PostSummary, SearchHit } from '../../shared/api/contract';
import { getBackend } from '../api/client';
import { postFinder, useSearch, useSettled, type PostFinder } from '../hooks/useSearch';
import { wordRanges } from '../state/search';
import {
  arrangePosts,
  categoryCounts,
  DEFAULT_VIEW,
  fieldKeys,
  naturalDirection,
  passesFilters,
  sortedKey,
  tagCounts,
  type ListView,
  type SortField,
} from '../state/sort';
import { ListControls } from './ListControls';
import { PostList } from './PostList';
import { SearchResults } from './SearchResults';

/** Props of the find panel. */
export interface FindPanelProps {
  posts: PostSummary[];
  loading: boolean;
  openId: string | null;
  onOpen: (id: string) => void;
}

/** How many results are put on the page at first, and with each "Show more" (a few screens). */
export const RESULTS_PAGE = 40;

/** How many results the key's own render shows (a tall window's worth); the rest of the page follows in a render a key may interrupt. */
export const FIRST_ROWS = 16;

/** How long typing must pause before the server's full-text search is asked and the count read out, in ms (a fast typist: ~90 ms a key). */
export const SETTLE_MS = 120;

/** The results shown (at most `limit`) and how many there are in all. */
interface Found {
  hits: SearchHit[];
  total: number;
}

/**
 * Full-text hits that pass the list's filters, then the arranged posts found by title, path or
 * tag that the text search did not return; only the first `limit` are made into hits.
 */
function combine(find: PostFinder, hits: readonly SearchHit[], query: string, view: ListView, limit: number): Found {
  const seen = new Set(hits.map((hit) => hit.id));
  const byId = find.byId();
  const kept = hits.filter((hit) => {
    const post = byId.get(hit.id);
    return post === undefined || passesFilters(post, view);
  });
  const extra = find(query).filter((post) => !seen.has(post.id));
  const shown = [...kept.slice(0, limit)];
  for (const post of extra.slice(0, Math.max(0, limit - shown.length))) {
    shown.push({ id: post.id, title: post.title, titleRanges: wordRanges(post.title, query), lines: [] });
  }
  return { hits: shown, total: kept.length + extra.length };
}

/** The search box, list controls and list or results. */
export function FindPanel({ posts, loading, openId, onOpen }: FindPanelProps): React.JSX.Element {
  const id = useId();
  const [query, setQuery] = useState('');
  // The box shows each key at once, with the first results for it (posts found by title, path or tag:
  // a filter of 10,000 posts costs ~1 ms); the rest of the page follows in a render a key may interrupt,
  // and the server's full-text search is asked when typing pauses.
  const trimmed = query.trim();
  // Until the render that may be interrupted has run for this query, only its first rows are shown.
  const partial = useSettled(query, 0).trim() !== trimmed;
  const asked = useSettled(query, SETTLE_MS).trim();
  const [view, setView] = useState<ListView>(DEFAULT_VIEW);
  const [pages, setPages] = useState({ query: '', count: 1 });
  const limit = partial ? FIRST_ROWS : RESULTS_PAGE * (pages.query === trimmed ? pages.count : 1);
  const arranged = useMemo(() => arrangePosts(posts, view), [posts, view]);
  const find = useMemo(() => postFinder(arranged, posts), [arranged, posts]);
  // What only the controls need waits until the list is painted (a render of its own, which a key interrupts).
  const later = useDeferredValue(posts);
  const tags = useMemo(() => tagCounts(later), [later]);
  const categories = useMemo(() => categoryCounts(later), [later]);
  const keys = useMemo(() => fieldKeys(later), [later]);
  const hasTags = tags.length > 0 || (later !== posts && posts.some((post) => post.tags.length > 0));
  const directionFor = useCallback((sort: SortField) => naturalDirection(sort, posts), [posts]);
  // The posts the filters let through, when they leave any out: the full-text search looks only there.
  const within = useMemo(
    () => (arranged.length < posts.length ? arranged.map((post) => post.id) : undefined),
    [arranged, posts],
  );
  const search = useSearch(getBackend().api, asked, posts, within);
  // Full-text hits, and a failed search's error, only ever for the query shown.
  const hits = asked === trimmed ? search.hits : null;
  const searchError = asked === trimmed ? search.error : null;
  const searching = trimmed !== '';
  // Posts found by title, path or tag show at once; full-text hits join them when the server answers.
  const found = useMemo(
    () => (searching ? combine(find, hits ?? [], trimmed, view, limit) : null),
    [searching, find, hits, trimmed, view, limit],
  );
  usePrepared(find);
  const textPending = searching && hits === null;
  // Shown at once; read out when typing pauses, not at every key (a screen reader would queue each count in turn).
  const count = countText({ loading, found, textPending, shown: arranged.length, total: posts.length });
  const spoken = useSettled(count, SETTLE_MS);
  const showMore = useCallback(() => setPages({ query: trimmed, count: limit / RESULTS_PAGE + 1 }), [trimmed, limit]);

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      event.currentTarget.closest('.sidebar')?.querySelector<HTMLElement>('[role="option"][tabindex="0"]')?.focus();
    } else if (event.key === 'Escape' && query !== '') {
      event.preventDefault();
      setQuery('');
    }
  };

  return (
    <>
      <div className="filter">
        <label className="visually-hidden" htmlFor={`${id}-search`}>
          Search posts
        </label>
        <input
          id={`${id}-search`}
          type="search"
          placeholder="Search posts"
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onSearchKey}
        />
      </div>
      <ListControls
        view={view}
        tags={tags}
        hasTags={hasTags}
        categories={categories}
        keys={keys}
        directionFor={directionFor}
        onChange={setView}
      />
      {searchError === null ? null : (
        <p className="sidebar-error" role="alert">
          {searchError.message}
        </p>
      )}
      {found !== null && found.total === 0 && !textPending ? (
        <p className="sidebar-empty">
          No post has “{trimmed}” in its title, path, tags or text
          {arranged.length < posts.length ? ' among those the filters show' : ''}.
        </p>
      ) : null}
      {found !== null ? (
        <SearchResults
          query={trimmed}
          hits={found.hits}
          total={found.total}
          busy={textPending}
          openId={openId}
          onOpen={onOpen}
          onMore={showMore}
          partial={partial}
          postsById={find.byId()}
        />
      ) : (
        <PostList posts={arranged} openId={openId} onOpen={onOpen} shownKey={sortedKey(view.sort)} />
      )}
      <p className="sidebar-count" aria-hidden="true">
        {count}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {spoken}
      </p>
    </>
  );
}

/** Prepares the finder (lower-cased texts, posts by id) when the browser is idle after the list is painted, not on the first query. */
function usePrepared(find: PostFinder): void {
  useEffect(() => {
    const handle = window.requestIdleCallback(() => find.prepare(), { timeout: 1000 });
    return () => window.cancelIdleCallback(handle);
  }, [find]);
}

function countText(c: {
  loading: boolean;
  found: Found | null;
  textPending: boolean;
  shown: number;
  total: number;
}): string {
  if (c.loading) return 'Loading posts…';
  if (c.found !== null) {
    const count = c.found.total === 1 ? '1 post found' : `${c.found.total} posts found`;
    return c.textPending ? `${count} by title, path or tag; searching the text…` : count;
  }
  const all = c.total === 1 ? '1 post' : `${c.total} posts`;
  return c.shown === c.total ? all : `${c.shown} of ${all}`;
}

/**
 * Finding a post in the sidebar: the search box, the sort and filter controls, then either the
 * arranged post list or, while there is a query, the full-text results with matches marked.
 */
import { useCallback, useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { PostSummary, SearchHit } from '../../shared/api/contract';
import { getBackend } from '../api/client';
import { useSearch } from '../hooks/useSearch';
import { filterPosts } from '../state/postList';
import { wordRanges } from '../state/search';
import {
  arrangePosts,
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

/** Full-text hits, plus posts found only by path, file name or tag, all passing the list's filters. */
function combine(posts: PostSummary[], hits: SearchHit[], query: string, view: ListView): SearchHit[] {
  const byId = new Map(posts.map((post) => [post.id, post]));
  const seen = new Set(hits.map((hit) => hit.id));
  const extra = filterPosts(posts, query)
    .filter((post) => !seen.has(post.id))
    .map((post): SearchHit => ({
      id: post.id,
      title: post.title,
      titleRanges: wordRanges(post.title, query),
      lines: [],
    }));
  return [...hits, ...extra].filter((hit) => {
    const post = byId.get(hit.id);
    return post === undefined || passesFilters(post, view);
  });
}

/** The search box, list controls and list or results. */
export function FindPanel({ posts, loading, openId, onOpen }: FindPanelProps): React.JSX.Element {
  const id = useId();
  const [query, setQuery] = useState('');
  const [view, setView] = useState<ListView>(DEFAULT_VIEW);
  const arranged = useMemo(() => arrangePosts(posts, view), [posts, view]);
  const tags = useMemo(() => tagCounts(posts), [posts]);
  const keys = useMemo(() => fieldKeys(posts), [posts]);
  const directionFor = useCallback((sort: SortField) => naturalDirection(sort, posts), [posts]);
  const search = useSearch(getBackend().api, query, posts);
  const searching = query.trim() !== '';
  const results = useMemo(
    () => (search.hits === null ? null : combine(posts, search.hits, query.trim(), view)),
    [posts, search.hits, query, view],
  );

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
      <ListControls view={view} tags={tags} keys={keys} directionFor={directionFor} onChange={setView} />
      {search.error === null ? null : (
        <p className="sidebar-error" role="alert">
          {search.error.message}
        </p>
      )}
      {searching ? (
        results === null ? (
          <p className="sidebar-count">Searching…</p>
        ) : (
          <SearchResults hits={results} openId={openId} onOpen={onOpen} />
        )
      ) : (
        <PostList posts={arranged} openId={openId} onOpen={onOpen} shownKey={sortedKey(view.sort)} />
      )}
      <p className="sidebar-count" aria-live="polite">
        {countText({ loading, searching, results, shown: arranged.length, total: posts.length })}
      </p>
    </>
  );
}

function countText(c: {
  loading: boolean;
  searching: boolean;
  results: SearchHit[] | null;
  shown: number;
  total: number;
}): string {
  if (c.loading) return 'Loading posts…';
  if (c.searching)
    return c.results === null ? '' : c.results.length === 1 ? '1 post found' : `${c.results.length} posts found`;
  const all = c.total === 1 ? '1 post' : `${c.total} posts`;
  return c.shown === c.total ? all : `${c.shown} of ${all}`;
}

/**
 * Full-text search results: a listbox named "Search results", one option per post (named by its
 * title), showing the matching lines with the matches marked. Keys work as in the post list.
 */
import { memo, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { PostSummary, SearchHit } from '../../shared/api/contract';
import { listMove } from '../state/postList';
import { Highlight } from './Highlight';
import { PostDate } from './PostList';

/** Props of the search results. */
export interface SearchResultsProps {
  /** The query these results answer (on the list as data-query: the bench waits for a key's answer by it). */
  query: string;
  /** The results on the page (the first of `total`). */
  hits: SearchHit[];
  /** How many results there are in all. */
  total: number;
  /** Whether the full-text answer is still to come (the results so far are title, path and tag matches). */
  busy: boolean;
  openId: string | null;
  onOpen: (id: string) => void;
  /** Puts the next page of results on the page. */
  onMore: () => void;
  /** Whether the rest of the page is still to be rendered (the first rows of a new query show first): no "Show more" yet. */
  partial?: boolean;
  /** The listed posts by id: each result shows its post's date and draft state, as the list does. */
  postsById: ReadonlyMap<string, PostSummary>;
}

/**
 * The results listbox; one tab stop, roving focus inside. Results come a page at a time, so a
 * query matching 10,000 titles puts a hundred rows on the page, not 10,000.
 */
export const SearchResults = memo(function SearchResults({
  query,
  hits,
  total,
  busy,
  openId,
  onOpen,
  onMore,
  partial = false,
  postsById,
}: SearchResultsProps): React.JSX.Element {
  const [focused, setFocused] = useState<{ query: string; id: string | null }>({ query, id: null });
  // A new query starts at its first result, at the top, not where the last one was scrolled (the
  // rows are updated in place as each key refines the query, not made again: ~10 ms less a key).
  const focusId = focused.query === query ? focused.id : null;
  const setFocusId = (id: string | null): void => setFocused({ query, id });
  const list = useRef<HTMLUListElement>(null);
  // Only a list the author scrolled is scrolled back: setting scrollTop lays the page out there and then.
  const scrolled = useRef(false);
  useLayoutEffect(() => {
    if (list.current === null || !scrolled.current) return;
    scrolled.current = false;
    list.current.scrollTop = 0;
  }, [query]);
  const ids = hits.map((hit) => hit.id);
  const active = focusId !== null && ids.includes(focusId) ? focusId : (ids[0] ?? null);

  const focus = (id: string | null): void => {
    if (id === null) return;
    setFocusId(id);
    list.current?.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>): void => {
    const move = listMove(event.key, ids, active);
    if (move !== undefined) {
      event.preventDefault();
      focus(move);
    } else if ((event.key === 'Enter' || event.key === ' ') && active !== null) {
      event.preventDefault();
      onOpen(active);
    }
  };

  const more = total - hits.length;
  return (
    <>
      <ul
        className="post-list search-results"
        role="listbox"
        aria-label="Search results"
        aria-busy={busy}
        data-query={query}
        ref={list}
        onKeyDown={onKeyDown}
        onScroll={(event) => (scrolled.current = event.currentTarget.scrollTop > 0)}
      >
        {hits.map((hit) => {
          const post = postsById.get(hit.id);
          const detailsId = `hit-details-${encodeURIComponent(hit.id)}`;
          return (
            <li
              key={hit.id}
              role="option"
              className={`post-item search-hit${hit.id === openId ? ' is-selected' : ''}`}
              aria-selected={hit.id === openId}
              aria-label={hit.title}
              aria-describedby={detailsId}
              data-id={hit.id}
              tabIndex={hit.id === active ? 0 : -1}
              onFocus={() => setFocusId(hit.id)}
              onClick={() => onOpen(hit.id)}
            >
              <span className="post-title">
                <Highlight text={hit.title} ranges={hit.titleRanges} />
              </span>
              <span className="post-meta" id={detailsId}>
                {post === undefined || post.date === null ? (
                  <span className="post-date muted">No date</span>
                ) : (
                  <PostDate written={post.date} />
                )}
                {post?.draft === true ? <span className="badge">Draft</span> : null}
                <span className="post-id">{hit.id}</span>
              </span>
              {hit.lines.map((line) => (
                <span className="search-line" key={line.line}>
                  <span className="search-line-number" aria-hidden="true">
                    {line.line}
                  </span>
                  <Highlight text={line.text} ranges={line.ranges} />
                </span>
              ))}
            </li>
          );
        })}
      </ul>
      {more > 0 && !partial ? (
        <button type="button" className="button show-more" onClick={onMore}>
          Show more results ({more} more)
        </button>
      ) : null}
    </>
  );
});

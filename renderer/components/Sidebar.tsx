/** The sidebar: the folder's name, the filter, "New post", and the list. */
import { memo, useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { ApiError, PostSummary } from '../../shared/api/contract';
import { filterPosts } from '../state/postList';
import { PostList } from './PostList';

/** Props of the sidebar. */
export interface SidebarProps {
  folderName: string | null;
  posts: PostSummary[];
  loading: boolean;
  error: ApiError | null;
  openId: string | null;
  onOpen: (id: string) => void;
  onNewPost: () => void;
}

/** Heading, filter box, new-post button and the filtered list (re-rendered only when they change). */
export const Sidebar = memo(function Sidebar(props: SidebarProps): React.JSX.Element {
  const { folderName, posts, loading, error, openId, onOpen, onNewPost } = props;
  const id = useId();
  const [query, setQuery] = useState('');
  const shown = useMemo(() => filterPosts(posts, query), [posts, query]);

  const onFilterKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      event.currentTarget.closest('.sidebar')?.querySelector<HTMLElement>('[role="option"][tabindex="0"]')?.focus();
    } else if (event.key === 'Escape' && query !== '') {
      event.preventDefault();
      setQuery('');
    }
  };

  return (
    <nav className="sidebar" aria-label="Posts folder">
      <header className="sidebar-header">
        <h1 className="folder-name" title={folderName ?? undefined}>
          {folderName ?? 'Postwright'}
        </h1>
        <button type="button" className="button primary" onClick={onNewPost}>
          New post
        </button>
      </header>
      <div className="filter">
        <label className="visually-hidden" htmlFor={`${id}-filter`}>
          Filter posts
        </label>
        <input
          id={`${id}-filter`}
          type="text"
          placeholder="Filter posts"
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onFilterKey}
        />
      </div>
      {error === null ? null : (
        <p className="sidebar-error" role="alert">
          {error.message}
          {error.hint === undefined ? null : <span className="hint"> {error.hint}</span>}
        </p>
      )}
      <PostList posts={shown} openId={openId} onOpen={onOpen} />
      <p className="sidebar-count" aria-live="polite">
        {loading
          ? 'Loading posts…'
          : query === ''
            ? countLabel(posts.length)
            : `${shown.length} of ${countLabel(posts.length)}`}
      </p>
    </nav>
  );
});

function countLabel(count: number): string {
  return count === 1 ? '1 post' : `${count} posts`;
}

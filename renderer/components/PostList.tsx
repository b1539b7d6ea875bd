/**
 * The list of posts: a listbox named "Posts". Arrow keys move the focus, Enter (or a click)
 * opens; the open post is the selected option. Each option is named by the title exactly.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { PostSummary } from '../../shared/api/contract';
import { moveSelection, postLabel } from '../state/postList';

/** Props of the post list. */
export interface PostListProps {
  posts: PostSummary[];
  openId: string | null;
  onOpen: (id: string) => void;
}

/** The listbox; one tab stop, roving focus inside. */
export function PostList({ posts, openId, onOpen }: PostListProps): React.JSX.Element {
  const [focusId, setFocusId] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const ids = posts.map((post) => post.id);
  const active =
    focusId !== null && ids.includes(focusId)
      ? focusId
      : openId !== null && ids.includes(openId)
        ? openId
        : (ids[0] ?? null);

  // A post opened from elsewhere (a new post, a link in the preview) is brought into view.
  useEffect(() => {
    if (openId === null) return;
    list.current?.querySelector(`[data-id="${CSS.escape(openId)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [openId, posts]);

  const focus = (id: string | null): void => {
    if (id === null) return;
    setFocusId(id);
    list.current?.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>): void => {
    const moves: Record<string, () => string | null> = {
      ArrowDown: () => moveSelection(ids, active, 1),
      ArrowUp: () => moveSelection(ids, active, -1),
      Home: () => ids[0] ?? null,
      End: () => ids.at(-1) ?? null,
      PageDown: () => moveSelection(ids, active, 10),
      PageUp: () => moveSelection(ids, active, -10),
    };
    const move = moves[event.key];
    if (move !== undefined) {
      event.preventDefault();
      focus(move());
    } else if ((event.key === 'Enter' || event.key === ' ') && active !== null) {
      event.preventDefault();
      onOpen(active);
    }
  };

  return (
    <ul className="post-list" role="listbox" aria-label="Posts" ref={list} onKeyDown={onKeyDown}>
      {posts.map((post) => (
        <PostOption
          key={post.id}
          post={post}
          selected={post.id === openId}
          tabbable={post.id === active}
          onFocus={() => setFocusId(post.id)}
          onOpen={() => onOpen(post.id)}
        />
      ))}
    </ul>
  );
}

interface PostOptionProps {
  post: PostSummary;
  selected: boolean;
  tabbable: boolean;
  onFocus: () => void;
  onOpen: () => void;
}

function PostOption({ post, selected, tabbable, onFocus, onOpen }: PostOptionProps): React.JSX.Element {
  const label = postLabel(post);
  const detailsId = `post-details-${encodeURIComponent(post.id)}`;
  return (
    <li
      role="option"
      className={`post-item${selected ? ' is-selected' : ''}${post.problem === undefined ? '' : ' has-problem'}`}
      aria-selected={selected}
      aria-label={label}
      aria-describedby={detailsId}
      data-id={post.id}
      tabIndex={tabbable ? 0 : -1}
      onFocus={onFocus}
      onClick={onOpen}
    >
      <span className="post-title">
        {post.problem === undefined ? null : (
          <span className="problem-marker" title={post.problem} aria-hidden="true">
            !
          </span>
        )}
        {label}
      </span>
      <span className="post-meta" id={detailsId}>
        {post.date === null ? (
          <span className="post-date muted">No date</span>
        ) : (
          <span className="post-date">{post.date}</span>
        )}
        {post.draft ? <span className="badge">Draft</span> : null}
        {post.problem === undefined ? null : <span className="visually-hidden">Problem: {post.problem}</span>}
        <span className="post-id">{post.id}</span>
      </span>
    </li>
  );
}

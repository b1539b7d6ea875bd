/**
 * Quick open (Ctrl/Cmd+P): a dialog named "Open post" with a combobox labelled "Post title";
 * matching posts are options, arrows move, Enter opens, Escape closes.
 */
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { PostSummary } from '../../shared/api/contract';
import { quickOpenMatches, wordRanges } from '../state/search';
import { Dialog, INITIAL_FOCUS } from './Dialog';
import { Highlight } from './Highlight';

/** Props of quick open. */
export interface QuickOpenProps {
  posts: PostSummary[];
  onOpen: (id: string) => void;
  onClose: () => void;
}

/** The dialog; it closes itself after opening a post. */
export function QuickOpen({ posts, onOpen, onClose }: QuickOpenProps): React.JSX.Element {
  const id = useId();
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const matches = useMemo(() => quickOpenMatches(posts, query), [posts, query]);
  const active = matches[Math.min(index, matches.length - 1)];

  const choose = (postId: string): void => {
    onClose();
    onOpen(postId);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const delta = event.key === 'ArrowDown' ? 1 : -1;
      setIndex((i) => Math.max(0, Math.min(matches.length - 1, Math.min(i, matches.length - 1) + delta)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (active !== undefined) choose(active.id);
    }
  };

  return (
    <Dialog title="Open post" onCancel={onClose}>
      <div className="quick-open">
        <label className="visually-hidden" htmlFor={`${id}-input`}>
          Post title
        </label>
        <input
          id={`${id}-input`}
          role="combobox"
          aria-expanded={matches.length > 0}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={active === undefined ? undefined : `${id}-${matches.indexOf(active)}`}
          placeholder="Type a title…"
          autoComplete="off"
          spellCheck={false}
          {...INITIAL_FOCUS}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setIndex(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul className="quick-open-list" role="listbox" id={`${id}-list`} aria-label="Matching posts">
          {matches.map((post, i) => (
            <li
              key={post.id}
              id={`${id}-${i}`}
              role="option"
              aria-selected={post === active}
              aria-label={post.title}
              className={`quick-open-item${post === active ? ' is-active' : ''}`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(post.id)}
            >
              <span className="quick-open-title">
                <Highlight text={post.title} ranges={wordRanges(post.title, query)} />
              </span>
              <span className="quick-open-meta">{post.date ?? post.id}</span>
            </li>
          ))}
        </ul>
        {/* Said when it appears, and not an option of the list (review 24a). */}
        <p className="quick-open-empty" role="status">
          {matches.length === 0 ? 'No post has this in its title or file name.' : ''}
        </p>
      </div>
    </Dialog>
  );
}

/**
 * The list of posts: a listbox named "Posts". Arrow keys, Home, End, Page Up and Page Down move the
 * focus, and so does typing the start of a title; Enter (or a click) opens; the open post is the
 * selected option. Each option is named by the title exactly.
 */
import { memo, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { PostSummary } from '../../shared/api/contract';
import { readableDate } from '../../shared/markdown/dates';
import { listWindow, ROW_HEIGHT, scrollToRow, WINDOW_ABOVE, windowParts } from '../preview/listWindow';
import { listMove, postLabel, TYPE_AHEAD_MS, typeAheadMatch } from '../state/postList';
import { fieldValue } from '../state/sort';

/** Props of the post list. */
export interface PostListProps {
  posts: PostSummary[];
  openId: string | null;
  onOpen: (id: string) => void;
  /** The front-matter key the list is sorted by, shown in each row; null for the usual sorts. */
  shownKey?: string | null;
}

/** The listbox; one tab stop, roving focus inside. Memoised: a key typed in the search box does not re-render it. */
export const PostList = memo(function PostList({
  posts,
  openId,
  onOpen,
  shownKey = null,
}: PostListProps): React.JSX.Element {
  const [focusId, setFocusId] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const view = useListView(list);
  const wantFocus = useRef<string | null>(null);
  const typed = useRef({ text: '', at: 0 });
  const windowed = posts.length > WINDOW_ABOVE;
  const { start, end } = listWindow(posts.length, view.top, view.height);
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
    if (windowed) revealRow(list.current, ids.indexOf(openId));
    else list.current?.querySelector(`[data-id="${CSS.escape(openId)}"]`)?.scrollIntoView({ block: 'nearest' });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- ids and windowed follow posts
  }, [openId, posts]);

  // A post opened from elsewhere (quick open, a link) takes the list's tab stop, and the focus if a
  // row had it (review 24a: after quick open the focus went back to the row left, not the one opened).
  const lastOpen = useRef(openId);
  useEffect(() => {
    if (openId === lastOpen.current) return;
    lastOpen.current = openId;
    setFocusId(null);
    const here = document.activeElement;
    if (openId === null || !(here instanceof HTMLElement) || here === list.current) return;
    if (list.current?.contains(here) !== true || here.dataset.id === openId) return;
    wantFocus.current = openId;
    list.current.querySelector<HTMLElement>(`[data-id="${CSS.escape(openId)}"]`)?.focus();
  }, [openId]);

  // A row scrolled into a windowed list exists only after the next render: focus it then.
  useEffect(() => {
    if (wantFocus.current === null) return;
    const row = list.current?.querySelector<HTMLElement>(`[data-id="${CSS.escape(wantFocus.current)}"]`);
    if (row === null || row === undefined) return;
    wantFocus.current = null;
    row.focus();
  });

  const focus = (id: string | null): void => {
    if (id === null) return;
    setFocusId(id);
    if (windowed) revealRow(list.current, ids.indexOf(id));
    wantFocus.current = id;
    list.current?.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>): void => {
    const move = listMove(event.key, ids, active);
    const typing = typed.current.text !== '' && event.timeStamp - typed.current.at < TYPE_AHEAD_MS;
    if (move !== undefined) {
      event.preventDefault();
      typed.current.text = '';
      focus(move);
    } else if (isTypeAheadKey(event) && (event.key !== ' ' || typing)) {
      // A space opens the post, unless it is part of a title being typed ("my p…").
      event.preventDefault();
      const text = (typing ? typed.current.text : '') + event.key;
      typed.current = { text, at: event.timeStamp };
      focus(typeAheadMatch(posts, active, text));
    } else if ((event.key === 'Enter' || event.key === ' ') && active !== null) {
      event.preventDefault();
      onOpen(active);
    }
  };

  return (
    <ul
      className={`post-list${windowed ? ' is-windowed' : ''}`}
      role="listbox"
      aria-label="Posts"
      ref={list}
      onKeyDown={onKeyDown}
      onScroll={view.onScroll}
    >
      {/* Rows not rendered are empty space: spacers, not padding (a box is never shorter than its padding). */}
      {windowParts(posts.length, start, end, windowed ? ids.indexOf(active ?? '') : -1).flatMap((part, index) =>
        // One flat list of keyed children, so a row keeps its element (and focus) as the window moves.
        part.kind === 'gap'
          ? [
              <li
                key={`gap-${index}`}
                className="post-list-spacer"
                role="none"
                style={{ height: part.rows * ROW_HEIGHT }}
              />,
            ]
          : posts
              .slice(part.from, part.to)
              .map((post, offset) => (
                <PostOption
                  key={post.id}
                  post={post}
                  shownKey={shownKey}
                  position={windowed ? { index: part.from + offset + 1, of: posts.length } : undefined}
                  selected={post.id === openId}
                  tabbable={post.id === active}
                  onFocus={() => setFocusId(post.id)}
                  onOpen={() => onOpen(post.id)}
                />
              )),
      )}
    </ul>
  );
});

/** A key that types a character (not a shortcut), for type-ahead. */
function isTypeAheadKey(event: KeyboardEvent): boolean {
  return /^.$/su.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey;
}

/** Where the list is scrolled and how tall it is, kept current for windowing. */
function useListView(list: React.RefObject<HTMLUListElement | null>) {
  const [view, setView] = useState({ top: 0, height: 800 });
  useLayoutEffect(() => {
    const element = list.current;
    if (element === null) return;
    const measure = (): void => setView({ top: element.scrollTop, height: element.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [list]);
  const onScroll = (event: React.UIEvent<HTMLUListElement>): void => {
    const element = event.currentTarget;
    setView({ top: element.scrollTop, height: element.clientHeight });
  };
  return { ...view, onScroll };
}

function revealRow(element: HTMLUListElement | null, index: number): void {
  if (element === null || index < 0) return;
  const top = scrollToRow(index, element.scrollTop, element.clientHeight);
  if (top !== null) element.scrollTop = top;
}

interface PostOptionProps {
  /** The option's place in a windowed list, told to assistive technology (the other rows are not in the page). */
  position: { index: number; of: number } | undefined;
  post: PostSummary;
  shownKey: string | null;
  selected: boolean;
  tabbable: boolean;
  onFocus: () => void;
  onOpen: () => void;
}

function PostOption(props: PostOptionProps): React.JSX.Element {
  const { post, shownKey, position, selected, tabbable, onFocus, onOpen } = props;
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
      aria-posinset={position?.index}
      aria-setsize={position?.of}
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
        {post.date === null ? <span className="post-date muted">No date</span> : <PostDate written={post.date} />}
        {post.draft ? <span className="badge">Draft</span> : null}
        {shownKey === null ? null : <ShownField post={post} shownKey={shownKey} />}
        {post.problem === undefined ? null : <span className="visually-hidden">Problem: {post.problem}</span>}
        <span className="post-id">{post.id}</span>
      </span>
    </li>
  );
}

/**
 * The post's date as the preview shows it ("10 March 2026"), the text as written kept in its title;
 * a date that cannot be read is shown as written.
 */
export function PostDate({ written }: { written: string }): React.JSX.Element {
  const date = readableDate(written);
  return date === null ? (
    <span className="post-date">{written}</span>
  ) : (
    <time className="post-date" dateTime={date.iso} title={written}>
      {date.text}
    </time>
  );
}

/** The value of the key the list is sorted by, so the order explains itself. */
function ShownField({ post, shownKey }: { post: PostSummary; shownKey: string }): React.JSX.Element {
  const value = fieldValue(post, shownKey);
  return (
    <span className={`post-field${value === null ? ' muted' : ''}`} title={value ?? undefined}>
      {value === null ? `No ${shownKey}` : `${shownKey}: ${value}`}
    </span>
  );
}

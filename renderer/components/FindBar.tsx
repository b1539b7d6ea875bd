/**
 * The find bar over the editor (open only while the writer finds: ./FindInPost.tsx): the Find
 * field, the count read out politely, the next and previous match, match case and whole word, and
 * the Replace row. The current match is drawn over the text (the textarea paints no selection
 * while the bar has the focus), for the eyes only: the count says where it is.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { announcement, type Announcement, type FindOptions, type TextMatch } from '../state/findInText';
import type { TextSource } from '../preview/typing';
import { useFindSearch, type FindAnchor } from '../hooks/useFindSearch';
import { IS_MAC, findToggleKeys, findToggleOf, onFindRequest } from '../hooks/findRequests';
import { useMatchHighlight, type Box, type MatchMarks } from '../hooks/useMatchHighlight';

/** Which field takes the focus; a new `request` moves it there again. */
export interface FindFocus {
  field: 'find' | 'replace';
  request: number;
}

/** Props of the find bar. */
export interface FindBarProps {
  text: TextSource;
  query: string;
  onQuery: (query: string) => void;
  replacement: string;
  onReplacement: (replacement: string) => void;
  options: FindOptions;
  onOptions: (options: FindOptions) => void;
  replaceShown: boolean;
  onReplaceShown: (shown: boolean) => void;
  /** Why the post cannot be changed, or null when it can. */
  readOnly: string | null;
  anchor: FindAnchor;
  focus: FindFocus;
  /** Closes the bar; the editor takes the focus with `match` selected. */
  onClose: (match: TextMatch | null) => void;
}

function Chevron({ up }: { up: boolean }): React.JSX.Element {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d={up ? 'M4 10l4-4 4 4' : 'M4 6l4 4 4-4'}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

function Cross(): React.JSX.Element {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M4.5 4.5l7 7M11.5 4.5l-7 7" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}

const TOGGLE_KEYS = findToggleKeys();
/** The two toggles, in order. */
const TOGGLES = [
  { key: 'matchCase', label: 'Match case' },
  { key: 'wholeWord', label: 'Whole word' },
] as const satisfies readonly { key: keyof FindOptions; label: string }[];

/**
 * The matches' boxes over the editor's text, cut to its visible part: the current one boxed, the
 * others in view tinted. Hidden from assistive technology: a box says nothing there (the count
 * does, and Escape selects the match).
 */
function Highlight({ marks }: { marks: MatchMarks | null }): React.JSX.Element | null {
  if (marks === null || marks.marks.length === 0) return null;
  const { clip } = marks;
  const at = (mark: Box): React.CSSProperties => ({
    left: mark.left - clip.left,
    top: mark.top - clip.top,
    width: mark.width,
    height: mark.height,
  });
  return (
    <div
      className="find-highlight"
      aria-hidden="true"
      style={{ left: clip.left, top: clip.top, width: clip.width, height: clip.height }}
    >
      {marks.others.map((mark) => (
        <span key={`o${mark.left}:${mark.top}`} className="find-other" data-testid="find-other" style={at(mark)} />
      ))}
      {marks.marks.map((mark) => (
        <span key={`${mark.left}:${mark.top}`} className="find-mark" data-testid="find-mark" style={at(mark)} />
      ))}
    </div>
  );
}

/** The bar. */
export function FindBar(props: FindBarProps): React.JSX.Element {
  const { query, replacement, options, replaceShown, readOnly, focus } = props;
  const search = useFindSearch(props.text, query, options, props.anchor);
  const marks = useMatchHighlight(search.current, search.textVersion, search.revealKey, search.found.matches);
  const findField = useRef<HTMLInputElement>(null);
  const replaceField = useRef<HTMLInputElement>(null);
  const noteId = useId();
  // What Replace all did, said until the writer searches or moves again.
  const [note, setNote] = useState<string | null>(null);
  const status = note ?? search.status;
  // What the live region says changes only with the query, a switch, a move or a new ask: the
  // count found again as the writer types in the post is shown, not read out at every pause.
  const [announced, setAnnounced] = useState<Announcement | null>(null);
  const spoken = announcement(announced, `${props.anchor.request}|${search.revealKey}|${note ?? ''}`, status);
  if (spoken !== announced) setAnnounced(spoken);

  useEffect(() => {
    const field = focus.field === 'replace' ? replaceField.current : findField.current;
    field?.focus();
    field?.select();
  }, [focus]);
  const go = (direction: 'next' | 'previous'): void => {
    setNote(null);
    if (direction === 'next') search.next();
    else search.previous();
  };
  // Next and previous from a key or the menu, wherever the focus is.
  const latest = useRef(go);
  useEffect(() => {
    latest.current = go;
  });
  useEffect(
    () =>
      onFindRequest((request) => {
        if (request === 'next' || request === 'previous') latest.current(request);
      }),
    [],
  );

  const cannotReplace = readOnly !== null || search.current === null;
  const replaceOne = (): void => {
    if (readOnly !== null) return;
    setNote(null);
    search.replace(replacement);
  };
  const replaceAll = (): void => {
    if (readOnly !== null) return;
    const count = search.replaceAll(replacement);
    if (count > 0) setNote(`Replaced ${count.toLocaleString('en-US')} ${count === 1 ? 'match' : 'matches'}`);
  };
  const toggle = (key: keyof FindOptions): void => {
    setNote(null);
    props.onOptions({ ...options, [key]: !options[key] });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const target = event.target;
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
    if (event.key === 'Escape' && plain && !event.shiftKey) {
      event.preventDefault();
      event.stopPropagation();
      props.onClose(search.current);
    } else if (event.key === 'Enter' && target === findField.current && plain) {
      event.preventDefault();
      go(event.shiftKey ? 'previous' : 'next');
    } else if (event.key === 'Enter' && target === replaceField.current && !event.shiftKey) {
      event.preventDefault();
      if ((event.ctrlKey || event.metaKey) && event.altKey) replaceAll();
      else if (plain) replaceOne();
    } else {
      const flips = findToggleOf(event);
      if (flips === null) return;
      event.preventDefault();
      toggle(flips);
    }
  };
  const replaceDescription = readOnly === null ? undefined : noteId;

  return (
    <div className="find-bar" role="search" aria-label="Find in post" onKeyDown={onKeyDown}>
      <div className="find-row">
        <button
          type="button"
          className="button icon-only find-expand"
          aria-label="Show replace"
          aria-expanded={replaceShown}
          title="Show replace"
          onClick={() => props.onReplaceShown(!replaceShown)}
        >
          <Chevron up={replaceShown} />
        </button>
        <input
          ref={findField}
          className="find-input"
          type="text"
          aria-label="Find"
          placeholder="Find in post"
          spellCheck={false}
          value={query}
          onChange={(event) => {
            setNote(null);
            props.onQuery(event.target.value);
          }}
        />
        <span className="find-status" aria-hidden="true">
          {status}
        </span>
        <span className="visually-hidden" role="status">
          {spoken.text}
        </span>
        <span className="find-group find-options">
          {TOGGLES.map(({ key, label }) => (
            <button
              key={key}
              type="button"
              className="button subtle"
              aria-pressed={options[key]}
              aria-keyshortcuts={TOGGLE_KEYS[key].aria}
              title={`${label} (${TOGGLE_KEYS[key].label})`}
              onClick={() => toggle(key)}
            >
              {label}
            </button>
          ))}
        </span>
        <span className="find-group find-nav">
          <button
            type="button"
            className="button icon-only"
            aria-label="Previous match"
            title="Previous match (Shift+Enter)"
            onClick={() => go('previous')}
          >
            <Chevron up />
          </button>
          <button
            type="button"
            className="button icon-only"
            aria-label="Next match"
            title="Next match (Enter)"
            onClick={() => go('next')}
          >
            <Chevron up={false} />
          </button>
          <button
            type="button"
            className="button icon-only"
            aria-label="Close"
            title="Close (Esc)"
            onClick={() => props.onClose(search.current)}
          >
            <Cross />
          </button>
        </span>
      </div>
      {replaceShown ? (
        <div className="find-row">
          <span className="find-indent" />
          <input
            ref={replaceField}
            className="find-input"
            type="text"
            aria-label="Replace with"
            placeholder="Replace with"
            spellCheck={false}
            readOnly={readOnly !== null}
            aria-describedby={replaceDescription}
            value={replacement}
            onChange={(event) => props.onReplacement(event.target.value)}
          />
          <span className="find-group">
            <button
              type="button"
              className="button"
              aria-disabled={cannotReplace}
              aria-describedby={replaceDescription}
              title="Replace this match (Enter in Replace with)"
              onClick={replaceOne}
            >
              Replace
            </button>
            <button
              type="button"
              className="button"
              aria-disabled={cannotReplace}
              aria-describedby={replaceDescription}
              title={`Replace every match (${IS_MAC ? '⌘+⌥' : 'Ctrl+Alt'}+Enter)`}
              onClick={replaceAll}
            >
              Replace all
            </button>
          </span>
          {readOnly === null ? null : (
            <span id={noteId} className="find-note">
              Cannot replace: {readOnly}
            </span>
          )}
        </div>
      ) : null}
      <Highlight marks={marks} />
    </div>
  );
}

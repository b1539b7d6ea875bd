/**
 * Find in post: Ctrl/Cmd+F (Ctrl/Cmd+H, Cmd+Alt+F on macOS, to replace), F3 and Ctrl/Cmd+G from
 * anywhere in the window but a dialog, or the desktop menu (../hooks/findRequests.ts), open the
 * find bar over the editor with the Find field focused and filled with a short selection. The
 * query and the switches are kept while the bar is closed; nothing is searched then.
 */
import { useEffect, useRef, useState } from 'react';
import type { FindOptions, TextMatch } from '../state/findInText';
import { findSeed } from '../state/findInText';
import type { TextSource } from '../preview/typing';
import { findRequestOf, onFindRequest, requestFind, type FindRequest } from '../hooks/findRequests';
import type { FindAnchor } from '../hooks/useFindSearch';
import { markdownArea } from '../hooks/useMatchHighlight';
import { FindBar, type FindFocus } from './FindBar';

/** Props of find in post. */
export interface FindInPostProps {
  text: TextSource;
  /** Why the post cannot be changed, or null when it can. */
  readOnly: string | null;
}

const NO_OPTIONS: FindOptions = { matchCase: false, wholeWord: false };

/** The text the writer has selected: in the editor, else on the page (the preview). */
function selectedText(): string {
  const area = markdownArea();
  if (area !== null && document.activeElement === area) return area.value.slice(area.selectionStart, area.selectionEnd);
  return window.getSelection()?.toString() ?? '';
}

/** Listens for the find keys in the whole window while a post is open. */
function useFindKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const request = findRequestOf(event);
      if (request === null || event.isComposing) return;
      // A dialog keeps the keys while it is open.
      if (document.querySelector('dialog[open]') !== null) return;
      event.preventDefault();
      // Not the editor's too (Ctrl+H was its horizontal rule).
      event.stopPropagation();
      if (!event.repeat || request === 'next' || request === 'previous') requestFind(request);
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);
}

/** The find bar, while it is open, and the keys that open it. */
export function FindInPost({ text, readOnly }: FindInPostProps): React.JSX.Element | null {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [options, setOptions] = useState(NO_OPTIONS);
  const [replaceShown, setReplaceShown] = useState(false);
  const [anchor, setAnchor] = useState<FindAnchor>({ position: 0, request: 0 });
  const [focus, setFocus] = useState<FindFocus>({ field: 'find', request: 0 });
  useFindKeys();

  const state = useRef({ open, query });
  useEffect(() => {
    state.current = { open, query };
  });
  useEffect(
    () =>
      onFindRequest((request: FindRequest) => {
        if (document.querySelector('dialog[open]') !== null) return;
        const now = state.current;
        // Next and previous are the open bar's own (FindBar); when it is closed, they open it.
        if (now.open && (request === 'next' || request === 'previous')) return;
        const seed = findSeed(selectedText());
        const area = markdownArea();
        const search = seed ?? now.query;
        if (seed !== null) setQuery(seed);
        if (!now.open || seed !== null) {
          setAnchor((old) => ({ position: area?.selectionStart ?? 0, request: old.request + 1 }));
        }
        if (request === 'replace') setReplaceShown(true);
        const field = request === 'replace' && search !== '' ? 'replace' : 'find';
        setFocus((old) => ({ field, request: old.request + 1 }));
        setOpen(true);
      }),
    [],
  );

  const close = (match: TextMatch | null): void => {
    setOpen(false);
    const area = markdownArea();
    if (area === null) return;
    if (match !== null && match.end <= area.value.length) area.setSelectionRange(match.start, match.end);
    // Focusing brings the selection into view.
    area.focus();
  };

  if (!open) return null;
  return (
    <FindBar
      text={text}
      query={query}
      onQuery={setQuery}
      replacement={replacement}
      onReplacement={setReplacement}
      options={options}
      onOptions={setOptions}
      replaceShown={replaceShown}
      onReplaceShown={setReplaceShown}
      readOnly={readOnly}
      anchor={anchor}
      focus={focus}
      onClose={close}
    />
  );
}

/**
 * The window-wide writing tools: quick open (Ctrl/Cmd+P), the shortcuts panel (Ctrl/Cmd+/, or the
 * sidebar's button), the search box (Ctrl/Cmd+Shift+F), moving between the window's areas (F6,
 * Shift+F6), and focus mode (hides the list and the form; Esc leaves), which marks the document root.
 */
import { useCallback, useEffect, useState } from 'react';
import type { PostSummary } from '../../shared/api/contract';
import { useRegionKeys } from '../hooks/useRegions';
import { useShortcut } from '../hooks/useShortcut';
import { HelpPanel } from './HelpPanel';
import { QuickOpen } from './QuickOpen';

/** Props of the writing tools. */
export interface WritingToolsProps {
  posts: PostSummary[];
  onOpen: (id: string) => void;
  /** Whether the shortcuts panel is open (the sidebar has a button for it too). */
  help: boolean;
  onHelp: (open: boolean) => void;
}

/** The sidebar's "Search posts" box. */
function searchBox(): HTMLInputElement | null {
  return document.querySelector<HTMLInputElement>('.sidebar input[type="search"]');
}

/** Owns the shortcuts, the dialogs they open, and the focus-mode button (the status row's last item). */
export function WritingTools({ posts, onOpen, help, onHelp }: WritingToolsProps): React.JSX.Element {
  const [quickOpen, setQuickOpen] = useState(false);
  const [focus, setFocus] = useState(false);
  const [searchRequest, setSearchRequest] = useState(0);
  useShortcut(
    'p',
    useCallback(() => {
      onHelp(false);
      setQuickOpen(true);
    }, [onHelp]),
  );
  useShortcut(
    '/',
    useCallback(() => {
      setQuickOpen(false);
      onHelp(true);
    }, [onHelp]),
  );
  useShortcut(
    'f',
    useCallback(() => {
      // A dialog keeps the focus while it is open.
      if (document.querySelector('dialog[open]') !== null) return;
      // Focus mode hides the list: it is left, as Esc would.
      setFocus(false);
      setSearchRequest((n) => n + 1);
    }, []),
    { shift: true },
  );
  useRegionKeys();
  useEffect(() => {
    document.documentElement.classList.toggle('focus-mode', focus);
    if (!focus) return;
    const onKey = (event: KeyboardEvent): void => {
      // A dialog's own Escape comes first.
      if (event.key === 'Escape' && document.querySelector('dialog[open]') === null) setFocus(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [focus]);
  // After focus mode has been left (the effect above), so the box is on screen.
  useEffect(() => {
    if (searchRequest === 0) return;
    const box = searchBox();
    box?.focus();
    // What is typed next replaces the last search.
    box?.select();
  }, [searchRequest]);

  return (
    <>
      <button
        type="button"
        className="status-action"
        aria-pressed={focus}
        title={focus ? 'Leave focus mode (Esc)' : 'Hide the list and the form'}
        onClick={() => setFocus((on) => !on)}
      >
        Focus mode
      </button>
      {quickOpen ? <QuickOpen posts={posts} onOpen={onOpen} onClose={() => setQuickOpen(false)} /> : null}
      {help ? <HelpPanel onClose={() => onHelp(false)} /> : null}
    </>
  );
}

/**
 * The window-wide writing tools: quick open (Ctrl/Cmd+P), the shortcuts panel (Ctrl/Cmd+/), and
 * focus mode (hides the list and the form; Esc leaves), which marks the document root.
 */
import { useCallback, useEffect, useState } from 'react';
import type { PostSummary } from '../../shared/api/contract';
import { useShortcut } from '../hooks/useShortcut';
import { HelpPanel } from './HelpPanel';
import { QuickOpen } from './QuickOpen';

/** Props of the writing tools. */
export interface WritingToolsProps {
  posts: PostSummary[];
  onOpen: (id: string) => void;
}

/** Owns the shortcuts, the dialogs they open, and the focus-mode button (the status row's last item). */
export function WritingTools({ posts, onOpen }: WritingToolsProps): React.JSX.Element {
  const [dialog, setDialog] = useState<'open' | 'help' | null>(null);
  const [focus, setFocus] = useState(false);
  useShortcut(
    'p',
    useCallback(() => setDialog('open'), []),
  );
  useShortcut(
    '/',
    useCallback(() => setDialog('help'), []),
  );
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
      {dialog === 'open' ? <QuickOpen posts={posts} onOpen={onOpen} onClose={() => setDialog(null)} /> : null}
      {dialog === 'help' ? <HelpPanel onClose={() => setDialog(null)} /> : null}
    </>
  );
}

/** The sidebar: the folder's name, the filter, "New post", and the list. */
import { memo } from 'react';
import type { ApiError, PostSummary } from '../../shared/api/contract';
import { FindPanel } from './FindPanel';

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
/** The shortcut that opens the panel too, as ARIA spells it and as the tooltip shows it. */
const SHORTCUTS_KEYS = MAC ? 'Meta+/' : 'Control+/';
const SHORTCUTS_LABEL = MAC ? '⌘/' : 'Ctrl+/';

/** Props of the sidebar. */
export interface SidebarProps {
  folderName: string | null;
  posts: PostSummary[];
  loading: boolean;
  error: ApiError | null;
  openId: string | null;
  onOpen: (id: string) => void;
  onNewPost: () => void;
  onSettings?: () => void;
  /** Opens the keyboard shortcuts panel. */
  onShortcuts?: () => void;
}

/** Three sliders: the settings glyph, drawn here so it looks the same on every system. */
function SettingsIcon(): React.JSX.Element {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <g fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round">
        <path d="M2 4h12M2 8h12M2 12h12" opacity="0.55" />
        <circle cx="5" cy="4" r="1.7" fill="currentColor" stroke="none" />
        <circle cx="11" cy="8" r="1.7" fill="currentColor" stroke="none" />
        <circle cx="7" cy="12" r="1.7" fill="currentColor" stroke="none" />
      </g>
    </svg>
  );
}

/** A question mark in a circle: the keyboard shortcuts glyph, drawn like the settings one. */
function ShortcutsIcon(): React.JSX.Element {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.5" opacity="0.55" />
      <path
        d="M6.1 6.3a1.95 1.95 0 1 1 2.7 1.8c-.5.2-.8.6-.8 1.1v.4"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
      />
      <circle cx="8" cy="11.6" r="0.95" fill="currentColor" />
    </svg>
  );
}

/** Heading, filter box, new-post button and the filtered list (re-rendered only when they change). */
export const Sidebar = memo(function Sidebar(props: SidebarProps): React.JSX.Element {
  const { folderName, posts, loading, error, openId, onOpen, onNewPost, onSettings, onShortcuts } = props;
  return (
    <nav className="sidebar" aria-label="Posts folder">
      <header className="sidebar-header">
        <h1 className="folder-name" title={folderName ?? undefined}>
          {folderName ?? 'Postwright'}
        </h1>
        <div className="sidebar-header-actions">
          {onShortcuts === undefined ? null : (
            <button
              type="button"
              className="button icon-only"
              aria-label="Keyboard shortcuts"
              aria-keyshortcuts={SHORTCUTS_KEYS}
              title={`Keyboard shortcuts (${SHORTCUTS_LABEL})`}
              onClick={onShortcuts}
            >
              <ShortcutsIcon />
            </button>
          )}
          {onSettings === undefined ? null : (
            <button
              type="button"
              className="button icon-only"
              aria-label="Settings"
              title="Settings"
              onClick={onSettings}
            >
              <SettingsIcon />
            </button>
          )}
          <button type="button" className="button primary" onClick={onNewPost}>
            New post
          </button>
        </div>
      </header>
      {error === null ? null : (
        <p className="sidebar-error" role="alert">
          {error.message}
          {error.hint === undefined ? null : <span className="hint"> {error.hint}</span>}
        </p>
      )}
      <FindPanel posts={posts} loading={loading} openId={openId} onOpen={onOpen} />
    </nav>
  );
});

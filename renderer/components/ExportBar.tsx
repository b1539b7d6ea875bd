/** The export toolbar above the editor: "Export HTML" for the open post, "Export site" for all. */
import { useId } from 'react';
import type { BlogApi } from '../../shared/api/contract';
import type { DesktopApi } from '../../shared/api/desktop';
import type { BlogEventSource } from '../api/events';
import { onToolbarKeyDown } from '../hooks/toolbarKeys';
import type { ExportControls, ExportNotice } from '../hooks/useExport';
import { ExportDialog } from './ExportDialog';

/** Props of the export bar. */
export interface ExportBarProps {
  exporter: ExportControls;
  api: BlogApi;
  events: BlogEventSource;
  desktop: DesktopApi | null;
  /** The posts folder's path: the site's details are remembered per folder. */
  folder: string | null;
  /** The folder has no posts (its list is read and empty): there is no site to export yet. */
  emptyFolder: boolean;
}

/** Why "Export site" does nothing in a folder without posts. */
const NO_SITE = 'There are no posts in this folder to export yet.';

/**
 * Two buttons, the last single-post export's outcome, and the site dialog when open. The outcome is
 * announced: a polite status from the moment an export starts (so its text is a change the screen
 * reader hears), an alert when it failed. "Export HTML" stays focusable while it runs, so the focus
 * stays where the writer left it.
 */
export function ExportBar({ exporter, api, events, desktop, folder, emptyFolder }: ExportBarProps): React.JSX.Element {
  const { notice, busy } = exporter;
  const noSite = useId();
  return (
    <div className="export-bar" role="toolbar" aria-label="Export" onKeyDown={onToolbarKeyDown}>
      {notice === null && !busy ? (
        <span className="spacer" />
      ) : (
        <div className={`export-notice export-notice-${notice?.tone ?? 'info'}`}>
          {notice?.tone === 'error' ? (
            // A new element, announced as it appears.
            <span key="alert" role="alert">
              {notice.text}
            </span>
          ) : (
            // There from the start of the export, so the outcome is a change of its text, read out.
            // Cut short in a narrow bar: the whole sentence is its tooltip.
            <span key="status" role="status" title={notice?.text}>
              {notice?.text}
            </span>
          )}
          {notice === null ? null : <NoticeExtras notice={notice} dismiss={exporter.dismiss} />}
        </div>
      )}
      <button
        type="button"
        className="button subtle"
        disabled={!exporter.canExportPost}
        aria-disabled={busy || undefined}
        aria-keyshortcuts="Control+E Meta+E"
        title="Export the open post as one HTML page (Ctrl/Cmd+E)"
        onClick={() => {
          if (!busy) exporter.exportHtml();
        }}
      >
        {busy ? 'Exporting…' : 'Export HTML'}
      </button>
      {/* Unavailable, yet focusable: the reason is its description, heard as the writer reaches it. */}
      <button
        type="button"
        className="button subtle"
        aria-disabled={emptyFolder || undefined}
        aria-describedby={emptyFolder ? noSite : undefined}
        title={emptyFolder ? NO_SITE : 'Write every post as a static website'}
        onClick={() => {
          if (!emptyFolder) exporter.openSite();
        }}
      >
        Export site
      </button>
      {emptyFolder ? (
        <span id={noSite} hidden>
          {NO_SITE}
        </span>
      ) : null}
      {exporter.siteOpen ? (
        <ExportDialog api={api} events={events} desktop={desktop} folder={folder} onClose={exporter.closeSite} />
      ) : null}
    </div>
  );
}

/** What was left out of the page, and the button that dismisses the notice (neither read out with it). */
function NoticeExtras({ notice, dismiss }: { notice: ExportNotice; dismiss: () => void }): React.JSX.Element {
  return (
    <>
      {notice.details !== undefined && notice.details.length > 0 ? (
        <details>
          <summary>What was left out</summary>
          <ul>
            {notice.details.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={dismiss}>
        ×
      </button>
    </>
  );
}

/** The export toolbar above the editor: "Export HTML" for the open post, "Export site" for all. */
import type { BlogApi } from '../../shared/api/contract';
import type { DesktopApi } from '../../shared/api/desktop';
import type { BlogEventSource } from '../api/events';
import type { ExportControls } from '../hooks/useExport';
import { ExportDialog } from './ExportDialog';

/** Props of the export bar. */
export interface ExportBarProps {
  exporter: ExportControls;
  api: BlogApi;
  events: BlogEventSource;
  desktop: DesktopApi | null;
  /** The posts folder's path: the site's details are remembered per folder. */
  folder: string | null;
}

/** Two buttons, the last single-post export's outcome, and the site dialog when open. */
export function ExportBar({ exporter, api, events, desktop, folder }: ExportBarProps): React.JSX.Element {
  const { notice } = exporter;
  return (
    <div className="export-bar" role="toolbar" aria-label="Export">
      {notice === null ? (
        <span className="spacer" />
      ) : (
        <div className={`export-notice export-notice-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'note'}>
          <span>{notice.text}</span>
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
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={exporter.dismiss}>
            ×
          </button>
        </div>
      )}
      <button
        type="button"
        className="button subtle"
        disabled={!exporter.canExportPost || exporter.busy}
        aria-keyshortcuts="Control+E Meta+E"
        title="Export the open post as one HTML page (Ctrl/Cmd+E)"
        onClick={exporter.exportHtml}
      >
        {exporter.busy ? 'Exporting…' : 'Export HTML'}
      </button>
      <button type="button" className="button subtle" onClick={exporter.openSite}>
        Export site
      </button>
      {exporter.siteOpen ? (
        <ExportDialog api={api} events={events} desktop={desktop} folder={folder} onClose={exporter.closeSite} />
      ) : null}
    </div>
  );
}

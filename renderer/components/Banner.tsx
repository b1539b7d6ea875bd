/** Alerts above the editor: a conflict with the file on disk, or an error with its hint. */
import type { ApiError } from '../../shared/api/contract';

/** Props of the conflict banner. */
export interface ConflictBannerProps {
  /** True after a refused save; false when the change on disk was noticed first. */
  refused: boolean;
  busy: boolean;
  onReload: () => void;
  onOverwrite: () => void;
}

/** The file changed on disk: take theirs (reload) or keep mine (overwrite). */
export function ConflictBanner({ refused, busy, onReload, onOverwrite }: ConflictBannerProps): React.JSX.Element {
  return (
    <div className="banner banner-warning" role="alert">
      <div className="banner-text">
        <strong>This file changed on disk</strong>
        <span>
          {refused ? ' since you opened it, so your changes were not saved.' : ' while you were editing it.'} Reload to
          take the version on disk (your unsaved changes are dropped), or overwrite it with yours.
        </span>
      </div>
      <div className="banner-actions">
        <button type="button" className="button" disabled={busy} onClick={onReload}>
          Reload from disk
        </button>
        <button type="button" className="button danger" disabled={busy} onClick={onOverwrite}>
          Overwrite
        </button>
      </div>
    </div>
  );
}

/** Props of the error banner. */
export interface ErrorBannerProps {
  error: ApiError;
  onDismiss: () => void;
}

/** What went wrong and what to do; the text stays in the editor. */
export function ErrorBanner({ error, onDismiss }: ErrorBannerProps): React.JSX.Element {
  return (
    <div className="banner banner-error" role="alert">
      <div className="banner-text">
        <strong>{error.message}</strong>
        {error.hint === undefined ? null : <span> {error.hint}</span>}
      </div>
      <div className="banner-actions">
        <button type="button" className="button" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </div>
  );
}

/** An alert above the editor: an error with its hint. */
import type { ApiError } from '../../shared/api/contract';

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

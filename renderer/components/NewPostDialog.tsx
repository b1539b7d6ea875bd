/** Asks for the new post's title; the backend names the file from it. */
import { useState, type SyntheticEvent } from 'react';
import type { ApiError } from '../../shared/api/contract';
import { Dialog } from './Dialog';

/** Props of the new-post dialog. */
export interface NewPostDialogProps {
  /** Creates the post; resolves the error to show, or null when it was created. */
  onCreate: (title: string) => Promise<ApiError | null>;
  onCancel: () => void;
}

/** A title field with Create and Cancel; refusals (e.g. the file exists) are shown in place. */
export function NewPostDialog({ onCreate, onCancel }: NewPostDialogProps): React.JSX.Element {
  const [title, setTitle] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: SyntheticEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (title.trim() === '') {
      setError({ code: 'INVALID_ARGUMENT', message: 'Give the post a title.' });
      return;
    }
    setBusy(true);
    const refused = await onCreate(title.trim());
    setBusy(false);
    setError(refused);
  };

  return (
    <Dialog title="New post" onCancel={onCancel}>
      <form className="dialog-form" onSubmit={(event) => void submit(event)}>
        <label className="field-label" htmlFor="new-post-title">
          Title
        </label>
        <input
          id="new-post-title"
          type="text"
          autoFocus
          value={title}
          aria-invalid={error !== null}
          aria-describedby={error === null ? undefined : 'new-post-error'}
          onChange={(e) => setTitle(e.target.value)}
        />
        {error === null ? null : (
          <p className="dialog-error" id="new-post-error" role="alert">
            {error.message}
            {error.hint === undefined ? null : <span className="hint"> {error.hint}</span>}
          </p>
        )}
        <div className="dialog-actions">
          <span className="spacer" />
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            Create
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Asks for a post's new file name; the rename never overwrites another file. */
import { useState, type SyntheticEvent } from 'react';
import type { ApiError } from '../../shared/api/contract';
import { Dialog } from './Dialog';

/** Props of the rename dialog. */
export interface RenameDialogProps {
  current: string;
  suggested: string;
  /** Renames; resolves the error to show, or null when done. */
  onRename: (fileName: string) => Promise<ApiError | null>;
  onCancel: () => void;
}

/** A file-name field prefilled with the slug of the title, with Rename and Cancel. */
export function RenameDialog({ current, suggested, onRename, onCancel }: RenameDialogProps): React.JSX.Element {
  const [name, setName] = useState(suggested);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: SyntheticEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '' || trimmed.includes('/')) {
      setError({ code: 'INVALID_ARGUMENT', message: 'Give a file name without folders, such as my-post.md.' });
      return;
    }
    setBusy(true);
    const refused = await onRename(trimmed);
    setBusy(false);
    setError(refused);
  };

  return (
    <Dialog title="Rename file" description={`Now: ${current}`} onCancel={onCancel}>
      <form className="dialog-form" onSubmit={(event) => void submit(event)}>
        <label className="field-label" htmlFor="rename-file-name">
          New file name
        </label>
        <input
          id="rename-file-name"
          type="text"
          autoFocus
          spellCheck={false}
          value={name}
          aria-invalid={error !== null}
          aria-describedby={error === null ? undefined : 'rename-file-error'}
          onChange={(e) => setName(e.target.value)}
        />
        {error === null ? null : (
          <p className="dialog-error" id="rename-file-error" role="alert">
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
            Rename
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Asks before a post's file goes to the trash; Cancel has the focus, so one Enter deletes nothing. */
import { useState } from 'react';
import type { ApiError } from '../../shared/api/contract';
import { Dialog, INITIAL_FOCUS } from './Dialog';

/** Props of the delete dialog. */
export interface DeleteDialogProps {
  postTitle: string;
  /** The post's file, relative to the posts folder. */
  fileId: string;
  /** Where deleted files go, as the writer would look for them. */
  trash: string;
  /** The post has changes that are not saved, which are lost with it. */
  dirty: boolean;
  /** Deletes; resolves the error to show, or null when done. */
  onDelete: () => Promise<ApiError | null>;
  onCancel: () => void;
}

/** "Delete", "Cancel". */
export function DeleteDialog(props: DeleteDialogProps): React.JSX.Element {
  const { postTitle, fileId, trash, dirty, onDelete, onCancel } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // Not "they go with it": the trash gets the file on disk, and the unsaved edits are forgotten.
  const unsaved = dirty ? ' Its changes that are not saved are lost: the trash keeps the post as last saved.' : '';
  const remove = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    const failed = await onDelete();
    // Done: this dialog is gone. Failed: it stays, saying why.
    if (failed !== null) {
      setError(failed);
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={`Delete “${postTitle}”?`}
      description={`Its file ${fileId} goes to ${trash}, where you can get it back.${unsaved}`}
      onCancel={onCancel}
    >
      {error === null ? null : (
        <p className="dialog-error" role="alert">
          The post was not deleted: {error.message}
          {error.hint === undefined ? null : ` ${error.hint}`}
        </p>
      )}
      <div className="dialog-actions">
        <span className="spacer" />
        <button type="button" className="button" {...INITIAL_FOCUS} onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="button danger" aria-disabled={busy} onClick={() => void remove()}>
          Delete
        </button>
      </div>
    </Dialog>
  );
}

/** The question asked before unsaved edits would be left behind. */
import { Dialog } from './Dialog';

/** Props of the unsaved-changes dialog. */
export interface UnsavedDialogProps {
  postTitle: string;
  onSave: () => void;
  onDiscard: () => void;
  onCancel: () => void;
}

/** "Save", "Don't save", "Cancel"; Save has the focus. */
export function UnsavedDialog({ postTitle, onSave, onDiscard, onCancel }: UnsavedDialogProps): React.JSX.Element {
  return (
    <Dialog
      title="Save your changes?"
      description={`“${postTitle}” has changes that are not saved.`}
      onCancel={onCancel}
    >
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onDiscard}>
          Don&apos;t save
        </button>
        <span className="spacer" />
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="button primary" autoFocus onClick={onSave}>
          Save
        </button>
      </div>
    </Dialog>
  );
}

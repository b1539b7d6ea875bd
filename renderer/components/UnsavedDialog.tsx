/** The question asked before unsaved edits would be left behind. */
import type { CloseReason } from '../../shared/api/desktop';
import { Dialog, INITIAL_FOCUS } from './Dialog';

/** Props of the unsaved-changes dialog. */
export interface UnsavedDialogProps {
  postTitle: string;
  /** Set when the window is closing or the app quitting, which the title then says. */
  reason?: CloseReason;
  onSave: () => void;
  onDiscard: () => void;
  onCancel: () => void;
}

const TITLES: Record<CloseReason | 'leave', string> = {
  leave: 'Save your changes?',
  close: 'Save your changes before closing?',
  quit: 'Save your changes before quitting?',
};

/** "Save", "Don't save", "Cancel"; Save has the focus. */
export function UnsavedDialog({
  postTitle,
  reason,
  onSave,
  onDiscard,
  onCancel,
}: UnsavedDialogProps): React.JSX.Element {
  return (
    <Dialog
      title={TITLES[reason ?? 'leave']}
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
        <button type="button" className="button primary" {...INITIAL_FOCUS} onClick={onSave}>
          Save
        </button>
      </div>
    </Dialog>
  );
}

/** Asks for a post's new file name; the rename never overwrites another file. */
import type { ApiError } from '../../shared/api/contract';
import { Dialog } from './Dialog';
import { NameForm } from './NameForm';

/** Props of the rename dialog. */
export interface RenameDialogProps {
  current: string;
  suggested: string;
  /** Renames; resolves the error to show, or null when done. */
  onRename: (fileName: string) => Promise<ApiError | null>;
  onCancel: () => void;
}

function checkFileName(name: string): ApiError | null {
  return name === '' || name.includes('/')
    ? { code: 'INVALID_ARGUMENT', message: 'Give a file name without folders, such as my-post.md.' }
    : null;
}

/** A file-name field prefilled with the slug of the title, with Rename and Cancel. */
export function RenameDialog({ current, suggested, onRename, onCancel }: RenameDialogProps): React.JSX.Element {
  return (
    <Dialog title="Rename file" description={`Now: ${current}`} onCancel={onCancel}>
      <NameForm
        label="New file name"
        initial={suggested}
        action="Rename"
        spellCheck={false}
        check={checkFileName}
        onSubmit={onRename}
        onCancel={onCancel}
      />
    </Dialog>
  );
}

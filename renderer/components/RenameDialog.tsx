/** Asks for a post's new file name; the rename never overwrites another file. */
import type { ApiError } from '../../shared/api/contract';
import { fileNameProblem, plainFileNameError, withPostExtension } from '../state/fileName';
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

function checkFileName(name: string, current: string): ApiError | null {
  if (name === '' || name.includes('/'))
    return { code: 'INVALID_ARGUMENT', message: 'Give a file name without folders, such as my-post.md.' };
  const problem = fileNameProblem(withPostExtension(name, current));
  return problem === null ? null : { code: 'INVALID_ARGUMENT', message: problem };
}

/**
 * A file-name field prefilled with the slug of the title, with Rename and Cancel. A name typed
 * without ".md" keeps the post's extension; a refusal is said as a sentence about the name.
 */
export function RenameDialog({ current, suggested, onRename, onCancel }: RenameDialogProps): React.JSX.Element {
  const rename = async (name: string): Promise<ApiError | null> => {
    const failed = await onRename(withPostExtension(name, current));
    return failed === null ? null : plainFileNameError(failed);
  };
  return (
    <Dialog title="Rename file" description={`Now: ${current}`} onCancel={onCancel}>
      <NameForm
        label="New file name"
        initial={suggested}
        action="Rename"
        spellCheck={false}
        check={(name) => checkFileName(name, current)}
        onSubmit={rename}
        onCancel={onCancel}
      />
    </Dialog>
  );
}

/** Asks for the new post's title; the backend names the file from it. */
import type { ApiError } from '../../shared/api/contract';
import { Dialog } from './Dialog';
import { NameForm } from './NameForm';

/** Props of the new-post dialog. */
export interface NewPostDialogProps {
  /** Creates the post; resolves the error to show, or null when it was created. */
  onCreate: (title: string) => Promise<ApiError | null>;
  onCancel: () => void;
}

function checkTitle(title: string): ApiError | null {
  return title === '' ? { code: 'INVALID_ARGUMENT', message: 'Give the post a title.' } : null;
}

/** A title field with Create and Cancel; refusals (e.g. the file exists) are shown in place. */
export function NewPostDialog({ onCreate, onCancel }: NewPostDialogProps): React.JSX.Element {
  return (
    <Dialog title="New post" onCancel={onCancel}>
      <NameForm label="Title" action="Create" check={checkTitle} onSubmit={onCreate} onCancel={onCancel} />
    </Dialog>
  );
}

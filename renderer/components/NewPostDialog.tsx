/** Asks for the new post's title; the backend names the file from it. */
import type { ApiError, PostSummary } from '../../shared/api/contract';
import { MAX_TITLE_LENGTH } from '../../shared/api/validate';
import { Dialog } from './Dialog';
import { NameForm, type NameWarning } from './NameForm';

/** Props of the new-post dialog. */
export interface NewPostDialogProps {
  /** Creates the post; resolves the error to show, or null when it was created. */
  onCreate: (title: string) => Promise<ApiError | null>;
  onCancel: () => void;
  /** The posts the list has, whose titles a new one is checked against. */
  posts?: readonly PostSummary[];
  /** Opens an existing post instead (the one that already has the title). */
  onOpen?: (id: string) => void;
}

function checkTitle(title: string): ApiError | null {
  if (title === '') return { code: 'INVALID_ARGUMENT', message: 'Give the post a title.' };
  // Said here: the API's own refusal ("createPost: argument 1.title is too long") is not for the writer.
  if (title.length > MAX_TITLE_LENGTH) {
    return {
      code: 'INVALID_ARGUMENT',
      message: `A title can be at most ${MAX_TITLE_LENGTH} characters; this one has ${title.length}.`,
      hint: 'Shorten it; a longer text belongs in the post or its description.',
    };
  }
  return null;
}

/** A title as two titles are told apart: case, and runs of spaces, do not count. */
function titleKey(title: string): string {
  return title.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}

/** The post that already has this title, if any. */
export function sameTitle(posts: readonly PostSummary[], title: string): PostSummary | undefined {
  const key = titleKey(title);
  return posts.find((post) => titleKey(post.title) === key);
}

/**
 * A title field with Create and Cancel; refusals (e.g. the file exists) are shown in place. A
 * title the list already has is pointed out first (two posts of one title look alike in the list,
 * and the second would be named `…-2`), with the existing post to open, or Create anyway.
 */
export function NewPostDialog({ onCreate, onCancel, posts = [], onOpen }: NewPostDialogProps): React.JSX.Element {
  const warn = (title: string): NameWarning | null => {
    const existing = sameTitle(posts, title);
    if (existing === undefined) return null;
    return {
      message: `A post titled “${existing.title}” already exists. Open it, or create another post with this title.`,
      other: onOpen === undefined ? undefined : { label: 'Open the existing post', run: () => onOpen(existing.id) },
    };
  };
  return (
    <Dialog title="New post" onCancel={onCancel}>
      <NameForm label="Title" action="Create" check={checkTitle} warn={warn} onSubmit={onCreate} onCancel={onCancel} />
    </Dialog>
  );
}

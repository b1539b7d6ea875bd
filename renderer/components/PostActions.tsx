/**
 * The open post's file, at the top of the editor where a writer looks for it: "Rename file…" (so the
 * file name can follow the title) and "Delete post…". Both are there whether the front matter is
 * folded or not.
 */
import { useId, useState } from 'react';
import type { ApiError, BlogApi, PostDoc } from '../../shared/api/contract';
import type { EditorAction } from '../state/editor';
import { fileNameFromTitle, fileNameOf, renamedId } from '../state/slug';
import { onToolbarKeyDown } from '../hooks/toolbarKeys';
import { RenameDialog } from './RenameDialog';

/** Props of the post's actions. */
export interface PostActionsProps {
  api: Pick<BlogApi, 'renamePost'>;
  /** The open post; nothing is shown without one. */
  doc: PostDoc | null;
  /** The post's title as the form holds it now (the suggested file name follows it). */
  title: string;
  dirty: boolean;
  dispatch: (action: EditorAction) => void;
  /** The file of post `from` is now `doc`. */
  onRenamed: (from: string, doc: PostDoc) => void;
  /** Asks whether to delete the post. */
  onAskDelete: () => void;
}

const READ_ONLY = 'This post opens read-only.';

/** Why the file cannot be renamed now, or null when it can. */
function renameBlocked(doc: PostDoc, dirty: boolean): string | null {
  if (doc.readOnly !== undefined) return READ_ONLY;
  if (/\/(index|_index|readme)\.(md|markdown)$/i.test(doc.id)) return 'A page bundle is named by its folder.';
  if (dirty) return 'Save the post before renaming its file.';
  return null;
}

/** A toolbar named "Post"; a button that cannot act now says why in its description. */
export function PostActions(props: PostActionsProps): React.JSX.Element | null {
  const { api, doc, title, dirty, dispatch, onRenamed, onAskDelete } = props;
  const [renaming, setRenaming] = useState(false);
  const id = useId();
  if (doc === null) return null;
  const blocked = renameBlocked(doc, dirty);
  const readOnly = doc.readOnly !== undefined;

  const rename = async (fileName: string): Promise<ApiError | null> => {
    const from = doc.id;
    const result = await api.renamePost({ id: from, newId: renamedId(from, fileName) });
    if (!result.ok) return result.error;
    setRenaming(false);
    dispatch({ type: 'loaded', doc: result.value });
    onRenamed(from, result.value);
    return null;
  };

  return (
    <div className="post-actions" role="toolbar" aria-label="Post" onKeyDown={onToolbarKeyDown}>
      {/* Unavailable, yet focusable: the reason is its description, heard as the writer reaches it. */}
      <button
        type="button"
        className="button subtle"
        aria-disabled={blocked !== null || undefined}
        aria-describedby={blocked === null ? undefined : `${id}-rename`}
        title={blocked ?? `Rename ${fileNameOf(doc.id)}`}
        onClick={() => {
          if (blocked === null) setRenaming(true);
        }}
      >
        Rename file…
      </button>
      <span id={`${id}-rename`} hidden>
        {blocked}
      </span>
      <button
        type="button"
        className="button subtle danger"
        aria-disabled={readOnly || undefined}
        aria-describedby={readOnly ? `${id}-delete` : undefined}
        title={readOnly ? READ_ONLY : 'Move the post’s file to the trash'}
        onClick={() => {
          if (!readOnly) onAskDelete();
        }}
      >
        Delete post…
      </button>
      <span id={`${id}-delete`} hidden>
        {readOnly ? READ_ONLY : null}
      </span>
      {renaming ? (
        <RenameDialog
          current={fileNameOf(doc.id)}
          suggested={fileNameFromTitle(doc.id, title)}
          onRename={rename}
          onCancel={() => setRenaming(false)}
        />
      ) : null}
    </div>
  );
}

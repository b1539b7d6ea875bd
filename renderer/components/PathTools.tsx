/**
 * The post's address and file: "Generate from title" for its `path`, a live warning when another
 * post already uses that path, "Rename file…" so the file name can follow the title, and "Delete
 * post…".
 */
import { useState } from 'react';
import type { ApiError, BlogApi, FrontMatterField, PostDoc, PostSummary } from '../../shared/api/contract';
import type { EditorAction } from '../state/editor';
import { duplicatePath, fileNameFromTitle, fileNameOf, pathFromTitle, renamedId } from '../state/slug';
import { RenameDialog } from './RenameDialog';

/** Props of the path tools. */
export interface PathToolsProps {
  api: Pick<BlogApi, 'renamePost'>;
  doc: PostDoc;
  fields: FrontMatterField[];
  posts: PostSummary[];
  dirty: boolean;
  readOnly: boolean;
  dispatch: (action: EditorAction) => void;
  /** The file of post `from` is now `doc`. */
  onRenamed: (from: string, doc: PostDoc) => void;
  /** Asks whether to delete the post. */
  onAskDelete: () => void;
}

function text(fields: FrontMatterField[], key: string): string | null {
  const field = fields.find((f) => f.key === key);
  return field !== undefined && field.kind === 'text' && typeof field.value === 'string' ? field.value : null;
}

/** One quiet row under the front matter. */
export function PathTools(props: PathToolsProps): React.JSX.Element {
  const { api, doc, fields, posts, dirty, readOnly, dispatch, onRenamed, onAskDelete } = props;
  const [renaming, setRenaming] = useState(false);
  const path = text(fields, 'path');
  const title = text(fields, 'title') ?? '';
  const duplicate = path === null ? null : duplicatePath(posts, doc.id, path);
  const bundle = /\/(index|_index|readme)\.(md|markdown)$/i.test(doc.id);

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
    <div className="path-tools">
      {path === null ? null : (
        <button
          type="button"
          className="button subtle"
          disabled={readOnly || title.trim() === ''}
          onClick={() =>
            dispatch({ type: 'setField', key: 'path', value: { kind: 'text', text: pathFromTitle(path, title) } })
          }
        >
          Generate from title
        </button>
      )}
      <button
        type="button"
        className="button subtle"
        disabled={readOnly || dirty || bundle}
        title={
          bundle
            ? 'A page bundle is named by its folder.'
            : dirty
              ? 'Save the post before renaming its file.'
              : undefined
        }
        onClick={() => setRenaming(true)}
      >
        Rename file…
      </button>
      <button
        type="button"
        className="button subtle danger"
        disabled={readOnly}
        title={readOnly ? 'This post opens read-only.' : undefined}
        onClick={onAskDelete}
      >
        Delete post…
      </button>
      {duplicate === null ? null : (
        <p className="path-warning" role="alert">
          Another post already uses this path: {duplicate.title}
        </p>
      )}
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

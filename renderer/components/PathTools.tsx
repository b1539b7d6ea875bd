/**
 * The post's address: "Generate from title" for its `path`, and a live warning when another post
 * already uses that path. (Renaming and deleting the file are the post's actions, PostActions.tsx.)
 */
import type { FrontMatterField, PostDoc, PostSummary } from '../../shared/api/contract';
import type { EditorAction } from '../state/editor';
import { duplicatePath, pathFromTitle } from '../state/slug';

/** Props of the path tools. */
export interface PathToolsProps {
  doc: PostDoc;
  fields: FrontMatterField[];
  posts: PostSummary[];
  readOnly: boolean;
  dispatch: (action: EditorAction) => void;
}

function text(fields: FrontMatterField[], key: string): string | null {
  const field = fields.find((f) => f.key === key);
  return field !== undefined && field.kind === 'text' && typeof field.value === 'string' ? field.value : null;
}

/** One quiet row under the front matter; nothing for a post without a `path`. */
export function PathTools(props: PathToolsProps): React.JSX.Element | null {
  const { doc, fields, posts, readOnly, dispatch } = props;
  const path = text(fields, 'path');
  if (path === null) return null;
  const title = text(fields, 'title') ?? '';
  const duplicate = duplicatePath(posts, doc.id, path);

  return (
    <div className="path-tools">
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
      {duplicate === null ? null : (
        <p className="path-warning" role="alert">
          Another post already uses this path: {duplicate.title}
        </p>
      )}
    </div>
  );
}

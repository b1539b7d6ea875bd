/**
 * The writing aids under the front matter of the open post: the path tools (folded away with the
 * form, unless they warn), publishing hints, image paste.
 */
import { useState } from 'react';
import type { ApiError, BlogApi, FrontMatterField, PostSummary } from '../../shared/api/contract';
import type { EditorControls } from '../hooks/useEditor';
import { useImagePaste } from '../hooks/useImagePaste';
import { useFrontMatterOpen } from '../state/frontMatterView';
import { duplicatePath } from '../state/slug';
import { PathTools } from './PathTools';
import { PublishHints } from './PublishHints';

/** Props of the writing panel. */
export interface WritingPanelProps {
  api: BlogApi;
  editor: EditorControls;
  posts: PostSummary[];
}

function pathClash(fields: FrontMatterField[], id: string, posts: PostSummary[]): boolean {
  const path = fields.find((field) => field.key === 'path')?.value;
  return typeof path === 'string' && duplicatePath(posts, id, path) !== null;
}

/** Nothing when no post is open. */
export function WritingPanel({ api, editor, posts }: WritingPanelProps): React.JSX.Element | null {
  const { state, dispatch, current } = editor;
  const [imageError, setImageError] = useState<ApiError | null>(null);
  const doc = state.doc;
  const { open } = useFrontMatterOpen(state.frontMatter, state.generation);
  useImagePaste(
    api,
    doc === null
      ? null
      : {
          readOnly: doc.readOnly !== undefined,
          now: () => ({ postId: current().doc?.id ?? null, body: current().body }),
          onStart: () => setImageError(null),
          onError: setImageError,
        },
  );
  if (doc === null || state.frontMatter === null) return null;
  const hasPath = state.frontMatter.fields.some((field) => field.key === 'path');
  const tools = hasPath && (open || pathClash(state.frontMatter.fields, doc.id, posts));
  return (
    <>
      <div className="path-tools-box" hidden={!tools}>
        <PathTools
          doc={doc}
          fields={state.frontMatter.fields}
          posts={posts}
          readOnly={doc.readOnly !== undefined}
          dispatch={dispatch}
        />
      </div>
      <PublishHints postId={doc.id} fields={state.frontMatter.fields} body={state.body} posts={posts} />
      {imageError === null ? null : (
        <p className="image-error" role="alert">
          The image was not added: {imageError.message}
          {imageError.hint === undefined ? null : ` ${imageError.hint}`}{' '}
          <button type="button" className="button subtle" onClick={() => setImageError(null)}>
            Dismiss
          </button>
        </p>
      )}
    </>
  );
}

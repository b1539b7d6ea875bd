/** The collapsible "Hints" region: publishing advice for the open post, never blocking. */
import { useContext, useDeferredValue, useMemo } from 'react';
import type { FrontMatterField, PostSummary } from '../../shared/api/contract';
import { useMissingImages } from '../hooks/useMissingImages';
import { publishingHints, renderHints } from '../state/hints';
import { PreviewWarningsContext } from '../state/previewWarnings';

/** Props of the hints. */
export interface PublishHintsProps {
  postId: string;
  fields: FrontMatterField[];
  body: string;
  posts: PostSummary[];
}

/** A <details> that stays closed until the author opens it; the count is in its summary. */
export function PublishHints({ postId, fields, body, posts }: PublishHintsProps): React.JSX.Element {
  const deferredBody = useDeferredValue(body);
  const postIds = useMemo(() => new Set(posts.map((post) => post.id)), [posts]);
  const missingImages = useMissingImages(postId, deferredBody);
  // What the preview left out, once it has rendered this post: the export leaves it out too.
  const rendered = useContext(PreviewWarningsContext);
  const leftOut = rendered.postId === postId ? rendered.warnings : null;
  const hints = useMemo(
    () => [
      ...publishingHints({ postId, fields, body: deferredBody, postIds, missingImages }),
      ...renderHints(leftOut ?? []),
    ],
    [postId, fields, deferredBody, postIds, missingImages, leftOut],
  );
  return (
    <section className="publish-hints" aria-label="Hints">
      <details>
        <summary>
          Hints <span className="hint-count">{hints.length === 0 ? 'none' : hints.length}</span>
        </summary>
        {hints.length === 0 ? (
          <p className="hint-none">Nothing to check before publishing.</p>
        ) : (
          <ul>
            {hints.map((hint) => (
              <li key={hint.key}>{hint.text}</li>
            ))}
          </ul>
        )}
      </details>
    </section>
  );
}

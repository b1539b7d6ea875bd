/**
 * What the preview left out of the open post (raw HTML, unsafe links), shared from the preview,
 * which renders it, with the publishing hints, which list it beside the other checks.
 */
import { createContext } from 'react';

/** The preview's warnings for one post (none until it has rendered that post). */
export interface PreviewWarnings {
  postId: string | null;
  warnings: readonly string[];
}

/** No post rendered yet. */
export const NO_PREVIEW_WARNINGS: PreviewWarnings = { postId: null, warnings: [] };

/** Provided around the writing panel and the preview (../components/PreviewWarnings.tsx). */
export const PreviewWarningsContext = createContext<PreviewWarnings>(NO_PREVIEW_WARNINGS);

/** How the preview reports a new list of warnings for a post. */
export const ReportPreviewWarningsContext = createContext<(postId: string, warnings: readonly string[]) => void>(
  () => undefined,
);

/** Whether two lists of warnings say the same (a new reply with the same warnings changes nothing). */
export function sameWarnings(a: PreviewWarnings, b: PreviewWarnings): boolean {
  return (
    a.postId === b.postId && a.warnings.length === b.warnings.length && a.warnings.every((w, i) => w === b.warnings[i])
  );
}

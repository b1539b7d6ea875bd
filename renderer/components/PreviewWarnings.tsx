/**
 * The preview's warnings, held here rather than in the editor column: a new list (it quotes the text
 * being typed, so it can change at every preview reply) re-renders only the hints that show it, not
 * the editor and the preview around them.
 */
import { useCallback, useContext, useState, type ReactNode } from 'react';
import {
  NO_PREVIEW_WARNINGS,
  PreviewWarningsContext,
  ReportPreviewWarningsContext,
  sameWarnings,
} from '../state/previewWarnings';

/** Holds what the preview reported and gives it to the hints. */
export function PreviewWarningsProvider({ children }: { children: ReactNode }): React.JSX.Element {
  const [warnings, setWarnings] = useState(NO_PREVIEW_WARNINGS);
  const report = useCallback((postId: string, list: readonly string[]) => {
    const next = { postId, warnings: list };
    // A reply with the same warnings keeps the value, so the hints do not render again for it.
    setWarnings((now) => (sameWarnings(now, next) ? now : next));
  }, []);
  return (
    <ReportPreviewWarningsContext.Provider value={report}>
      <PreviewWarningsContext.Provider value={warnings}>{children}</PreviewWarningsContext.Provider>
    </ReportPreviewWarningsContext.Provider>
  );
}

/** How the preview reports its warnings (nothing outside a provider). */
export function useReportPreviewWarnings(): (postId: string, warnings: readonly string[]) => void {
  return useContext(ReportPreviewWarningsContext);
}

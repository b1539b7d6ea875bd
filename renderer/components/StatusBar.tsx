/** The status bar: save state (announced politely), word count, and the file's id. */
import { useDeferredValue, useMemo } from 'react';
import { countWords, wordLabel } from '../state/wordCount';

/** Props of the status bar. */
export interface StatusBarProps {
  status: string;
  tone: 'quiet' | 'dirty' | 'busy' | 'error';
  body: string | null;
  fileId: string | null;
  lineEnding: 'lf' | 'crlf' | null;
}

/** One line at the bottom of the window. */
export function StatusBar({ status, tone, body, fileId, lineEnding }: StatusBarProps): React.JSX.Element {
  const deferred = useDeferredValue(body);
  const words = useMemo(() => (deferred === null ? null : countWords(deferred)), [deferred]);
  return (
    <footer className="status-bar">
      <span className={`status status-${tone}`} role="status" aria-live="polite">
        <span className="status-dot" aria-hidden="true" />
        {status}
      </span>
      <span className="spacer" />
      {words === null ? null : <span className="status-item">{wordLabel(words)}</span>}
      {lineEnding === 'crlf' ? (
        <span className="status-item" title="This file uses Windows line endings; they are kept.">
          CRLF
        </span>
      ) : null}
      {fileId === null ? null : (
        <span className="status-item status-file" title={fileId}>
          {fileId}
        </span>
      )}
    </footer>
  );
}

/**
 * The status bar: save state, the post's length (and the selection's), and the file's id. None of
 * it is spoken as it changes: the save state turns from "Unsaved changes" to "Saving…" to "Saved" at
 * every pause when autosave is on, and reads "Saved" for every post opened (review 24a: a dozen
 * interruptions for four sentences). It keeps its `status` role, so a screen reader's "read the
 * status bar" finds it, with `aria-live="off"`. What the author should hear is said once, in a live
 * region of its own (`announcement`): a save they asked for. Failures have their alert banners.
 * The length changes with every pause in typing too, and is read when asked.
 */
import { useEffect } from 'react';
import { useEditorSelection } from '../hooks/useEditorSelection';
import { COUNT_AT_ONCE_BELOW, useTextStats } from '../hooks/useTextStats';
import { countLabel, IDEOGRAPHS_PER_MINUTE, readingLabel, WORDS_PER_MINUTE, type TextStats } from '../state/wordCount';

/** Props of the status bar. */
export interface StatusBarProps {
  status: string;
  tone: 'quiet' | 'dirty' | 'busy' | 'error';
  body: string | null;
  fileId: string | null;
  lineEnding: 'lf' | 'crlf' | null;
  /** Said once by a screen reader: the outcome of something the author asked for (a new `count` says it again). */
  announcement?: Announcement | null;
}

/** A message for the status bar's live region. */
export interface Announcement {
  text: string;
  count: number;
}

/** How long the post's text must rest before it is counted again. */
const POST_SETTLE_MS = 300;
/** A long selection is counted once it has rested this long (a short one at once). */
const SELECTION_SETTLE_MS = 80;

const COUNT_RULES =
  `Reading time at ${WORDS_PER_MINUTE} words a minute (${IDEOGRAPHS_PER_MINUTE} Han or kana characters). ` +
  'Front matter, code blocks, link addresses, images and HTML tags are not counted.';

/** One line at the bottom of the window. */
export function StatusBar({
  status,
  tone,
  body,
  fileId,
  lineEnding,
  announcement = null,
}: StatusBarProps): React.JSX.Element {
  const scope = fileId ?? '';
  // The first number formatted loads the platform's number formats (17-100 ms here): do it while the
  // page is idle, not in the render that first shows the counts, which lands on the author's first keys.
  useEffect(() => {
    if (typeof requestIdleCallback !== 'function') return;
    const id = requestIdleCallback(() => countLabel(1, null, 'word'));
    return () => cancelIdleCallback(id);
  }, []);
  const post = useTextStats(body, { scope, settleMs: POST_SETTLE_MS, atOnceBelow: 0 });
  const selectedText = useEditorSelection();
  const selection = useTextStats(body === null ? null : selectedText, {
    scope: `${scope}\0selection`,
    settleMs: SELECTION_SETTLE_MS,
    atOnceBelow: COUNT_AT_ONCE_BELOW,
  });
  return (
    <div className="status-bar">
      <span className={`status status-${tone}`} role="status" aria-live="off">
        <span className="status-dot" aria-hidden="true" />
        {status}
      </span>
      <span className="visually-hidden" aria-live="polite" aria-atomic="true">
        {/* The same words again are still a change (a second Ctrl+S): a no-break space tells them apart. */}
        {announcement === null ? '' : `${announcement.text}${announcement.count % 2 === 1 ? '\u00a0' : ''}`}
      </span>
      <span className="spacer" />
      {post === null ? null : <Counts post={post} selection={selectedText === null ? null : selection} />}
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
    </div>
  );
}

/** "1,450 words · 8,210 characters · 7 min read", or "120 of 1,450 words · …" for a selection. */
function Counts({ post, selection }: { post: TextStats; selection: TextStats | null }): React.JSX.Element {
  const reading = readingLabel(post);
  return (
    <span
      className="status-counts"
      role="group"
      aria-label={selection === null ? 'Length of the post' : 'Length of the selection and the post'}
      title={COUNT_RULES}
    >
      <span className="status-item">{countLabel(post.words, selection?.words ?? null, 'word')}</span>
      <Separator />
      <span className="status-item">{countLabel(post.characters, selection?.characters ?? null, 'character')}</span>
      {reading === null ? null : (
        <>
          <Separator />
          <span className="status-item">{reading}</span>
        </>
      )}
    </span>
  );
}

/** A dot between counts on screen; a comma (a pause) for a screen reader. */
function Separator(): React.JSX.Element {
  return (
    <>
      <span className="status-separator" aria-hidden="true">
        ·
      </span>
      <span className="visually-hidden">, </span>
    </>
  );
}

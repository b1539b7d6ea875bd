/** The launch prompt offering back the unsaved edits the journal kept (after a crash or a kill). */
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { JournalEntry, PostDoc, Result } from '../../shared/api/contract';
import { versionNote } from '../hooks/journalKeeping';
import { changedLines } from '../state/compare';
import { Dialog, INITIAL_FOCUS } from './Dialog';

const PREVIEW_LINES = 8;

/** Props of the restore prompt. */
export interface RestoreDialogProps {
  entries: JournalEntry[];
  readDisk: (id: string) => Promise<Result<PostDoc>>;
  onRestore: (entry: JournalEntry) => void;
  onDiscard: (entry: JournalEntry) => void;
  /** Close without deciding: the entries stay in the journal. */
  onLater: () => void;
}

/** "Restore unsaved work": each post with what would come back, and Restore / Discard. */
export function RestoreDialog({
  entries,
  readDisk,
  onRestore,
  onDiscard,
  onLater,
}: RestoreDialogProps): React.JSX.Element {
  const list = useRef<HTMLUListElement>(null);
  // After a Discard its button is gone: the focus goes to the Restore beside it, never to the page.
  const refocus = useRef<number | null>(null);
  useLayoutEffect(() => {
    const index = refocus.current;
    if (index === null) return;
    refocus.current = null;
    const restores = list.current?.querySelectorAll<HTMLButtonElement>('button[data-restore]') ?? [];
    restores[Math.min(index, restores.length - 1)]?.focus();
  }, [entries]);
  return (
    <Dialog
      title="Restore unsaved work"
      description="Postwright kept changes that were never saved. Restore them to keep working, or discard them."
      onCancel={onLater}
    >
      <ul className="restore-list" ref={list}>
        {entries.map((entry, index) => (
          <RestoreItem
            key={`${entry.id}#${entry.slot ?? ''}#${entry.session ?? ''}`}
            first={index === 0}
            entry={entry}
            version={versionNote(entries, entry)}
            readDisk={readDisk}
            onRestore={() => onRestore(entry)}
            onDiscard={() => {
              refocus.current = index;
              onDiscard(entry);
            }}
          />
        ))}
      </ul>
      <div className="dialog-actions">
        <span className="spacer" />
        <button type="button" className="button" onClick={onLater}>
          Later
        </button>
      </div>
    </Dialog>
  );
}

interface Preview {
  lines: string[];
  more: number;
  note: string | null;
  /** The post's file is not on disk (restoring makes a new post). */
  gone: boolean;
}

function frontMatterNote(entry: JournalEntry): string | null {
  const change = entry.frontMatter;
  if (change.kind === 'raw') return 'The front matter was edited as text.';
  if (change.kind === 'fields') {
    const keys = change.edits.map((edit) => edit.key).join(', ');
    return `Front matter changed: ${keys}.`;
  }
  return null;
}

async function previewOf(entry: JournalEntry, readDisk: RestoreDialogProps['readDisk']): Promise<Preview> {
  const disk = await readDisk(entry.id);
  if (!disk.ok) {
    // The whole text is the work: its first lines, from the first that holds anything.
    const lines = entry.body
      .replace(/^(?:[ \t]*\n)+/, '')
      .split('\n')
      .slice(0, PREVIEW_LINES);
    const note =
      disk.error.code === 'NOT_FOUND'
        ? 'The file is no longer on disk: restoring makes a new post of these edits.'
        : disk.error.message;
    return { lines, more: 0, note, gone: disk.error.code === 'NOT_FOUND' };
  }
  // Only fields edited: restoring keeps the body on disk, so there is no text to show.
  const diff =
    entry.bodyEdited === false ? { lines: [], more: 0 } : changedLines(disk.value.body, entry.body, PREVIEW_LINES);
  const note =
    disk.value.version === entry.baseVersion ? null : 'The file changed on disk since; you will choose which to keep.';
  return { ...diff, note, gone: false };
}

interface RestoreItemProps {
  /** The first item's Restore takes the focus (Enter or space must never discard by accident). */
  first: boolean;
  entry: JournalEntry;
  /** Which of several unsaved versions of the same post this is (see `versionNote`), else null. */
  version: string | null;
  readDisk: RestoreDialogProps['readDisk'];
  onRestore: () => void;
  onDiscard: () => void;
}

function RestoreItem({ first, entry, version, readDisk, onRestore, onDiscard }: RestoreItemProps): React.JSX.Element {
  const id = useId();
  const [preview, setPreview] = useState<Preview | null>(null);
  useEffect(() => {
    let live = true;
    void previewOf(entry, readDisk).then((value) => {
      if (live) setPreview(value);
    });
    return () => {
      live = false;
    };
  }, [entry, readDisk]);
  const gone = preview?.gone ?? entry.diskVersion === null;
  const fmNote = frontMatterNote(entry);
  // Two versions of one post share a title: the buttons are described by which version they act on too.
  const describedBy = version === null ? `${id}-title` : `${id}-title ${id}-version`;

  return (
    <li className="restore-item" aria-labelledby={`${id}-title`}>
      <div className="restore-head">
        <h3 className="restore-title" id={`${id}-title`}>
          {entry.title}
        </h3>
        <span className="restore-when">{when(entry.updatedAt, version !== null)}</span>
      </div>
      {version === null ? null : (
        <p className="restore-note" id={`${id}-version`}>
          {version}
        </p>
      )}
      <pre className="restore-preview" aria-label={`What will be restored in ${entry.title}`}>
        {preview === null ? 'Reading…' : preview.lines.join('\n') || '(no change to the text)'}
        {preview !== null && preview.more > 0 ? `\n… and ${preview.more} more lines` : ''}
      </pre>
      {fmNote === null ? null : <p className="restore-note">{fmNote}</p>}
      {preview?.note == null ? null : <p className="restore-note">{preview.note}</p>}
      <div className="restore-actions">
        <button type="button" className="button" aria-describedby={describedBy} onClick={onDiscard}>
          Discard
        </button>
        <button
          type="button"
          className="button primary"
          aria-describedby={describedBy}
          data-restore=""
          {...(first ? INITIAL_FOCUS : {})}
          onClick={onRestore}
        >
          {gone ? 'Restore as new post' : 'Restore'}
        </button>
      </div>
    </li>
  );
}

/** When an entry was journalled; to the second when versions of one post are told apart by it. */
function when(iso: string, seconds = false): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: seconds ? 'medium' : 'short' });
}

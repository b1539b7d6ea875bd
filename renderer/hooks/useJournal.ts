/**
 * The journal of unsaved edits: the open post's draft is written about a second after typing stops,
 * forgotten once saved or discarded, and offered back at launch. Every call names this page load's
 * editor session, so another tab on the same post journals, saves and discards its own entry
 * without touching this one's. Entries found at launch, and the
 * edits "Take theirs" sets aside, are kept apart until the author restores or discards each one
 * (see journalKeeping.ts), so no edit or save of their post replaces them. A backend without a journal
 * (UNSUPPORTED) simply turns the feature off: no errors, no prompts.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiError, BlogApi, JournalDraft, JournalEntry, Result } from '../../shared/api/contract';
import { isDirty, saveRequest, type EditorState } from '../state/editor';
import {
  adoptEntry,
  afterRename,
  editorSession,
  forgetEntry,
  keepApart,
  liveSessions,
  sameEntry,
  withEntry,
} from './journalKeeping';
import type { EditorControls } from './useEditor';

/** How long after the last keystroke the draft is journalled. */
export const JOURNAL_DELAY_MS = 1000;

/** What the UI can do with the journal. */
export interface JournalControls {
  /** Entries found at launch or set aside by Take theirs that the author has not yet restored or discarded. */
  entries: JournalEntry[];
  /** Saves like the editor does, then forgets the post's journal when everything is on disk. */
  save: (force?: boolean) => Promise<boolean>;
  /**
   * Forgets this tab's journalled edits of a post (the author chose not to keep them, or saved);
   * other tabs' stay. Settles after any write queued before it.
   */
  discard: (id: string) => Promise<void>;
  /**
   * Keeps the open post's edits apart (before they are dropped), to be offered back until decided.
   * Resolves with the error when they could not be kept: then they must not be dropped.
   */
  keepNow: () => Promise<ApiError | null>;
  /** Journals the open post's unsaved edits now (after a "Don't save" whose action was then cancelled). */
  journalNow: () => void;
  /** Forgets an offered entry (the author chose not to keep it) and takes it off the list. */
  discardEntry: (entry: JournalEntry) => void;
  /**
   * Opens a journalled post and applies its edits as unsaved edits; false when it could not. Edits
   * of a post whose file is gone come back as a new post of that title.
   */
  restore: (entry: JournalEntry) => Promise<boolean>;
  /** Removes an entry from the list without touching the journal. */
  dismiss: (entry: JournalEntry) => void;
  /** Post `from` was renamed to `to`: its offered entries follow it (the backend moved them). */
  renamed: (from: string, to: string) => Promise<void>;
  /**
   * Why the last journal write of a post failed (an unwritable data folder, a full disk, edits too
   * large), until one succeeds: its unsaved edits would not survive a crash. A save does not clear
   * it (the journal is no better for it), so the warning is not raised anew at every save.
   */
  problem: JournalProblem | null;
}

/** A journal write that failed, for the post it was about. */
export interface JournalProblem {
  id: string;
  message: string;
}

/** The draft a save would send, as the journal keeps it. */
export function journalDraft(state: EditorState): JournalDraft | null {
  if (!isDirty(state) || state.doc?.readOnly !== undefined) return null;
  const request = saveRequest(state);
  if (request === null) return null;
  const { id, baseVersion, frontMatter } = request;
  // The journal keeps the whole body, edited or not (a save leaves an unedited one out), and says which.
  return request.body === undefined
    ? { id, baseVersion, body: state.body, frontMatter, bodyEdited: false }
    : { id, baseVersion, body: request.body, frontMatter };
}

/** Runs journal calls one after another, so a discard never overtakes the write before it. */
function useQueue(): (job: () => Promise<Result<unknown>>) => Promise<void> {
  const tail = useRef<Promise<void>>(Promise.resolve());
  const off = useRef(false);
  return useCallback((job) => {
    tail.current = tail.current.then(async () => {
      if (off.current) return;
      const result = await job();
      if (!result.ok && result.error.code === 'UNSUPPORTED') off.current = true;
    });
    return tail.current;
  }, []);
}

/**
 * Puts a journal entry's edits in the editor. Only fields edited: the body stays as it is on disk
 * now (review 23b: a pull's change to it was written back over), unless `whole` (a new post made
 * of the entry, whose file is gone, needs all of its text).
 */
function applyEntry(dispatch: EditorControls['dispatch'], entry: JournalDraft, whole = false): void {
  if (whole || entry.bodyEdited !== false) dispatch({ type: 'editBody', body: entry.body });
  const change = entry.frontMatter;
  if (change.kind === 'raw') {
    dispatch({ type: 'setMode', mode: 'raw' });
    dispatch({ type: 'editRaw', raw: change.raw });
  } else if (change.kind === 'fields') {
    for (const edit of change.edits) {
      dispatch(
        edit.op === 'remove'
          ? { type: 'removeField', key: edit.key }
          : { type: 'setField', key: edit.key, value: edit.value },
      );
    }
  }
}

/** A post's file name without its folder and extension, to title a new post by. */
function fileStem(id: string): string {
  return (id.split('/').pop() ?? id).replace(/\.[^.]*$/, '');
}

/** Binds the journal to the editor. */
export function useJournal(api: BlogApi, editor: EditorControls): JournalControls {
  const [entries, setEntries] = useState<JournalEntry[]>([]);
  const enqueue = useQueue();
  const { state, current, open, create, dispatch, save: editorSave } = editor;
  // Made once per page load: the same for every render, a new one after a reload.
  const session = editorSession();
  const [problem, setProblem] = useState<JournalProblem | null>(null);
  // Writes the draft and keeps what came of it: a failure is shown to the author, not dropped.
  const write = useCallback(
    async (draft: JournalDraft) => {
      const written = await api.writeJournal(draft, session);
      if (written.ok) setProblem((now) => (now?.id === draft.id ? null : now));
      else if (written.error.code !== 'UNSUPPORTED') setProblem({ id: draft.id, message: written.error.message });
      return written;
    },
    [api, session],
  );

  useEffect(() => {
    let live = true;
    void api.listJournal().then(async (result) => {
      if (!result.ok) return;
      const kept = await keepApart(api, result.value, await liveSessions());
      // Merged: an entry Take theirs kept meanwhile stays on the list.
      if (live) setEntries((list) => [...kept].reverse().reduce((merged, entry) => withEntry(merged, entry), list));
    });
    return () => {
      live = false;
    };
  }, [api]);

  // Every change of the text restarts the wait; a clean state (saved, reloaded) cancels it.
  useEffect(() => {
    const draft = journalDraft(state);
    if (draft === null) return;
    const timer = window.setTimeout(() => {
      // Not for a post closed since (deleted: its journal was just forgotten), before React re-rendered.
      if (current().doc?.id === draft.id) void enqueue(() => write(draft));
    }, JOURNAL_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [current, enqueue, state, write]);

  const discard = useCallback((id: string) => enqueue(() => api.discardJournal(id, session)), [api, enqueue, session]);
  const dismiss = useCallback(
    (entry: JournalEntry) => setEntries((list) => list.filter((other) => !sameEntry(other, entry))),
    [],
  );
  const discardEntry = useCallback(
    (entry: JournalEntry) => {
      void enqueue(() => forgetEntry(api, entry));
      dismiss(entry);
    },
    [api, dismiss, enqueue],
  );

  const save = useCallback(
    async (force = false) => {
      const id = current().doc?.id;
      const done = await editorSave(force);
      if (done && id !== undefined) await discard(id);
      return done;
    },
    [current, discard, editorSave],
  );

  const journalNow = useCallback(() => {
    const draft = journalDraft(current());
    if (draft !== null) void enqueue(() => write(draft));
  }, [current, enqueue, write]);

  const keepNow = useCallback(async () => {
    const draft = journalDraft(current());
    if (draft === null) return null;
    let refused: ApiError | null = null;
    await enqueue(async () => {
      const kept = await api.keepJournal(draft, session);
      if (kept.ok) setEntries((list) => withEntry(list, kept.value));
      // A backend without a journal keeps nothing, by design; any other failure keeps the edits in the editor.
      else if (kept.error.code !== 'UNSUPPORTED') refused = kept.error;
      return kept;
    });
    return refused;
  }, [api, current, enqueue, session]);

  const restore = useCallback(
    async (entry: JournalEntry) => {
      // Asked again: the file may have gone, or come back, since the entry was listed.
      const disk = await api.readPost(entry.id);
      if (!disk.ok && disk.error.code === 'NOT_FOUND') {
        // Its file is gone (deleted, or renamed by another program): the edits come back as a new post.
        let refused = await create(entry.title);
        // A title with no letter or digit to name a file by ("🙂"): named by the old file instead.
        if (refused?.code === 'INVALID_ARGUMENT') refused = await create(fileStem(entry.id));
        if (refused !== null) {
          const message = `"${entry.title}" could not be restored as a new post: ${refused.message}`;
          dispatch({ type: 'failed', error: { ...refused, message } });
          return false;
        }
        applyEntry(dispatch, entry, true);
        const draft = journalDraft(current());
        // Journalled under the new post first, so a crash before the old entry is forgotten loses nothing.
        if (draft !== null) void enqueue(() => write(draft));
        // This session's own entry under the very name the new post got is now that post's journal.
        if (entry.slot !== undefined || entry.session !== session || draft?.id !== entry.id)
          void enqueue(() => forgetEntry(api, entry));
        dismiss(entry);
        return true;
      }
      await open(entry.id);
      const opened = current().doc;
      if (opened?.id !== entry.id || opened.readOnly !== undefined) return false;
      // The edits apply to the version they were made on, so a newer file on disk is a conflict, never overwritten.
      if (opened.version !== entry.baseVersion)
        dispatch({ type: 'loaded', doc: { ...opened, version: entry.baseVersion } });
      applyEntry(dispatch, entry);
      if (opened.version !== entry.baseVersion) dispatch({ type: 'diskVersion', doc: opened });
      // Only this entry is adopted and forgotten: another tab's entry of the same post stays offered.
      void enqueue(() => adoptEntry(api, entry, session));
      dismiss(entry);
      return true;
    },
    [api, create, current, dismiss, dispatch, enqueue, open, session, write],
  );

  const renamed = useCallback(
    async (from: string, to: string) => {
      const listed = await api.listJournal();
      if (listed.ok) setEntries((list) => afterRename(list, from, to, listed.value));
    },
    [api],
  );

  return useMemo(
    () => ({ entries, save, discard, keepNow, journalNow, discardEntry, restore, dismiss, renamed, problem }),
    [entries, save, discard, keepNow, journalNow, discardEntry, restore, dismiss, renamed, problem],
  );
}

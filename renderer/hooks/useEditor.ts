/** The open post's side effects: reading, saving, creating, and noticing changes on disk. */
import { startTransition, useCallback, useMemo, useReducer, useRef, useState } from 'react';
import type { ApiError, BlogApi, PostDoc, Result } from '../../shared/api/contract';
import {
  editorReducer,
  initialEditor,
  isDirty,
  saveRequest,
  snapshot,
  type EditorAction,
  type EditorState,
} from '../state/editor';
import { threadTimers, type TextSource } from '../preview/typing';
import { createEditorStore } from './editorStore';

/** What the UI can do with the open post. */
export interface EditorControls {
  state: EditorState;
  dispatch: (action: EditorAction) => void;
  /** The latest state, for event handlers that run between renders. */
  current: () => EditorState;
  /**
   * A keystroke's text, typed into the post of `generation`: the latest state takes it at once,
   * React's state a moment later (../preview/typing.ts). Ignored once another read replaced the post.
   */
  typeBody: (body: string, generation: number) => void;
  /** The text as typed, for readers that follow every key without a render (the preview). */
  text: TextSource;
  open: (id: string) => Promise<void>;
  /** Saves the edits; true when nothing is left unsaved. */
  save: (force?: boolean) => Promise<boolean>;
  /** Drops the edits and reads the file again. */
  reloadFromDisk: () => Promise<void>;
  /** Re-reads the open post after a change on disk; the reducer decides what to do with it. */
  checkDisk: () => Promise<void>;
  /** Creates a post and opens it; the error when it could not be created. */
  create: (title: string) => Promise<ApiError | null>;
  /** Forgets the open post (its folder went away). */
  close: () => void;
}

/** Binds the editor reducer to the backend. */
export function useEditor(api: BlogApi): EditorControls {
  const [state, reactDispatch] = useReducer(editorReducer, initialEditor);
  // Handlers read the latest state, which every action and every key change at once (./editorStore.ts).
  const [store] = useState(() =>
    createEditorStore({
      react: reactDispatch,
      timers: threadTimers,
      frame: (callback) => requestAnimationFrame(callback),
      transition: startTransition,
    }),
  );
  const { dispatch, current, typeBody } = store;

  const open = useCallback(
    async (id: string) => {
      dispatch({ type: 'open', id });
      let result: Result<PostDoc>;
      try {
        result = await api.readPost(id);
      } catch (error) {
        // A read that throws (not a failure the backend reported) must not leave the editor read-only, opening.
        result = { ok: false, error: { code: 'IO', message: `Could not read the post: ${String(error)}` } };
      }
      // A read the author has since left for another post lands nowhere: after that post is in (opening
      // cleared), it would replace it, and whatever was typed there.
      if (current().opening !== id) return;
      dispatch(result.ok ? { type: 'loaded', doc: result.value } : { type: 'loadFailed', id, error: result.error });
    },
    [api, current, dispatch],
  );

  // A change on disk noticed while a save is in flight waits for it (the reducer cannot judge it
  // then), and is looked at again once the save settles. Only the latest of several reads counts,
  // and a save makes every read still out stale (its answer may be the version the save replaced).
  const recheck = useRef(false);
  const reads = useRef(0);
  const reading = useRef(0);
  const checkDisk = useCallback(async () => {
    const id = current().doc?.id;
    if (id === undefined) return;
    if (current().saving !== null) {
      recheck.current = true;
      return;
    }
    const asked = ++reads.current;
    reading.current += 1;
    let result: Result<PostDoc>;
    try {
      result = await api.readPost(id);
    } finally {
      reading.current -= 1;
    }
    if (asked !== reads.current || current().doc?.id !== id) return;
    if (result.ok) dispatch({ type: 'diskVersion', doc: result.value });
    // A folder (or anything but a file) where the post was: the post is gone as surely as if deleted.
    else if (result.error.code === 'NOT_FOUND' || result.error.code === 'NOT_A_FILE')
      dispatch({ type: 'diskGone', id });
  }, [api, current, dispatch]);

  const save = useCallback(
    async (force = false) => {
      const before = current();
      const request = saveRequest(before, force);
      const sent = snapshot(before);
      if (before.saving !== null || request === null || sent === null) return !isDirty(before);
      if (!force && !isDirty(before)) return true;
      if (reading.current > 0) recheck.current = true;
      reads.current += 1;
      dispatch({ type: 'saveStarted', sent });
      const result = await api.savePost(request);
      dispatch(result.ok ? { type: 'saved', doc: result.value } : { type: 'saveFailed', error: result.error });
      if (recheck.current) {
        recheck.current = false;
        void checkDisk();
      }
      return result.ok && !isDirty(current());
    },
    [api, current, dispatch, checkDisk],
  );

  const reloadFromDisk = useCallback(async () => {
    const id = current().doc?.id;
    if (id !== undefined) await open(id);
  }, [current, open]);

  const create = useCallback(
    async (title: string) => {
      const result = await api.createPost({ title });
      if (!result.ok) return result.error;
      dispatch({ type: 'open', id: result.value.id });
      dispatch({ type: 'loaded', doc: result.value });
      return null;
    },
    [api, dispatch],
  );

  const close = useCallback(() => dispatch({ type: 'reset' }), [dispatch]);

  return useMemo(
    () => ({
      state,
      dispatch,
      current,
      typeBody,
      text: store.text,
      open,
      save,
      reloadFromDisk,
      checkDisk,
      create,
      close,
    }),
    [state, dispatch, current, typeBody, store, open, save, reloadFromDisk, checkDisk, create, close],
  );
}

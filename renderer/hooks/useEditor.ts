/** The open post's side effects: reading, saving, creating, and noticing changes on disk. */
import { useCallback, useMemo, useReducer, useRef } from 'react';
import type { ApiError, BlogApi } from '../../shared/api/contract';
import {
  editorReducer,
  initialEditor,
  isDirty,
  saveRequest,
  snapshot,
  type EditorAction,
  type EditorState,
} from '../state/editor';

/** What the UI can do with the open post. */
export interface EditorControls {
  state: EditorState;
  dispatch: (action: EditorAction) => void;
  /** The latest state, for event handlers that run between renders. */
  current: () => EditorState;
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
  // Handlers read the state through this ref; it is updated with every action, so a save right
  // after a keystroke sees the keystroke even before React has rendered it.
  const latest = useRef(initialEditor);
  const dispatch = useCallback((action: EditorAction) => {
    latest.current = editorReducer(latest.current, action);
    reactDispatch(action);
  }, []);
  const current = useCallback(() => latest.current, []);

  const open = useCallback(
    async (id: string) => {
      dispatch({ type: 'open', id });
      const result = await api.readPost(id);
      dispatch(result.ok ? { type: 'loaded', doc: result.value } : { type: 'loadFailed', id, error: result.error });
    },
    [api, dispatch],
  );

  const save = useCallback(
    async (force = false) => {
      const before = latest.current;
      const request = saveRequest(before, force);
      const sent = snapshot(before);
      if (before.saving !== null || request === null || sent === null) return !isDirty(before);
      if (!force && !isDirty(before)) return true;
      dispatch({ type: 'saveStarted', sent });
      const result = await api.savePost(request);
      dispatch(result.ok ? { type: 'saved', doc: result.value } : { type: 'saveFailed', error: result.error });
      return result.ok && !isDirty(latest.current);
    },
    [api, dispatch],
  );

  const reloadFromDisk = useCallback(async () => {
    const id = latest.current.doc?.id;
    if (id !== undefined) await open(id);
  }, [open]);

  const checkDisk = useCallback(async () => {
    const id = latest.current.doc?.id;
    if (id === undefined) return;
    const result = await api.readPost(id);
    if (result.ok) dispatch({ type: 'diskVersion', doc: result.value });
    else if (result.error.code === 'NOT_FOUND') dispatch({ type: 'diskGone', id });
  }, [api, dispatch]);

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
    () => ({ state, dispatch, current, open, save, reloadFromDisk, checkDisk, create, close }),
    [state, dispatch, current, open, save, reloadFromDisk, checkDisk, create, close],
  );
}

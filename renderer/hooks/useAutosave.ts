/** Optional autosave: when the setting is on, the open post is saved after a pause in typing. */
import { useEffect } from 'react';
import { isDirty, type EditorState } from '../state/editor';

/** How long typing must pause before an autosave. */
export const AUTOSAVE_DELAY_MS = 2000;

/** Whether an autosave may run now: never over a conflict, an error, a post gone from disk, or a read-only post. */
export function canAutosave(state: EditorState): boolean {
  return (
    isDirty(state) &&
    state.saving === null &&
    !state.conflict &&
    !state.changedOnDisk &&
    // Its failure would read as the reason "Save again" failed; only the author puts the file back.
    !state.goneOnDisk &&
    state.error === null &&
    state.doc?.readOnly === undefined
  );
}

/** Saves `AUTOSAVE_DELAY_MS` after the last change while `enabled`. */
export function useAutosave(enabled: boolean, state: EditorState, save: () => Promise<unknown>): void {
  useEffect(() => {
    if (!enabled || !canAutosave(state)) return;
    const timer = window.setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [enabled, state, save]);
}

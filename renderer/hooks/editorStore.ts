/**
 * The open post's latest state, outside React: every action and every key changes it at once, so a
 * save, the journal, the close guard or a toolbar command right after a keystroke sees the keystroke.
 * React's copy follows: actions at once, typed text after the key is painted and at most every
 * HANDOVER_MS (../preview/typing.ts), so the app re-renders a few times a second while the author
 * types, not once per key.
 */
import { editorReducer, initialEditor, isDirty, type EditorAction, type EditorState } from '../state/editor';
import { createAfterPaint, createHandover, createSignal, type TextSource, type Timers } from '../preview/typing';

/** The latest state and the ways to change it. */
export interface EditorStore {
  /** The latest state. */
  current: () => EditorState;
  /** Applies `action` here and in React's state. */
  dispatch: (action: EditorAction) => void;
  /** A keystroke's text, typed into the post of `generation` (ignored once another read replaced it). */
  typeBody: (body: string, generation: number) => void;
  /** The text as typed, for readers that follow every key without a render (the preview). */
  text: TextSource;
}

/** What the store drives: React's reducer, timers, frames, transitions. */
export interface EditorStoreWorld {
  react: (action: EditorAction) => void;
  timers: Timers;
  frame: (callback: () => void) => void;
  transition: (run: () => void) => void;
}

/** A store whose React copy is changed through `world.react`. */
export function createEditorStore(world: EditorStoreWorld): EditorStore {
  let latest = initialEditor;
  const changed = createSignal();
  // The text React's state holds: every action reaches it after the same text the latest state had.
  let reactBody = initialEditor.body;
  const handover = createHandover((body) => {
    reactBody = body;
    world.transition(() => world.react({ type: 'editBody', body }));
  }, world.timers);
  let flipped = false;
  // A key's followers (the preview, React's copy) run after the key is painted, once per frame.
  const followKeys = createAfterPaint(() => {
    if (latest.body !== reactBody) handover.typed(latest.body, flipped);
    flipped = false;
    changed.notify();
  }, world.frame);

  const dispatch = (action: EditorAction): void => {
    handover.take();
    if (latest.body !== reactBody) world.react({ type: 'editBody', body: latest.body });
    const before = latest;
    latest = editorReducer(before, action);
    world.react(action);
    reactBody = latest.body;
    if (latest.body !== before.body || latest.doc?.id !== before.doc?.id) changed.notify();
  };
  const typeBody = (body: string, generation: number): void => {
    const before = latest;
    // Not while another post is being read: its arrival would replace what was typed (the textarea is read-only then).
    if (generation !== before.generation || before.doc === null || before.doc.readOnly !== undefined) return;
    if (before.opening !== null) return;
    latest = editorReducer(before, { type: 'editBody', body });
    flipped ||= isDirty(latest) !== isDirty(before);
    followKeys();
  };
  return {
    current: () => latest,
    dispatch,
    typeBody,
    text: { body: () => latest.body, postId: () => latest.doc?.id ?? null, subscribe: changed.subscribe },
  };
}

import { describe, expect, it } from 'vitest';
import { editorReducer, initialEditor, type EditorAction } from '../state/editor';
import { seedDoc } from '../state/fixtures';
import { createEditorStore } from './editorStore';

/** A store over a reducer standing in for React's, with frames and timers run by hand. */
function setup() {
  const actions: EditorAction[] = [];
  let react = initialEditor;
  const frames: (() => void)[] = [];
  const timers = new Map<number, { run: () => void; ms: number }>();
  let nextTimer = 1;
  const store = createEditorStore({
    react: (action) => {
      actions.push(action);
      react = editorReducer(react, action);
    },
    timers: {
      set: (run, ms) => {
        timers.set(nextTimer, { run, ms });
        return nextTimer++;
      },
      clear: (id) => timers.delete(id),
      now: () => 0,
    },
    frame: (callback) => frames.push(callback),
    transition: (run) => run(),
  });
  store.dispatch({ type: 'open', id: 'blog/focus.md' });
  store.dispatch({ type: 'loaded', doc: seedDoc('v1', 'Hello') });
  actions.length = 0;
  /** Runs the frames asked for, then waits for the message each posts. */
  const paint = async (): Promise<void> => {
    const waiting = frames.splice(0);
    for (const frame of waiting) frame();
    await new Promise((resolve) => setTimeout(resolve, 5));
  };
  const dueTimers = (): number[] => {
    const due = [...timers.values()];
    timers.clear();
    for (const timer of due) timer.run();
    return due.map((timer) => timer.ms);
  };
  return { store, actions, react: () => react, paint, dueTimers };
}

describe('the editor store', () => {
  it('takes no key while another post is being read (its arrival would replace it), and takes keys again once it is in', () => {
    const { store } = setup();
    const generation = store.current().generation;
    store.dispatch({ type: 'open', id: 'blog/other.md' });
    store.typeBody('Hello, typed while the next post was on its way', generation);
    expect(store.current().body).toBe('Hello');
    expect(store.text.body()).toBe('Hello');
    store.dispatch({ type: 'loaded', doc: { ...seedDoc('v1', 'Other'), id: 'blog/other.md' } });
    const next = store.current().generation;
    store.typeBody('Other!', next);
    expect(store.current().body).toBe('Other!');
  });

  it('holds every key at once, and hands React only the newest text, after the paint and a pause', async () => {
    const { store, actions, react, paint, dueTimers } = setup();
    const generation = store.current().generation;
    store.typeBody('Hello!', generation);
    store.typeBody('Hello!!', generation);
    expect(store.current().body).toBe('Hello!!');
    expect(store.text.body()).toBe('Hello!!');
    expect(actions).toEqual([]);
    await paint();
    // The first key made the post dirty: React hears of it in the next task, not after the pause.
    expect(dueTimers()).toEqual([0]);
    expect(actions).toEqual([{ type: 'editBody', body: 'Hello!!' }]);
    store.typeBody('Hello!!!', generation);
    await paint();
    expect(dueTimers()).toEqual([200]);
    expect(react().body).toBe('Hello!!!');
  });

  it('gives React the typed text before any other action, in the order the store saw them', () => {
    const { store, actions, react } = setup();
    store.typeBody('Hello, world', store.current().generation);
    store.dispatch({ type: 'saveStarted', sent: { body: 'Hello, world', frontMatter: store.current().frontMatter! } });
    expect(actions.map((action) => action.type)).toEqual(['editBody', 'saveStarted']);
    store.dispatch({ type: 'saved', doc: seedDoc('v2', 'Hello, world') });
    expect(react()).toEqual(store.current());
  });

  it('ignores a key typed into a post another read has replaced, and tells the preview of the new text', async () => {
    const { store, paint } = setup();
    let told = 0;
    store.text.subscribe(() => (told += 1));
    const old = store.current().generation;
    store.dispatch({ type: 'diskVersion', doc: seedDoc('v2', 'Changed on disk') });
    expect(told).toBe(1);
    store.typeBody('Hello?', old);
    await paint();
    expect(store.current().body).toBe('Changed on disk');
    expect(told).toBe(1);
  });

  it('tells the preview once per frame, after the paint', async () => {
    const { store, paint } = setup();
    const seen: string[] = [];
    store.text.subscribe(() => seen.push(store.text.body()));
    store.typeBody('Hello a', store.current().generation);
    store.typeBody('Hello ab', store.current().generation);
    expect(seen).toEqual([]);
    await paint();
    expect(seen).toEqual(['Hello ab']);
  });
});

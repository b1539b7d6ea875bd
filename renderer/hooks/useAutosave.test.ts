import { describe, expect, it } from 'vitest';
import { editorReducer, initialEditor, type EditorAction, type EditorState } from '../state/editor';
import { seedDoc } from '../state/fixtures';
import { canAutosave } from './useAutosave';

function run(...actions: EditorAction[]): EditorState {
  return actions.reduce(editorReducer, initialEditor);
}

const edited = (): EditorState =>
  run({ type: 'open', id: 'blog/focus.md' }, { type: 'loaded', doc: seedDoc() }, { type: 'editBody', body: 'Mine' });

describe('canAutosave', () => {
  it('saves unsaved edits of a post that is on disk as it was read', () => {
    expect(canAutosave(edited())).toBe(true);
  });

  it('never over a change on disk, nor for a post deleted on disk (only "Save again" puts it back)', () => {
    expect(canAutosave(editorReducer(edited(), { type: 'diskVersion', doc: seedDoc('v2', 'Theirs') }))).toBe(false);
    expect(canAutosave(editorReducer(edited(), { type: 'diskGone', id: 'blog/focus.md' }))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import {
  editorReducer,
  initialEditor,
  isDirty,
  replacedFrontMatterStays,
  replacedText,
  saveRequest,
  snapshot,
  statusText,
  type EditorAction,
  type EditorState,
} from './editor';
import type { PostDoc } from '../../shared/api/contract';
import { seedDoc } from './fixtures';

function run(...actions: EditorAction[]): EditorState {
  return actions.reduce(editorReducer, initialEditor);
}

const start = (state: EditorState): EditorState =>
  editorReducer(state, { type: 'saveStarted', sent: snapshot(state)! });

const opened = (): EditorState => run({ type: 'open', id: 'blog/focus.md' }, { type: 'loaded', doc: seedDoc() });

describe('opening', () => {
  it('shows the post as read, clean', () => {
    const state = opened();
    expect(state.body).toBe(seedDoc().body);
    expect(isDirty(state)).toBe(false);
    expect(statusText(state)).toBe('Saved');
    // The body untouched is left out: the file's own stays, whatever another program wrote to it.
    expect(saveRequest(state)).toEqual({ id: 'blog/focus.md', baseVersion: 'v1', frontMatter: { kind: 'none' } });
    const typed = run(
      { type: 'open', id: 'blog/focus.md' },
      { type: 'loaded', doc: seedDoc() },
      { type: 'editBody', body: 'New text.\n' },
    );
    expect(saveRequest(typed)?.body).toBe('New text.\n');
  });

  it('ignores a slow read of a post the author already left', () => {
    const other = { ...seedDoc(), id: 'other.md' };
    const state = run(
      { type: 'open', id: 'blog/focus.md' },
      { type: 'open', id: 'other.md' },
      { type: 'loaded', doc: seedDoc() },
    );
    expect(state.doc).toBeNull();
    expect(editorReducer(state, { type: 'loaded', doc: other }).doc?.id).toBe('other.md');
  });

  it('keeps the open post and shows the error when another cannot be read', () => {
    const error = { code: 'NOT_FOUND' as const, message: 'The post is gone.' };
    const state = [{ type: 'open', id: 'x.md' } as const, { type: 'loadFailed', id: 'x.md', error } as const].reduce(
      editorReducer,
      opened(),
    );
    expect(state.doc?.id).toBe('blog/focus.md');
    expect(state.error).toEqual(error);
  });
});

describe('editing', () => {
  it('marks body and field edits dirty and puts them in the save request', () => {
    const state = [
      { type: 'editBody', body: 'New text' } as const,
      { type: 'setField', key: 'title', value: { kind: 'text', text: 'Focus' } } as const,
    ].reduce(editorReducer, opened());
    expect(isDirty(state)).toBe(true);
    expect(statusText(state)).toBe('Unsaved changes');
    expect(saveRequest(state, true)).toEqual({
      id: 'blog/focus.md',
      baseVersion: 'v1',
      body: 'New text',
      frontMatter: { kind: 'fields', edits: [{ op: 'set', key: 'title', value: { kind: 'text', text: 'Focus' } }] },
      force: true,
    });
  });

  it('is clean again when the text is typed back to what is on disk', () => {
    const state = [
      { type: 'editBody', body: 'x' } as const,
      { type: 'editBody', body: seedDoc().body } as const,
    ].reduce(editorReducer, opened());
    expect(isDirty(state)).toBe(false);
  });

  it('refuses front-matter edits while another post is being read (its arrival would replace them)', () => {
    const reading = editorReducer(opened(), { type: 'open', id: 'blog/other.md' });
    const state = [
      { type: 'setField', key: 'title', value: { kind: 'text', text: 'Typed while opening' } },
      { type: 'removeField', key: 'path' },
    ].reduce((s, action) => editorReducer(s, action as EditorAction), reading);
    expect(state.frontMatter).toBe(reading.frontMatter);
    expect(isDirty(state)).toBe(false);
  });

  it('refuses edits to a read-only post', () => {
    const doc = { ...seedDoc(), readOnly: 'The file is not UTF-8.' };
    const state = run({ type: 'loaded', doc }, { type: 'editBody', body: 'x' }, { type: 'removeField', key: 'title' });
    expect(isDirty(state)).toBe(false);
    expect(statusText(state)).toBe('Read-only');
  });
});

describe('saving', () => {
  it('goes saving → saved and takes the new version', () => {
    let state = editorReducer(opened(), { type: 'editBody', body: 'Saved text' });
    state = start(state);
    expect(statusText(state)).toBe('Saving…');
    state = editorReducer(state, { type: 'saved', doc: seedDoc('v2', 'Saved text') });
    expect(state.doc?.version).toBe('v2');
    expect(isDirty(state)).toBe(false);
    expect(statusText(state)).toBe('Saved');
  });

  it('never loses text typed while a save is in flight', () => {
    let state = editorReducer(opened(), { type: 'editBody', body: 'Saved text' });
    state = start(state);
    state = editorReducer(state, { type: 'editBody', body: 'Saved text, and more' });
    state = editorReducer(state, { type: 'saved', doc: seedDoc('v2', 'Saved text') });
    expect(state.body).toBe('Saved text, and more');
    expect(isDirty(state)).toBe(true);
    expect(saveRequest(state)?.baseVersion).toBe('v2');
  });

  it('turns CONFLICT into the conflict state and keeps the text', () => {
    let state = editorReducer(opened(), { type: 'editBody', body: 'Mine' });
    state = start(state);
    state = editorReducer(state, { type: 'saveFailed', error: { code: 'CONFLICT', message: 'changed' } });
    expect(state.conflict).toBe(true);
    expect(state.body).toBe('Mine');
    expect(statusText(state)).toMatch(/changed on disk/);
  });

  it('shows other errors and keeps the text', () => {
    let state = editorReducer(opened(), { type: 'editBody', body: 'Mine' });
    state = start(state);
    state = editorReducer(state, {
      type: 'saveFailed',
      error: { code: 'NO_SPACE', message: 'The disk is full.', hint: 'Free some space.' },
    });
    expect(statusText(state)).toBe('The disk is full.');
    expect(state.body).toBe('Mine');
    expect(isDirty(state)).toBe(true);
    expect(editorReducer(state, { type: 'dismissError' }).error).toBeNull();
  });
});

describe('the text an unedited post showed, replaced by a change on disk', () => {
  const theirs = (version: string, body: string, raw?: string): PostDoc => {
    const doc = seedDoc(version, body);
    return raw === undefined ? doc : { ...doc, frontMatter: { ...doc.frontMatter, raw } };
  };
  const mine = seedDoc().body;

  it('is offered back, and comes back as unsaved edits over the version on disk now', () => {
    let state = editorReducer(opened(), { type: 'diskVersion', doc: theirs('v2', 'A sync program’s copy') });
    expect(state.body).toBe('A sync program’s copy');
    expect(replacedText(state)).toMatchObject({ id: 'blog/focus.md', version: 'v2', body: mine });
    state = editorReducer(state, { type: 'bringBackReplaced' });
    expect(state.body).toBe(mine);
    expect(state.doc?.version).toBe('v2');
    expect(isDirty(state)).toBe(true);
    expect(saveRequest(state)).toMatchObject({ baseVersion: 'v2', body: mine, frontMatter: { kind: 'none' } });
    expect(replacedText(state)).toBeNull();
  });

  it('brings back a front-matter block that changed too, as text over the block on disk', () => {
    const raw = 'title: "Theirs"';
    let state = editorReducer(opened(), { type: 'diskVersion', doc: theirs('v2', mine, raw) });
    expect(replacedText(state)?.raw).toBe(seedDoc().frontMatter.raw);
    state = editorReducer(state, { type: 'bringBackReplaced' });
    expect(state.frontMatter?.mode).toBe('raw');
    expect(saveRequest(state)).toMatchObject({ frontMatter: { kind: 'raw', raw: seedDoc().frontMatter.raw } });
  });

  it('brings back the body alone when the block on disk is in another format now, or the post had none, and says so', () => {
    const toml = {
      ...seedDoc('v2', 'Theirs'),
      frontMatter: { ...seedDoc().frontMatter, format: 'toml' as const, raw: 'title = "T"' },
    };
    let state = editorReducer(opened(), { type: 'diskVersion', doc: toml });
    expect(replacedFrontMatterStays(state)).toBe(true);
    state = editorReducer(state, { type: 'bringBackReplaced' });
    expect(state.body).toBe(mine);
    expect(saveRequest(state)).toMatchObject({ body: mine, frontMatter: { kind: 'none' } });
    // A post that had no block, given one on disk: its body comes back, the block stays.
    const bare = {
      ...seedDoc('w1', 'Mine'),
      frontMatter: { format: 'none' as const, raw: '', editable: true, fields: [] },
    };
    let plain = run({ type: 'open', id: bare.id }, { type: 'loaded', doc: bare });
    plain = editorReducer(plain, { type: 'diskVersion', doc: seedDoc('w2', 'Theirs') });
    expect(replacedFrontMatterStays(plain)).toBe(true);
    plain = editorReducer(plain, { type: 'bringBackReplaced' });
    expect(saveRequest(plain)).toMatchObject({ body: 'Mine', frontMatter: { kind: 'none' } });
    // Only a block in another format changed: nothing could come back, so nothing is offered.
    const same = { ...toml, body: mine };
    expect(replacedText(editorReducer(opened(), { type: 'diskVersion', doc: same }))).toBeNull();
    // The same format: the block comes back, and the note has nothing to add.
    const yaml = editorReducer(opened(), { type: 'diskVersion', doc: theirs('v2', mine, 'title: "Theirs"') });
    expect(replacedFrontMatterStays(yaml)).toBe(false);
  });

  it('ends for good once the author edits, even if they type the text back', () => {
    const reloaded = editorReducer(opened(), { type: 'diskVersion', doc: theirs('v2', 'Theirs') });
    let state = editorReducer(reloaded, { type: 'editBody', body: 'Theirs!' });
    state = editorReducer(state, { type: 'editBody', body: 'Theirs' });
    expect(isDirty(state)).toBe(false);
    expect(replacedText(state)).toBeNull();
  });

  it('is not offered while the file is gone from disk', () => {
    let state = editorReducer(opened(), { type: 'diskVersion', doc: theirs('v2', 'Theirs') });
    state = editorReducer(state, { type: 'diskGone', id: 'blog/focus.md' });
    expect(replacedText(state)).toBeNull();
    expect(editorReducer(state, { type: 'bringBackReplaced' }).body).toBe('Theirs');
  });

  it('keeps the author’s own text through a second change, and is not offered when the file says it again', () => {
    let state = editorReducer(opened(), { type: 'diskVersion', doc: theirs('v2', 'First copy') });
    state = editorReducer(state, { type: 'diskVersion', doc: theirs('v3', 'Second copy') });
    expect(replacedText(state)).toMatchObject({ version: 'v3', body: mine });
    state = editorReducer(state, { type: 'diskVersion', doc: theirs('v4', mine) });
    expect(state.body).toBe(mine);
    expect(replacedText(state)).toBeNull();
  });

  it('is not offered for a file whose text is unchanged, nor once the author edits, saves or dismisses it', () => {
    expect(replacedText(editorReducer(opened(), { type: 'diskVersion', doc: theirs('v2', mine) }))).toBeNull();
    const reloaded = editorReducer(opened(), { type: 'diskVersion', doc: theirs('v2', 'Theirs') });
    const edited = editorReducer(reloaded, { type: 'editBody', body: 'Theirs, and a word of mine' });
    expect(replacedText(edited)).toBeNull();
    // Nothing is brought back over the author's new typing.
    expect(editorReducer(edited, { type: 'bringBackReplaced' }).body).toBe('Theirs, and a word of mine');
    const savedState = editorReducer(start(edited), { type: 'saved', doc: theirs('v3', 'Theirs, and a word of mine') });
    expect(editorReducer(savedState, { type: 'editBody', body: 'Theirs' }).replaced).toBeNull();
    expect(replacedText(editorReducer(reloaded, { type: 'dismissReplaced' }))).toBeNull();
  });

  it('is gone once another post opens, and never offered for a read-only post', () => {
    const reloaded = editorReducer(opened(), { type: 'diskVersion', doc: theirs('v2', 'Theirs') });
    const other = run(
      { type: 'open', id: 'blog/other.md' },
      { type: 'loaded', doc: { ...seedDoc('w1'), id: 'blog/other.md' } },
    );
    expect(
      replacedText(
        editorReducer(editorReducer(reloaded, { type: 'open', id: 'blog/other.md' }), {
          type: 'loaded',
          doc: other.doc!,
        }),
      ),
    ).toBeNull();
    const readOnly = { ...seedDoc(), readOnly: 'too large' } as PostDoc;
    const state = run({ type: 'open', id: readOnly.id }, { type: 'loaded', doc: readOnly });
    const changed = editorReducer(state, { type: 'diskVersion', doc: { ...readOnly, version: 'v2', body: 'Theirs' } });
    expect(replacedText(changed)).toBeNull();
  });
});

describe('changes on disk', () => {
  it('reloads silently when the author has no edits', () => {
    const state = editorReducer(opened(), { type: 'diskVersion', doc: seedDoc('v2', 'From elsewhere') });
    expect(state.body).toBe('From elsewhere');
    expect(state.changedOnDisk).toBe(false);
  });

  it('keeps the author edits and flags the newer file instead', () => {
    let state = editorReducer(opened(), { type: 'editBody', body: 'Mine' });
    state = editorReducer(state, { type: 'diskVersion', doc: seedDoc('v2', 'Theirs') });
    expect(state.body).toBe('Mine');
    expect(state.changedOnDisk).toBe(true);
  });

  it('takes the disk version quietly when it already says what the author wrote', () => {
    let state = editorReducer(opened(), { type: 'editBody', body: 'Same words' });
    state = editorReducer(state, { type: 'diskVersion', doc: seedDoc('v2', 'Same words') });
    expect(state.changedOnDisk).toBe(false);
    expect(state.doc?.version).toBe('v2');
    expect(isDirty(state)).toBe(false);
  });

  it('lets the warning go when the file is put back as the author opened it, keeping the edits', () => {
    let state = editorReducer(opened(), { type: 'editBody', body: 'Mine' });
    state = editorReducer(state, { type: 'diskVersion', doc: seedDoc('v2', 'Theirs') });
    expect(state.changedOnDisk).toBe(true);
    // The other program's change undone: the file is the version this editor read again.
    state = editorReducer(state, { type: 'diskVersion', doc: seedDoc('v1') });
    expect(state.changedOnDisk).toBe(false);
    expect(state.body).toBe('Mine');
    expect(isDirty(state)).toBe(true);
  });

  it('does not let a read of the post being left cancel opening another', () => {
    let state = editorReducer(opened(), { type: 'open', id: 'blog/other.md' });
    state = editorReducer(state, { type: 'diskVersion', doc: seedDoc('v2', 'Theirs') });
    expect(state.opening).toBe('blog/other.md');
  });

  it('bases the next save on the version the author was shown, keeping their text', () => {
    let state = editorReducer(opened(), { type: 'editBody', body: 'Mine' });
    state = editorReducer(state, { type: 'diskVersion', doc: seedDoc('v2', 'Theirs') });
    state = editorReducer(state, { type: 'seenOnDisk', version: 'v2' });
    expect(state.changedOnDisk).toBe(false);
    expect(state.body).toBe('Mine');
    expect(saveRequest(state)?.baseVersion).toBe('v2');
    expect(saveRequest(state)?.force).toBeUndefined();
  });

  it('ignores the echo of its own save and other posts', () => {
    const state = opened();
    expect(editorReducer(state, { type: 'diskVersion', doc: seedDoc('v1', 'same version') })).toBe(state);
    expect(editorReducer(state, { type: 'diskVersion', doc: { ...seedDoc('v9'), id: 'other.md' } })).toBe(state);
  });
});

describe('a post removed on disk', () => {
  it('keeps a clean post open, flagged, so it can be saved again', () => {
    const before = opened();
    const state = editorReducer(before, { type: 'diskGone', id: 'blog/focus.md' });
    expect(state.doc).toBe(before.doc);
    expect(state.goneOnDisk).toBe(true);
    expect(statusText(state)).toBe('Deleted on disk');
  });

  it('keeps unsaved text on screen, and clears the flag when the file comes back', () => {
    const state = [
      { type: 'editBody', body: 'Mine' } as const,
      { type: 'diskGone', id: 'blog/focus.md' } as const,
    ].reduce(editorReducer, opened());
    expect(state.body).toBe('Mine');
    expect(state.goneOnDisk).toBe(true);
    const back = editorReducer(state, { type: 'diskVersion', doc: seedDoc('v2', 'Theirs') });
    expect(back.goneOnDisk).toBe(false);
    expect(back.changedOnDisk).toBe(true);
    expect(back.body).toBe('Mine');
  });
});

describe('a read failing for a post already left', () => {
  it('is ignored', () => {
    const state = run({ type: 'open', id: 'a.md' }, { type: 'open', id: 'b.md' });
    expect(editorReducer(state, { type: 'loadFailed', id: 'a.md', error: { code: 'IO', message: 'x' } })).toBe(state);
  });
});

describe('switching to raw text', () => {
  it('switches when nothing would be lost', () => {
    const state = editorReducer(opened(), { type: 'setMode', mode: 'raw' });
    expect(state.frontMatter?.mode).toBe('raw');
    expect(state.modeNote).toBeNull();
  });

  it('explains why it will not switch with field edits pending', () => {
    const state = [
      { type: 'setField', key: 'title', value: { kind: 'text', text: 'A' } } as const,
      { type: 'setMode', mode: 'raw' } as const,
    ].reduce(editorReducer, opened());
    expect(state.frontMatter?.mode).toBe('fields');
    expect(state.modeNote).toMatch(/Save or undo/);
  });
});

describe('generation', () => {
  it('changes on every fresh read but not on a save', () => {
    const first = opened();
    const reread = editorReducer(first, { type: 'diskVersion', doc: seedDoc('v2') });
    expect(reread.generation).toBe(first.generation + 1);
    const edited = editorReducer(reread, { type: 'editBody', body: 'x' });
    const savedState = editorReducer(start(edited), { type: 'saved', doc: seedDoc('v3', 'x') });
    expect(savedState.generation).toBe(reread.generation);
  });
});

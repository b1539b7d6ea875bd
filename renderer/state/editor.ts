/**
 * The open post: what was read, what the author changed, and where saving stands. A pure reducer,
 * so every transition is tested without a DOM; the hooks only run the side effects.
 */
import type { ApiError, FieldValue, FrontMatterFormat, PostDoc, SaveRequest } from '../../shared/api/contract';
import {
  addField,
  createDraft,
  editRaw,
  frontMatterChange,
  modeSwitchProblem,
  rebaseDraft,
  removeField,
  setField,
  setMode,
  undoFieldChanges,
  type FrontMatterDraft,
} from './frontMatter';

/** What was sent with the save in flight, to tell later typing apart from what was saved. */
export interface SaveSnapshot {
  body: string;
  frontMatter: FrontMatterDraft;
}

/** The editor's state. `doc` is the version on disk the edits apply to. */
export interface EditorState {
  doc: PostDoc | null;
  /** The post being opened, while its read is in flight. */
  opening: string | null;
  body: string;
  frontMatter: FrontMatterDraft | null;
  saving: SaveSnapshot | null;
  error: ApiError | null;
  /** The last save was refused because the file changed on disk. */
  conflict: boolean;
  /** A newer version is on disk while the author has unsaved edits. */
  changedOnDisk: boolean;
  /** The file was deleted, moved or renamed on disk while open; the text stays until saved again. */
  goneOnDisk: boolean;
  /** Why the last request to switch between form and raw text was refused. */
  modeNote: string | null;
  /** Counts fresh reads (not saves): inputs holding their own text restart when it changes. */
  generation: number;
  /** Counts the times the open post, unedited, was read again because it changed on disk (said to a screen reader). */
  reloadedFromDisk?: number;
  /**
   * The author's text that such a reading replaced (their last save, say, overwritten by a sync
   * program), offered back until they edit, save, or the file changes again to something else.
   */
  replaced: ReplacedText | null;
}

/** The text an unedited post showed before the file's new version `version` replaced it. */
export interface ReplacedText {
  id: string;
  /** The version on disk that replaced it: the offer stands while the editor shows that version. */
  version: string;
  body: string;
  /** Its front-matter block as text, and the block's format (`none`: the post had no block). */
  raw: string;
  format: FrontMatterFormat;
}

/** Everything that can happen to the editor. */
export type EditorAction =
  | { type: 'open'; id: string }
  | { type: 'loaded'; doc: PostDoc }
  | { type: 'loadFailed'; id: string; error: ApiError }
  | { type: 'diskGone'; id: string }
  | { type: 'diskVersion'; doc: PostDoc }
  /** The author was shown the file's version `version` and keeps their text over it: the next save is based on it. */
  | { type: 'seenOnDisk'; version: string }
  | { type: 'editBody'; body: string }
  | { type: 'setField'; key: string; value: FieldValue }
  | { type: 'removeField'; key: string }
  | { type: 'addField'; key: string; text: string }
  | { type: 'setMode'; mode: 'fields' | 'raw' }
  /** Every change made in the front-matter form is undone. */
  | { type: 'undoFields' }
  | { type: 'editRaw'; raw: string }
  | { type: 'saveStarted'; sent: SaveSnapshot }
  | { type: 'saved'; doc: PostDoc }
  | { type: 'saveFailed'; error: ApiError }
  | { type: 'failed'; error: ApiError }
  | { type: 'dismissError' }
  /** The text the file's new version replaced comes back, as unsaved edits over that version. */
  | { type: 'bringBackReplaced' }
  | { type: 'dismissReplaced' }
  | { type: 'reset' };

/** No post open. */
export const initialEditor: EditorState = {
  doc: null,
  opening: null,
  body: '',
  frontMatter: null,
  saving: null,
  error: null,
  conflict: false,
  changedOnDisk: false,
  goneOnDisk: false,
  modeNote: null,
  generation: 0,
  replaced: null,
};

/** Whether the author has changes that are not on disk. */
export function isDirty(state: EditorState): boolean {
  if (state.doc === null || state.frontMatter === null) return false;
  return state.body !== state.doc.body || frontMatterChange(state.frontMatter).kind !== 'none';
}

/** The save request for the current edits, or null when there is nothing to save. */
export function saveRequest(state: EditorState, force = false): SaveRequest | null {
  if (state.doc === null || state.frontMatter === null) return null;
  const request: SaveRequest = {
    id: state.doc.id,
    baseVersion: state.doc.version,
    // Only a body the author edited: "keep mine" over a file changed on disk keeps its new body
    // when the author changed only fields (review 23b: the other program's body change was lost).
    ...(state.body === state.doc.body ? {} : { body: state.body }),
    frontMatter: frontMatterChange(state.frontMatter),
  };
  return force ? { ...request, force } : request;
}

function fresh(state: EditorState, doc: PostDoc): EditorState {
  const generation = state.generation + 1;
  return { ...initialEditor, doc, body: doc.body, frontMatter: createDraft(doc.frontMatter), generation };
}

function editDraft(state: EditorState, edit: (draft: FrontMatterDraft) => FrontMatterDraft): EditorState {
  // Not while another post is being read: its arrival would replace the edit without a word.
  if (state.frontMatter === null || state.doc?.readOnly !== undefined || state.opening !== null) return state;
  return { ...state, frontMatter: edit(state.frontMatter) };
}

function saved(state: EditorState, doc: PostDoc): EditorState {
  const sent = state.saving;
  if (sent === null || state.frontMatter === null || state.doc?.id !== doc.id) return { ...state, saving: null };
  return {
    ...state,
    doc,
    saving: null,
    error: null,
    conflict: false,
    changedOnDisk: false,
    goneOnDisk: false,
    modeNote: null,
    replaced: null,
    // Text typed while the save was in flight stays; untouched text takes the saved form.
    body: state.body === sent.body ? doc.body : state.body,
    frontMatter: rebaseDraft(state.frontMatter, sent.frontMatter, doc.frontMatter),
  };
}

/** Whether the file on disk now says exactly what the editor holds (someone saved the same text). */
function sameAsDisk(state: EditorState, doc: PostDoc): boolean {
  if (state.frontMatter === null || state.body !== doc.body) return false;
  const change = frontMatterChange(state.frontMatter);
  if (change.kind === 'raw') return change.raw === doc.frontMatter.raw;
  return change.kind === 'none' && state.frontMatter.base.raw === doc.frontMatter.raw;
}

function diskVersion(state: EditorState, doc: PostDoc): EditorState {
  // Not while another post is opening: a fresh read of the post being left would cancel that.
  if (state.doc?.id !== doc.id || state.saving !== null || (state.opening !== null && state.opening !== doc.id)) {
    return state;
  }
  // The file as it was opened again (put back, or another program's change undone): nothing to choose between.
  if (state.doc.version === doc.version) {
    return state.goneOnDisk || state.changedOnDisk ? { ...state, goneOnDisk: false, changedOnDisk: false } : state;
  }
  if (isDirty(state) && !sameAsDisk(state, doc)) return { ...state, changedOnDisk: true, goneOnDisk: false };
  return {
    ...fresh(state, doc),
    reloadedFromDisk: (state.reloadedFromDisk ?? 0) + 1,
    replaced: replacedBy(state, doc),
  };
}

/**
 * What an unedited post's reading of `doc` replaces, to offer back: the text shown, unless it was
 * already offered (the author's text, kept through a second change), is the same as the file's
 * new text, or is a read-only post's.
 */
function replacedBy(state: EditorState, doc: PostDoc): ReplacedText | null {
  if (state.doc === null || state.frontMatter === null || isDirty(state) || doc.readOnly !== undefined) return null;
  const earlier = replacedText(state);
  const { base } = state.frontMatter;
  const shown = earlier ?? { body: state.body, raw: base.raw, format: base.format };
  const replaced = { id: doc.id, version: doc.version, body: shown.body, raw: shown.raw, format: shown.format };
  if (shown.body === doc.body && !frontMatterComesBack(replaced, doc)) return null;
  return replaced;
}

/** Formats whose block text a save can put between the fences of the block on disk. */
const TEXT_FORMATS: readonly FrontMatterFormat[] = ['yaml', 'toml', 'json'];

/**
 * Whether bringing `replaced` back over `doc` changes its front matter: a block of another text in
 * the same format as the block on disk. A block in another format, or one the post did not have
 * (or lost), cannot be put back by a save, which writes a block's text between the fences already
 * there: only the body comes back then, and the note says so.
 */
function frontMatterComesBack(replaced: ReplacedText, doc: PostDoc): boolean {
  const disk = doc.frontMatter;
  return replaced.raw !== disk.raw && replaced.format === disk.format && TEXT_FORMATS.includes(disk.format);
}

/** The replaced text still on offer: the post shows the version that replaced it, unedited and still on disk. */
export function replacedText(state: EditorState): ReplacedText | null {
  const { replaced } = state;
  if (replaced === null || state.doc === null || state.opening !== null || state.goneOnDisk) return null;
  if (replaced.id !== state.doc.id || replaced.version !== state.doc.version || state.doc.readOnly !== undefined) {
    return null;
  }
  return isDirty(state) ? null : replaced;
}

/** What "bring back" would leave as it is on disk now: the front matter, when it differs and cannot come back. */
export function replacedFrontMatterStays(state: EditorState): boolean {
  const replaced = replacedText(state);
  if (replaced === null || state.doc === null) return false;
  const disk = state.doc.frontMatter;
  return (replaced.raw !== disk.raw || replaced.format !== disk.format) && !frontMatterComesBack(replaced, state.doc);
}

function bringBackReplaced(state: EditorState): EditorState {
  const replaced = replacedText(state);
  if (replaced === null || state.doc === null || state.frontMatter === null) return state;
  // A block that differs comes back as text, over the block on disk now: the form's field edits
  // could not say a removed key or a comment.
  const frontMatter = frontMatterComesBack(replaced, state.doc)
    ? { ...createDraft(state.doc.frontMatter), mode: 'raw' as const, raw: replaced.raw }
    : state.frontMatter;
  // A text from elsewhere, as a reading is: the inputs take it afresh and the caret stays where it was.
  return {
    ...state,
    body: replaced.body,
    frontMatter,
    replaced: null,
    modeNote: null,
    generation: state.generation + 1,
  };
}

function diskGone(state: EditorState, id: string): EditorState {
  return state.doc?.id !== id ? state : { ...state, goneOnDisk: true, changedOnDisk: false };
}

function switchMode(state: EditorState, mode: 'fields' | 'raw'): EditorState {
  if (state.frontMatter === null || state.frontMatter.mode === mode) return state;
  const problem = modeSwitchProblem(state.frontMatter);
  if (problem !== null) return { ...state, modeNote: problem };
  return { ...editDraft(state, (draft) => setMode(draft, mode)), modeNote: null };
}

/** The snapshot a save sends: the body and front matter as they are now. */
export function snapshot(state: EditorState): SaveSnapshot | null {
  return state.frontMatter === null ? null : { body: state.body, frontMatter: state.frontMatter };
}

/** Actions that edit the post: once one leaves it unsaved, the replaced text is no longer offered. */
const EDITS: ReadonlySet<EditorAction['type']> = new Set([
  'editBody',
  'setField',
  'removeField',
  'addField',
  'setMode',
  'undoFields',
  'editRaw',
]);

/** The editor's reducer. */
export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  const next = reduce(state, action);
  return EDITS.has(action.type) && next.replaced !== null && isDirty(next) ? { ...next, replaced: null } : next;
}

function reduce(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'open':
      return { ...state, opening: action.id, error: null };
    case 'loaded':
      // A slower read of a post the author already left must not replace the one now opening.
      return state.opening !== null && state.opening !== action.doc.id ? state : fresh(state, action.doc);
    case 'loadFailed':
      return state.opening !== action.id ? state : { ...state, opening: null, error: action.error };
    case 'diskGone':
      return diskGone(state, action.id);
    case 'diskVersion':
      return diskVersion(state, action.doc);
    case 'seenOnDisk':
      return state.doc === null
        ? state
        : { ...state, doc: { ...state.doc, version: action.version }, conflict: false, changedOnDisk: false };
    case 'editBody':
      return state.doc === null || state.doc.readOnly !== undefined ? state : { ...state, body: action.body };
    case 'setField':
      return editDraft(state, (draft) => setField(draft, action.key, action.value));
    case 'removeField':
      return editDraft(state, (draft) => removeField(draft, action.key));
    case 'addField':
      return editDraft(state, (draft) => addField(draft, action.key, action.text));
    case 'setMode':
      return switchMode(state, action.mode);
    case 'undoFields':
      return { ...editDraft(state, undoFieldChanges), modeNote: null };
    case 'editRaw':
      return editDraft(state, (draft) => editRaw(draft, action.raw));
    case 'saveStarted':
      return { ...state, saving: action.sent, error: null };
    case 'saved':
      return saved(state, action.doc);
    case 'saveFailed':
      return action.error.code === 'CONFLICT'
        ? { ...state, saving: null, conflict: true, error: null }
        : { ...state, saving: null, error: action.error };
    case 'failed':
      return { ...state, error: action.error };
    case 'dismissError':
      return { ...state, error: null };
    case 'bringBackReplaced':
      return bringBackReplaced(state);
    case 'dismissReplaced':
      return { ...state, replaced: null };
    case 'reset':
      return { ...initialEditor, generation: state.generation + 1 };
  }
}

/** The one-line status the status bar announces. */
export function statusText(state: EditorState): string {
  if (state.doc === null) return state.opening === null ? 'No post open' : 'Opening…';
  if (state.saving !== null) return 'Saving…';
  if (state.conflict) return 'Not saved: the file changed on disk';
  if (state.goneOnDisk) return 'Deleted on disk';
  if (state.error !== null) return state.error.message;
  if (state.doc.readOnly !== undefined) return 'Read-only';
  return isDirty(state) ? 'Unsaved changes' : 'Saved';
}

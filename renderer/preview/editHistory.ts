/**
 * The Markdown textarea's undo and redo (../state/undoHistory.ts): its edits are recorded from its
 * `input` events, and Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z, Ctrl+Y, the browser's own Undo and Redo
 * (context menu, `historyUndo` input) and the app menu's all take steps from this history, never
 * the browser's, which a script's write into the textarea empties.
 */
import { UndoHistory, type EditKind, type TextSelection } from '../state/undoHistory';

const histories = new WeakMap<HTMLTextAreaElement, UndoHistory>();
/** Textareas an input method is composing in: an undo then would tear the composition apart. */
const composing = new WeakSet<HTMLTextAreaElement>();

/** The history of `area`, when it is the editor's. */
export function historyOf(area: HTMLTextAreaElement): UndoHistory | undefined {
  return histories.get(area);
}

function selectionOf(area: HTMLTextAreaElement): TextSelection {
  return { start: area.selectionStart, end: area.selectionEnd, direction: area.selectionDirection };
}

let graphemes: Intl.Segmenter | null = null;

function oneCharacter(data: string): boolean {
  if (data.length <= 1) return data.length === 1;
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const all = graphemes.segment(data)[Symbol.iterator]();
  return all.next().done === false && all.next().done === true;
}

/** How an `input` event's change is grouped into undo steps. */
function kindOf(event: Event): EditKind {
  if (!(event instanceof InputEvent)) return 'other';
  switch (event.inputType) {
    case 'insertText':
      // One character typed (an emoji from a picker can be several code points); more is a command's.
      return event.data !== null && oneCharacter(event.data) ? 'typing' : 'other';
    case 'insertLineBreak':
    case 'insertParagraph':
      return 'typing';
    case 'insertCompositionText':
      return 'composing';
    case 'deleteContentBackward':
    case 'deleteContentForward':
      return 'deleting';
    case 'deleteByDrag':
    case 'insertFromDrop':
      return 'moving';
    default:
      return 'other';
  }
}

/**
 * Takes the last step back (`undo`) or makes it again (`redo`) in `area`: its text, its selection,
 * and the editor told as of a typed change. Nothing when `area` has no history or nothing to take.
 */
export function stepHistory(area: HTMLTextAreaElement, direction: 'undo' | 'redo'): void {
  const history = histories.get(area);
  if (history === undefined || area.readOnly || composing.has(area)) return;
  // Written into by a script without a word to the history (never by the app): its steps no longer fit.
  if (history.text !== area.value) {
    history.reset(area.value);
    return;
  }
  const change = direction === 'undo' ? history.undo() : history.redo();
  if (change === null) return;
  // The history already holds the new text, so the `input` event this makes records no step.
  area.setRangeText(change.insert, change.from, change.to);
  const { start, end, direction: way } = change.selection;
  area.setSelectionRange(start, end, way);
  area.dispatchEvent(new Event('input', { bubbles: true }));
  if (document.activeElement === area) {
    // Setting a selection does not scroll to it, and the step may be screens away: focusing the
    // textarea again brings its selection into view, as the browser's own undo does.
    area.blur();
    area.focus();
  }
}

/**
 * Undo or redo chosen from the app's menu: in another field with the focus, that field's own;
 * anywhere else (the editor, the preview, the post list), the editor's.
 */
export function undoOrRedo(direction: 'undo' | 'redo'): void {
  const focused = document.activeElement;
  const field =
    focused instanceof HTMLInputElement ||
    focused instanceof HTMLTextAreaElement ||
    (focused instanceof HTMLElement && focused.isContentEditable);
  if (field && !(focused instanceof HTMLTextAreaElement && histories.has(focused))) {
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the one way to run a field's own undo from a script
    document.execCommand(direction);
    return;
  }
  const editor = document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Markdown"]');
  if (editor !== null) stepHistory(editor, direction);
}

/** Whether a key is undo or redo: Ctrl or Cmd with Z, with Shift+Z, or Ctrl+Y (Windows' redo), as the app's other shortcuts read them. */
function historyKey(event: KeyboardEvent): 'undo' | 'redo' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && event.ctrlKey && !event.shiftKey) return 'redo';
  return null;
}

/** Keeps the undo history of the editor's textarea `area`; returns what stops it. */
export function keepHistory(area: HTMLTextAreaElement): () => void {
  const history = new UndoHistory(area.value);
  histories.set(area, history);
  // The selection just before the edit under way, from its `beforeinput`, read by its `input` of the
  // same type. (Some have no `input`: Backspace with nothing before the caret. A script's edit has
  // no `beforeinput` at all.)
  let before: { type: string; selection: TextSelection } | null = null;
  const onKey = (event: KeyboardEvent): void => {
    before = null;
    const direction = event.isComposing ? null : historyKey(event);
    if (direction === null) return;
    // Never the browser's own: its history is not the editor's.
    event.preventDefault();
    event.stopImmediatePropagation();
    stepHistory(area, direction);
  };
  const onBeforeInput = (event: InputEvent): void => {
    if (event.inputType === 'historyUndo' || event.inputType === 'historyRedo') {
      event.preventDefault();
      stepHistory(area, event.inputType === 'historyUndo' ? 'undo' : 'redo');
      return;
    }
    before = { type: event.inputType, selection: selectionOf(area) };
  };
  const onInput = (event: Event): void => {
    const type = event instanceof InputEvent ? event.inputType : null;
    const selection = before !== null && before.type === type ? before.selection : null;
    before = null;
    const after = selectionOf(area);
    // Without a `beforeinput` (a script's `execCommand`), an insertion's text says where it began.
    const data = event instanceof InputEvent ? event.data : null;
    const hint = selection === null && data !== null ? after.start - data.length : undefined;
    history.record(area.value, kindOf(event), selection, after, hint);
    // A command may select what it made once its edit is in (Ctrl+B selects the word): redo restores that.
    queueMicrotask(() => history.settle(selectionOf(area)));
  };
  const onCompositionStart = (): void => {
    composing.add(area);
  };
  // What is typed after a composition is a step of its own.
  const onCompositionEnd = (): void => {
    composing.delete(area);
    history.close();
  };
  area.addEventListener('keydown', onKey);
  area.addEventListener('beforeinput', onBeforeInput);
  area.addEventListener('input', onInput);
  area.addEventListener('compositionstart', onCompositionStart);
  area.addEventListener('compositionend', onCompositionEnd);
  return () => {
    area.removeEventListener('keydown', onKey);
    area.removeEventListener('beforeinput', onBeforeInput);
    area.removeEventListener('input', onInput);
    area.removeEventListener('compositionstart', onCompositionStart);
    area.removeEventListener('compositionend', onCompositionEnd);
    composing.delete(area);
    histories.delete(area);
  };
}

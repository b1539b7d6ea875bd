/**
 * Enter, Tab, Shift+Tab and Escape in the Markdown editor (../state/markdownKeys.ts decides the
 * edits). Tab indents, so a keyboard alone could never leave the editor: Escape, then Tab (or
 * Shift+Tab), moves the focus on as anywhere else on the page. Edits go through the browser's
 * editing, so they are typed changes like any other: the app hears them and undo takes them back.
 */
import { enterEdit, indentEdit, type KeyEdit } from '../state/markdownKeys';

/**
 * Makes `edit` in `area`. A line or a list item carried on goes through the browser's editing, as
 * typing does (it keeps the caret in view); anything spanning lines (a selection indented, an item
 * ended) is written in one step and announced: the browser's editing makes each line break an edit
 * of its own, and Tab on 2,000 selected lines took 13 s that way. Either way the app hears it as a
 * typed change, and the editor's undo history takes it as one step.
 */
export function applyKeyEdit(area: HTMLTextAreaElement, edit: KeyEdit): void {
  const replaced = area.value.slice(edit.from, edit.to);
  const breaks = (replaced.match(/\n/g)?.length ?? 0) + (edit.insert.match(/\n/g)?.length ?? 0);
  area.setSelectionRange(edit.from, edit.to);
  const typed = edit.insert !== '' && replaced === '' && breaks <= 1 && typeIn(edit.insert);
  if (!typed && (edit.from !== edit.to || edit.insert !== '')) {
    area.setRangeText(edit.insert, edit.from, edit.to);
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }
  area.setSelectionRange(edit.start, edit.end);
}

/** The editor's handling of those keys: `handle` takes a key down, and says whether it used it. */
export interface EditorKeys {
  handle: (event: KeyboardEvent) => boolean;
}

/** Key handling for one editor (it remembers an Escape until the next key). */
export function createEditorKeys(): EditorKeys {
  // After Escape, the next Tab leaves the editor instead of indenting.
  let tabLeaves = false;
  const handle = (event: KeyboardEvent): boolean => {
    const area = event.target;
    if (!(area instanceof HTMLTextAreaElement) || event.isComposing || event.defaultPrevented) return false;
    const plain = !event.ctrlKey && !event.altKey && !event.metaKey;
    if (event.key === 'Escape' && plain && !event.shiftKey) {
      tabLeaves = true;
      area.addEventListener('blur', () => (tabLeaves = false), { once: true });
      return false;
    }
    if (event.key === 'Tab' && plain) {
      if (tabLeaves || area.readOnly) {
        tabLeaves = false;
        return false;
      }
      event.preventDefault();
      const edit = indentEdit(area.value, area.selectionStart, area.selectionEnd, event.shiftKey);
      if (edit !== null) applyKeyEdit(area, edit);
      return true;
    }
    if (!['Shift', 'Control', 'Alt', 'Meta'].includes(event.key)) tabLeaves = false;
    if (event.key === 'Enter' && plain && !event.shiftKey && !area.readOnly) {
      const edit = enterEdit(area.value, area.selectionStart, area.selectionEnd);
      if (edit === null) return false;
      event.preventDefault();
      applyKeyEdit(area, edit);
      return true;
    }
    return false;
  };
  return { handle };
}

/** The editor library's own line keys, which stay its: Ctrl+D duplicates a line, Alt+↑/↓ move one. */
export function isLineKey(event: KeyboardEvent): boolean {
  if (event.ctrlKey && !event.altKey && event.code === 'KeyD') return true;
  return event.altKey && !event.ctrlKey && !event.metaKey && (event.code === 'ArrowUp' || event.code === 'ArrowDown');
}

/** Types `text` over the focused textarea's selection through the browser's editing; false when it would not. */
function typeIn(text: string): boolean {
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- what the editor's toolbar commands use; Chrome keeps it
  return document.execCommand('insertText', false, text);
}

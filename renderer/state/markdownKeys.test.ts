import { describe, expect, it } from 'vitest';
import { enterEdit, indentEdit, inFence, toggleList, type KeyEdit, type ListKind } from './markdownKeys';

/** `text` with a `|` for the caret (or two for a selection), after `edit` of it: `|` marks the new selection. */
function press(marked: string, key: (text: string, start: number, end: number) => KeyEdit | null): string | null {
  const start = marked.indexOf('|');
  const second = marked.indexOf('|', start + 1);
  const text = marked.replace(/\|/g, '');
  const end = second < 0 ? start : second - 1;
  const edit = key(text, start, end);
  if (edit === null) return null;
  const after = text.slice(0, edit.from) + edit.insert + text.slice(edit.to);
  return edit.start === edit.end
    ? `${after.slice(0, edit.start)}|${after.slice(edit.start)}`
    : `${after.slice(0, edit.start)}|${after.slice(edit.start, edit.end)}|${after.slice(edit.end)}`;
}

const enter = (marked: string) => press(marked, enterEdit);
const tab = (marked: string) => press(marked, (t, s, e) => indentEdit(t, s, e, false));
const shiftTab = (marked: string) => press(marked, (t, s, e) => indentEdit(t, s, e, true));

describe('Enter', () => {
  it('carries a list on: bullets, numbers, task boxes, nesting', () => {
    expect(enter('- one|')).toBe('- one\n- |');
    expect(enter('* one|\nafter')).toBe('* one\n* |\nafter');
    expect(enter('9. nine|')).toBe('9. nine\n10. |');
    expect(enter('1) one|')).toBe('1) one\n2) |');
    expect(enter('- [x] done|')).toBe('- [x] done\n- [ ] |');
    expect(enter('    - nested|')).toBe('    - nested\n    - |');
    // The words after the caret go to the new item.
    expect(enter('- ite|m')).toBe('- ite\n- |m');
  });

  it('ends a list on an empty item: a nested one moves out a level first', () => {
    expect(enter('- one\n- |')).toBe('- one\n\n|');
    expect(enter('1. one\n2. |\nnext')).toBe('1. one\n\n|\nnext');
    expect(enter('- one\n    - |')).toBe('- one\n- |');
    expect(enter('- [ ] |')).toBe('\n|');
  });

  it('moves an empty nested item out to its parent’s level, however the list is indented', () => {
    expect(enter('- a\n  - b\n    - |')).toBe('- a\n  - b\n  - |');
    expect(enter('1. a\n   1. b\n   2. |')).toBe('1. a\n   1. b\n2. |');
  });

  it('replaces a selection and carries the list on, even over an item’s whole text', () => {
    expect(enter('    - |one|')).toBe('    - \n    - |');
    expect(enter('- one|two\n- thr|ee')).toBe('- one\n- |ee');
  });

  it('carries a list inside a quote on, and leaves the list, not the quote, on an empty item', () => {
    expect(enter('> - one|')).toBe('> - one\n> - |');
    expect(enter('> 1. one|')).toBe('> 1. one\n> 2. |');
    expect(enter('> - one\n> - |')).toBe('> - one\n> |');
  });

  it('carries a quote on, and ends it on an empty quoted line', () => {
    expect(enter('> said|')).toBe('> said\n> |');
    expect(enter('> > deep|')).toBe('> > deep\n> > |');
    expect(enter('> said\n> |')).toBe('> said\n\n|');
  });

  it('leaves every other line, thematic breaks and code to the plain line break', () => {
    expect(enter('Just words|')).toBeNull();
    expect(enter('* * *|')).toBeNull();
    expect(enter('-not a list|')).toBeNull();
    expect(enter('```\n- inside code|\n```')).toBeNull();
    expect(enter('```\ncode\n```\n- after code|')).toBe('```\ncode\n```\n- after code\n- |');
  });

  it('knows fences by their character and length, at any indentation, and inline code from a fence', () => {
    const text = '````\n```\n- x\n````\n- y';
    expect(inFence(text, text.indexOf('- x'))).toBe(true);
    expect(inFence(text, text.indexOf('- y'))).toBe(false);
    // A fence in a list item is indented past three spaces.
    expect(enter('- item\n\n    ```\n    - code|\n    ```')).toBeNull();
    // Inline code of three backticks opens nothing; a run with an info string closes nothing.
    expect(enter('```inline``` text\n- after|')).toBe('```inline``` text\n- after\n- |');
    expect(enter('```\n```js\n- still code|\n```')).toBeNull();
  });
});

describe('Tab and Shift+Tab', () => {
  it('indents at the caret in prose, and a whole list item under the caret', () => {
    expect(tab('Some| words')).toBe('Some    | words');
    expect(tab('- ite|m')).toBe('    - ite|m');
  });

  it('indents and outdents the lines of a selection, skipping empty lines', () => {
    expect(tab('|a\n\nb|\nc')).toBe('    |a\n\n    b|\nc');
    expect(shiftTab('    |a\n      b|\nc')).toBe('|a\n  b|\nc');
    // A selection ending at the start of a line leaves that line alone.
    expect(tab('|a\n|b')).toBe('    |a\n|b');
  });

  it('outdents a nested item to its parent’s level', () => {
    expect(shiftTab('- a\n  - b\n    - c|')).toBe('- a\n  - b\n  - c|');
    expect(shiftTab('\n- a|')).toBeNull();
  });

  it('outdents the line under the caret, and never inserts anything', () => {
    expect(shiftTab('    - ite|m')).toBe('- ite|m');
    expect(shiftTab('\t- ite|m')).toBe('- ite|m');
    expect(shiftTab('  two| spaces')).toBe('two| spaces');
    expect(shiftTab('Plain |text')).toBeNull();
  });
});

describe('the list buttons', () => {
  const list = (kind: ListKind) => (marked: string) => press(marked, (t, s2, e) => toggleList(t, s2, e, kind));

  it('make every written line of the selection an item, leaving blank lines blank', () => {
    expect(list('bullet')('|one\n\ntwo|')).toBe('|- one\n\n- two|');
    expect(list('number')('|one\ntwo\nthree|')).toBe('|1. one\n2. two\n3. three|');
    expect(list('task')('|one|')).toBe('|- [ ] one|');
  });

  it('take the caret’s whole line, never the word under it', () => {
    expect(list('bullet')('A whole sen|tence.')).toBe('|- A whole sentence.|');
  });

  it('take the markers away when every line has them, and swap another kind’s', () => {
    expect(list('bullet')('|- one\n- two|')).toBe('|one\ntwo|');
    expect(list('number')('|- one\n- [ ] two|')).toBe('|1. one\n2. two|');
    // Mixed: the lines without a marker get one, the others keep theirs.
    expect(list('bullet')('|- one\ntwo|')).toBe('|- one\n- two|');
  });

  it('keep the paragraphs around the list out of it with a blank line', () => {
    expect(list('bullet')('Before.\n|item|\nAfter.')).toBe('Before.\n\n|- item|\n\nAfter.');
    expect(list('bullet')('- a\n|b|\n- c')).toBe('- a\n|- b|\n- c');
  });
});

import { describe, expect, it } from 'vitest';
import { completeSplit, OPENING_CHARS, SPLIT_FROM, splitOpening, wholeText, type AreaState } from './openingText';

const line = (i: number) => `Line ${i} of a long post, with a [link](https://example.com/${i}) and more words.\n`;
const longText = (chars: number) => {
  let text = '';
  for (let i = 0; text.length < chars; i++) text += line(i);
  return text;
};

/** A textarea's text, caret and scroll, as a browser keeps them (setting the value puts the caret at the end). */
function area(value: string): AreaState {
  let text = value;
  const state = {
    selectionStart: value.length,
    selectionEnd: value.length,
    selectionDirection: 'none' as AreaState['selectionDirection'],
    scrollTop: 0,
    get value() {
      return text;
    },
    set value(next: string) {
      text = next;
      state.selectionStart = state.selectionEnd = next.length;
      state.scrollTop = 0;
    },
    setSelectionRange(start: number, end: number, direction?: 'forward' | 'backward' | 'none') {
      state.selectionStart = start;
      state.selectionEnd = end;
      state.selectionDirection = direction ?? 'none';
    },
  };
  return state;
}

describe('splitOpening', () => {
  it('leaves a text under the limit whole', () => {
    expect(splitOpening(longText(SPLIT_FROM - 100))).toBeNull();
  });

  it('cuts a long text after the first line break past the opening, losing nothing', () => {
    const text = longText(1_000_000);
    const split = splitOpening(text);
    expect(split).not.toBeNull();
    if (split === null) return;
    expect(split.head + split.tail).toBe(text);
    expect(split.head.endsWith('\n')).toBe(true);
    expect(split.head.length).toBeGreaterThanOrEqual(OPENING_CHARS);
    expect(split.head.length).toBeLessThan(OPENING_CHARS + line(99_999).length + 1);
  });

  it('leaves a long text with no line break after the opening whole', () => {
    expect(splitOpening('x'.repeat(SPLIT_FROM + 10))).toBeNull();
    expect(splitOpening(`${'x'.repeat(SPLIT_FROM + 10)}\n`)).toBeNull();
  });
});

describe('completeSplit', () => {
  const text = longText(300_000);
  const split = splitOpening(text);
  if (split === null) throw new Error('no split');

  it('gives an untouched opening the whole text, as taking it whole would', () => {
    const box = area(split.head);
    completeSplit(box, split);
    expect(box.value).toBe(text);
    expect([box.selectionStart, box.selectionEnd]).toEqual([text.length, text.length]);
  });

  it('keeps what the author typed in the opening, and their caret and scroll', () => {
    const box = area(split.head);
    // Typed "Hello " at the start, then selected a word backwards and scrolled a little.
    box.value = `Hello ${split.head}`;
    box.setSelectionRange(6, 10, 'backward');
    box.scrollTop = 120;
    expect(wholeText(box.value, split)).toBe(`Hello ${text}`);
    completeSplit(box, split);
    expect(box.value).toBe(`Hello ${text}`);
    expect([box.selectionStart, box.selectionEnd, box.selectionDirection, box.scrollTop]).toEqual([
      6,
      10,
      'backward',
      120,
    ]);
  });

  it('keeps a caret clicked into the opening without typing', () => {
    const box = area(split.head);
    box.setSelectionRange(42, 42);
    completeSplit(box, split);
    expect(box.value).toBe(text);
    expect([box.selectionStart, box.selectionEnd]).toEqual([42, 42]);
  });

  it('appends the rest after an opening the author cut short', () => {
    const box = area(split.head);
    box.value = split.head.slice(0, 100);
    completeSplit(box, split);
    expect(box.value).toBe(split.head.slice(0, 100) + split.tail);
  });
});

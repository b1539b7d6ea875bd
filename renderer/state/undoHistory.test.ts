import { describe, expect, it } from 'vitest';
import { changedRange, MAX_STEPS, UndoHistory, type EditKind, type TextSelection } from './undoHistory';

const caret = (at: number): TextSelection => ({ start: at, end: at, direction: 'none' });

/** A textarea's text and selection, edited as a person would, told to a history as the editor tells it. */
class Area {
  text: string;
  selection: TextSelection;
  readonly history: UndoHistory;

  constructor(text: string, at = text.length) {
    this.text = text;
    this.selection = caret(at);
    this.history = new UndoHistory(text);
  }

  /** Replaces the selection by `insert` (a key, a paste, a command), the caret after it. */
  put(insert: string, kind: EditKind = insert.length === 1 ? 'typing' : 'other'): this {
    const before = this.selection;
    this.text = this.text.slice(0, before.start) + insert + this.text.slice(before.end);
    this.selection = caret(before.start + insert.length);
    this.history.record(this.text, kind, before, this.selection);
    return this;
  }

  type(words: string): this {
    for (const character of words) this.put(character, character === '\n' ? 'typing' : 'typing');
    return this;
  }

  backspace(times = 1): this {
    for (let n = 0; n < times; n += 1) {
      const before = this.selection;
      const from = before.start === before.end ? before.start - 1 : before.start;
      this.text = this.text.slice(0, from) + this.text.slice(before.end);
      this.selection = caret(from);
      this.history.record(this.text, 'deleting', before, this.selection);
    }
    return this;
  }

  select(start: number, end = start): this {
    this.selection = { start, end, direction: 'none' };
    return this;
  }

  caretAt(text: string, after = false): this {
    const at = this.text.indexOf(text);
    if (at < 0) throw new Error(`${text} not in ${this.text}`);
    return this.select(after ? at + text.length : at);
  }

  step(direction: 'undo' | 'redo'): boolean {
    const change = direction === 'undo' ? this.history.undo() : this.history.redo();
    if (change === null) return false;
    this.text = this.text.slice(0, change.from) + change.insert + this.text.slice(change.to);
    this.selection = change.selection;
    expect(this.history.text).toBe(this.text);
    return true;
  }

  /** The placeholder `text` becomes `replacement`, as a link landing writes it. */
  land(text: string, replacement: string): this {
    const from = this.text.indexOf(text);
    expect(from).toBeGreaterThanOrEqual(0);
    this.history.rewrite(from, from + text.length, replacement);
    this.text = this.text.slice(0, from) + replacement + this.text.slice(from + text.length);
    expect(this.history.text).toBe(this.text);
    return this;
  }

  /** Every text undo goes back through, then redo forward again: the first is the text now. */
  undoAll(): string[] {
    const texts = [this.text];
    while (this.step('undo')) texts.push(this.text);
    return texts;
  }
}

describe('changedRange', () => {
  it('finds what changed from where the caret was, and without it', () => {
    expect(changedRange('abc', 'abXc', 2)).toEqual({ from: 2, removed: '', inserted: 'X' });
    expect(changedRange('abc', 'abXc', 0)).toEqual({ from: 0, removed: 'ab', inserted: 'abX' });
    // A wrong hint (past the change) is found out: the shared start is searched for.
    expect(changedRange('abcdef', 'abXdef', 5)).toEqual({ from: 2, removed: 'c', inserted: 'X' });
    expect(changedRange('abc', 'ac', 9)).toEqual({ from: 1, removed: 'b', inserted: '' });
    expect(changedRange('same', 'same', 2)).toBeNull();
  });

  it('keeps the edit where it was made in repeated letters', () => {
    // "a" typed at 1 in "xa": also readable as at 2; the caret says 1.
    expect(changedRange('xa', 'xaa', 1)).toEqual({ from: 1, removed: '', inserted: 'a' });
    expect(changedRange('aaaa', 'aaa', 1)).toEqual({ from: 1, removed: 'a', inserted: '' });
  });

  it('agrees with the text on random edits, whatever the hint', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 2000; round += 1) {
      const alphabet = 'ab\n';
      const prev = Array.from({ length: random(12) }, () => alphabet[random(3)]).join('');
      const from = random(prev.length + 1);
      const to = from + random(prev.length - from + 1);
      const insert = Array.from({ length: random(4) }, () => alphabet[random(3)]).join('');
      const next = prev.slice(0, from) + insert + prev.slice(to);
      const change = changedRange(prev, next, random(prev.length + 2));
      if (prev === next) {
        expect(change).toBeNull();
        continue;
      }
      expect(change).not.toBeNull();
      if (change === null) continue;
      expect(prev.slice(0, change.from) + change.inserted + prev.slice(change.from + change.removed.length)).toBe(next);
    }
  });
});

describe('UndoHistory', () => {
  it('undoes a run of typing at once, and redoes it', () => {
    const area = new Area('Hello').type(' world');
    expect(area.step('undo')).toBe(true);
    expect(area.text).toBe('Hello');
    expect(area.selection).toEqual(caret(5));
    expect(area.step('undo')).toBe(false);
    expect(area.step('redo')).toBe(true);
    expect(area.text).toBe('Hello world');
    expect(area.selection).toEqual(caret(11));
  });

  it('starts a new step after a line break, after the caret moved, and for a paste', () => {
    const area = new Area('').type('one\ntwo');
    area.caretAt('one', true).type('!');
    area.put('PASTED');
    expect(area.undoAll()).toEqual(['one!PASTED\ntwo', 'one!\ntwo', 'one\ntwo', 'one\n', '']);
  });

  it('undoes a run of Backspace, and a run of Delete, at once', () => {
    const area = new Area('Hello world').backspace(6);
    expect(area.text).toBe('Hello');
    area.type('!');
    expect(area.undoAll()).toEqual(['Hello!', 'Hello', 'Hello world']);

    const forward = new Area('abcdef', 2);
    for (let n = 0; n < 3; n += 1) {
      const before = forward.selection;
      forward.text = forward.text.slice(0, 2) + forward.text.slice(3);
      forward.history.record(forward.text, 'deleting', before, caret(2));
    }
    expect(forward.undoAll()).toEqual(['abf', 'abcdef']);
    expect(forward.selection).toEqual(caret(2));
  });

  it('undoes an input method’s composition as one step', () => {
    const area = new Area('Say ');
    // The composition rewrites its own text as the author goes: k, か, かn, かな.
    for (const shown of ['k', 'か', 'かn', 'かな']) {
      const before = area.selection;
      area.text = `Say ${shown}`;
      area.selection = caret(area.text.length);
      area.history.record(area.text, 'composing', before, area.selection);
    }
    area.history.close();
    area.type('!');
    expect(area.undoAll()).toEqual(['Say かな!', 'Say かな', 'Say ']);
  });

  it('forgets what was undone once something new is typed', () => {
    const area = new Area('a').type('b');
    area.step('undo');
    area.type('c');
    expect(area.step('redo')).toBe(false);
    expect(area.text).toBe('ac');
  });

  it('goes back no further than a text from elsewhere, and keeps its steps when the rest of a long post follows', () => {
    const area = new Area('draft').type('!');
    area.history.reset('from disk');
    area.text = 'from disk';
    expect(area.step('undo')).toBe(false);

    const opening = new Area('Opening\n', 0).type('Title. ');
    opening.history.append('the rest\n');
    opening.text += 'the rest\n';
    expect(opening.undoAll()).toEqual(['Title. Opening\nthe rest\n', 'Opening\nthe rest\n']);
  });

  it('undoes text dragged within the editor, taken out and dropped elsewhere, as one step', () => {
    const area = new Area('one two three', 0);
    const record = (text: string, at: number): void => {
      area.text = text;
      area.selection = caret(at);
      area.history.record(text, 'moving', null, area.selection);
    };
    record('one three', 4);
    record('one three two', 13);
    area.type('!');
    expect(area.undoAll()).toEqual(['one three two!', 'one three two', 'one two three']);
  });

  it('redoes a command with the selection it made once its edit was in', () => {
    const area = new Area('make bold', 9).select(5, 9);
    area.put('**bold**');
    // The command selects the word inside the marks after its edit.
    area.history.settle({ start: 7, end: 11, direction: 'forward' });
    area.step('undo');
    expect(area.selection).toEqual({ start: 5, end: 9, direction: 'none' });
    area.step('redo');
    expect(area.selection).toEqual({ start: 7, end: 11, direction: 'forward' });
    // Only the latest edit settles: after an undo nothing does.
    area.step('undo');
    area.history.settle(caret(0));
    area.step('redo');
    expect(area.selection).toEqual({ start: 7, end: 11, direction: 'forward' });
  });

  it('counts only the steps it keeps: big steps undone and replaced do not shrink the history', () => {
    const big = 'x'.repeat(1_000_000);
    const area = new Area(big, 0);
    for (let cycle = 0; cycle < 12; cycle += 1) {
      // Select all, type over it, undo that, type a letter: the undone step is gone for good.
      area.select(0, area.text.length).put('y', 'other');
      area.step('undo');
      area.select(0).put('z', 'other');
    }
    for (let n = 0; n < 10; n += 1) area.put(`${n}`, 'other');
    expect(area.undoAll()).toHaveLength(12 + 10 + 1);
    expect(area.text).toBe(big);
  });

  it('keeps at most MAX_STEPS steps', () => {
    const area = new Area('');
    for (let n = 0; n < MAX_STEPS + 5; n += 1) area.put(`${n % 10}`, 'other');
    expect(area.undoAll()).toHaveLength(MAX_STEPS + 1);
    expect(area.text).toBe('01234');
  });
});

describe('UndoHistory.rewrite (a pasted image’s link landing)', () => {
  const placeholder = '![Uploading shot.png…]()';
  const link = '![shot](images/shot.png)';

  it('undoes the typing after the paste, leaving the link; then the paste, taking it away', () => {
    const area = new Area('Top. End.').caretAt('Top.', true);
    area.put(placeholder);
    // The author types on at the end, then before the image, while it uploads.
    area.select(area.text.length).type(' More');
    area.caretAt('Top.').type('Intro ');
    area.land(placeholder, link);
    expect(area.text).toBe(`Intro Top.${link} End. More`);

    const texts = area.undoAll();
    expect(texts).toEqual([`Intro Top.${link} End. More`, `Top.${link} End. More`, `Top.${link} End.`, 'Top. End.']);
    expect(texts.join('\n')).not.toContain('Uploading');
    // Forward again: the link, never the placeholder.
    const forward = [area.text];
    while (area.step('redo')) forward.push(area.text);
    expect(forward).toEqual([...texts].reverse());
  });

  it('keeps the caret and selections where they belong around the link', () => {
    const area = new Area('ab').select(1);
    area.put(placeholder);
    area.type('xy');
    area.land(placeholder, link);
    expect(area.step('undo')).toBe(true);
    // The typing started right after the placeholder: now right after the link.
    expect(area.selection).toEqual(caret(1 + link.length));
    area.step('redo');
    expect(area.selection).toEqual(caret(1 + link.length + 2));
  });

  it('takes the placeholder of a failed upload out of every state', () => {
    const area = new Area('Text.').put(placeholder);
    area.type(' After.');
    area.land(placeholder, '');
    expect(area.undoAll()).toEqual(['Text. After.', 'Text.']);
  });

  it('rewrites steps undone too: redo brings back what was typed, beside the link', () => {
    const area = new Area('A.').put(placeholder).type(' B');
    area.step('undo');
    area.land(placeholder, link);
    expect(area.text).toBe(`A.${link}`);
    area.step('redo');
    expect(area.text).toBe(`A.${link} B`);
    // Text undone before the placeholder went in, and the step that deleted it, are rewritten as well.
    const other = new Area('Z').put(placeholder);
    other.select(other.text.length - placeholder.length, other.text.length).backspace();
    expect(other.text).toBe('Z');
    other.step('undo');
    other.land(placeholder, link);
    other.step('redo');
    expect(other.text).toBe('Z');
    other.step('undo');
    expect(other.text).toBe(`Z${link}`);
  });

  it('forgets a placeholder that is not in the text any more: redo never puts it back', () => {
    const area = new Area('Words.').type(' More.');
    area.put(placeholder);
    area.step('undo');
    // Its upload ends with nowhere to land.
    area.history.forget(placeholder);
    expect(area.step('redo')).toBe(false);
    expect(area.text).toBe('Words. More.');
    expect(area.undoAll()).toEqual(['Words. More.', 'Words.']);
  });

  it('forgets an older step that held the placeholder too: cut, then pasted elsewhere', () => {
    const area = new Area('Start. End.').caretAt('Start.', true);
    area.put(placeholder);
    area.type(' typed');
    const at = area.text.indexOf(placeholder);
    area.select(at, at + placeholder.length).put('', 'other');
    area.select(area.text.length).put(placeholder);
    area.land(placeholder, link);
    const texts = area.undoAll();
    expect(texts[0]).toBe(`Start. typed End.${link}`);
    expect(texts.join('\n')).not.toContain('Uploading');
    expect(texts).toContain('Start. typed End.');
  });

  it('places a script’s insertion by its hint: a placeholder pasted before another image stays whole', () => {
    const area = new Area('Text\n![old](images/old.png)\n').caretAt('![old]');
    const at = area.selection.start;
    area.text = area.text.slice(0, at) + placeholder + area.text.slice(at);
    area.selection = caret(at + placeholder.length);
    // No selection before it is known (no `beforeinput`); where its text began is.
    area.history.record(area.text, 'other', null, area.selection, at);
    area.land(placeholder, link);
    expect(area.undoAll()).toEqual([`Text\n${link}![old](images/old.png)\n`, 'Text\n![old](images/old.png)\n']);
  });

  it('forgets the steps it cannot rewrite, so no placeholder ever comes back', () => {
    // Typed inside the placeholder and taken out again: the steps touch part of it.
    const area = new Area('A').put(placeholder);
    area.caretAt('Uploading').type('X').backspace();
    expect(area.text).toBe(`A${placeholder}`);
    area.land(placeholder, link);
    const texts = area.undoAll();
    expect(texts[0]).toBe(`A${link}`);
    expect(texts.join('\n')).not.toContain('Uploading');
  });

  it('matches the texts as they were, with the link for the placeholder, after random edits around it', () => {
    let seed = 11;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 300; round += 1) {
      const area = new Area('The start. The end.', random(19));
      const states = [area.text];
      let pasted = false;
      for (let edit = 0; edit < 12; edit += 1) {
        const at = area.text.indexOf(placeholder);
        // Somewhere outside the placeholder (a selection may end at its edges).
        const spans =
          at < 0
            ? [[0, area.text.length]]
            : [
                [0, at],
                [at + placeholder.length, area.text.length],
              ];
        const [low, high] = spans[random(spans.length)] ?? [0, 0];
        const start = (low ?? 0) + random((high ?? 0) - (low ?? 0) + 1);
        const end = start + random((high ?? 0) - start + 1);
        area.select(start, end);
        if (!pasted && random(4) === 0) {
          area.put(placeholder);
          pasted = true;
        } else if (random(3) === 0 && start > 0 && !(start === end && at >= 0 && start === at + placeholder.length)) {
          area.backspace();
        } else {
          area.type(['w', 'ord ', '\n', 'é'][random(4)] ?? '');
        }
        if (states.at(-1) !== area.text) states.push(area.text);
      }
      if (!pasted) continue;
      const replacement = ['', link, 'x'][random(3)] ?? '';
      area.land(placeholder, replacement);
      const expected = states.map((text) => text.replace(placeholder, replacement)).reverse();
      // Runs of typing make fewer steps than states: every step's text is one of them, in order.
      const texts = area.undoAll();
      expect(texts[0]).toBe(expected[0]);
      expect(texts.at(-1)).toBe(expected.at(-1));
      let cursor = 0;
      for (const text of texts) {
        const found = expected.indexOf(text, cursor);
        expect(found, `${JSON.stringify(text)} in ${JSON.stringify(expected)}`).toBeGreaterThanOrEqual(0);
        cursor = found;
      }
    }
  });
});

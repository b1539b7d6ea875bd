/**
 * The Markdown editor's own undo history. The browser's forgets everything when a script writes
 * into the textarea, and a pasted image's link is written in by script once its upload ends: after
 * that, Ctrl+Z did nothing at all. Putting the link in through the browser's editing instead made
 * it an undo step of its own, far from where the author was typing, which turned back into a
 * placeholder no upload would fill (round 9's "tried and reverted").
 *
 * So the editor keeps its history here, as the edits between one text and the next, and a link that
 * lands *rewrites* that history: every state since the paste holds the link where it held the
 * placeholder, as though the image had been there from the paste on. Undoing the typing after it
 * leaves the link; undoing the paste takes the link away; nothing brings a placeholder back.
 *
 * Pure: the textarea's events are read and its text written by ../preview/editHistory.ts.
 */

/** A selection in the text, as a textarea keeps it. */
export interface TextSelection {
  start: number;
  end: number;
  direction: 'forward' | 'backward' | 'none';
}

/**
 * How an edit was made, which decides what it is undone with: a run of typed characters (up to and
 * including a line break), a run of deletions by key, an input method's composition, text dragged
 * within the editor (taken out, then dropped: one step), or anything else (a paste, a toolbar
 * command, a drop from elsewhere): an undo step of its own.
 */
export type EditKind = 'typing' | 'deleting' | 'composing' | 'moving' | 'other';

/** One undo step: [from, from + removed.length) of the text before became `inserted`. */
interface Step {
  from: number;
  removed: string;
  inserted: string;
  /** The selection before the step (restored by undo) and after it (restored by redo). */
  before: TextSelection;
  after: TextSelection;
  kind: EditKind;
}

/** A change for the textarea: [from, to) of its text becomes `insert`, then `selection` is set. */
export interface TextChange {
  from: number;
  to: number;
  insert: string;
  selection: TextSelection;
}

/** The history kept, at most: steps, and characters held by them (a few full copies of a 1 MB post). */
export const MAX_STEPS = 1000;
export const MAX_CHARS = 8_000_000;

/** Where [from, from + removed) of `prev` became `inserted` in `next`: the first and last differing stretch. */
export function changedRange(
  prev: string,
  next: string,
  hint: number,
): { from: number; removed: string; inserted: string } | null {
  if (prev === next) return null;
  const shorter = Math.min(prev.length, next.length);
  // Where the edit starts is almost always known (the caret); one comparison proves it.
  let from = Math.max(0, Math.min(hint, shorter));
  if (prev.slice(0, from) !== next.slice(0, from)) from = commonPrefix(prev, next, from);
  // The text after the edit: as much of the end as the two share, never reaching back over `from`.
  const most = shorter - from;
  let suffix = most;
  if (prev.slice(prev.length - suffix) !== next.slice(next.length - suffix)) suffix = commonSuffix(prev, next, most);
  return {
    from,
    removed: prev.slice(from, prev.length - suffix),
    inserted: next.slice(from, next.length - suffix),
  };
}

/** The length of the longest shared start of `a` and `b`, known to be under `below`. */
function commonPrefix(a: string, b: string, below: number): number {
  let low = 0;
  let high = below - 1;
  // Largest n with a.slice(0, n) === b.slice(0, n): the comparisons are native, a search is few of them.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (a.slice(0, mid) === b.slice(0, mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The length of the longest shared end of `a` and `b`, under `below`. */
function commonSuffix(a: string, b: string, below: number): number {
  let low = 0;
  let high = below - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (a.slice(a.length - mid) === b.slice(b.length - mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * `piece` in memory of its own. In V8 a slice or a join of 13 characters or more is a view on the
 * strings it came from, so a step holding a few typed words would keep a whole 1 MB post alive;
 * flattening a join copies the characters out. (Shorter ones are copies already.)
 */
function own(piece: string): string {
  return piece.length < 13 ? piece : (' ' + piece).slice(1);
}

function size(step: Step): number {
  return step.removed.length + step.inserted.length;
}

function holds(step: Step, text: string): boolean {
  return step.removed.includes(text) || step.inserted.includes(text);
}

/** `position` in a text where [from, to) became `length` characters: a position inside goes to its end. */
function moved(position: number, from: number, to: number, length: number): number {
  if (position <= from) return position;
  if (position >= to) return position + length - (to - from);
  return from + length;
}

function movedSelection(selection: TextSelection, from: number, to: number, length: number): TextSelection {
  return {
    start: moved(selection.start, from, to, length),
    end: moved(selection.end, from, to, length),
    direction: selection.direction,
  };
}

/** The undo history of one text. */
export class UndoHistory {
  private current: string;
  private readonly done: Step[] = [];
  /** Steps undone, the next to redo last. */
  private readonly undone: Step[] = [];
  /** Whether the next edit may join the last step (nothing broke the run since). */
  private open = false;
  /** Whether the last step is the last thing that happened (its selection may still be settled). */
  private fresh = false;

  constructor(text: string) {
    this.current = text;
  }

  /** The text as the history knows it: the textarea's, after every edit told to it. */
  get text(): string {
    return this.current;
  }

  /** A text from elsewhere (another post, the file read again): nothing before it can be undone. */
  reset(text: string): void {
    this.current = text;
    this.done.length = 0;
    this.undone.length = 0;
    this.open = false;
    this.fresh = false;
  }

  /** The rest of a long post put in after its opening: the steps so far stay (they are all before it). */
  append(tail: string): void {
    this.current += tail;
  }

  /** The next edit starts a step of its own. */
  close(): void {
    this.open = false;
  }

  /**
   * The textarea's text became `next` by an edit of `kind`: a step of its own, or part of the last
   * one when it carries on a run (typing on from the caret, deleting on, composing). `before` is the
   * selection just before the edit, when known; `after` the selection it left; `hint` where the
   * change starts, when known otherwise (else the earlier of the two selections' starts).
   */
  record(next: string, kind: EditKind, before: TextSelection | null, after: TextSelection, hint?: number): void {
    const change = changedRange(this.current, next, hint ?? Math.min(before?.start ?? after.start, after.start));
    if (change === null) return;
    const prev = this.current;
    this.current = next;
    this.undone.length = 0;
    const step: Step = {
      ...change,
      before: before ?? { start: change.from, end: change.from + change.removed.length, direction: 'none' },
      after,
      kind,
    };
    const last = this.done.at(-1);
    const joined = this.open && last !== undefined && joins(last, step);
    const kept = joined ? merge(last, step, prev, next) : step;
    kept.removed = own(kept.removed);
    kept.inserted = own(kept.inserted);
    if (joined) this.done[this.done.length - 1] = kept;
    else this.done.push(kept);
    this.open = kind !== 'other';
    this.fresh = true;
    this.trim();
  }

  /**
   * The selection the last edit left once whatever made it has finished (a toolbar command selects
   * the word it made bold after its edit): redo restores that one.
   */
  settle(after: TextSelection): void {
    const last = this.done.at(-1);
    if (!this.fresh || last === undefined) return;
    if (last.kind === 'other' || last.kind === 'moving') last.after = after;
  }

  /** Takes back the last step: the change to make in the textarea, or null when there is none. */
  undo(): TextChange | null {
    const step = this.done.pop();
    if (step === undefined) return null;
    this.undone.push(step);
    this.open = false;
    this.fresh = false;
    const to = step.from + step.inserted.length;
    this.current = this.current.slice(0, step.from) + step.removed + this.current.slice(to);
    return { from: step.from, to, insert: step.removed, selection: step.before };
  }

  /** Makes the last step undone again: the change to make, or null when there is none. */
  redo(): TextChange | null {
    const step = this.undone.pop();
    if (step === undefined) return null;
    this.done.push(step);
    this.open = false;
    this.fresh = false;
    const to = step.from + step.removed.length;
    this.current = this.current.slice(0, step.from) + step.inserted + this.current.slice(to);
    return { from: step.from, to, insert: step.inserted, selection: step.after };
  }

  /**
   * [from, to) of the text (a placeholder) becomes `replacement`, in the text and in every state the
   * history can go back or forward to that holds it, as though it had always been `replacement`.
   * The step that put it in now puts in `replacement`; steps before and after it are moved by the
   * change in length. A step that touched only part of it, or any further step that holds it too
   * (cut, then pasted elsewhere), cannot be rewritten: that step and everything beyond it are
   * forgotten, so no undo or redo can bring back what no upload will fill.
   */
  rewrite(from: number, to: number, replacement: string): void {
    const text = this.current;
    if (from < 0 || to > text.length || from > to) return;
    const original = text.slice(from, to);
    this.current = text.slice(0, from) + replacement + text.slice(to);
    this.open = false;
    this.fresh = false;
    rewriteSteps(this.done, BACK, from, to, replacement);
    rewriteSteps(this.undone, FORWARD, from, to, replacement);
    this.forget(original);
  }

  /**
   * Forgets every step that holds `text` (a placeholder that is not in the text now, whose upload
   * has ended), with the steps beyond it: undo goes back, and redo forward, no further than that.
   */
  forget(text: string): void {
    if (text === '') return;
    const older = this.done.findLastIndex((step) => holds(step, text));
    if (older >= 0) this.done.splice(0, older + 1);
    const further = this.undone.findLastIndex((step) => holds(step, text));
    if (further >= 0) this.undone.splice(0, further + 1);
  }

  /** Forgets the oldest steps beyond the limits (counted afresh: a thousand additions at most). */
  private trim(): void {
    let chars = this.done.reduce((sum, step) => sum + size(step), 0);
    while (this.done.length > 1 && (this.done.length > MAX_STEPS || chars > MAX_CHARS)) {
      const oldest = this.done.shift();
      if (oldest !== undefined) chars -= size(oldest);
    }
  }
}

/**
 * A step seen from one of its sides: `near` is its text in the state where the text being replaced
 * is known to sit, `far` its text on the other side. Going back through the steps done, a step's
 * near side is after it (what it inserted); going forward through the steps undone, before it.
 */
interface Side {
  near: 'inserted' | 'removed';
  far: 'inserted' | 'removed';
  nearSelection: 'after' | 'before';
  farSelection: 'after' | 'before';
}

const BACK: Side = { near: 'inserted', far: 'removed', nearSelection: 'after', farSelection: 'before' };
const FORWARD: Side = { near: 'removed', far: 'inserted', nearSelection: 'before', farSelection: 'after' };

/**
 * Through `steps` from the last, each seen from `side`, where [p, q) holds the text being replaced
 * on the step's near side: each step is moved by the change in length, and the step that put the
 * text in (or takes it out) holds `replacement` instead. A step touching only part of it cannot be
 * rewritten: it and every step beyond it are forgotten.
 */
function rewriteSteps(steps: Step[], side: Side, p: number, q: number, replacement: string): void {
  const length = replacement.length;
  for (let index = steps.length - 1; index >= 0; index -= 1) {
    const step = steps[index];
    if (step === undefined) return;
    const end = step.from + step[side.near].length;
    step[side.nearSelection] = movedSelection(step[side.nearSelection], p, q, length);
    if (q <= step.from) {
      // Before the step's change: the same place on its other side.
      step.from += length - (q - p);
    } else if (p >= end) {
      // After it: as far on as the step's change in length.
      const shift = step[side.far].length - step[side.near].length;
      p += shift;
      q += shift;
    } else if (step.from <= p && q <= end) {
      // The step that put it in, or takes it out (a further one that held it too is `forget`'s).
      const near = step[side.near];
      step[side.near] = own(near.slice(0, p - step.from) + replacement + near.slice(q - step.from));
      if (step.removed === step.inserted) steps.splice(index, 1);
      return;
    } else {
      steps.splice(0, index + 1);
      return;
    }
    step[side.farSelection] = movedSelection(step[side.farSelection], p, q, length);
  }
}

/** Whether `next` carries on `last`'s run: same kind, where it left off, the caret not moved between. */
function joins(last: Step, next: Step): boolean {
  if (last.kind !== next.kind || last.kind === 'other') return false;
  // Text dragged within the editor: taken out, then dropped, wherever that is.
  if (last.kind === 'moving') return last.inserted === '' && next.removed === '';
  const end = last.from + last.inserted.length;
  if (last.kind === 'composing') return next.from <= end && next.from + next.removed.length >= last.from;
  if (!sameSelection(last.after, next.before)) return false;
  if (last.kind === 'typing') return next.removed === '' && next.from === end && !last.inserted.endsWith('\n');
  // Deleting: Backspace on (ending where the last began) or Delete on (at the same place).
  return (
    next.inserted === '' &&
    last.inserted === '' &&
    (next.from + next.removed.length === last.from || next.from === last.from)
  );
}

function sameSelection(a: TextSelection, b: TextSelection): boolean {
  return a.start === b.start && a.end === b.end;
}

/**
 * One step made of `a` then `b`: `mid` is the text between them, `next` the text after `b`. The
 * step spans both changes, and the text between them when they do not touch.
 */
function merge(a: Step, b: Step, mid: string, next: string): Step {
  const from = Math.min(a.from, b.from);
  const aEnd = a.from + a.inserted.length;
  // How far the two reach in `mid`, and the same place in `next`.
  const end = Math.max(aEnd, b.from + b.removed.length);
  const removed = mid.slice(from, a.from) + a.removed + mid.slice(aEnd, end);
  const inserted = next.slice(from, end + b.inserted.length - b.removed.length);
  return { from, removed, inserted, before: a.before, after: b.after, kind: a.kind };
}

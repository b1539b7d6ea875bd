/** Messages between the preview and its rendering worker. */

/** Render `markdown` of post `postId`; `seq` orders requests. */
export interface RenderRequest {
  seq: number;
  postId: string;
  markdown: string;
}

/** The sanitized HTML for request `seq`. */
export interface RenderReply {
  seq: number;
  html: string;
  warnings: string[];
}

/** The sanitized HTML for request `seq`, block by block (joined by newlines it is the whole render). */
export interface BlockReply {
  seq: number;
  blocks: string[];
  warnings: string[];
}

/**
 * A change from one value to the next: the first `head` and last `tail` items kept, `middle`
 * between them. A keystroke in a long post crosses to the worker as a few characters, and its
 * render comes back as the blocks that changed, not as the whole text and the whole HTML again.
 */
export interface Edit<T> {
  head: number;
  tail: number;
  middle: T;
}

/** A render request as it crosses to the worker: its text as an edit of the text last sent for the same post. */
export interface WireRequest {
  seq: number;
  postId: string;
  text: Edit<string>;
}

/** Loads and runs the worker's pipeline once on a small sample, with no reply (../preview/previewWorker.ts). */
export interface WarmRequest {
  warm: true;
}

/** A key was typed and painted while a render was under way: a long render gives way (./renderLoop.ts). */
export interface KeyNotice {
  key: true;
}

/** A reply as it crosses back: its blocks as an edit of the blocks of the reply before it. */
export interface WireReply {
  seq: number;
  blocks: Edit<string[]>;
  warnings: string[];
}

/** Characters compared at once before looking closer (a native comparison of slices). */
const STRIDE = 512;

/** How many leading characters `a` and `b` share. */
function sharedHead(a: string, b: string): number {
  const most = Math.min(a.length, b.length);
  let at = 0;
  while (at + STRIDE <= most && a.slice(at, at + STRIDE) === b.slice(at, at + STRIDE)) at += STRIDE;
  while (at < most && a.charCodeAt(at) === b.charCodeAt(at)) at += 1;
  return at;
}

/** How many trailing characters `a` and `b` share, leaving `head` of each alone. */
function sharedTail(a: string, b: string, head: number): number {
  const most = Math.min(a.length, b.length) - head;
  let n = 0;
  while (
    n + STRIDE <= most &&
    a.slice(a.length - n - STRIDE, a.length - n) === b.slice(b.length - n - STRIDE, b.length - n)
  ) {
    n += STRIDE;
  }
  while (n < most && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n += 1;
  return n;
}

/** The edit that turns `before` into `after`. */
export function textEdit(before: string, after: string): Edit<string> {
  const head = sharedHead(before, after);
  const tail = sharedTail(before, after, head);
  return { head, tail, middle: after.slice(head, after.length - tail) };
}

/** `before` with `edit` applied. */
export function applyTextEdit(before: string, edit: Edit<string>): string {
  return before.slice(0, edit.head) + edit.middle + before.slice(before.length - edit.tail);
}

/** The edit that turns the blocks `before` into `after` (unchanged blocks are usually the same strings). */
export function blocksEdit(before: readonly string[], after: readonly string[]): Edit<string[]> {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head += 1;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  ) {
    tail += 1;
  }
  return { head, tail, middle: after.slice(head, after.length - tail) };
}

/** The blocks `before` with `edit` applied. */
export function applyBlocksEdit(before: readonly string[], edit: Edit<string[]>): string[] {
  return [...before.slice(0, edit.head), ...edit.middle, ...before.slice(before.length - edit.tail)];
}

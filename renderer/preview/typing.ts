/**
 * Typing without React on the key's path. The editor's textarea is uncontrolled: a keystroke
 * changes the textarea and the editor's latest state (what save, the journal, the close guard and
 * every other reader take), and wakes the preview directly; React's copy of the text (status bar
 * counts, hints, dirty mark) is handed over at most every HANDOVER_MS, off the key's frame, so the
 * app re-renders a few times a second while the author types, not once per key.
 */

/** How long typed text may wait before React's state takes it (the status bar settles longer). */
export const HANDOVER_MS = 200;

/** The open post's text as it is now, for readers outside React's render (the preview). */
export interface TextSource {
  /** The text now, with every key typed so far. */
  body: () => string;
  /** The post the text belongs to (null: none open). */
  postId: () => string | null;
  /** Calls `listener` after each change of the text; returns the unsubscribe. */
  subscribe: (listener: () => void) => () => void;
}

/** Listeners, called in turn. */
export interface Signal {
  subscribe: (listener: () => void) => () => void;
  notify: () => void;
}

/** A set of listeners. */
export function createSignal(): Signal {
  const listeners = new Set<() => void>();
  return {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    notify: () => {
      for (const listener of [...listeners]) listener();
    },
  };
}

/**
 * Runs `run` once after the next frame is painted, however often it is asked before then: a
 * keystroke's followers (the preview's request, React's copy) stay out of the key's own frame.
 */
export function createAfterPaint(
  run: () => void,
  frame: (callback: () => void) => void = requestAnimationFrame,
): () => void {
  let asked = false;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    asked = false;
    run();
  };
  return () => {
    if (asked) return;
    asked = true;
    // The frame's callbacks run before its paint; a message posted from one is handled after it.
    frame(() => channel.port2.postMessage(null));
  };
}

/** Timers and a clock, passed in so tests drive them. */
export interface Timers {
  set: (run: () => void, ms: number) => number;
  clear: (id: number) => void;
  /** Milliseconds on a monotonic clock. */
  now: () => number;
}

/** This thread's own timers and clock: the page's, or a worker's (./blockWorker.ts). */
export const threadTimers: Timers = {
  set: (run, ms) => globalThis.setTimeout(run, ms),
  clear: (id) => globalThis.clearTimeout(id),
  now: () => performance.now(),
};

/** Typed text on its way to React's state. */
export interface Handover {
  /**
   * `body` was typed and its key painted; `soon`: hand it over in the next task (the dirty mark
   * flips). Otherwise it goes now, in the quiet after this key's paint, once text has waited
   * HANDOVER_MS, or HANDOVER_MS after the last key when typing stops.
   */
  typed: (body: string, soon: boolean) => void;
  /** The text still waiting (cancelling its timer), for the caller to hand over now; null when none. */
  take: () => string | null;
}

/**
 * Hands waiting text to `give` right after a key's paint, so React's render and commit run in the
 * gap before the next key instead of at a timer's arbitrary moment in a key's frame.
 */
export function createHandover(give: (body: string) => void, timers: Timers, delayMs = HANDOVER_MS): Handover {
  let waiting: { body: string; since: number } | null = null;
  let timer: { id: number; soon: boolean } | null = null;
  const take = (): string | null => {
    if (timer !== null) timers.clear(timer.id);
    timer = null;
    const body = waiting?.body ?? null;
    waiting = null;
    return body;
  };
  const due = (): void => {
    const body = take();
    if (body !== null) give(body);
  };
  const arm = (soon: boolean): void => {
    if (timer !== null) timers.clear(timer.id);
    timer = { id: timers.set(due, soon ? 0 : delayMs), soon };
  };
  return {
    typed: (body, soon) => {
      waiting = { body, since: waiting?.since ?? timers.now() };
      if (timer?.soon === true) return;
      if (soon) arm(true);
      else if (timers.now() - waiting.since >= delayMs) due();
      // Re-armed by every key: while keys keep coming it never fires, a key's paint hands over.
      else arm(false);
    },
    take,
  };
}

/** Work started this soon after a key's paint ends well before the next key (a fast typist's 90 ms). */
const AFTER_PAINT_MS = 40;
/** No key this long after the last one's paint: typing paused, held work runs (the preview must catch up). */
const NEXT_KEY_MS = 110;
/**
 * No key this long: the author has stopped typing, not just slowed (a key that took long to paint
 * leaves a gap of more than NEXT_KEY_MS between fast keys). The preview's worker gives way to typing
 * for as long (./renderLoop.ts TYPING_MS).
 */
export const TYPING_PAUSE_MS = 400;

/** Work that must not land in a keystroke's frame. */
export interface KeyGate {
  /** Runs `apply` (after those given before it) at once, or right after the next key's paint. */
  run: (apply: () => void) => void;
  /**
   * Whether the author is typing: a key went down (`keyDown`) or the text changed (a key's paint,
   * mostly) less than TYPING_PAUSE_MS ago.
   */
  typing: () => boolean;
  /** A key went down: its change and paint are on their way, and work must not be sized as if idle. */
  keyDown: () => void;
  stop: () => void;
}

/**
 * While the author types, runs work (the preview's new HTML, its render, commit and layout) right
 * after a key's paint, when `text` tells its listeners, so it ends in the gap before the next key
 * instead of in that key's frame; when no key is coming, or one was just painted, at once.
 */
export function createKeyGate(text: TextSource, timers: Timers): KeyGate {
  let lastKey = Number.NEGATIVE_INFINITY;
  let lastDown = Number.NEGATIVE_INFINITY;
  let waiting: (() => void)[] = [];
  let timer: number | null = null;
  const flush = (): void => {
    if (timer !== null) timers.clear(timer);
    timer = null;
    const applies = waiting;
    waiting = [];
    for (const apply of applies) apply();
  };
  const unsubscribe = text.subscribe(() => {
    lastKey = timers.now();
    flush();
  });
  return {
    run: (apply) => {
      const since = timers.now() - lastKey;
      waiting.push(apply);
      if (since < AFTER_PAINT_MS || since >= NEXT_KEY_MS) flush();
      else if (timer === null) timer = timers.set(flush, NEXT_KEY_MS - since);
    },
    typing: () => timers.now() - Math.max(lastKey, lastDown) < TYPING_PAUSE_MS,
    keyDown: () => {
      lastDown = timers.now();
    },
    stop: () => {
      unsubscribe();
      if (timer !== null) timers.clear(timer);
      timer = null;
    },
  };
}

/**
 * Whether the textarea, known to hold `known` (null: not known yet), must take React's `value`:
 * only when `value` is the text now (`latest`), so a late copy of typed text never replaces what
 * was typed since, while a change from elsewhere (a read, a restore, an inserted image, a save's
 * normal form) always shows.
 */
export function shouldTake(value: string, latest: string, known: string | null): boolean {
  return value === latest && value !== known;
}

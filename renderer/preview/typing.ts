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

/** Timers, passed in so tests drive them. */
export interface Timers {
  set: (run: () => void, ms: number) => number;
  clear: (id: number) => void;
}

/** Typed text on its way to React's state. */
export interface Handover {
  /** `body` was typed; `soon`: hand it over in the next task (the dirty mark flips), else within HANDOVER_MS. */
  typed: (body: string, soon: boolean) => void;
  /** The text still waiting (cancelling its timer), for the caller to hand over now; null when none. */
  take: () => string | null;
}

/** Hands waiting text to `give` when its timer is due. */
export function createHandover(give: (body: string) => void, timers: Timers, delayMs = HANDOVER_MS): Handover {
  let waiting: { body: string } | null = null;
  let timer: { id: number; soon: boolean } | null = null;
  const take = (): string | null => {
    if (timer !== null) timers.clear(timer.id);
    timer = null;
    const body = waiting?.body ?? null;
    waiting = null;
    return body;
  };
  const due = (): void => {
    timer = null;
    const body = take();
    if (body !== null) give(body);
  };
  return {
    typed: (body, soon) => {
      waiting = { body };
      if (timer !== null && (timer.soon || !soon)) return;
      if (timer !== null) timers.clear(timer.id);
      timer = { id: timers.set(due, soon ? 0 : delayMs), soon };
    },
    take,
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

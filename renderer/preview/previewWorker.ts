/**
 * The preview's worker, started before the first post is opened. Loading the Markdown pipeline in a
 * worker costs a core 250–400 ms of CPU, and its first render runs in the interpreter: started when a
 * post opened, both landed on the author's first keystrokes (a trace of typing into a post just
 * opened). Started once the author has paused for a moment after the list is shown (loading it
 * while they filter the list slowed those keys just the same), and given a small sample to render,
 * the worker is ready when the first post opens.
 */
import type { WarmRequest } from './protocol';
import type { Timers } from './typing';

let spare: { worker: Worker; failed: boolean } | null = null;
/** Whether a preview took its worker: after that, one started ahead would only compete with the author's typing. */
let taken = false;

function startWorker(): Worker {
  return new Worker(new URL('./blockWorker.ts', import.meta.url), { type: 'module', name: 'preview' });
}

/** Starts the first preview's worker ahead of time, unless a preview has one already or workers cannot start. */
export function preparePreviewWorker(): void {
  if (spare !== null || taken || typeof Worker !== 'function') return;
  try {
    const prepared = { worker: startWorker(), failed: false };
    // A worker that cannot load reports it once; whoever takes it later must still hear of it.
    prepared.worker.addEventListener('error', () => (prepared.failed = true), { once: true });
    const warm: WarmRequest = { warm: true };
    prepared.worker.postMessage(warm);
    spare = prepared;
  } catch {
    spare = null;
  }
}

/** The worker prepared ahead of time, or a new one (where the prepared one could not load, a new one reports why). */
export function takePreviewWorker(): Worker {
  const prepared = spare;
  spare = null;
  taken = true;
  if (prepared !== null && !prepared.failed) return prepared.worker;
  prepared?.worker.terminate();
  return startWorker();
}

/** How long the author must leave keys, pointer and wheel alone before the worker is started ahead. */
export const QUIET_MS = 1000;

/** What input resets the wait: any key, click, touch or wheel. */
const INPUT = ['keydown', 'pointerdown', 'wheel'] as const;

/** Where input is heard, the page's timers and its idle callbacks (stand-ins in tests). */
export interface QuietWorld {
  target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  timers: Timers;
  whenIdle: (run: () => void) => () => void;
}

/**
 * Starts the first preview's worker ahead once the author has given no input for `quietMs` and the
 * page is idle; returns a function that stops waiting.
 */
export function prepareWhenQuiet(world: QuietWorld, quietMs = QUIET_MS): () => void {
  let timer: number | null = null;
  let cancelIdle: (() => void) | null = null;
  const clear = (): void => {
    if (timer !== null) world.timers.clear(timer);
    cancelIdle?.();
    timer = null;
    cancelIdle = null;
  };
  const stop = (): void => {
    clear();
    for (const type of INPUT) world.target.removeEventListener(type, restart, { capture: true });
  };
  function restart(): void {
    clear();
    // A preview has its worker: nothing is left to start, and keys need not pass through here.
    if (taken) {
      stop();
      return;
    }
    timer = world.timers.set(() => {
      timer = null;
      cancelIdle = world.whenIdle(() => {
        cancelIdle = null;
        stop();
        preparePreviewWorker();
      });
    }, quietMs);
  }
  for (const type of INPUT) world.target.addEventListener(type, restart, { capture: true, passive: true });
  restart();
  return stop;
}

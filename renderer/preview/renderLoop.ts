/**
 * How the preview's worker spends its core: keys first, the preview second. The worker and the
 * page's thread share a machine's cores, and a trace of typing into a 100 KB post just opened showed
 * what that costs on two: while the worker rendered the post's first preview, each key's own work on
 * the page (the native text insert, its paint) took two to three times as long as it did a second
 * later, and the first run of keys had a p95 of 45–85 ms against 21–26 ms with no preview at all.
 *
 * So a render runs in slices of a few blocks (./blockRender.ts `BlockJob`), and a render with much
 * left to do gives way while the author types: the page sends a notice after each key's frame is
 * painted (./usePreviewBlocks.ts), and for TYPING_MS after a notice such a render runs only in the
 * first RUN_MS, the gap before a fast typist's next key. Once the keys stop it runs straight on. A
 * render with little left (a keystroke's own block, a short post) never waits: it is what the
 * author is waiting to see.
 */
import type { BlockReply, RenderRequest } from './protocol';
import type { PreviewJob } from './renderBlocks';
import { TYPING_PAUSE_MS, type Timers } from './typing';

/** A slice of rendering between looks at the worker's messages. */
export const SLICE_MS = 8;
/** A render with more Markdown than this left to render gives way to typing. */
export const LARGE_CHARS = 8_000;
/** How long after a key's notice the author counts as typing (as long as the page counts it). */
export const TYPING_MS = TYPING_PAUSE_MS;
/** How long after a key's notice a large render may run while the author types. */
export const RUN_MS = 40;

/** What the loop runs on: the render, where replies go, the worker's timers and a way to run again soon. */
export interface LoopWorld {
  start: (request: RenderRequest) => PreviewJob;
  reply: (reply: BlockReply) => void;
  timers: Timers;
  /** Runs `run` in a task of its own, after messages that arrived meanwhile. */
  soon: (run: () => void) => void;
}

/** The worker's render loop: one render at a time (the page sends the next once this one is answered). */
export interface RenderLoop {
  request(request: RenderRequest): void;
  /** A key was typed (and painted) on the page. */
  keyTyped(): void;
}

/** Creates the loop. */
export function createRenderLoop(world: LoopWorld): RenderLoop {
  let job: PreviewJob | null = null;
  let lastKey = -Infinity;
  let timer: number | null = null;
  let queued = false;
  const wake = (): void => {
    if (timer !== null) world.timers.clear(timer);
    timer = null;
    if (!queued) run();
  };
  function run(): void {
    queued = false;
    if (job === null) return;
    const now = world.timers.now();
    let deadline = now + SLICE_MS;
    if (job.remaining > LARGE_CHARS && now - lastKey < TYPING_MS) {
      const windowEnd = lastKey + RUN_MS;
      if (now >= windowEnd) {
        // Wait for the next key's notice (which wakes this) or for the keys to stop.
        timer = world.timers.set(wake, lastKey + TYPING_MS - now);
        return;
      }
      deadline = Math.min(deadline, windowEnd);
    }
    const reply = job.step(deadline);
    if (reply === null) {
      queued = true;
      world.soon(run);
      return;
    }
    job = null;
    world.reply(reply);
  }
  return {
    request(request) {
      job = world.start(request);
      wake();
    },
    keyTyped() {
      lastKey = world.timers.now();
      if (timer !== null) wake();
    },
  };
}

// The worker's render loop: a long render gives way while keys arrive, a short one never waits,
// and what comes back is the same render as one done at once.
import { describe, expect, it } from 'vitest';
import type { BlockReply, RenderRequest } from './protocol';
import { createPreviewJobs, createPreviewRenderer, type PreviewJob } from './renderBlocks';
import { renderPost } from './renderPost';
import { createRenderLoop, LARGE_CHARS, RUN_MS, SLICE_MS, TYPING_MS, type LoopWorld } from './renderLoop';

/** A clock and timers the test moves by hand, and the loop's "soon" tasks in a queue of their own. */
function world(start: (request: RenderRequest) => PreviewJob) {
  let now = 1_000;
  let nextId = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  const soon: (() => void)[] = [];
  const replies: BlockReply[] = [];
  const loopWorld: LoopWorld = {
    start,
    reply: (reply) => replies.push(reply),
    timers: {
      set: (run, ms) => {
        timers.set(nextId, { at: now + ms, run });
        return nextId++;
      },
      clear: (id) => timers.delete(id),
      now: () => now,
    },
    soon: (run) => soon.push(run),
  };
  return {
    loopWorld,
    replies,
    soon,
    /** Moves the clock by `ms`, firing timers that fall due. */
    advance(ms: number) {
      now += ms;
      for (const [id, timer] of [...timers]) {
        if (timer.at <= now) {
          timers.delete(id);
          timer.run();
        }
      }
    },
    /** Runs the queued "soon" task, as the worker's next task would. */
    runSoon() {
      soon.shift()?.();
    },
    pendingTimers: () => timers.size,
  };
}

/** A job of `units` steps of work, each `chars` characters; counts the steps it took. */
function fakeJob(seq: number, units: number, chars: number) {
  const job = {
    steps: 0,
    left: units,
    step(): BlockReply | null {
      job.steps += 1;
      job.left -= 1;
      return job.left > 0 ? null : { seq, blocks: [`<p>${seq}</p>`], warnings: [] };
    },
    get remaining() {
      return job.left * chars;
    },
  };
  return job;
}

describe('createRenderLoop', () => {
  it('renders a short post at once, even while keys arrive', () => {
    const job = fakeJob(1, 1, 100);
    const w = world(() => job);
    const loop = createRenderLoop(w.loopWorld);
    loop.keyTyped();
    loop.request({ seq: 1, postId: 'a.md', markdown: 'x' });
    expect(w.replies.map((reply) => reply.seq)).toEqual([1]);
  });

  it('runs a long render straight on when nobody types, a slice per task', () => {
    const job = fakeJob(1, 3, LARGE_CHARS);
    const w = world(() => job);
    const loop = createRenderLoop(w.loopWorld);
    loop.request({ seq: 1, postId: 'a.md', markdown: 'x' });
    expect(job.steps).toBe(1);
    w.runSoon();
    w.runSoon();
    expect(job.steps).toBe(3);
    expect(w.replies.map((reply) => reply.seq)).toEqual([1]);
  });

  it('gives way while keys arrive: a long render runs only right after each key, then finishes once they stop', () => {
    const job = fakeJob(1, 10, LARGE_CHARS);
    const w = world(() => job);
    const loop = createRenderLoop(w.loopWorld);
    loop.keyTyped();
    w.advance(RUN_MS + 1);
    // Typing, and the key's gap is over: the render waits for the next key or for quiet.
    loop.request({ seq: 1, postId: 'a.md', markdown: 'x' });
    expect(job.steps).toBe(0);
    expect(w.pendingTimers()).toBe(1);
    // A key: a slice runs in the gap after it…
    w.advance(50);
    loop.keyTyped();
    expect(job.steps).toBe(1);
    w.runSoon();
    expect(job.steps).toBe(2);
    // …until the gap is over.
    w.advance(RUN_MS);
    w.runSoon();
    expect(job.steps).toBe(2);
    expect(w.soon).toHaveLength(0);
    // The keys stop: once TYPING_MS has passed since the last one, it runs straight on.
    w.advance(TYPING_MS - RUN_MS - 1);
    expect(job.steps).toBe(2);
    w.advance(1);
    expect(job.steps).toBe(3);
    while (w.soon.length > 0) w.runSoon();
    expect(job.steps).toBe(10);
    expect(w.replies.map((reply) => reply.seq)).toEqual([1]);
  });

  it('lets a long render finish without waiting once little is left, though keys still arrive', () => {
    const job = fakeJob(1, 4, LARGE_CHARS / 2);
    const w = world(() => job);
    const loop = createRenderLoop(w.loopWorld);
    loop.keyTyped();
    loop.request({ seq: 1, postId: 'a.md', markdown: 'x' });
    w.advance(RUN_MS + 1);
    w.runSoon();
    expect(job.steps).toBe(1);
    loop.keyTyped();
    expect(job.steps).toBe(2);
    w.advance(RUN_MS + 1);
    // LARGE_CHARS left, no more: it runs outside the key's gap too.
    w.runSoon();
    w.runSoon();
    expect(job.steps).toBe(4);
    expect(w.replies.map((reply) => reply.seq)).toEqual([1]);
  });

  it('ends a slice at the end of the key gap', () => {
    const deadlines: number[] = [];
    const w = world(() => ({
      step: (deadline) => {
        deadlines.push(deadline);
        return null;
      },
      remaining: LARGE_CHARS * 10,
    }));
    const loop = createRenderLoop(w.loopWorld);
    loop.request({ seq: 1, postId: 'a.md', markdown: 'x' });
    expect(deadlines).toEqual([1_000 + SLICE_MS]);
    w.advance(100);
    loop.keyTyped();
    w.advance(RUN_MS - 3);
    w.runSoon();
    expect(deadlines.at(-1)).toBe(1_100 + RUN_MS);
  });

  it('replies with the same render as one done at once, however it was sliced', () => {
    const blocks = Array.from(
      { length: 60 },
      (_, i) => `## Part ${i}\n\nSome *text* with a [link](p${i}.md) and ![img](i${i}.png).`,
    );
    const markdown = blocks.join('\n\n');
    const w = world(createPreviewJobs());
    const loop = createRenderLoop(w.loopWorld);
    const request = { seq: 7, postId: 'long.md', markdown };
    loop.request(request);
    let tasks = 0;
    while (w.soon.length > 0 && tasks < 1_000) {
      // Keys keep arriving between slices: each slice runs in a key's gap.
      w.advance(1);
      loop.keyTyped();
      w.runSoon();
      tasks += 1;
    }
    w.advance(TYPING_MS);
    while (w.soon.length > 0) w.runSoon();
    const at = createPreviewRenderer()(request);
    expect(w.replies).toHaveLength(1);
    expect(w.replies[0]).toEqual(at);
    expect(at.blocks.length).toBe(blocks.length * 2);
    expect(at.blocks.join('\n')).toBe(renderPost(request).html);
  });
});

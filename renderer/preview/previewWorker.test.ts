// The preview's worker started ahead of time: handed to the first preview, never started twice, and
// a prepared worker that could not load is replaced by a new one (which reports why to its taker).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A stand-in for the page's Worker: records what it was sent and can fail the way a refused worker does. */
class FakeWorker {
  static started: FakeWorker[] = [];
  readonly sent: unknown[] = [];
  terminated = false;
  private readonly errors: (() => void)[] = [];
  constructor(readonly url: URL | string) {
    FakeWorker.started.push(this);
  }
  postMessage(message: unknown): void {
    this.sent.push(message);
  }
  addEventListener(type: string, listener: () => void): void {
    if (type === 'error') this.errors.push(listener);
  }
  terminate(): void {
    this.terminated = true;
  }
  fail(): void {
    for (const listener of this.errors) listener();
  }
}

async function freshModule() {
  vi.resetModules();
  return import('./previewWorker');
}

beforeEach(() => {
  FakeWorker.started = [];
  vi.stubGlobal('Worker', FakeWorker);
});
afterEach(() => vi.unstubAllGlobals());

describe('the preview worker started ahead', () => {
  it('is started once, asked to warm up, and handed to the first preview', async () => {
    const { preparePreviewWorker, takePreviewWorker } = await freshModule();
    preparePreviewWorker();
    preparePreviewWorker();
    expect(FakeWorker.started).toHaveLength(1);
    const [prepared] = FakeWorker.started;
    expect(prepared?.sent).toEqual([{ warm: true }]);
    expect(String(prepared?.url)).toContain('blockWorker');
    expect(takePreviewWorker()).toBe(prepared);
    expect(FakeWorker.started).toHaveLength(1);
  });

  it('is not started once a preview has its worker (it would only compete with typing)', async () => {
    const { preparePreviewWorker, takePreviewWorker } = await freshModule();
    const first = takePreviewWorker();
    expect(FakeWorker.started).toEqual([first]);
    preparePreviewWorker();
    expect(FakeWorker.started).toHaveLength(1);
  });

  it('is replaced when it failed to load, so the preview hears the failure from its own worker', async () => {
    const { preparePreviewWorker, takePreviewWorker } = await freshModule();
    preparePreviewWorker();
    const [prepared] = FakeWorker.started;
    prepared?.fail();
    const taken = takePreviewWorker();
    expect(taken).not.toBe(prepared);
    expect(prepared?.terminated).toBe(true);
    expect(FakeWorker.started).toHaveLength(2);
  });

  it('starts nothing ahead where the page has no workers', async () => {
    vi.stubGlobal('Worker', undefined);
    const { preparePreviewWorker } = await freshModule();
    expect(() => preparePreviewWorker()).not.toThrow();
    expect(FakeWorker.started).toHaveLength(0);
  });
});

describe('starting it ahead waits for the author to pause', () => {
  /** A page with fake timers, an idle callback run on demand, and input events. */
  function world() {
    const target = new EventTarget();
    const idle: (() => void)[] = [];
    const timers = new Map<number, ReturnType<typeof setTimeout>>();
    let next = 0;
    return {
      target,
      idle,
      world: {
        target,
        timers: {
          set: (run: () => void, ms: number) => {
            next += 1;
            timers.set(next, setTimeout(run, ms));
            return next;
          },
          clear: (id: number) => clearTimeout(timers.get(id)),
          now: () => Date.now(),
        },
        whenIdle: (run: () => void) => {
          idle.push(run);
          return () => idle.splice(idle.indexOf(run), 1);
        },
      },
    };
  }

  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('starts the worker only after QUIET_MS with no key, click or wheel, and when the page is idle', async () => {
    const { prepareWhenQuiet, QUIET_MS } = await freshModule();
    const page = world();
    prepareWhenQuiet(page.world);
    vi.advanceTimersByTime(QUIET_MS - 10);
    page.target.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(QUIET_MS - 10);
    page.target.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(QUIET_MS - 10);
    expect(page.idle).toHaveLength(0);
    vi.advanceTimersByTime(10);
    expect(page.idle).toHaveLength(1);
    expect(FakeWorker.started).toHaveLength(0);
    // Input between the pause and the idle moment starts the wait again.
    page.target.dispatchEvent(new Event('wheel'));
    expect(page.idle).toHaveLength(0);
    vi.advanceTimersByTime(QUIET_MS);
    page.idle.shift()?.();
    expect(FakeWorker.started).toHaveLength(1);
    // Done: later input starts nothing more.
    page.target.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(QUIET_MS * 3);
    expect(page.idle).toHaveLength(0);
  });

  it('stops waiting at the first input once a preview has taken its worker', async () => {
    const { prepareWhenQuiet, takePreviewWorker, QUIET_MS } = await freshModule();
    const page = world();
    prepareWhenQuiet(page.world);
    takePreviewWorker();
    const removed = vi.spyOn(page.target, 'removeEventListener');
    page.target.dispatchEvent(new Event('keydown'));
    expect(removed).toHaveBeenCalledTimes(3);
    vi.advanceTimersByTime(QUIET_MS * 2);
    expect(page.idle).toHaveLength(0);
    expect(FakeWorker.started).toHaveLength(1);
  });

  it('starts nothing once stopped (the page went away)', async () => {
    const { prepareWhenQuiet, QUIET_MS } = await freshModule();
    const page = world();
    const stop = prepareWhenQuiet(page.world);
    stop();
    vi.advanceTimersByTime(QUIET_MS * 2);
    expect(page.idle).toHaveLength(0);
    expect(FakeWorker.started).toHaveLength(0);
  });
});

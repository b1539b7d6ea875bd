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

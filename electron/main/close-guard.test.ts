import { describe, expect, it } from 'vitest';
import type { CloseRequest } from '../../shared/api/desktop';
import { CLOSE_ACK_TIMEOUT_MS, createCloseGuard } from './close-guard';

/** A world of numbered windows with a hand-driven clock and a scripted native dialog. */
function world(ids: number[] = [1]) {
  const open = new Set(ids);
  const sent: { id: number; request: CloseRequest }[] = [];
  const closed: number[] = [];
  const nativeAsked: number[] = [];
  const nativeAnswers: boolean[] = [];
  let quits = 0;
  let now = 0;
  let timers: { at: number; fn: () => void; live: boolean }[] = [];
  const guard = createCloseGuard({
    send: (id, request) => sent.push({ id, request }),
    close: (id) => {
      closed.push(id);
      open.delete(id);
    },
    quit: () => {
      quits += 1;
    },
    askNatively: (id) => {
      nativeAsked.push(id);
      return nativeAnswers.shift() ?? false;
    },
    windows: () => [...open],
    schedule: (fn, ms) => {
      const timer = { at: now + ms, fn, live: true };
      timers.push(timer);
      return () => {
        timer.live = false;
      };
    },
  });
  /** Moves the clock on, running the timers that come due. */
  const advance = (ms: number): void => {
    now += ms;
    const due = timers.filter((timer) => timer.live && timer.at <= now);
    timers = timers.filter((timer) => !due.includes(timer));
    for (const timer of due) timer.fn();
  };
  const lastRequest = (id: number): number => {
    const found = sent.filter((entry) => entry.id === id).at(-1);
    if (found === undefined) throw new Error(`window ${id} was never asked`);
    return found.request.request;
  };
  return { guard, open, sent, closed, nativeAsked, nativeAnswers, quits: () => quits, advance, lastRequest };
}

describe('closing one window', () => {
  it('prevents the close, asks the page, and closes when the page says so', () => {
    const w = world();
    expect(w.guard.windowClosing(1)).toBe(false);
    expect(w.sent).toEqual([{ id: 1, request: { request: 1, reason: 'close' } }]);
    expect(w.guard.phase(1)).toBe('waiting');
    expect(w.guard.answer(1, 1, 'close')).toEqual({ ok: true, value: null });
    expect(w.closed).toEqual([1]);
    expect(w.guard.phase(1)).toBe('closing');
    // The real close that follows is let through, without asking again.
    expect(w.guard.windowClosing(1)).toBe(true);
    expect(w.sent).toHaveLength(1);
  });

  it('waits as long as the author needs once the page says it is asking, and stays on Cancel', () => {
    const w = world();
    w.guard.windowClosing(1);
    expect(w.guard.answer(1, 1, 'asking').ok).toBe(true);
    expect(w.guard.phase(1)).toBe('asking');
    w.advance(CLOSE_ACK_TIMEOUT_MS * 10);
    expect(w.nativeAsked).toEqual([]);
    expect(w.guard.answer(1, 1, 'stay').ok).toBe(true);
    expect(w.guard.phase(1)).toBe('idle');
    expect(w.closed).toEqual([]);
    // The next close is a new question with a new number.
    expect(w.guard.windowClosing(1)).toBe(false);
    expect(w.sent.map((entry) => entry.request.request)).toEqual([1, 2]);
  });

  it('does not ask twice while a question is open', () => {
    const w = world();
    w.guard.windowClosing(1);
    expect(w.guard.windowClosing(1)).toBe(false);
    expect(w.sent).toHaveLength(1);
  });

  it('falls back to the native Leave/Stay question when the page does not take the request in time', () => {
    const w = world();
    w.guard.windowClosing(1);
    w.advance(CLOSE_ACK_TIMEOUT_MS - 1);
    expect(w.nativeAsked).toEqual([]);
    w.nativeAnswers.push(true);
    w.advance(1);
    expect(w.nativeAsked).toEqual([1]);
    expect(w.closed).toEqual([1]);
  });

  it('keeps the window when the author picks Stay in the native question, and refuses the late answer', () => {
    const w = world();
    w.guard.windowClosing(1);
    w.nativeAnswers.push(false);
    w.advance(CLOSE_ACK_TIMEOUT_MS);
    expect(w.closed).toEqual([]);
    expect(w.guard.phase(1)).toBe('idle');
    const late = w.guard.answer(1, 1, 'close');
    expect(late.ok ? null : late.error.code).toBe('CONFLICT');
    expect(w.closed).toEqual([]);
  });

  it('closes a page that said it has nothing unsaved without a native question when it stops answering', () => {
    const w = world();
    w.guard.setEdited(1, true);
    w.guard.setEdited(1, false);
    w.guard.windowClosing(1);
    w.advance(CLOSE_ACK_TIMEOUT_MS);
    expect(w.nativeAsked).toEqual([]);
    expect(w.closed).toEqual([1]);
  });

  it('refuses answers to another request number and from another window', () => {
    const w = world([1, 2]);
    w.guard.windowClosing(1);
    for (const [id, request] of [
      [1, 2],
      [1, 0],
      [2, 1],
    ] as const) {
      const refused = w.guard.answer(id, request, 'close');
      expect(refused.ok ? null : refused.error.code).toBe('CONFLICT');
    }
    expect(w.closed).toEqual([]);
    expect(w.guard.phase(1)).toBe('waiting');
  });

  it('asks natively at once when the page crashes while the question is open', () => {
    const w = world();
    w.guard.setEdited(1, true);
    w.guard.windowClosing(1);
    w.guard.answer(1, 1, 'asking');
    w.nativeAnswers.push(true);
    w.guard.pageLost(1);
    expect(w.nativeAsked).toEqual([1]);
    expect(w.closed).toEqual([1]);
  });

  it('asks natively on the next turn, without sending, when a crashed page is closed', () => {
    const w = world();
    w.guard.setEdited(1, true);
    w.guard.pageLost(1);
    expect(w.guard.windowClosing(1)).toBe(false);
    expect(w.sent).toEqual([]);
    expect(w.nativeAsked).toEqual([]);
    w.nativeAnswers.push(true);
    w.advance(0);
    expect(w.nativeAsked).toEqual([1]);
    expect(w.closed).toEqual([1]);
  });

  it('asks a page that reloaded while asked the same question again, waiting for it anew', () => {
    const w = world();
    w.guard.windowClosing(1);
    w.guard.answer(1, 1, 'asking');
    w.guard.pageBack(1);
    expect(w.sent).toEqual([
      { id: 1, request: { request: 1, reason: 'close' } },
      { id: 1, request: { request: 1, reason: 'close' } },
    ]);
    expect(w.guard.phase(1)).toBe('waiting');
    w.nativeAnswers.push(false);
    w.advance(CLOSE_ACK_TIMEOUT_MS);
    expect(w.nativeAsked).toEqual([1]);
  });

  it('asks the page again once it is back', () => {
    const w = world();
    w.guard.pageLost(1);
    w.guard.pageBack(1);
    w.guard.windowClosing(1);
    expect(w.sent).toHaveLength(1);
  });
});

describe('quitting', () => {
  it('quits at once when no window is open', () => {
    const w = world([]);
    expect(w.guard.appQuitting()).toBe(true);
  });

  it('asks each window in turn, closing each as it agrees, then quits for real once', () => {
    const w = world([1, 2, 3]);
    expect(w.guard.appQuitting()).toBe(false);
    expect(w.guard.quitting()).toBe(true);
    expect(w.sent).toEqual([{ id: 1, request: { request: 1, reason: 'quit' } }]);
    // Pressing Quit again while the first window asks changes nothing.
    expect(w.guard.appQuitting()).toBe(false);
    w.guard.answer(1, w.lastRequest(1), 'close');
    expect(w.closed).toEqual([1]);
    expect(w.sent.map((entry) => entry.id)).toEqual([1, 2]);
    w.guard.answer(2, w.lastRequest(2), 'asking');
    w.guard.answer(2, w.lastRequest(2), 'close');
    w.guard.answer(3, w.lastRequest(3), 'close');
    expect(w.closed).toEqual([1, 2, 3]);
    expect(w.quits()).toBe(1);
    expect(w.guard.quitting()).toBe(false);
    // The real quit that follows is let through, once.
    expect(w.guard.appQuitting()).toBe(true);
  });

  it('stops quitting when a window says stay: earlier windows are closed, the rest stay open', () => {
    const w = world([1, 2, 3]);
    w.guard.appQuitting();
    w.guard.answer(1, w.lastRequest(1), 'close');
    w.guard.answer(2, w.lastRequest(2), 'stay');
    expect(w.closed).toEqual([1]);
    expect(w.sent.map((entry) => entry.id)).toEqual([1, 2]);
    expect(w.quits()).toBe(0);
    expect(w.guard.quitting()).toBe(false);
    // Quitting later asks the windows still open, from the start.
    expect(w.guard.appQuitting()).toBe(false);
    expect(w.sent.map((entry) => entry.id)).toEqual([1, 2, 2]);
  });

  it('goes on when a hung window is left through the native question', () => {
    const w = world([1, 2]);
    w.guard.appQuitting();
    w.nativeAnswers.push(true);
    w.advance(CLOSE_ACK_TIMEOUT_MS);
    expect(w.closed).toEqual([1]);
    w.guard.answer(2, w.lastRequest(2), 'close');
    expect(w.quits()).toBe(1);
  });

  it('joins a close question already open in a window instead of asking twice', () => {
    const w = world([1, 2]);
    w.guard.windowClosing(2);
    w.guard.answer(2, 1, 'asking');
    w.guard.appQuitting();
    w.guard.answer(1, w.lastRequest(1), 'close');
    expect(w.sent.map((entry) => entry.id)).toEqual([2, 1]);
    w.guard.answer(2, 1, 'close');
    expect(w.quits()).toBe(1);
  });

  it('goes on when a window goes away by itself while it is asked', () => {
    const w = world([1, 2]);
    w.guard.appQuitting();
    w.open.delete(1);
    w.guard.forget(1);
    expect(w.sent.map((entry) => entry.id)).toEqual([1, 2]);
    w.guard.answer(2, w.lastRequest(2), 'close');
    expect(w.quits()).toBe(1);
  });

  it('holds a system shutdown only for a window with unsaved edits, and asks it', () => {
    const w = world([1, 2]);
    w.guard.setEdited(1, false);
    expect(w.guard.sessionEnding(1)).toBe(false);
    expect(w.sent).toEqual([]);
    w.guard.setEdited(2, true);
    expect(w.guard.sessionEnding(2)).toBe(true);
    expect(w.guard.quitting()).toBe(true);
    expect(w.sent).toHaveLength(1);
  });
});

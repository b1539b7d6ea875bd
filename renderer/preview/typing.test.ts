import { describe, expect, it } from 'vitest';
import {
  createAfterPaint,
  createHandover,
  createKeyGate,
  createSignal,
  shouldTake,
  TYPING_PAUSE_MS,
  type Timers,
} from './typing';

/** Timers run by hand: `due()` runs the ones set, in order; `at` sets the clock. */
function manualTimers(): Timers & { due: () => void; count: () => number; at: (ms: number) => void } {
  const waiting = new Map<number, () => void>();
  let next = 1;
  let clock = 0;
  return {
    now: () => clock,
    at: (ms) => {
      clock = ms;
    },
    set: (run) => {
      waiting.set(next, run);
      return next++;
    },
    clear: (id) => waiting.delete(id),
    due: () => {
      const runs = [...waiting.values()];
      waiting.clear();
      for (const run of runs) run();
    },
    count: () => waiting.size,
  };
}

describe('handing typed text to React', () => {
  it('hands over only the newest text of a burst, once, when the timer is due', () => {
    const timers = manualTimers();
    const given: string[] = [];
    const handover = createHandover((body) => given.push(body), timers);
    handover.typed('a', false);
    handover.typed('ab', false);
    handover.typed('abc', false);
    expect(timers.count()).toBe(1);
    expect(given).toEqual([]);
    timers.due();
    expect(given).toEqual(['abc']);
  });

  it('hands over after the key that ends the pause while keys keep coming, and after a pause once they stop', () => {
    const timers = manualTimers();
    const given: string[] = [];
    const handover = createHandover((body) => given.push(body), timers);
    for (const [ms, body] of [
      [0, 'a'],
      [90, 'ab'],
      [180, 'abc'],
    ] as const) {
      timers.at(ms);
      handover.typed(body, false);
    }
    expect(given).toEqual([]);
    timers.at(270);
    handover.typed('abcd', false);
    expect(given).toEqual(['abcd']);
    expect(timers.count()).toBe(0);
    timers.at(360);
    handover.typed('abcde', false);
    expect(timers.count()).toBe(1);
    timers.due();
    expect(given).toEqual(['abcd', 'abcde']);
  });

  it('lets the caller take the waiting text before another action, cancelling the timer', () => {
    const timers = manualTimers();
    const given: string[] = [];
    const handover = createHandover((body) => given.push(body), timers);
    handover.typed('ab', false);
    expect(handover.take()).toBe('ab');
    expect(handover.take()).toBeNull();
    timers.due();
    expect(given).toEqual([]);
  });

  it('moves a waiting handover sooner when the dirty mark flips, and never later', () => {
    const delays: number[] = [];
    const timers = manualTimers();
    const handover = createHandover(() => undefined, {
      set: (run, ms) => {
        delays.push(ms);
        return timers.set(run, ms);
      },
      clear: timers.clear,
      now: timers.now,
    });
    handover.typed('a', false);
    handover.typed('ab', true);
    handover.typed('abc', false);
    expect(delays).toEqual([200, 0]);
    expect(timers.count()).toBe(1);
  });
});

describe('taking React text into the textarea', () => {
  it('keeps typed text over a late copy of it', () => {
    expect(shouldTake('ab', 'abc', 'abc')).toBe(false);
  });

  it('takes a change from elsewhere, and nothing when the textarea is known to show it', () => {
    expect(shouldTake('restored', 'restored', 'typed')).toBe(true);
    expect(shouldTake('same', 'same', 'same')).toBe(false);
    expect(shouldTake('first read', 'first read', null)).toBe(true);
  });
});

describe('signal', () => {
  it('calls each listener until it unsubscribes', () => {
    const signal = createSignal();
    let calls = 0;
    const stop = signal.subscribe(() => (calls += 1));
    signal.notify();
    stop();
    signal.notify();
    expect(calls).toBe(1);
  });
});

describe('after paint', () => {
  it('runs once for every ask before the frame, and only after the frame', async () => {
    const frames: (() => void)[] = [];
    let runs = 0;
    const later = createAfterPaint(
      () => (runs += 1),
      (callback) => frames.push(callback),
    );
    later();
    later();
    expect(frames).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(runs).toBe(0);
    frames[0]?.();
    await expect.poll(() => runs).toBe(1);
    later();
    expect(frames).toHaveLength(2);
  });
});

describe("keeping work out of a keystroke's frame", () => {
  /** A gate over a text source whose keys' paints are told by hand, with manual timers and a log of what ran. */
  function gated() {
    const signal = createSignal();
    const timers = manualTimers();
    const text = { body: () => '', postId: () => null, subscribe: signal.subscribe };
    const ran: string[] = [];
    return { timers, painted: signal.notify, gate: createKeyGate(text, timers), ran };
  }

  it('runs work at once when no key is coming or one was just painted', () => {
    const { timers, painted, gate, ran } = gated();
    gate.run(() => ran.push('idle'));
    timers.at(1000);
    painted();
    timers.at(1010);
    gate.run(() => ran.push('just after a paint'));
    expect(ran).toEqual(['idle', 'just after a paint']);
    expect(timers.count()).toBe(0);
  });

  it("holds work that comes late in the gap for the next key's paint, losing none, in order", () => {
    const { timers, painted, gate, ran } = gated();
    painted();
    timers.at(60);
    gate.run(() => ran.push('reply'));
    gate.run(() => ran.push('step'));
    expect(ran).toEqual([]);
    timers.at(90);
    painted();
    expect(ran).toEqual(['reply', 'step']);
    expect(timers.count()).toBe(0);
  });

  it('says the author is typing from a key until TYPING_PAUSE_MS after it, and not before the first', () => {
    const { timers, painted, gate } = gated();
    timers.at(1000);
    expect(gate.typing()).toBe(false);
    painted();
    expect(gate.typing()).toBe(true);
    timers.at(1000 + TYPING_PAUSE_MS - 1);
    expect(gate.typing()).toBe(true);
    timers.at(1000 + TYPING_PAUSE_MS);
    expect(gate.typing()).toBe(false);
  });

  it('counts a key down as typing before its change is painted', () => {
    const { timers, gate } = gated();
    timers.at(5000);
    expect(gate.typing()).toBe(false);
    gate.keyDown();
    expect(gate.typing()).toBe(true);
    timers.at(5000 + TYPING_PAUSE_MS);
    expect(gate.typing()).toBe(false);
  });

  it("sees typing in work it held for a key's paint", () => {
    const { timers, painted, gate } = gated();
    painted();
    timers.at(60);
    let seen: boolean | null = null;
    gate.run(() => (seen = gate.typing()));
    expect(seen).toBeNull();
    timers.at(60 + TYPING_PAUSE_MS);
    painted();
    expect(seen).toBe(true);
  });

  it('runs held work after a while when typing stops', () => {
    const { timers, painted, gate, ran } = gated();
    painted();
    timers.at(60);
    gate.run(() => ran.push('reply'));
    timers.due();
    expect(ran).toEqual(['reply']);
    gate.stop();
  });
});

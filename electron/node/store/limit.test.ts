import { describe, expect, it } from 'vitest';
import { gate } from './limit';

describe('gate', () => {
  it('runs at most its limit of calls at once, the rest in the order they came, every answer to its caller', async () => {
    const reading = gate(3);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        reading(async () => {
          started.push(i);
          running += 1;
          most = Math.max(most, running);
          // Uneven lengths, so calls finish out of order.
          await new Promise((resolve) => setTimeout(resolve, (i * 7) % 5));
          running -= 1;
          return i * 10;
        }),
      ),
    );
    expect(most).toBe(3);
    expect(started).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(answers).toEqual(Array.from({ length: 20 }, (_, i) => i * 10));
  });

  it('frees its place when a call fails, and hands the failure to that caller alone', async () => {
    const one = gate(1);
    const failing = one(() => Promise.reject(new Error('unreadable')));
    const after = one(() => Promise.resolve('read'));
    await expect(failing).rejects.toThrow('unreadable');
    await expect(after).resolves.toBe('read');
  });
});

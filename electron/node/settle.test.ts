import { describe, expect, it } from 'vitest';
import { settleWithin } from './settle';

describe('settleWithin', () => {
  it('waits for every task, failed ones too', async () => {
    const order: string[] = [];
    const slow = new Promise<void>((resolve) => setTimeout(() => (order.push('slow'), resolve()), 30));
    const failing = Promise.reject(new Error('disk gone'));
    expect(await settleWithin([slow, failing], 5_000)).toBe(true);
    expect(order).toEqual(['slow']);
  });

  it('gives up after the limit when a task never settles', async () => {
    expect(await settleWithin([new Promise(() => undefined)], 20)).toBe(false);
  });
});

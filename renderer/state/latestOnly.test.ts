import { describe, expect, it } from 'vitest';
import { latestOnly } from './latestOnly';

describe('latestOnly', () => {
  it('runs the first job at once and only the newest of those that arrive meanwhile', () => {
    const started: string[] = [];
    const queue = latestOnly<string>((job) => started.push(job));
    queue.request('a');
    queue.request('b');
    queue.request('c');
    expect(started).toEqual(['a']);
    queue.done();
    expect(started).toEqual(['a', 'c']);
    queue.done();
    queue.request('d');
    expect(started).toEqual(['a', 'c', 'd']);
  });

  it('does nothing when finished with nothing waiting', () => {
    const started: number[] = [];
    const queue = latestOnly<number>((job) => started.push(job));
    queue.done();
    expect(started).toEqual([]);
  });
});

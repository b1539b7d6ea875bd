// The missing-image check asks one image at a time, remembers answers, and stops when the body moves on.
import { describe, expect, it } from 'vitest';
import { checkImages, type Known } from './useMissingImages';

const BODY = [
  '![One](images/one.png)',
  '![Two](images/two.png) and again ![Two](images/two.png)',
  '<img src="images/three.png" alt="Three">',
  '![Far](https://example.com/far.png) ![Up](../../outside.png)',
].join('\n\n');

/** A fake server: answers after a tick, counting how many questions are open at once. */
function server(missing: ReadonlySet<string>) {
  const asked: string[] = [];
  let open = 0;
  let mostOpen = 0;
  const ask = async (_postId: string, src: string): Promise<boolean> => {
    asked.push(src);
    open += 1;
    mostOpen = Math.max(mostOpen, open);
    await new Promise((resolve) => setTimeout(resolve, 1));
    open -= 1;
    return missing.has(src);
  };
  return { ask, asked, mostOpen: () => mostOpen };
}

describe('checkImages', () => {
  it('asks about each relative image once, one at a time, and records the answers by path', async () => {
    const known: Known = new Map();
    const fake = server(new Set(['images/two.png']));
    expect(await checkImages('post.md', BODY, known, () => true, fake.ask)).toBe(true);
    expect(fake.asked).toEqual(['images/one.png', 'images/two.png', 'images/three.png']);
    expect(fake.mostOpen()).toBe(1);
    expect([...known].map(([path, { missing }]) => [path, missing])).toEqual([
      ['images/one.png', false],
      ['images/two.png', true],
      ['images/three.png', false],
    ]);
  });

  it('asks nothing again while the answers are fresh', async () => {
    const known: Known = new Map();
    await checkImages('post.md', BODY, known, () => true, server(new Set()).ask);
    const again = server(new Set());
    await checkImages('post.md', BODY, known, () => true, again.ask);
    expect(again.asked).toEqual([]);
  });

  it('stops asking once the body it was started for is gone', async () => {
    const known: Known = new Map();
    const fake = server(new Set());
    let live = true;
    const stopAfterFirst = async (postId: string, src: string): Promise<boolean> => {
      const answer = await fake.ask(postId, src);
      live = false;
      return answer;
    };
    expect(await checkImages('post.md', BODY, known, () => live, stopAfterFirst)).toBe(false);
    expect(fake.asked).toEqual(['images/one.png']);
    expect([...known.keys()]).toEqual(['images/one.png']);
  });
});

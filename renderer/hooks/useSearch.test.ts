// The sidebar's finder must find exactly what filterPosts finds, in the same order.
import { describe, expect, it } from 'vitest';
import type { PostSummary } from '../../shared/api/contract';
import { summaryFor } from '../../shared/api/testing';
import { filterPosts } from '../state/postList';
import { postFinder } from './useSearch';

function post(id: string, title: string, tags: string[] = [], path: string | null = null): PostSummary {
  return summaryFor(id, { title, path, tags, size: 0 });
}

const POSTS = [
  post('2024/garden.md', 'Notes from the Garden', ['Plants', 'spring']),
  post('river.md', 'A River Walk', [], '/blog/river-walk'),
  post('ÉTÉ.md', 'Été à Paris', ['voyage']),
  post('draft.md', '', ['garden']),
  post('multi.md', 'Garden river', ['walk']),
];

describe('postFinder', () => {
  it('finds what filterPosts finds, in list order, for every query', () => {
    const find = postFinder(POSTS);
    const queries = [
      '',
      '  ',
      'garden',
      'GARDEN river',
      'blog/river',
      'été',
      'ÉTÉ.md',
      'plants spring',
      'nothing',
      'walk',
      'a',
    ];
    for (const query of queries) expect(find(query)).toEqual(filterPosts(POSTS, query));
  });

  it('finds the same after prepare() as when the first query lower-cases the texts', () => {
    const prepared = postFinder(POSTS);
    prepared.prepare();
    for (const query of ['garden', 'été', 'blog/river', 'PLANTS']) {
      expect(prepared(query)).toEqual(postFinder(POSTS)(query));
    }
  });

  it('maps every post of the folder by id, also those the arranged list leaves out', () => {
    const shown = POSTS.slice(0, 2);
    const find = postFinder(shown, POSTS);
    expect([...find.byId().keys()]).toEqual(POSTS.map((p) => p.id));
    expect(find.byId().get('multi.md')).toBe(POSTS.at(-1));
    find.prepare();
    expect(find.byId()).toBe(find.byId());
    expect(find('garden')).toEqual(filterPosts(shown, 'garden'));
  });

  it('returns a copy of every post for an empty query', () => {
    const find = postFinder(POSTS);
    const all = find('');
    expect(all).toEqual(POSTS);
    expect(all).not.toBe(POSTS);
  });

  it('keeps up with 10,000 posts: a keystroke costs well under a frame', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      post(`y/post-${i}.md`, `Post number ${i} about the river`, ['a', 'b']),
    );
    const find = postFinder(many);
    expect(find('number 12')).toHaveLength(filterPosts(many, 'number 12').length);
    const started = performance.now();
    for (const query of ['n', 'nu', 'num', 'numb', 'numbe', 'number', 'number ', 'number 1', 'number 12']) find(query);
    // Nine keystrokes; generous for a loaded machine (about 1 ms each on an idle one).
    expect((performance.now() - started) / 9).toBeLessThan(50);
  });
});

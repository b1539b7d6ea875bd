import { describe, expect, it } from 'vitest';
import type { PostSummary } from '../../shared/api/contract';
import { summaryFor } from '../../shared/api/testing';
import {
  arrangePosts,
  categoriesOf,
  categoryCounts,
  DEFAULT_VIEW,
  fieldKeys,
  fieldSort,
  fieldValue,
  naturalDirection,
  sortedKey,
  sortPosts,
  tagCounts,
} from './sort';

function post(id: string, fields?: Record<string, string>, fieldDates?: Record<string, string>): PostSummary {
  return summaryFor(id, {
    title: `Title ${id}`,
    ...(fields === undefined ? {} : { fields }),
    ...(fieldDates === undefined ? {} : { fieldDates }),
  });
}

const ids = (list: PostSummary[]): string[] => list.map((p) => p.id);

describe('sorting by any front-matter key', () => {
  it('names field sorts apart from the built-in ones', () => {
    expect(sortedKey(fieldSort('weight'))).toBe('weight');
    expect(sortedKey(fieldSort('field:odd'))).toBe('field:odd');
    expect(sortedKey('date')).toBeNull();
  });

  it('sorts numbers by value, not as text, missing values last both ways', () => {
    const posts = [post('a', { weight: '10' }), post('b'), post('c', { weight: '9' }), post('d', { weight: '-1.5' })];
    expect(ids(sortPosts(posts, fieldSort('weight'), 'asc'))).toEqual(['d', 'c', 'a', 'b']);
    expect(ids(sortPosts(posts, fieldSort('weight'), 'desc'))).toEqual(['a', 'c', 'd', 'b']);
  });

  it('sorts dates by their sortable form, whatever shape they were written in', () => {
    const posts = [
      post('iso', { updated: '2021-03-05' }),
      post('human', { updated: 'Jul 08 2020' }, { updated: '2020-07-08' }),
      post('short', { updated: '2021-3-4 10:00' }, { updated: '2021-03-04T10:00:00' }),
      post('none', { author: 'x' }),
    ];
    expect(ids(sortPosts(posts, fieldSort('updated'), 'desc'))).toEqual(['iso', 'short', 'human', 'none']);
    expect(ids(sortPosts(posts, fieldSort('updated'), 'asc'))).toEqual(['human', 'short', 'iso', 'none']);
    expect(naturalDirection(fieldSort('updated'), posts)).toBe('desc');
  });

  it('sorts text by locale collation, case and accents aside, numbers inside text by value', () => {
    const posts = [
      post('z', { author: 'Zoë' }),
      post('e', { author: 'émile' }),
      post('a', { author: 'adam' }),
      post('n2', { author: 'part 10' }),
      post('n1', { author: 'part 9' }),
    ];
    expect(ids(sortPosts(posts, fieldSort('author'), 'asc'))).toEqual(['a', 'e', 'n1', 'n2', 'z']);
    expect(naturalDirection(fieldSort('author'), posts)).toBe('asc');
  });

  it('reads own keys only: a key named constructor is missing, not a function', () => {
    const hostile = post('h', JSON.parse('{"__proto__":"p"}') as Record<string, string>);
    expect(fieldValue(hostile, '__proto__')).toBe('p');
    expect(fieldValue(hostile, 'constructor')).toBeNull();
    expect(fieldValue(post('x'), 'toString')).toBeNull();
  });

  it('offers every key in the folder, most used first', () => {
    const posts = [
      post('a', { layout: 'post', author: 'x' }),
      post('b', { layout: 'post', weight: '1' }),
      post('c', { layout: 'page', author: 'y' }),
      post('d'),
    ];
    expect(fieldKeys(posts)).toEqual([
      { key: 'layout', count: 3 },
      { key: 'author', count: 2 },
      { key: 'weight', count: 1 },
    ]);
  });
});

describe('the tag filter', () => {
  const tagged = (id: string, tags: string[]): PostSummary => ({ ...post(id), tags });
  const posts = [
    tagged('a', ['Rust', 'web']),
    tagged('b', ['rust']),
    tagged('c', ['rust ', 'RUST']),
    tagged('d', ['go']),
  ];

  it('counts tags that differ only in case or spaces as one, named as most posts spell it', () => {
    expect(tagCounts(posts)).toEqual([
      { tag: 'rust', count: 3 },
      { tag: 'go', count: 1 },
      { tag: 'web', count: 1 },
    ]);
  });

  it('shows every post with the tag, whatever its case', () => {
    const view = { ...DEFAULT_VIEW, tag: 'rust' };
    expect(arrangePosts(posts, view).map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(arrangePosts(posts, { ...view, tag: 'Rust' }).map((p) => p.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('the category filter', () => {
  const posts = [
    post('a', { categories: 'Release, news' }),
    post('b', { category: 'release' }),
    post('c', { Categories: 'team' }),
    post('d', { author: 'release' }),
  ];

  it('counts the categories of `categories` lists and `category` texts, in any case', () => {
    expect(categoriesOf(posts[0] ?? post('x'))).toEqual(['Release', 'news']);
    expect(categoryCounts(posts)).toEqual([
      { category: 'Release', count: 2 },
      { category: 'news', count: 1 },
      { category: 'team', count: 1 },
    ]);
  });

  it('shows only the posts in the category', () => {
    expect(ids(arrangePosts(posts, { ...DEFAULT_VIEW, category: 'release' }))).toEqual(['a', 'b']);
    expect(ids(arrangePosts(posts, { ...DEFAULT_VIEW, category: 'team' }))).toEqual(['c']);
  });
});

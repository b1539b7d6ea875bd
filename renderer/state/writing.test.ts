import { describe, expect, it } from 'vitest';
import type { PostSummary } from '../../shared/api/contract';
import { summaryFor } from '../../shared/api/testing';
import { highlightSegments, quickOpenMatches, titleScore, wordRanges } from './search';
import { arrangePosts, DEFAULT_VIEW, naturalDirection, sortPosts, tagCounts } from './sort';

const post = summaryFor;

const posts = [
  post('b.md', { title: 'Banana', sortKey: '2024-02-01', tags: ['fruit'], mtimeMs: 5 }),
  post('a.md', { title: 'apple', sortKey: '2024-03-01', tags: ['fruit', 'red'], draft: true, mtimeMs: 9 }),
  post('c.md', { title: 'Cherry', sortKey: null, path: '/c', mtimeMs: 1 }),
  post('d.md', { title: 'date 10', sortKey: '2023-01-01', path: '/a' }),
  post('e.md', { title: 'date 9', sortKey: '2023-01-01' }),
];

const ids = (list: PostSummary[]): string[] => list.map((p) => p.id);

describe('sortPosts', () => {
  it('sorts by date either way, undated posts last both times, ties by title', () => {
    expect(ids(sortPosts(posts, 'date', 'desc'))).toEqual(['a.md', 'b.md', 'e.md', 'd.md', 'c.md']);
    expect(ids(sortPosts(posts, 'date', 'asc'))).toEqual(['e.md', 'd.md', 'b.md', 'a.md', 'c.md']);
  });

  it('sorts titles case-insensitively and numbers by value', () => {
    expect(ids(sortPosts(posts, 'title', 'asc'))).toEqual(['a.md', 'b.md', 'c.md', 'e.md', 'd.md']);
  });

  it('sorts by last change and by path', () => {
    expect(ids(sortPosts(posts, 'modified', 'desc'))).toEqual(['a.md', 'b.md', 'c.md', 'e.md', 'd.md']);
    expect(ids(sortPosts(posts, 'path', 'asc')).slice(0, 2)).toEqual(['d.md', 'c.md']);
  });
});

describe('filters', () => {
  it('shows drafts, published posts, or those with a tag', () => {
    expect(ids(arrangePosts(posts, { ...DEFAULT_VIEW, show: 'drafts' }))).toEqual(['a.md']);
    expect(ids(arrangePosts(posts, { ...DEFAULT_VIEW, show: 'published' }))).not.toContain('a.md');
    expect(ids(arrangePosts(posts, { ...DEFAULT_VIEW, tag: 'fruit' }))).toEqual(['a.md', 'b.md']);
  });

  it('counts tags, most used first', () => {
    expect(tagCounts(posts)).toEqual([
      { tag: 'fruit', count: 2 },
      { tag: 'red', count: 1 },
    ]);
  });
});

describe('highlightSegments', () => {
  it('cuts text into marked and plain pieces, clamping bad ranges', () => {
    expect(highlightSegments('Hello world', [[6, 11]])).toEqual([
      { text: 'Hello ', match: false },
      { text: 'world', match: true },
    ]);
    expect(
      highlightSegments('abc', [
        [1, 2],
        [1, 9],
      ]),
    ).toEqual([
      { text: 'a', match: false },
      { text: 'b', match: true },
      { text: 'c', match: true },
    ]);
    expect(highlightSegments('abc', [])).toEqual([{ text: 'abc', match: false }]);
  });

  it('finds the ranges of each query word', () => {
    expect(wordRanges('Tea and TEA', 'tea')).toEqual([
      [0, 3],
      [8, 11],
    ]);
  });
});

describe('quick open', () => {
  it('ranks a title that starts with the query first and drops non-matches', () => {
    expect(titleScore('Banana', 'ban')).toBe(0);
    expect(titleScore('A banana', 'ban')).toBe(1);
    expect(titleScore('Cabana', 'ban')).toBe(2);
    expect(titleScore('Cherry', 'ban')).toBeNull();
    const list = [post('1', { title: 'Cabana' }), post('2', { title: 'Banana split' }), post('3', { title: 'Kiwi' })];
    expect(ids(quickOpenMatches(list, 'BAN'))).toEqual(['2', '1']);
    expect(ids(quickOpenMatches(list, ''))).toEqual(['1', '2', '3']);
  });
});

describe('naturalDirection', () => {
  it('sorts dates newest first and text from A to Z', () => {
    expect(naturalDirection('date')).toBe('desc');
    expect(naturalDirection('modified')).toBe('desc');
    expect(naturalDirection('title')).toBe('asc');
  });
});

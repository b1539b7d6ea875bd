import { describe, expect, it } from 'vitest';
import type { PostSummary } from '../../shared/api/contract';
import { summaryFor } from '../../shared/api/testing';
import { filterPosts, listMove, moveSelection, postLabel, typeAheadMatch } from './postList';

function post(id: string, title: string, tags: string[] = [], path: string | null = null): PostSummary {
  return summaryFor(id, { title, path, tags });
}

const posts = [
  post('focus.md', 'Focus is the Ultimate Process', ['work'], '/blog/focus-is-the-ultimate-process'),
  post('hexo/chinese.md', '中文标题', ['日本']),
  post('notes/untitled.md', ''),
];

describe('filterPosts', () => {
  it('matches title, path and tags, case-insensitively, every word', () => {
    expect(filterPosts(posts, 'ULTIMATE').map((p) => p.id)).toEqual(['focus.md']);
    expect(filterPosts(posts, '/blog/focus').map((p) => p.id)).toEqual(['focus.md']);
    expect(filterPosts(posts, 'work process').map((p) => p.id)).toEqual(['focus.md']);
    expect(filterPosts(posts, 'work nothing')).toEqual([]);
    expect(filterPosts(posts, '日本').map((p) => p.id)).toEqual(['hexo/chinese.md']);
    expect(filterPosts(posts, 'notes/').map((p) => p.id)).toEqual(['notes/untitled.md']);
  });

  it('is blind to accents, composed or combining, in titles, tags and queries', () => {
    const accented = [post('cafe.md', 'Le Café de Flore', ['Zürich']), post('nfd.md', 'Cafe\u0301 notes')];
    expect(filterPosts(accented, 'cafe').map((p) => p.id)).toEqual(['cafe.md', 'nfd.md']);
    expect(filterPosts(accented, 'CAFÉ').map((p) => p.id)).toEqual(['cafe.md', 'nfd.md']);
    expect(filterPosts(accented, 'zurich').map((p) => p.id)).toEqual(['cafe.md']);
  });

  it('returns everything in order for an empty query', () => {
    expect(filterPosts(posts, '  ').map((p) => p.id)).toEqual(['focus.md', 'hexo/chinese.md', 'notes/untitled.md']);
  });
});

describe('postLabel', () => {
  it('is the title exactly, or the file id when there is none', () => {
    expect(postLabel(posts[0]!)).toBe('Focus is the Ultimate Process');
    expect(postLabel(posts[2]!)).toBe('notes/untitled.md');
  });
});

describe('moveSelection', () => {
  const ids = ['a', 'b', 'c'];
  it('moves and stops at the ends', () => {
    expect(moveSelection(ids, 'a', 1)).toBe('b');
    expect(moveSelection(ids, 'c', 1)).toBe('c');
    expect(moveSelection(ids, 'a', -1)).toBe('a');
  });
  it('starts from the first or last when nothing is current', () => {
    expect(moveSelection(ids, null, 1)).toBe('a');
    expect(moveSelection(ids, 'gone', -1)).toBe('c');
    expect(moveSelection([], 'a', 1)).toBeNull();
  });
});

describe('typeAheadMatch', () => {
  const list = [
    post('a.md', 'Banana bread'),
    post('b.md', 'Apple pie'),
    post('c.md', 'Bäckerei notes'),
    post('d.md', 'Blueberries'),
  ];

  it('goes to the next post starting with a key, wrapping, and steps on with the same key', () => {
    expect(typeAheadMatch(list, 'b.md', 'b')).toBe('c.md');
    expect(typeAheadMatch(list, 'c.md', 'bb')).toBe('d.md');
    expect(typeAheadMatch(list, 'd.md', 'b')).toBe('a.md');
    expect(typeAheadMatch(list, null, 'a')).toBe('b.md');
    expect(typeAheadMatch(list, 'a.md', 'z')).toBeNull();
  });

  it('keeps the current post while a longer prefix still matches it, blind to case and accents', () => {
    expect(typeAheadMatch(list, 'c.md', 'ba')).toBe('c.md');
    expect(typeAheadMatch(list, 'c.md', 'bl')).toBe('d.md');
    expect(typeAheadMatch(list, 'a.md', 'BACK')).toBe('c.md');
  });
});

describe('listMove', () => {
  const ids = Array.from({ length: 25 }, (_, i) => `p${i}`);
  it('moves by one, by a page, and to either end, never past them', () => {
    expect(listMove('ArrowDown', ids, 'p3')).toBe('p4');
    expect(listMove('ArrowUp', ids, 'p0')).toBe('p0');
    expect(listMove('PageDown', ids, 'p20')).toBe('p24');
    expect(listMove('PageUp', ids, 'p12')).toBe('p2');
    expect(listMove('Home', ids, 'p12')).toBe('p0');
    expect(listMove('End', ids, null)).toBe('p24');
  });

  it('leaves other keys alone, and has nowhere to go in an empty list', () => {
    expect(listMove('Enter', ids, 'p1')).toBeUndefined();
    expect(listMove('ArrowDown', [], null)).toBeNull();
  });
});

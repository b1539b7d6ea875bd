import { describe, expect, it } from 'vitest';
import type { PostSummary } from '../../shared/api/contract';
import { summaryFor } from '../../shared/api/testing';
import { acceptSuggestion, matchingSuggestions, suggestionLookup, valueCounts } from './suggestions';

function post(id: string, tags: string[], fields?: Record<string, string>): PostSummary {
  return summaryFor(id, { tags, ...(fields === undefined ? {} : { fields }) });
}

const posts = [
  post('a', ['astro', 'css'], { categories: 'Web, Design', keywords: 'speed' }),
  post('b', ['astro', 'astro'], { Categories: 'Web' }),
  post('c', ['rust'], { categories: 'Systems' }),
];

describe('valueCounts', () => {
  it('counts tags once per post, most used first, then by name', () => {
    expect(valueCounts(posts, 'tags')).toEqual([
      { value: 'astro', count: 2 },
      { value: 'css', count: 1 },
      { value: 'rust', count: 1 },
    ]);
  });

  it('counts categories and keywords from the summaries, any letter case of the key', () => {
    expect(valueCounts(posts, 'categories')).toEqual([
      { value: 'Web', count: 2 },
      { value: 'Design', count: 1 },
      { value: 'Systems', count: 1 },
    ]);
    expect(suggestionLookup(posts)('Keywords')).toEqual([{ value: 'speed', count: 1 }]);
    expect(valueCounts(posts, 'series')).toEqual([]);
  });
});

describe('picking a suggestion while typing', () => {
  const tags = valueCounts(posts, 'tags');

  it('suggests for the item after the last comma, starts of words first, never one already there', () => {
    expect(matchingSuggestions(tags, 'as').map((s) => s.value)).toEqual(['astro']);
    expect(matchingSuggestions(tags, 'astro, s').map((s) => s.value)).toEqual(['css', 'rust']);
    expect(matchingSuggestions(tags, 'rust, ').map((s) => s.value)).toEqual(['astro', 'css']);
    expect(matchingSuggestions(tags, 'ASTRO, c').map((s) => s.value)).toEqual(['css']);
    expect(matchingSuggestions(tags, 'zzz')).toEqual([]);
    expect(matchingSuggestions(tags, '', 1).map((s) => s.value)).toEqual(['astro']);
  });

  it('replaces the item being typed and leaves room for the next', () => {
    expect(acceptSuggestion('as', 'astro')).toBe('astro, ');
    expect(acceptSuggestion('css, as', 'astro')).toBe('css, astro, ');
    expect(acceptSuggestion('css,', 'astro')).toBe('css, astro, ');
  });
});

// Quick open finds posts by title first, then by file name; highlights follow the search's matching.
import { describe, expect, it } from 'vitest';
import type { PostSummary } from '../../shared/api/contract';
import { summaryFor } from '../../shared/api/testing';
import { quickOpenMatches, wordRanges } from './search';

function post(id: string, title: string): PostSummary {
  return summaryFor(id, { title });
}

describe('quickOpenMatches', () => {
  const posts = [
    post('_posts/2019-01-01-hello-world.md', 'A first post'),
    post('notes/hello.md', 'Hello again'),
    post('café.md', 'Le Café'),
  ];

  it('ranks title matches first, then posts whose file name matches', () => {
    expect(quickOpenMatches(posts, 'hello').map((p) => p.id)).toEqual([
      'notes/hello.md',
      '_posts/2019-01-01-hello-world.md',
    ]);
    expect(quickOpenMatches(posts, '2019-01').map((p) => p.id)).toEqual(['_posts/2019-01-01-hello-world.md']);
  });

  it('matches titles without their accents', () => {
    expect(quickOpenMatches(posts, 'cafe').map((p) => p.id)).toEqual(['café.md']);
  });
});

describe('wordRanges', () => {
  it('marks words found without their accents or case', () => {
    expect(wordRanges('Le Café de Zürich', 'cafe ZURICH')).toEqual([
      [3, 7],
      [11, 17],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { countWords, wordLabel } from './wordCount';

describe('countWords', () => {
  it('counts prose words, not link targets, tags or fences', () => {
    expect(countWords('Hello, *world*! See [the docs](https://example.com/a-b-c).')).toBe(5);
    expect(countWords('<img src="x.png" alt="x">\n```js\nconst a = 1;\n```')).toBe(3);
    expect(countWords('')).toBe(0);
  });

  it('counts each Han, kana or Hangul character as a word', () => {
    expect(countWords('日本語の文章です')).toBe(8);
    expect(countWords('中文 and English')).toBe(4);
  });

  it('keeps contractions, hyphenated and dotted words whole', () => {
    expect(countWords("Don't over-think e.g. v1.2 — ok?")).toBe(5);
  });

  it('stays fast on a long post', () => {
    const long = 'Some *prose* with a [link](https://example.com) and `code`.\n\n'.repeat(4000);
    const started = performance.now();
    expect(countWords(long)).toBe(4000 * 7);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('wordLabel', () => {
  it('says word or words', () => {
    expect(wordLabel(1)).toBe('1 word');
    expect(wordLabel(1234)).toBe('1,234 words');
  });
});

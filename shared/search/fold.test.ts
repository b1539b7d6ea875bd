// Search is blind to case and accents, however the accent is encoded, and folds nothing else.
import { describe, expect, it } from 'vitest';
import { foldText, queryWordPatterns } from './fold';

function finds(query: string, text: string): boolean {
  return queryWordPatterns(query).every((pattern) => {
    pattern.lastIndex = 0;
    return pattern.test(text);
  });
}

describe('foldText', () => {
  it('lower-cases and drops the accents of Latin and Greek letters, composed or combining', () => {
    expect(foldText('Café ZÜRICH cafe\u0301 Ελληνικά')).toBe('cafe zurich cafe ελληνικα');
  });

  it('keeps letters that only look accented in other scripts', () => {
    expect(foldText('한국어 が й हिन्दी')).toBe('한국어 が й हिन्दी');
  });
});

describe('queryWordPatterns', () => {
  it('finds accented text by plain words and the other way round, in either encoding', () => {
    expect(finds('cafe', 'Le Café')).toBe(true);
    expect(finds('café', 'a decomposed cafe\u0301 here')).toBe(true);
    expect(finds('CAFE\u0301', 'café')).toBe(true);
    expect(finds('zurich', 'Zürich')).toBe(true);
    expect(finds('cafe', 'cave')).toBe(false);
  });

  it('takes regular-expression characters, CJK and emoji literally', () => {
    expect(finds('(a+b)*', 'x (a+b)* y')).toBe(true);
    expect(finds('(a+b)*', 'aab')).toBe(false);
    expect(finds('$5.00 [x]', 'costs $5.00 [x]')).toBe(true);
    expect(finds('secret-posts/first a/b', 'see secret-posts/first and a/b')).toBe(true);
    expect(finds('a\\b {2} ^x$ -', 'a\\b {2} ^x$ -')).toBe(true);
    expect(finds('東京', '東京タワー')).toBe(true);
    expect(finds('🎉', 'done 🎉')).toBe(true);
    expect(finds('が', 'か')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import {
  announcement,
  findMatches,
  findSeed,
  indexOfMatch,
  matchBefore,
  matchFrom,
  matchStatus,
  queryPattern,
  replaceAllEdit,
  stillMatches,
  type FindOptions,
} from './findInText';

const ANY: FindOptions = { matchCase: false, wholeWord: false };
const CASE: FindOptions = { matchCase: true, wholeWord: false };
const WORD: FindOptions = { matchCase: false, wholeWord: true };

function starts(text: string, query: string, options = ANY): number[] {
  return findMatches(text, query, options).matches.map((match) => match.start);
}

describe('findMatches', () => {
  it('finds nothing for an empty query', () => {
    expect(findMatches('some text', '', ANY)).toEqual({ matches: [], capped: false });
    expect(queryPattern('', ANY)).toBeNull();
  });

  it('ignores case unless asked, in any script', () => {
    expect(starts('Draft, draft, DRAFT', 'draft')).toEqual([0, 7, 14]);
    expect(starts('Draft, draft, DRAFT', 'draft', CASE)).toEqual([7]);
    expect(starts('ÉTÉ et été', 'été')).toEqual([0, 7]);
    expect(starts('Σίσυφος ΣΊΣΥΦΟΣ', 'σίσυφος')).toEqual([0, 8]);
  });

  it('takes the query literally (no pattern characters)', () => {
    expect(starts('a.b axb (a.b)', 'a.b')).toEqual([0, 9]);
    expect(starts('cost $1 or [x]', '[x]')).toEqual([11]);
    expect(starts('a/b a\\b', 'a\\b')).toEqual([4]);
  });

  it('takes a hyphen, a slash and the other non-syntax punctuation literally (the `u` flag refuses their escapes)', () => {
    const text = 'A well-known fact since 2026-11-27 -- and/or a well-known rule.';
    for (const options of [ANY, CASE, WORD, { matchCase: true, wholeWord: true }]) {
      expect(starts(text, '-', options)).toEqual([6, 28, 31, 35, 36, 51]);
      expect(starts(text, '/', options)).toEqual([41]);
      expect(starts(text, 'well-known', options)).toEqual([2, 47]);
      expect(starts(text, '2026-11-27', options)).toEqual([24]);
      expect(starts(text, '--', options)).toEqual([35]);
      expect(starts(text, 'and/or', options)).toEqual([38]);
    }
    expect(starts('well-knownness well-known', 'well-known', WORD)).toEqual([15]);
    expect(starts("it's \"quoted\" #1, @me, 50% ~ `code` & <b> = ok; 'x': !", "'x': !")).toEqual([48]);
  });

  it('counts in UTF-16 units, as the textarea does, across emoji', () => {
    const text = '😀 smile 😀 smile';
    const found = findMatches(text, 'smile', ANY).matches;
    expect(found.map((match) => text.slice(match.start, match.end))).toEqual(['smile', 'smile']);
    expect(starts(text, '😀')).toEqual([0, 9]);
  });

  it('with whole word, needs no letter, digit or mark around a word, in any script', () => {
    expect(starts('cat catalog bobcat cat_ cat.', 'cat', WORD)).toEqual([0, 24]);
    expect(starts('un café, des cafés', 'café', WORD)).toEqual([3]);
    expect(starts('naïve naïveté', 'naïve', WORD)).toEqual([0]);
    // A combining accent after the word makes it another word.
    expect(starts('cafe\u0301 cafe', 'cafe', WORD)).toEqual([6]);
    // Non-word ends of the query ask nothing of that side.
    expect(starts('a#tag #tag #tags', '#tag', WORD)).toEqual([1, 6]);
  });

  it('never overlaps: the search goes on from the end of a match', () => {
    expect(starts('aaaa', 'aa')).toEqual([0, 2]);
    expect(starts('aaaaa', 'aaa')).toEqual([0]);
    expect(starts('abababa', 'aba')).toEqual([0, 4]);
  });

  it('stops at the cap and says so', () => {
    const text = 'x '.repeat(30);
    expect(findMatches(text, 'x', ANY, 30)).toMatchObject({ capped: false });
    const capped = findMatches(text, 'x', ANY, 10);
    expect(capped.matches).toHaveLength(10);
    expect(capped.capped).toBe(true);
    expect(matchStatus(-1, capped)).toBe('10+ matches');
    expect(matchStatus(2, capped)).toBe('3 of 10+');
  });
});

/** Where `query` occurs in `text`, each occurrence searched for after the last one's end. */
function literally(text: string, query: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(query); at !== -1; at = text.indexOf(query, at + query.length)) found.push(at);
  return found;
}

describe('any query', () => {
  const printable = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));
  const unicode = [
    'é',
    'ß',
    'İ',
    'ς',
    'ﬀ',
    'Ω',
    '\u0301',
    '\u00a0',
    '\u2028',
    '\u200d',
    '\t',
    '\n',
    '😀',
    '𝒜',
    '\ud83d',
    '\ude00',
    '字',
  ];
  const characters = [...printable, ...unicode];
  const everyOptions: FindOptions[] = [ANY, CASE, WORD, { matchCase: true, wholeWord: true }];

  it('never throws, and with match case finds exactly the query, for every printable ASCII character and some Unicode, alone and in pairs', () => {
    const pairs = characters.flatMap((first) => characters.map((second) => `${first}${second}`));
    // Each whole-word pattern takes a millisecond or two to compile (its Unicode classes): the
    // pairs with a hyphen, a slash or a letter on either side only.
    const wordPairs = characters.flatMap((one) =>
      ['-', '/', 'a'].flatMap((other) => [`${one}${other}`, `${other}${one}`]),
    );
    const longer = [printable.join(''), unicode.join(''), String.raw`\-\/\d(?:x)[^a]{2,}$^|.*+?`];
    const searches: [string, FindOptions][] = [
      ...[...characters, ...longer].flatMap((query) =>
        everyOptions.map((options): [string, FindOptions] => [query, options]),
      ),
      ...pairs.flatMap((query) => [ANY, CASE].map((options): [string, FindOptions] => [query, options])),
      ...wordPairs.flatMap((query) =>
        [WORD, { matchCase: true, wholeWord: true }].map((options): [string, FindOptions] => [query, options]),
      ),
    ];
    // Gathered, not asserted one by one: some 26,000 searches.
    const wrong: string[] = [];
    for (const [query, options] of searches) {
      const text = `x${query}y ${query}`;
      const asked = `${JSON.stringify(query)} ${JSON.stringify(options)}`;
      try {
        if (!(queryPattern(query, options) instanceof RegExp)) wrong.push(`${asked}: no pattern`);
        const found = findMatches(text, query, options).matches;
        if (found.some((match) => match.end <= match.start)) wrong.push(`${asked}: an empty match`);
        const expected = options === CASE ? literally(text, query).join() : null;
        const got = found.map((match) => match.start).join();
        if (expected !== null && got !== expected) wrong.push(`${asked}: found at ${got}, not ${expected}`);
        if (found.length === 0) wrong.push(`${asked}: not found`);
      } catch (error) {
        wrong.push(`${asked}: ${String(error)}`);
      }
    }
    expect(wrong.length, wrong.slice(0, 10).join('\n')).toBe(0);
  });

  it('never throws going to, checking or replacing matches of any query', () => {
    for (const query of [...characters, 'well-known', '2026-11-27', '--', 'a/b', '\\-']) {
      const text = `one ${query} two ${query}`;
      for (const options of everyOptions) {
        const pattern = queryPattern(query, options) as RegExp;
        const first = matchFrom(text, pattern, 1);
        expect(first, JSON.stringify(query)).not.toBeNull();
        expect(matchBefore(text, pattern, text.length)).not.toBeNull();
        if (first !== null) expect(stillMatches(text, pattern, first)).toBe(true);
        expect(replaceAllEdit(text, query, options, '-/\\$&')?.count).toBeGreaterThan(0);
      }
    }
  });
});

describe('going from match to match', () => {
  const text = 'one two one three one';
  const pattern = (): RegExp => queryPattern('one', ANY) as RegExp;

  it('goes to the next match at or after a place, wrapping to the first', () => {
    expect(matchFrom(text, pattern(), 0)).toEqual({ start: 0, end: 3 });
    expect(matchFrom(text, pattern(), 1)).toEqual({ start: 8, end: 11 });
    expect(matchFrom(text, pattern(), 19)).toEqual({ start: 0, end: 3 });
    expect(matchFrom(text, queryPattern('four', ANY) as RegExp, 0)).toBeNull();
  });

  it('goes to the previous match before a place, wrapping to the last', () => {
    expect(matchBefore(text, pattern(), 8)).toEqual({ start: 0, end: 3 });
    expect(matchBefore(text, pattern(), 9)).toEqual({ start: 8, end: 11 });
    expect(matchBefore(text, pattern(), 0)).toEqual({ start: 18, end: 21 });
  });

  it('finds a match in the sorted list by where it starts', () => {
    const { matches } = findMatches(text, 'one', ANY);
    expect(indexOfMatch(matches, 8)).toBe(1);
    expect(indexOfMatch(matches, 18)).toBe(2);
    expect(indexOfMatch(matches, 9)).toBe(-1);
  });
});

describe('replaceAllEdit', () => {
  it('replaces every match in one edit spanning the first to the last, literally', () => {
    const text = 'The cat sat. Cat! concat';
    const edit = replaceAllEdit(text, 'cat', WORD, '$1 dog');
    expect(edit).toEqual({ from: 4, to: 16, insert: '$1 dog sat. $1 dog', count: 2 });
    const after = `${text.slice(0, edit?.from)}${edit?.insert ?? ''}${text.slice(edit?.to)}`;
    expect(after).toBe('The $1 dog sat. $1 dog! concat');
  });

  it('replaces past the cap of the count, and nothing for no match or no query', () => {
    const text = 'ab'.repeat(20_000);
    const edit = replaceAllEdit(text, 'a', CASE, '');
    expect(edit?.count).toBe(20_000);
    expect(edit?.insert).toBe('b'.repeat(19_999));
    expect(replaceAllEdit(text, 'z', ANY, 'y')).toBeNull();
    expect(replaceAllEdit(text, '', ANY, 'y')).toBeNull();
  });
});

describe('announcement', () => {
  it('says the status when the query, a switch or the move changes, not when only the count does', () => {
    const first = announcement(null, '0:cat:false:false', '1 of 2');
    expect(first).toEqual({ key: '0:cat:false:false', text: '1 of 2' });
    // Typing in the post: found again, the same query and move.
    expect(announcement(first, '0:cat:false:false', '1 of 3')).toBe(first);
    expect(announcement(first, '1:cat:false:false', '2 of 3')).toEqual({ key: '1:cat:false:false', text: '2 of 3' });
    expect(announcement(first, '0:cat:false:true', '1 of 1').text).toBe('1 of 1');
    expect(announcement(first, '0:ca:false:false', '1 of 4').text).toBe('1 of 4');
  });
});

describe('status and seed', () => {
  it('reads the count out', () => {
    const found = findMatches('a a a', 'a', ANY);
    expect(matchStatus(0, found)).toBe('1 of 3');
    expect(matchStatus(-1, findMatches('a', 'a', ANY))).toBe('1 match');
    expect(matchStatus(-1, findMatches('a', 'b', ANY))).toBe('No matches');
    expect(matchStatus(0, findMatches('a '.repeat(12_000), 'a', ANY))).toBe('1 of 10,000+');
  });

  it('takes a short one-line selection only', () => {
    expect(findSeed('word')).toBe('word');
    expect(findSeed('')).toBeNull();
    expect(findSeed('two\nlines')).toBeNull();
    expect(findSeed('x'.repeat(101))).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { dateSortKey } from './dates';
import { summarizePost } from './summary';

describe('summarizePost', () => {
  it('reads the author’s post', () => {
    expect(summarizePost('---\npath:\t"/blog/focus"\ndate:\t"2016-05-26"\ntitle:\t"Focus"\n---\n\nBody')).toEqual({
      title: 'Focus',
      date: '2016-05-26',
      sortKey: '2016-05-26',
      draft: false,
      path: '/blog/focus',
      tags: [],
    });
  });

  it('falls back to `name`, then the first heading outside code, then null', () => {
    expect(summarizePost('---\nname: N\n---\n# H').title).toBe('N');
    expect(summarizePost('```\n# not this\n```\n\n# Real heading #\n').title).toBe('Real heading');
    expect(summarizePost('no heading').title).toBeNull();
  });

  it('reads a heading with a long whitespace run in one pass, and skips an empty heading', () => {
    // The old regex took ~18 s on this line; a linear scan takes milliseconds.
    const gap = ' \t'.repeat(50_000);
    expect(summarizePost(`# a${gap}x`).title).toBe(`a${gap}x`);
    expect(summarizePost(`# a${gap}#${gap}`).title).toBe('a');
    expect(summarizePost('# \t \n# Real ## #').title).toBe('Real ##');
  });

  it('reads dates as written from several keys and shapes', () => {
    expect(summarizePost("---\npubDate: 'Jul 08 2022'\n---\n")).toMatchObject({
      date: 'Jul 08 2022',
      sortKey: '2022-07-08',
    });
    expect(summarizePost('---\npublishDate: 2019-12-01 00:00:00\n---\n').date).toBe('2019-12-01 00:00:00');
    expect(summarizePost('---\ndate:\n  created: 2026-02-18\n---\n')).toMatchObject({
      date: '2026-02-18',
      sortKey: '2026-02-18',
    });
    expect(summarizePost('+++\ndate = 2025-01-09T01:48:56-08:00\n+++\n').date).toBe('2025-01-09T01:48:56-08:00');
  });

  it('knows drafts by `draft: true` or `published: false`', () => {
    expect(summarizePost('---\ndraft: true\n---\n').draft).toBe(true);
    expect(summarizePost('---\npublished: false\n---\n').draft).toBe(true);
    expect(summarizePost('---\npublished: 2020-01-01\n---\n')).toMatchObject({ draft: false, date: '2020-01-01' });
    // Written as text (a quoted value, or a field added as text): a draft all the same, never published by mistake.
    expect(summarizePost('---\ndraft: "true"\n---\n').draft).toBe(true);
    expect(summarizePost('---\ndraft:\t"True"\n---\n').draft).toBe(true);
    expect(summarizePost("+++\ndraft = 'true'\n+++\n").draft).toBe(true);
    expect(summarizePost('---\npublished: "false"\n---\n').draft).toBe(true);
    expect(summarizePost('---\ndraft: "false"\n---\n').draft).toBe(false);
    expect(summarizePost('---\ndraft: "maybe"\n---\n').draft).toBe(false);
    for (const yes of ['1', '"1"', 'yes', '"Yes"', 'on'])
      expect(summarizePost(`---\ndraft: ${yes}\n---\n`).draft, yes).toBe(true);
    for (const no of ['0', 'no']) expect(summarizePost(`---\npublished: ${no}\n---\n`).draft, no).toBe(true);
  });

  it('reads tags as a list, a single string as one tag', () => {
    expect(summarizePost('---\ntags: [a, b]\n---\n').tags).toEqual(['a', 'b']);
    expect(summarizePost('---\ntags: another tag\n---\n').tags).toEqual(['another tag']);
    expect(summarizePost('---\ntags:\n---\n').tags).toEqual([]);
    expect(summarizePost('+++\ntitle = "Z"\n[taxonomies]\ntags = ["zola", "toml"]\n+++\n').tags).toEqual([
      'zola',
      'toml',
    ]);
  });

  it('lists a post whose front matter is broken, with the problem', () => {
    expect(summarizePost('---\ntitle: [x\n---\n# Heading').problem).toMatch(/could not be read/);
  });
});

describe('dateSortKey', () => {
  it.each([
    ['2016-05-26', '2016-05-26'],
    ['2018-7-24 23:31:06', '2018-07-24T23:31:06'],
    ['2015-11-3 10:30:00', '2015-11-03T10:30:00'],
    ['2019-06-01 15:40', '2019-06-01T15:40:00'],
    // With an offset, the instant (in UTC), as the export orders posts.
    ['2017-04-09T10:58:08-04:00', '2017-04-09T14:58:08'],
    ['2013-05-06 02:12:52 +0200', '2013-05-06T00:12:52'],
    ['2026-03-10T00:00:00.000Z', '2026-03-10T00:00:00.000'],
    ['July 8, 2022', '2022-07-08'],
    ['8 July 2022', '2022-07-08'],
    ['2023-01-29 18:30:22 2023 -0800', '2023-01-29T18:30:22'],
    ['someday', null],
    ['Foo 8 2022', null],
  ])('%s → %s', (text, key) => {
    expect(dateSortKey(text)).toBe(key);
  });
});

import { describe, expect, it } from 'vitest';
import { FIELD_VALUE_LIMIT } from './summary-fields';
import { summarizePost } from './summary';

describe('summarizePost: the other front-matter values', () => {
  it('keeps every top-level scalar as written, and leaves out what the summary already has', () => {
    const post = summarizePost(
      '---\ntitle: T\ndate: 2020-01-02\npath: /p\ntags: [a]\nauthor: "Ada"\nweight: 10\ndraft: false\n' +
        'categories:\n  - one\n  - two\nlayout: post\n---\nBody',
    );
    expect(post.fields).toEqual({
      author: 'Ada',
      weight: '10',
      draft: 'false',
      categories: 'one, two',
      layout: 'post',
    });
    expect(post.fieldDates).toBeUndefined();
  });

  it('leaves out maps and empty values, and has no maps at all when nothing is left', () => {
    const post = summarizePost('---\ntitle: T\nauthor:\n  name: Ada\nempty: ""\nlist: []\n---\n');
    expect(post.fields).toBeUndefined();
    expect(Object.keys(post)).not.toContain('fields');
  });

  it('gives dates written another way a sortable key, and the second date key stays a field', () => {
    const post = summarizePost(
      "---\ndate: 2020-01-02\nupdated: 2021-3-4 10:00\nseen: 'Jul 08 2022'\nday: 2022-07-08\n---\n",
    );
    expect(post.fields).toEqual({ updated: '2021-3-4 10:00', seen: 'Jul 08 2022', day: '2022-07-08' });
    expect(post.fieldDates).toEqual({ updated: '2021-03-04T10:00:00', seen: '2022-07-08' });
  });

  it('skips the date key actually used (pubDate) and keeps `date` when it is something else', () => {
    const post = summarizePost('---\npubDate: 2019-12-01\nname: N\n---\n');
    expect(post).toMatchObject({ title: 'N', date: '2019-12-01' });
    expect(post.fields).toBeUndefined();
  });

  it('cuts long values, never inside a surrogate pair, and long lists at a whole item', () => {
    const long = `${'x'.repeat(FIELD_VALUE_LIMIT - 1)}😀tail`;
    const items = Array.from({ length: 40 }, (_, i) => `item${i}`);
    const post = summarizePost(`---\ndescription: "${long}"\nkeywords: [${items.join(', ')}]\n---\n`);
    expect(post.fields?.description).toBe('x'.repeat(FIELD_VALUE_LIMIT - 1));
    const keywords = post.fields?.keywords ?? '';
    expect(keywords.length).toBeLessThanOrEqual(FIELD_VALUE_LIMIT);
    expect(keywords.split(', ').every((item) => items.includes(item))).toBe(true);
    expect(keywords.startsWith('item0, item1')).toBe(true);
  });

  it('reads TOML front matter too, and treats hostile key names as plain keys', () => {
    const toml = summarizePost('+++\ntitle = "Z"\nweight = 3\n[extra]\nx = 1\n+++\n');
    expect(toml.fields).toEqual({ weight: '3' });
    const hostile = summarizePost('---\n__proto__: evil\nconstructor: c\n---\n');
    expect(hostile.fields?.__proto__).toBe('evil');
    expect(JSON.parse(JSON.stringify(hostile.fields))).toEqual(
      JSON.parse('{"__proto__":"evil","constructor":"c"}') as unknown,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { applySave, parsePost } from './post';

describe('parsePost', () => {
  it('reads a YAML block and an LF body', () => {
    const post = parsePost('---\ntitle: Hello\ndraft: true\n---\n\nBody\n');
    expect(post.lineEnding).toBe('lf');
    expect(post.body).toBe('\nBody\n');
    expect(post.frontMatter).toEqual({
      format: 'yaml',
      raw: 'title: Hello\ndraft: true',
      editable: true,
      fields: [
        { key: 'title', kind: 'text', value: 'Hello' },
        { key: 'draft', kind: 'boolean', value: true },
      ],
    });
  });

  it('normalises a CRLF body and raw block to LF', () => {
    const post = parsePost('---\r\ntitle: "A"\r\n---\r\nLine 1\r\nLine 2');
    expect(post).toMatchObject({ lineEnding: 'crlf', body: 'Line 1\nLine 2', frontMatter: { raw: 'title: "A"' } });
  });

  it('accepts `---yaml`, a `...` closing line and trailing spaces on fences', () => {
    expect(parsePost('---yaml\na: 1\n...\nbody').frontMatter.fields).toEqual([
      { key: 'a', kind: 'number', value: '1' },
    ]);
    expect(parsePost('---  \na: b\n---   \nbody').body).toBe('body');
  });

  it('reads TOML between `+++` fences, dates as written', () => {
    const post = parsePost(
      '+++\ntitle = "T"\ndate = 2025-01-09T01:48:56-08:00\ncount = 3.0\n[extra]\nx = 1\n+++\nbody',
    );
    expect(post.frontMatter.format).toBe('toml');
    expect(post.frontMatter.fields).toEqual([
      { key: 'title', kind: 'text', value: 'T' },
      { key: 'date', kind: 'date', value: '2025-01-09T01:48:56-08:00' },
      { key: 'count', kind: 'number', value: '3.0' },
      { key: 'extra', kind: 'raw', value: '[extra]\nx = 1' },
    ]);
  });

  it('reads Hugo JSON front matter without fences, read-only with a note', () => {
    const post = parsePost('{\n  "title": "J",\n  "tags": ["a"]\n}\n\nBody {not json}\n');
    expect(post.frontMatter).toMatchObject({
      format: 'json',
      editable: false,
      raw: '{\n  "title": "J",\n  "tags": ["a"]\n}',
    });
    expect(post.frontMatter.note).toMatch(/Raw mode/);
    expect(post.frontMatter.fields).toEqual([
      { key: 'title', kind: 'text', value: 'J' },
      { key: 'tags', kind: 'list', value: ['a'] },
    ]);
    expect(post.body).toBe('\nBody {not json}\n');
  });

  it('does not take a Liquid tag or a shortcode at the start for JSON', () => {
    expect(parsePost('{% raw %}\n{{ x }}\n{% endraw %}\n').frontMatter.format).toBe('none');
    expect(parsePost('{{< youtube id >}}\ntext\n').frontMatter.format).toBe('none');
  });

  it('never runs JavaScript front matter', () => {
    const globals = globalThis as { pwned?: boolean };
    const post = parsePost('---js\nglobalThis.pwned = true;\nmodule.exports = { title: "x" };\n---\nBody');
    expect(globals.pwned).toBeUndefined();
    expect(post.frontMatter).toMatchObject({ format: 'js', editable: false, fields: [] });
    expect(post.frontMatter.note).toBe('JavaScript front matter is shown as text and never run; the body is editable.');
    expect(post.body).toBe('Body');
  });

  it('reads Hexo front matter without an opening fence, but not a setext heading', () => {
    expect(parsePost('title: Hexo\ndate: 2013-12-24 23:30:09\n---\nBody').frontMatter.fields).toHaveLength(2);
    expect(parsePost('A heading\n---\nBody').frontMatter.format).toBe('none');
    expect(parsePost('Note: not front matter\n---\nBody').frontMatter.format).toBe('none');
  });

  it('treats a blank line before the fence, `----`, and an unclosed fence as no front matter', () => {
    for (const text of ['\n---\ntitle: x\n---\nbody', '----\ntitle: x\n----\n', '---\ntitle: x\nno close\n']) {
      const post = parsePost(text);
      expect(post.frontMatter.format).toBe('none');
      expect(post.body).toBe(text);
    }
  });

  it('opens malformed YAML with the error line and read-only fields', () => {
    const post = parsePost('---\ntitle: ok\nbad: [unclosed\nnext: 1\n---\nbody');
    expect(post.frontMatter.editable).toBe(false);
    expect(post.frontMatter.error?.line).toBeGreaterThanOrEqual(2);
    expect(post.body).toBe('body');
  });

  it('gives TOML and YAML errors with their line in the block', () => {
    expect(parsePost('+++\ntitle = "a"\nbad = \n+++\n').frontMatter.error).toEqual({
      message: 'Invalid TOML document: invalid value',
      line: 2,
    });
    expect(parsePost('{\n "a": 1,\n "b": \n}\n').frontMatter.error?.message).toMatch(/not valid JSON/);
  });

  it('reports duplicate keys as an error', () => {
    expect(parsePost('---\na: 1\na: 2\n---\n').frontMatter.error?.message).toMatch(/unique/);
  });

  it('shows kinds: numbers as written, timestamps and quoted dates as text, impossible dates with a warning', () => {
    const post = parsePost(
      '---\nv: 3.0\nhex: 0x1F\nd: 2017-02-29 11:00:00\nq: "2016-05-26"\nn: ~\ne:\nb: |\n  two\n  lines\nl: [a, "b c"]\nm: {x: 1}\n---\n',
    );
    expect(post.frontMatter.fields).toEqual([
      { key: 'v', kind: 'number', value: '3.0' },
      { key: 'hex', kind: 'number', value: '0x1F' },
      { key: 'd', kind: 'date', value: '2017-02-29 11:00:00', warning: 'not a valid calendar date' },
      { key: 'q', kind: 'date', value: '2016-05-26' },
      { key: 'n', kind: 'text', value: '' },
      { key: 'e', kind: 'text', value: '' },
      { key: 'b', kind: 'text', value: 'two\nlines\n' },
      { key: 'l', kind: 'list', value: ['a', 'b c'] },
      { key: 'm', kind: 'raw', value: '{x: 1}' },
    ]);
  });

  it('shows a list as its source text when the form’s list field would change its items (a comma, spaces at an end, an empty item)', () => {
    const kinds = (text: string) => parsePost(text).frontMatter.fields.map((field) => [field.key, field.kind]);
    expect(
      kinds(
        '---\ncities: ["Paris, France", travel]\nauthors:\n  - Doe, John\npadded: [" spaced "]\nblank: ["", a]\ntags: [a, b c]\n---\n',
      ),
    ).toEqual([
      ['cities', 'raw'],
      ['authors', 'raw'],
      ['padded', 'raw'],
      ['blank', 'raw'],
      ['tags', 'list'],
    ]);
    expect(kinds('+++\ncities = ["Paris, France"]\ntags = ["a"]\n+++\n')).toEqual([
      ['cities', 'raw'],
      ['tags', 'list'],
    ]);
    expect(kinds('{\n"cities": ["Paris, France"],\n"tags": ["a"]\n}\n')).toEqual([
      ['cities', 'raw'],
      ['tags', 'list'],
    ]);
    // Such a list is kept byte for byte by a save that does not touch it.
    const text = '---\ntitle: A\ncities: ["Paris, France", travel]\n---\nBody\n';
    const saved = applySave(
      text,
      { kind: 'fields', edits: [{ op: 'set', key: 'title', value: { kind: 'text', text: 'B' } }] },
      'Body\n',
    );
    expect(saved.ok ? saved.value : saved.error.message).toBe(
      '---\ntitle: B\ncities: ["Paris, France", travel]\n---\nBody\n',
    );
  });

  it('keeps `__proto__` and `<<` as ordinary fields without touching prototypes', () => {
    const post = parsePost('---\n__proto__: {polluted: true}\n<<: {x: 1}\nconstructor: c\n---\n');
    expect(post.frontMatter.fields.map((f) => f.key)).toEqual(['__proto__', '<<', 'constructor']);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('never throws on hostile or odd input', () => {
    const inputs = [
      '',
      '---',
      '---\n',
      '---\n---',
      '+++',
      '{',
      '{"a":',
      '\r\n',
      '---\n: : :\n---\n',
      '---\n*alias\n---\n',
      '---\n- a\n---\n',
      '\uFEFF---\n---\n',
      '---\n"\n---\n',
      '+++\n= =\n+++\n',
      `---\n${'a: [\n'.repeat(500)}---\n`,
      `---\na: ${'['.repeat(20000)}\n---\n`,
      `{"a": ${'['.repeat(20000)}${']'.repeat(20000)}}\nbody`,
      `+++\na = ${'['.repeat(20000)}\n+++\n`,
    ];
    for (const text of inputs) {
      const post = parsePost(text);
      const saved = applySave(text, { kind: 'none' }, post.body);
      expect(saved.ok && saved.value === text, JSON.stringify(text)).toBe(true);
    }
  });
});

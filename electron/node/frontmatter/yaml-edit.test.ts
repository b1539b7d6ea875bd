import { describe, expect, it } from 'vitest';
import type { FieldEdit, FrontMatterChange } from '../../../shared/api/contract';
import { applySave, parsePost } from './post';

function save(text: string, change: FrontMatterChange, body?: string): string {
  const result = applySave(text, change, body ?? parsePost(text).body);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

function edit(text: string, ...edits: FieldEdit[]): string {
  return save(text, { kind: 'fields', edits });
}

function setText(key: string, text: string): FieldEdit {
  return { op: 'set', key, value: { kind: 'text', text } };
}

function failure(text: string, change: FrontMatterChange): string {
  const result = applySave(text, change, parsePost(text).body);
  return result.ok ? 'saved' : result.error.code;
}

const SEED = '---\npath:\t"/blog/focus"\ndate:\t"2016-05-26"\ntitle:\t"Focus"\n---\n\nBody\n';

describe('applySave: unchanged and body edits', () => {
  it('returns the original text exactly when nothing changed', () => {
    expect(save(SEED, { kind: 'none' })).toBe(SEED);
    expect(save(SEED, { kind: 'fields', edits: [] })).toBe(SEED);
  });

  it('keeps the front matter bytes on a body edit and restores CRLF in the body', () => {
    const crlf = '---\r\ntitle: x\r\n---\r\nOne\r\n';
    expect(save(crlf, { kind: 'none' }, 'One\nTwo\n')).toBe('---\r\ntitle: x\r\n---\r\nOne\r\nTwo\r\n');
  });

  it('keeps a missing final newline, and adds a line break after a closing fence at the end of the file', () => {
    expect(save('---\na: 1\n---\nEnd', { kind: 'none' }, 'End.')).toBe('---\na: 1\n---\nEnd.');
    expect(save('---\na: 1\n---', { kind: 'none' }, 'Body')).toBe('---\na: 1\n---\nBody');
  });
});

describe('applySave: YAML field edits', () => {
  it('keeps double quotes and the TAB separator, escaping quotes', () => {
    expect(edit(SEED, setText('title', 'He said "hi": ok'))).toBe(SEED.replace('"Focus"', '"He said \\"hi\\": ok"'));
  });

  it('keeps single quotes, doubling apostrophes', () => {
    expect(edit("---\ntitle: 'A'\n---\n", setText('title', "It's"))).toBe("---\ntitle: 'It''s'\n---\n");
  });

  it('keeps plain values plain unless they need quotes, then uses the block’s quote style', () => {
    expect(edit('---\ntitle: A\n---\n', setText('title', 'B c'))).toBe('---\ntitle: B c\n---\n');
    expect(edit("---\ntitle: A\nx: 'y'\n---\n", setText('title', 'a: b'))).toBe("---\ntitle: 'a: b'\nx: 'y'\n---\n");
    expect(edit('---\ntitle: A\n---\n', setText('title', 'true'))).toBe('---\ntitle: "true"\n---\n');
    expect(edit('---\ntitle: A\n---\n', setText('title', '# not a comment'))).toBe(
      '---\ntitle: "# not a comment"\n---\n',
    );
    expect(edit('---\ntitle: A\n---\n', setText('title', ''))).toBe('---\ntitle: ""\n---\n');
  });

  it('quotes what a YAML 1.1 reader (Jekyll, MkDocs) takes for a boolean, a number or null', () => {
    // Each reads as text in YAML 1.2, and as false, false, true, 750, 1000, 5 or null in Ruby's and Python's YAML.
    for (const value of ['No', 'off', 'ON', '12:30', '1_000', '0b101', '~'])
      expect(edit('---\ntitle: A\n---\n', setText('title', value))).toBe(`---\ntitle: "${value}"\n---\n`);
    expect(edit("---\ntitle: A\nx: 'y'\n---\n", setText('title', 'Yes'))).toBe("---\ntitle: 'Yes'\nx: 'y'\n---\n");
    expect(
      edit('---\ntags: [community]\n---\n', {
        op: 'set',
        key: 'tags',
        value: { kind: 'list', items: ['community', 'yes'] },
      }),
    ).toBe('---\ntags: [community, "yes"]\n---\n');
    expect(edit('---\ntitle: A\n---\n', setText('comments', 'off'))).toBe('---\ntitle: A\ncomments: "off"\n---\n');
    // Text either reads as text stays plain, a date too.
    expect(edit('---\ntitle: A\n---\n', setText('title', 'Not now'))).toBe('---\ntitle: Not now\n---\n');
    expect(edit('---\ndate: 2020-01-01\n---\n', setText('date', '2021-02-03'))).toBe('---\ndate: 2021-02-03\n---\n');
  });

  it('edits a list key left empty or given one word as a list, so "a, b" saves two items', () => {
    // `hexo new` writes `tags:` empty; Eleventy reads `tags: notes` as a list of one.
    const hexo = '---\ntitle: Hello\ntags:\ndate: 2020-01-01\n---\n';
    expect(parsePost(hexo).frontMatter.fields[1]).toEqual({ key: 'tags', kind: 'list', value: [] });
    expect(edit(hexo, { op: 'set', key: 'tags', value: { kind: 'list', items: ['javascript', 'hexo'] } })).toBe(
      hexo.replace('tags:\n', 'tags: [javascript, hexo]\n'),
    );
    const eleventy = '---\ntitle: Hello\ntags: another tag\n---\n';
    expect(parsePost(eleventy).frontMatter.fields[1]).toEqual({ key: 'tags', kind: 'list', value: ['another tag'] });
    expect(edit(eleventy, { op: 'set', key: 'tags', value: { kind: 'list', items: ['another tag', 'new'] } })).toBe(
      eleventy.replace('another tag', '[another tag, new]'),
    );
    // Other keys, and a list key's multi-line text, stay text.
    expect(parsePost('---\nsummary: a, b\n---\n').frontMatter.fields[0]?.kind).toBe('text');
    expect(parsePost('---\ntags: |\n  a\n  b\n---\n').frontMatter.fields[0]?.kind).toBe('text');
  });

  it('escapes control characters and newlines on one line in double quotes', () => {
    const out = edit(SEED, setText('title', 'a\nb\t\\c'));
    expect(out).toContain('title:\t"a\\nb\\t\\\\c"\n');
    expect(parsePost(out).frontMatter.fields[2]?.value).toBe('a\nb\t\\c');
  });

  it('keeps comments, blank lines, key order, aligned values and trailing comments', () => {
    const text = '---\n# top\ntitle:  "A"   # the title\n\ndate:   2020-01-01\n---\n';
    expect(edit(text, setText('title', 'B'))).toBe(
      '---\n# top\ntitle:  "B"   # the title\n\ndate:   2020-01-01\n---\n',
    );
  });

  it('keeps CRLF line endings inside the block', () => {
    const text = '---\r\ntitle: A\r\ntags:\r\n  - a\r\n---\r\nBody';
    expect(
      edit(text, setText('title', 'B'), { op: 'set', key: 'tags', value: { kind: 'list', items: ['x', 'y'] } }),
    ).toBe('---\r\ntitle: B\r\ntags:\r\n  - x\r\n  - y\r\n---\r\nBody');
    expect(edit(text, setText('new', 'n'))).toBe('---\r\ntitle: A\r\ntags:\r\n  - a\r\nnew: n\r\n---\r\nBody');
  });

  it('edits a block closed by `...`', () => {
    expect(edit('---\ntitle: A\n...\nBody', setText('title', 'B'))).toBe('---\ntitle: B\n...\nBody');
  });

  it('writes dates in the same shape and quoting, never through a Date', () => {
    const text = '---\nd1: 2016-05-26\nd2: "2016-05-26"\nd3: 2016-10-06 11:10:38 -0700\n---\n';
    const date = (key: string, text: string): FieldEdit => ({ op: 'set', key, value: { kind: 'date', text } });
    expect(
      edit(text, date('d1', '2017-02-29'), date('d2', '2016-06-01'), date('d3', '2016-10-07 08:00:00 -0700')),
    ).toBe('---\nd1: 2017-02-29\nd2: "2016-06-01"\nd3: 2016-10-07 08:00:00 -0700\n---\n');
  });

  it('writes numbers and booleans plain, keeping their case, and refuses non-numbers', () => {
    const text = '---\nv: 3.0\nok: True\n---\n';
    expect(
      edit(
        text,
        { op: 'set', key: 'v', value: { kind: 'number', text: '4.10' } },
        { op: 'set', key: 'ok', value: { kind: 'boolean', value: false } },
      ),
    ).toBe('---\nv: 4.10\nok: False\n---\n');
    expect(
      failure(text, { kind: 'fields', edits: [{ op: 'set', key: 'v', value: { kind: 'number', text: 'four' } }] }),
    ).toBe('INVALID_ARGUMENT');
  });

  it('keeps flow and block list styles', () => {
    const list = (key: string, items: string[]): FieldEdit => ({ op: 'set', key, value: { kind: 'list', items } });
    const text = '---\nflow: [a, b]\nquoted: ["a"]\nblock:\n- a\n- b\nempty: []\n---\n';
    expect(edit(text, list('flow', ['x', 'y: z']), list('quoted', ['q']), list('block', ['c']))).toBe(
      '---\nflow: [x, "y: z"]\nquoted: ["q"]\nblock:\n- c\nempty: []\n---\n',
    );
    // An empty list takes the block's prevailing style (here plain).
    expect(edit(text, list('empty', ['e']))).toBe(
      '---\nflow: [a, b]\nquoted: ["a"]\nblock:\n- a\n- b\nempty: [e]\n---\n',
    );
    expect(edit(text, list('block', []))).toBe('---\nflow: [a, b]\nquoted: ["a"]\nblock: []\nempty: []\n---\n');
  });

  it('writes block scalars back in their own style and indent', () => {
    const text = '---\nlit: |\n    one\n    two\nfold: >-\n  long text\nafter: x\n---\n';
    const out = edit(text, setText('lit', 'three\nfour\n'), setText('fold', 'new text\nsecond'));
    expect(out).toBe('---\nlit: |\n    three\n    four\nfold: >-\n  new text\n\n  second\nafter: x\n---\n');
    expect(parsePost(out).frontMatter.fields.map((f) => f.value)).toEqual(['three\nfour\n', 'new text\nsecond', 'x']);
  });

  it('adds a key in the block’s own style, after the last key and before trailing blank lines', () => {
    expect(edit(SEED, setText('tags', 'a'))).toBe(SEED.replace('"Focus"\n', '"Focus"\ntags:\t"a"\n'));
    expect(edit('---\ntitle: A\nmenu: main\n\n---\n', setText('k', 'v'))).toBe(
      '---\ntitle: A\nmenu: main\nk: v\n\n---\n',
    );
    expect(edit('---\n---\nBody', setText('title', 'T'))).toBe('---\ntitle: "T"\n---\nBody');
    // With no string to learn from, double quotes are the safe default.
    expect(edit('---\na:   1\nbcd: 2\n---\n', setText('ef', 'v'))).toBe('---\na:   1\nbcd: 2\nef:  "v"\n---\n');
  });

  it('sets a value on an empty key', () => {
    expect(edit('---\ntags:\nx: y\n---\n', { op: 'set', key: 'tags', value: { kind: 'list', items: ['a'] } })).toBe(
      '---\ntags: [a]\nx: y\n---\n',
    );
    expect(edit('---\nlayout: ~\n---\n', setText('layout', 'post'))).toBe('---\nlayout: post\n---\n');
  });

  it('removes only the key’s own lines', () => {
    const text = '---\n# c\na: 1\nb:\n  - x\n  - y\n\nc: |\n  t\nd: 2 # note\n---\n';
    expect(edit(text, { op: 'remove', key: 'b' })).toBe('---\n# c\na: 1\n\nc: |\n  t\nd: 2 # note\n---\n');
    expect(edit(text, { op: 'remove', key: 'c' })).toBe('---\n# c\na: 1\nb:\n  - x\n  - y\n\nd: 2 # note\n---\n');
    expect(edit(text, { op: 'remove', key: 'd' })).toBe('---\n# c\na: 1\nb:\n  - x\n  - y\n\nc: |\n  t\n---\n');
    expect(edit(text, { op: 'remove', key: 'missing' })).toBe(text);
  });

  it('replaces a value with raw YAML', () => {
    const raw = (yaml: string): FieldEdit => ({ op: 'set', key: 'author', value: { kind: 'raw', yaml } });
    const text = '---\nauthor: x\nnext: 1\n---\n';
    expect(edit(text, raw('{name: A}'))).toBe('---\nauthor: {name: A}\nnext: 1\n---\n');
    expect(edit(text, raw('name: A\nurl: u'))).toBe('---\nauthor:\n  name: A\n  url: u\nnext: 1\n---\n');
    expect(
      failure(text, {
        kind: 'fields',
        edits: [{ op: 'set', key: 'author', value: { kind: 'raw', yaml: '[unclosed' } }],
      }),
    ).toBe('PARSE');
  });

  it('refuses field edits of a block that does not parse, but accepts a raw fix', () => {
    const broken = '---\ntitle: [oops\n---\nBody';
    expect(failure(broken, { kind: 'fields', edits: [setText('title', 'x')] })).toBe('READ_ONLY');
    expect(save(broken, { kind: 'raw', raw: 'title: fixed' })).toBe('---\ntitle: fixed\n---\nBody');
  });
});

describe('applySave: raw mode and other formats', () => {
  it('replaces the text between the fences and keeps the fences', () => {
    expect(save('---yaml\r\na: 1\r\n...\r\nB', { kind: 'raw', raw: 'a: 2\nb: 3' })).toBe(
      '---yaml\r\na: 2\r\nb: 3\r\n...\r\nB',
    );
  });

  it('treats the raw text as the block without its last line break, so blank lines before the fence survive', () => {
    const text = '---\na: 1\n\n---\nB';
    expect(parsePost(text).frontMatter.raw).toBe('a: 1\n');
    expect(save(text, { kind: 'raw', raw: 'a: 2\n' })).toBe('---\na: 2\n\n---\nB');
  });

  it('refuses raw text that would close the block early or does not parse', () => {
    expect(failure(SEED, { kind: 'raw', raw: 'a: 1\n---\nb: 2' })).toBe('PARSE');
    expect(failure(SEED, { kind: 'raw', raw: 'a: [' })).toBe('PARSE');
  });

  it('edits JavaScript front matter only as raw text', () => {
    const js = '---js\n{ title: "x" }\n---\nBody';
    expect(failure(js, { kind: 'fields', edits: [setText('title', 'y')] })).toBe('READ_ONLY');
    expect(save(js, { kind: 'raw', raw: '{ title: "y" }' })).toBe('---js\n{ title: "y" }\n---\nBody');
  });

  it('adds a YAML block to a post without front matter', () => {
    expect(edit('# Hello\n', setText('title', 'Hello'))).toBe('---\ntitle: "Hello"\n---\n# Hello\n');
  });

  it('edits the Hexo block without an opening fence', () => {
    expect(edit('title: A\ndate: 2013-12-24 23:30:09\n---\nBody', setText('title', 'B'))).toBe(
      'title: B\ndate: 2013-12-24 23:30:09\n---\nBody',
    );
  });
});

describe('applySave: list items the author kept', () => {
  it('keep their exact source, so numbers stay numbers and quotes stay quotes', () => {
    const text = '---\nids: [1, \'two\', "three", four]\n---\n';
    const out = edit(text, {
      op: 'set',
      key: 'ids',
      value: { kind: 'list', items: ['1', 'two', 'four', 'five', '6'] },
    });
    expect(out).toBe('---\nids: [1, \'two\', four, five, "6"]\n---\n');
  });
});

describe('applySave: YAML corners', () => {
  it('fills an empty value that is followed by a comment', () => {
    expect(
      edit('---\ntags: # later\nx: y\n---\n', { op: 'set', key: 'tags', value: { kind: 'list', items: ['a'] } }),
    ).toBe('---\ntags: [a] # later\nx: y\n---\n');
  });

  it('shows anchors and tags in raw values and writes them back', () => {
    const text = '---\nt: &a x\nu: *a\nv: !!str 3\n---\n';
    expect(parsePost(text).frontMatter.fields.map((f) => [f.kind, f.value])).toEqual([
      ['raw', '&a x'],
      ['raw', '*a'],
      ['raw', '!!str 3'],
    ]);
    expect(edit(text, { op: 'set', key: 'v', value: { kind: 'raw', yaml: '!!str 4' } })).toBe(
      '---\nt: &a x\nu: *a\nv: !!str 4\n---\n',
    );
  });

  it('refuses an edit that would leave an alias without its anchor', () => {
    const text = '---\nt: &a x\nu: *a\n---\n';
    expect(failure(text, { kind: 'fields', edits: [{ op: 'remove', key: 't' }] })).toBe('PARSE');
  });

  it('escapes characters other YAML readers reject instead of writing them plain', () => {
    const out = edit('---\nkey: value\n---\n', setText('key', 'x\u2028y\u0085z\u0000\uFEFF'));
    expect(out).toBe('---\nkey: "x\\Ly\\Nz\\0\\ufeff"\n---\n');
    expect(parsePost(out).frontMatter.fields[0]?.value).toBe('x\u2028y\u0085z\u0000\uFEFF');
  });

  it('leaves a field alone when the form sends back the value it already holds', () => {
    const text = '---\ntitle: "caf\\u00e9"\nlong: a\n  b\n---\n';
    expect(edit(text, setText('title', 'café'), setText('long', 'a b'))).toBe(text);
  });
});

describe('lists the one-line list field cannot hold', () => {
  it('shows a list with a line break inside an item as its text, in every format', () => {
    for (const text of [
      '---\ntags: ["a\\nb", c]\n---\n',
      '+++\ntags = ["a\\nb", "c"]\n+++\n',
      '{\n"tags": ["a\\nb", "c"]\n}\n',
      '---\ntags: ["a\\rb", c]\n---\n',
    ]) {
      expect(parsePost(text).frontMatter.fields.find((f) => f.key === 'tags')?.kind, text).toBe('raw');
    }
  });
});

describe('block lists edited in place', () => {
  const list = (key: string, items: string[]): FieldEdit => ({ op: 'set', key, value: { kind: 'list', items } });
  const inBlock = (yaml: string, ...edits: FieldEdit[]): string => {
    const out = edit(`---\n${yaml}---\n`, ...edits);
    return out.slice('---\n'.length, -'---\n'.length);
  };
  const TAGS = 'title: T\ntags:   # keep these sorted\n  - alpha   # first\n  # - retired\n  - beta\nafter: x\n';

  it('keeps every comment and the kept items’ lines when an item is added', () => {
    expect(inBlock(TAGS, list('tags', ['alpha', 'beta', 'gamma']))).toBe(
      TAGS.replace('  - beta\n', '  - beta\n  - gamma\n'),
    );
    expect(inBlock(TAGS, list('tags', ['zero', 'alpha', 'beta']))).toBe(
      TAGS.replace('  - alpha   # first\n', '  - zero\n  - alpha   # first\n'),
    );
  });

  it('removes only the removed item’s line, and swaps one item in its place', () => {
    expect(inBlock(TAGS, list('tags', ['beta']))).toBe(TAGS.replace('  - alpha   # first\n', ''));
    expect(inBlock(TAGS, list('tags', ['alpha', 'delta']))).toBe(TAGS.replace('  - beta\n', '  - delta\n'));
  });

  it('keeps CRLF lines, and items at the key’s own indentation', () => {
    const crlf = TAGS.replace(/\n/g, '\r\n');
    expect(save(`---\r\n${crlf}---\r\n`, { kind: 'fields', edits: [list('tags', ['alpha', 'beta', 'c'])] })).toBe(
      `---\r\n${crlf.replace('  - beta\r\n', '  - beta\r\n  - c\r\n')}---\r\n`,
    );
    expect(inBlock('tags:\n- a\n- b\n', list('tags', ['a', 'b', 'c']))).toBe('tags:\n- a\n- b\n- c\n');
  });

  it('rewrites a list whose items are not one simple value a line', () => {
    expect(inBlock('tags:\n  - a\n  - [b, c]\n', list('tags', ['a']))).toBe('tags:\n  - a\n');
  });
});

describe('nested values edited as text keep their place', () => {
  const raw = (key: string, yaml: string): FieldEdit => ({ op: 'set', key, value: { kind: 'raw', yaml } });

  it('keeps a nested map at its own indentation, comments and all', () => {
    const text = '---\nauthor:\n    name: Jane   # her name\n    # a comment\n    url: https://a.b\nnext: 1\n---\n';
    const shown = parsePost(text).frontMatter.fields.find((f) => f.key === 'author')?.value;
    expect(shown).toBe('name: Jane   # her name\n# a comment\nurl: https://a.b');
    expect(edit(text, raw('author', String(shown).replace('Jane', 'Janet')))).toBe(text.replace('Jane', 'Janet'));
  });

  it('keeps a flow map that spans lines on the key’s line', () => {
    const text = '---\nmeta: {a: 1,\n       b: 2}\n---\n';
    const shown = String(parsePost(text).frontMatter.fields.find((f) => f.key === 'meta')?.value);
    expect(edit(text, raw('meta', shown.replace('1', '3')))).toBe(text.replace('a: 1', 'a: 3'));
  });

  it('keeps a sequence of maps at its key’s own column', () => {
    const text = '---\nlinks:\n- name: a\n  url: x\n---\n';
    const shown = String(parsePost(text).frontMatter.fields.find((f) => f.key === 'links')?.value);
    expect(edit(text, raw('links', shown.replace('url: x', 'url: y')))).toBe(text.replace('url: x', 'url: y'));
  });
});

describe('hand-wrapped values keep their line breaks', () => {
  const set = (key: string, text: string): FieldEdit => ({ op: 'set', key, value: { kind: 'text', text } });
  const FOLDED =
    '---\ndescription: >\n  A description wrapped by hand at a\n  comfortable width, over three\n  lines.\nnext: 1\n---\n';

  it('changes one word of a folded block in its own line', () => {
    const shown = parsePost(FOLDED).frontMatter.fields.find((f) => f.key === 'description')?.value;
    expect(shown).toBe('A description wrapped by hand at a comfortable width, over three lines.\n');
    expect(edit(FOLDED, set('description', String(shown).replace('A desc', 'The desc')))).toBe(
      FOLDED.replace('  A description', '  The description'),
    );
    expect(edit(FOLDED, set('description', String(shown).replace('comfortable', 'easy')))).toBe(
      FOLDED.replace('comfortable', 'easy'),
    );
  });

  it('changes only the lines an edit spans, and drops a line whose words were all deleted', () => {
    const shown = 'A description wrapped by hand at a comfortable width, over three lines.\n';
    expect(edit(FOLDED, set('description', shown.replace('at a comfortable', 'at a very comfortable')))).toBe(
      FOLDED.replace('  comfortable', '  very comfortable'),
    );
    expect(edit(FOLDED, set('description', shown.replace(' comfortable width, over three', '')))).toBe(
      FOLDED.replace('  comfortable width, over three\n', ''),
    );
  });

  it('keeps a plain value over several lines wrapped, and CRLF breaks', () => {
    const plain = '---\nsummary: Plain words that\n  go on below\n  and end here\n---\n';
    expect(edit(plain, set('summary', 'Plain words that go on under and end here'))).toBe(
      plain.replace('go on below', 'go on under'),
    );
    const crlf = FOLDED.replace(/\n/g, '\r\n');
    const shown = 'A description wrapped by hand at a comfortable width, over three lines.\n';
    expect(edit(crlf, set('description', shown.replace('three', 'four')))).toBe(crlf.replace('three', 'four'));
  });

  it('writes the value anew when a line break is typed into it or its paragraphs are not simple', () => {
    const paragraphs = '---\nd: >\n  one\n  two\n\n  three\n---\n';
    const out = edit(paragraphs, set('d', 'one two\nfour\n'));
    expect(parsePost(out).frontMatter.fields.find((f) => f.key === 'd')?.value).toBe('one two\nfour\n');
  });
});

describe('a nested map whose keys are quoted', () => {
  it('goes below its key, as the form shows it (a quote first is not a flow value)', () => {
    const text = '---\ntitle: T\nparams:\n  "og:image": a.png\n  "tw:card": big\n---\nbody\n';
    const shown = String(parsePost(text).frontMatter.fields.find((f) => f.key === 'params')?.value);
    expect(shown).toBe('"og:image": a.png\n"tw:card": big');
    expect(
      edit(text, { op: 'set', key: 'params', value: { kind: 'raw', yaml: shown.replace('a.png', 'b.png') } }),
    ).toBe(text.replace('a.png', 'b.png'));
  });
});

describe('a map carrying an anchor or a tag', () => {
  it('is sent to Raw mode with the reason, never rewritten without it', () => {
    const raw = (yaml: string): FieldEdit => ({ op: 'set', key: 'base', value: { kind: 'raw', yaml } });
    for (const text of ['---\nbase: &b\n  x: 1\nother: *b\n---\n', '---\nbase: !!map\n  x: 1\n---\n']) {
      const result = applySave(text, { kind: 'fields', edits: [raw('x: 2')] }, parsePost(text).body);
      expect(result.ok, text).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('UNSUPPORTED');
        expect(result.error.message).toMatch(/carries the (anchor &b|tag !!map), which the form does not show/);
        expect(result.error.hint).toBe('Edit it in Raw mode.');
      }
    }
  });
});

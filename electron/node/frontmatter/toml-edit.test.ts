import { describe, expect, it } from 'vitest';
import type { FieldEdit } from '../../../shared/api/contract';
import { applySave, parsePost } from './post';

const TOML =
  '+++\ntitle = "Hello"\nslug = \'hello\'\ndate = 2017-01-01\nweight = 2\ndraft = false\ntags = ["a", "b"]  # tags\n\n[extra]\nx = 1\n+++\nBody\n';

function edit(text: string, ...edits: FieldEdit[]): string {
  const result = applySave(text, { kind: 'fields', edits }, parsePost(text).body);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

function code(text: string, ...edits: FieldEdit[]): string {
  const result = applySave(text, { kind: 'fields', edits }, parsePost(text).body);
  return result.ok ? 'saved' : result.error.code;
}

describe('applySave: TOML field edits', () => {
  it('replaces one value in its own quoting', () => {
    expect(edit(TOML, { op: 'set', key: 'title', value: { kind: 'text', text: 'He said "hi"' } })).toBe(
      TOML.replace('"Hello"', '"He said \\"hi\\""'),
    );
    expect(edit(TOML, { op: 'set', key: 'slug', value: { kind: 'text', text: 'a-b' } })).toBe(
      TOML.replace("'hello'", "'a-b'"),
    );
    expect(edit(TOML, { op: 'set', key: 'slug', value: { kind: 'text', text: "it's" } })).toBe(
      TOML.replace("'hello'", '"it\'s"'),
    );
  });

  it('keeps a bare date bare and numbers and booleans plain', () => {
    const out = edit(
      TOML,
      { op: 'set', key: 'date', value: { kind: 'date', text: '2018-02-03T04:05:06+01:00' } },
      { op: 'set', key: 'weight', value: { kind: 'number', text: '3.50' } },
      { op: 'set', key: 'draft', value: { kind: 'boolean', value: true } },
    );
    expect(out).toContain('\ndate = 2018-02-03T04:05:06+01:00\nweight = 3.50\ndraft = true\n');
    expect(code(TOML, { op: 'set', key: 'weight', value: { kind: 'number', text: 'x' } })).toBe('INVALID_ARGUMENT');
  });

  it('keeps a trailing comment after a list', () => {
    expect(edit(TOML, { op: 'set', key: 'tags', value: { kind: 'list', items: ['c'] } })).toContain(
      'tags = ["c"]  # tags\n',
    );
  });

  it('adds a key after the last top-level key, before the tables', () => {
    expect(edit(TOML, { op: 'set', key: 'author', value: { kind: 'text', text: 'Me' } })).toContain(
      '# tags\nauthor = "Me"\n\n[extra]',
    );
  });

  it('removes a key’s line only', () => {
    expect(edit(TOML, { op: 'remove', key: 'weight' })).toBe(TOML.replace('weight = 2\n', ''));
  });

  it('edits a table as its text, and sends anything else about it to Raw mode', () => {
    expect(code(TOML, { op: 'set', key: 'extra', value: { kind: 'text', text: 'x' } })).toBe('UNSUPPORTED');
    expect(code(TOML, { op: 'remove', key: 'extra' })).toBe('UNSUPPORTED');
    expect(edit(TOML, { op: 'set', key: 'extra', value: { kind: 'raw', yaml: '[extra]\nx = 2\ny = "z"' } })).toBe(
      TOML.replace('x = 1\n', 'x = 2\ny = "z"\n'),
    );
    // Text that would change another key, or leave the table's name out, is refused.
    expect(code(TOML, { op: 'set', key: 'extra', value: { kind: 'raw', yaml: 'title = "No"\n[extra]\nx = 1' } })).toBe(
      'PARSE',
    );
    expect(code(TOML, { op: 'set', key: 'extra', value: { kind: 'raw', yaml: 'x = 1' } })).toBe('PARSE');
  });

  it('refuses edits of a block that does not parse', () => {
    expect(code('+++\ntitle = \n+++\n', { op: 'set', key: 'title', value: { kind: 'text', text: 'x' } })).toBe(
      'READ_ONLY',
    );
  });
});

describe('TOML values that are not simple', () => {
  it('shows inline tables, multi-line arrays and dotted keys as text', () => {
    const text = '+++\nauthor = { name = "A" }\nlist = [\n  "a",\n  "b",\n]\nsite.title = "S"\n+++\n';
    expect(parsePost(text).frontMatter.fields).toEqual([
      { key: 'author', kind: 'raw', value: '{ name = "A" }' },
      { key: 'list', kind: 'list', value: ['a', 'b'] },
      { key: 'site', kind: 'raw', value: '{\n  "title": "S"\n}' },
    ]);
    expect(edit(text, { op: 'set', key: 'author', value: { kind: 'raw', yaml: '{ name = "B" }' } })).toBe(
      text.replace('"A"', '"B"'),
    );
    expect(edit(text, { op: 'set', key: 'list', value: { kind: 'list', items: ['a', 'c'] } })).toBe(
      text.replace('"b",', '"c",'),
    );
  });
});

describe('front matter after blank lines', () => {
  it('is not given a second block by a field edit: the writer is told to delete the blank lines', () => {
    // Zola and Hugo read the block after the blank line; a new YAML block above it would be read instead.
    const zola = '\n+++\ntitle = "After Dark"\ndate = 2017-01-01\n+++\n\nBody\n';
    expect(parsePost(zola).frontMatter.format).toBe('none');
    expect(code(zola, { op: 'set', key: 'reviewed', value: { kind: 'text', text: 'yes' } })).toBe('UNSUPPORTED');
    // A post that merely has a rule after a blank line still gets its first block.
    const rule = '\n---\n\nText\n';
    expect(edit(rule, { op: 'set', key: 'title', value: { kind: 'text', text: 'T' } })).toBe(
      `---\ntitle: "T"\n---\n${rule}`,
    );
  });
});

describe('TOML values over several lines', () => {
  // Hugo's example posts write their tags one to a line; Zola's keep them in a [taxonomies] table.
  const HUGO =
    '+++\r\ntitle = "Rich"\r\ntags = [\r\n    "shortcodes",\r\n    "privacy"\r\n]\r\ndraft = true\r\n+++\r\nBody\r\n';
  const ZOLA =
    '+++\ntitle = "Tabi"\ndate = 2023-01-01\n\n[taxonomies]\ntags = ["markdown", "zola"]\n\n[extra]\nkatex = true\n+++\nBody\n';

  it('edits an array of one item a line in its own layout and quotes, keeping its line endings', () => {
    expect(parsePost(HUGO).frontMatter.fields[1]).toEqual({
      key: 'tags',
      kind: 'list',
      value: ['shortcodes', 'privacy'],
    });
    const out = edit(
      HUGO,
      { op: 'set', key: 'title', value: { kind: 'text', text: 'Richer' } },
      { op: 'set', key: 'tags', value: { kind: 'list', items: ['shortcodes', 'privacy', 'hugo'] } },
    );
    expect(out).toBe(HUGO.replace('"Rich"', '"Richer"').replace('"privacy"\r\n', '"privacy",\r\n    "hugo"\r\n'));
    const trailing = "+++\ntags = [\n  'a',\n  'b',\n]\n+++\n";
    expect(edit(trailing, { op: 'set', key: 'tags', value: { kind: 'list', items: ['b', 'c'] } })).toBe(
      "+++\ntags = [\n  'b',\n  'c',\n]\n+++\n",
    );
    expect(edit(trailing, { op: 'remove', key: 'tags' })).toBe('+++\n+++\n');
  });

  it('edits a table shown as text, leaving the tables around it as written', () => {
    const tags = parsePost(ZOLA).frontMatter.fields.find((f) => f.key === 'taxonomies');
    expect(tags).toEqual({ key: 'taxonomies', kind: 'raw', value: '[taxonomies]\ntags = ["markdown", "zola"]' });
    const out = edit(ZOLA, {
      op: 'set',
      key: 'taxonomies',
      value: { kind: 'raw', yaml: '[taxonomies]\ntags = ["markdown", "zola", "tabi"]' },
    });
    expect(out).toBe(ZOLA.replace('"zola"]', '"zola", "tabi"]'));
  });

  it('edits a """ string as one, and refuses an array with comments inside rather than drop them', () => {
    const text = '+++\nsummary = """\nFirst line.\nSecond."""\nx = 1\n+++\n';
    expect(edit(text, { op: 'set', key: 'summary', value: { kind: 'text', text: 'One.\nTwo.' } })).toBe(
      '+++\nsummary = """\nOne.\nTwo."""\nx = 1\n+++\n',
    );
    // Text a """ string cannot hold as it is: one line, escaped.
    expect(edit(text, { op: 'set', key: 'summary', value: { kind: 'text', text: 'a\\b' } })).toBe(
      '+++\nsummary = "a\\\\b"\nx = 1\n+++\n',
    );
    const commented = '+++\ntags = [\n  "a", # first\n  "b",\n]\n+++\n';
    expect(code(commented, { op: 'set', key: 'tags', value: { kind: 'list', items: ['a'] } })).not.toBe('saved');
  });
});

describe('TOML keys written inside multi-line strings', () => {
  const STRINGS =
    '+++\ntitle = "Weights"\nsummary = """\nIn config.toml write:\nweight = 99\ndraft = true\n"""\nnotes = \'\'\'\ndate = 1999-12-31\n\'\'\'\nweight = 5\ndraft = false\ndate = 2024-05-01\n+++\nbody\n';

  it('shows the real key, not the text that looks like one', () => {
    const fields = parsePost(STRINGS).frontMatter.fields;
    expect(fields.find((f) => f.key === 'weight')).toEqual({ key: 'weight', kind: 'number', value: '5' });
    expect(fields.find((f) => f.key === 'date')).toEqual({ key: 'date', kind: 'date', value: '2024-05-01' });
    expect(edit(STRINGS, { op: 'set', key: 'summary', value: { kind: 'text', text: 'x' } })).toBe(
      STRINGS.replace('"""\nIn config.toml write:\nweight = 99\ndraft = true\n"""', '"""\nx"""'),
    );
  });

  it('edits and removes the real key and leaves the strings as written', () => {
    expect(edit(STRINGS, { op: 'set', key: 'weight', value: { kind: 'number', text: '6' } })).toBe(
      STRINGS.replace('weight = 5', 'weight = 6'),
    );
    expect(edit(STRINGS, { op: 'set', key: 'date', value: { kind: 'date', text: '2025-01-02' } })).toBe(
      STRINGS.replace('date = 2024-05-01', 'date = 2025-01-02'),
    );
    expect(edit(STRINGS, { op: 'remove', key: 'draft' })).toBe(STRINGS.replace('draft = false\n', ''));
  });

  it('reads brackets, quotes and comment signs inside strings as text', () => {
    const text =
      '+++\na = "x [ { # \\" y"\nb = \'\'\'\n[table]\n\'\'\'\nc = 1 # [\nd = """ends with a quote""""\ne = 2\n+++\n';
    expect(edit(text, { op: 'set', key: 'e', value: { kind: 'number', text: '3' } })).toBe(
      text.replace('e = 2', 'e = 3'),
    );
    expect(edit(text, { op: 'set', key: 'c', value: { kind: 'number', text: '4' } })).toBe(
      text.replace('c = 1', 'c = 4'),
    );
    expect(edit(text, { op: 'set', key: 'new', value: { kind: 'text', text: 'n' } })).toContain('e = 2\nnew = "n"\n');
  });
});

describe('TOML lists keep their items as written', () => {
  it('keeps numbers and booleans bare, and writes a new one as its neighbours', () => {
    const text = '+++\nsizes = [1, 2.50, 3]\nflags = [true, false]\n+++\n';
    expect(edit(text, { op: 'set', key: 'sizes', value: { kind: 'list', items: ['1', '2.5', '3', '4'] } })).toBe(
      text.replace('[1, 2.50, 3]', '[1, 2.50, 3, 4]'),
    );
    expect(edit(text, { op: 'set', key: 'flags', value: { kind: 'list', items: ['true'] } })).toBe(
      text.replace('[true, false]', '[true]'),
    );
    expect(edit(text, { op: 'set', key: 'flags', value: { kind: 'list', items: ['true', 'maybe'] } })).toBe(
      text.replace('[true, false]', '[true, "maybe"]'),
    );
  });

  it('edits a list key given one string as a list', () => {
    const text = '+++\ntags = "notes"\n+++\n';
    expect(parsePost(text).frontMatter.fields).toEqual([{ key: 'tags', kind: 'list', value: ['notes'] }]);
    expect(edit(text, { op: 'set', key: 'tags', value: { kind: 'list', items: ['notes', 'toml'] } })).toBe(
      '+++\ntags = ["notes", "toml"]\n+++\n',
    );
  });

  it('keeps each string item in its own quotes', () => {
    const text = '+++\ntags = ["a", \'C:\\dir\']\n+++\n';
    expect(edit(text, { op: 'set', key: 'tags', value: { kind: 'list', items: ['a', 'C:\\dir', 'new'] } })).toBe(
      text.replace(`'C:\\dir']`, `'C:\\dir', "new"]`),
    );
  });
});

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

  it('sends tables to Raw mode', () => {
    expect(code(TOML, { op: 'set', key: 'extra', value: { kind: 'text', text: 'x' } })).toBe('UNSUPPORTED');
    expect(code(TOML, { op: 'remove', key: 'extra' })).toBe('UNSUPPORTED');
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
    expect(code(text, { op: 'set', key: 'list', value: { kind: 'list', items: ['c'] } })).toBe('UNSUPPORTED');
  });
});

describe('TOML keys written inside multi-line strings', () => {
  const STRINGS =
    '+++\ntitle = "Weights"\nsummary = """\nIn config.toml write:\nweight = 99\ndraft = true\n"""\nnotes = \'\'\'\ndate = 1999-12-31\n\'\'\'\nweight = 5\ndraft = false\ndate = 2024-05-01\n+++\nbody\n';

  it('shows the real key, not the text that looks like one', () => {
    const fields = parsePost(STRINGS).frontMatter.fields;
    expect(fields.find((f) => f.key === 'weight')).toEqual({ key: 'weight', kind: 'number', value: '5' });
    expect(fields.find((f) => f.key === 'date')).toEqual({ key: 'date', kind: 'date', value: '2024-05-01' });
    expect(code(STRINGS, { op: 'set', key: 'summary', value: { kind: 'text', text: 'x' } })).toBe('UNSUPPORTED');
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

  it('keeps each string item in its own quotes', () => {
    const text = '+++\ntags = ["a", \'C:\\dir\']\n+++\n';
    expect(edit(text, { op: 'set', key: 'tags', value: { kind: 'list', items: ['a', 'C:\\dir', 'new'] } })).toBe(
      text.replace(`'C:\\dir']`, `'C:\\dir', "new"]`),
    );
  });
});

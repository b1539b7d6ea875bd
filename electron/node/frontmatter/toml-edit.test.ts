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

/**
 * Front matter a hostile post can make huge is read in time linear in its size. Each input here
 * took the old code from tens of seconds to hours (measured in SECURITY.md); the tests ask only
 * that it completes, within the test timeout, with the right result.
 */
import { describe, expect, it } from 'vitest';
import { parseBlockData } from './parse';
import { applySave, parsePost } from './post';
import { summarizePost } from './summary';
import { applyYamlEdits } from './yaml-edit';
import { parseYamlBlock } from './yaml-doc';
import { quickParse } from '../store/quick-yaml';
import { jsDraft } from '../../../shared/api/drafts';

const keys = (n: number): string[] => Array.from({ length: n }, (_, i) => `k${i}`);

describe('YAML with very many keys', () => {
  // `uniqueKeys` compared each key with every earlier one: 32,000 keys took 7 s, 100,000 over a minute.
  it('reads 100,000 keys', () => {
    const post = parsePost(
      `---\n${keys(100_000)
        .map((k) => `${k}: v`)
        .join('\n')}\n---\nBody\n`,
    );
    expect(post.frontMatter.error).toBeUndefined();
    expect(post.frontMatter.fields).toHaveLength(100_000);
    expect(post.frontMatter.fields.at(-1)).toEqual({ key: 'k99999', kind: 'text', value: 'v' });
  });

  it('still finds a repeated key among 100,000, on its own line', () => {
    const raw = `${keys(100_000)
      .map((k) => `${k}: v`)
      .join('\n')}\nk5: again\n`;
    expect(parseYamlBlock(raw).error).toEqual({ message: 'Map keys must be unique', line: 100_001 });
  });

  it('finds repeated keys as the yaml package does: nested maps, flow maps, equal values only', () => {
    expect(parseYamlBlock('a: 1\nb:\n  c: 1\n  c: 2\n').error).toEqual({ message: 'Map keys must be unique', line: 4 });
    expect(parseYamlBlock('a: {x: 1, x: 2}\n').error).toEqual({ message: 'Map keys must be unique', line: 1 });
    expect(parseYamlBlock('"a": 1\na: 2\n').error).toEqual({ message: 'Map keys must be unique', line: 2 });
    // 1 and "1" are different keys, and .nan never equals itself.
    expect(parseYamlBlock('1: a\n"1": b\n.nan: c\n.nan: d\n').error).toBeUndefined();
    // The first error in the text wins.
    expect(parseYamlBlock('a: b: c\nd: 1\nd: 2\n').error).toMatchObject({ message: /^Nested mappings/, line: 1 });
    expect(parseYamlBlock('b: 1\nb: 2\na: b: c\n').error).toEqual({ message: 'Map keys must be unique', line: 2 });
  });
});

describe('YAML errors on a very long line', () => {
  // prettyErrors copied the whole line into every error: 128,000 `]` on one line took two minutes
  // per parse (256,000: four times that). Without it a parse still makes one error per `]`.
  const SLOW = 120_000;
  const line = ']'.repeat(256_000);

  it(
    'reports the first error and its line',
    () => {
      expect(parsePost(`---\ntitle: ok\nbad: ${line}x\n---\nBody\n`).frontMatter.error).toEqual({
        message: 'Unexpected flow-seq-end token in YAML stream: "]"',
        line: 2,
      });
    },
    SLOW,
  );

  it(
    'reads a Hexo block with such a line',
    () => {
      expect(summarizePost(`title: ${line}\n---\nBody\n`).title).toBeNull();
    },
    SLOW,
  );

  it(
    'edits a value that long',
    () => {
      const edit = { op: 'set', key: 'title', value: { kind: 'text', text: line } } as const;
      const edited = applyYamlEdits('title: x\n', [edit], '\n');
      if (!edited.ok) throw new Error(edited.error.message);
      expect(parsePost(`---\n${edited.value}---\n`).frontMatter.fields).toEqual([
        { key: 'title', kind: 'text', value: line },
      ]);
    },
    SLOW,
  );
});

describe('TOML with very many tables and values', () => {
  it('shows 20,000 tables as their text (each was searched for through the whole block: hours)', () => {
    const post = parsePost(
      `+++\n${keys(20_000)
        .map((k) => `[${k}]\na = 1`)
        .join('\n')}\n+++\n`,
    );
    expect(post.frontMatter.fields).toHaveLength(20_000);
    expect(post.frontMatter.fields[12_345]).toEqual({ key: 'k12345', kind: 'raw', value: '[k12345]\na = 1' });
  });

  it('shows 8,000 multi-line arrays as their text (a regex was compiled per line per key: minutes)', () => {
    const post = parsePost(
      `+++\n${keys(8_000)
        .map((k) => `${k} = [\n  { a = 1 },\n]`)
        .join('\n')}\n+++\n`,
    );
    expect(post.frontMatter.fields).toHaveLength(8_000);
    expect(post.frontMatter.fields[7_999]).toEqual({ key: 'k7999', kind: 'raw', value: 'k7999 = [\n  { a = 1 },\n]' });
  });

  it('reads a table header padded with a million spaces', () => {
    const post = parsePost(`+++\n[a${' '.repeat(1_000_000)}.b]\nx = 1\n+++\n`);
    expect(post.frontMatter.fields).toEqual([{ key: 'a', kind: 'raw', value: `[a${' '.repeat(1_000_000)}.b]\nx = 1` }]);
  });

  it('reads a block of 300,000 blank lines (gray-matter’s comment regex is quadratic on them)', () => {
    expect(parseBlockData('toml', `${' \n'.repeat(300_000)}a = 1\n`)).toEqual({ ok: true, data: { a: 1 } });
    expect(parseBlockData('json', `{\n${' \n'.repeat(300_000)}"a": 1}\n`)).toEqual({ ok: true, data: { a: 1 } });
    expect(summarizePost(`+++\n${'\n'.repeat(300_000)}title = "T"\n+++\n`).title).toBe('T');
  });

  it('reads data as gray-matter does: comments only is no data, a lone # is TOML', () => {
    expect(parseBlockData('toml', '# only a comment\n\n  # another\n')).toEqual({ ok: true, data: {} });
    expect(parseBlockData('json', '# only a comment\n')).toEqual({ ok: true, data: {} });
    expect(parseBlockData('json', '#\n')).toMatchObject({ ok: false });
  });
});

describe('long runs of spaces that regexes once read back and forth over', () => {
  // Each shape took the old code from 6 s to minutes at this size (SECURITY.md, 1a).
  const SPACES = ' '.repeat(300_000);

  it('finds a date in a map after 300,000 spaces, and none after a comment sign', () => {
    expect(summarizePost(`---\ntitle: t\ndate:\n  created: "2020-01-02"${SPACES}\n---\n`).date).toBe('2020-01-02');
    expect(summarizePost(`---\ntitle: t\ndate:\n  created: a${SPACES}#x\n---\n`).date).toBeNull();
  });

  it('reads and edits a TOML line with 300,000 spaces before its comment', () => {
    expect(parsePost(`+++\nk = 1${SPACES}# \u2028\n+++\n`).frontMatter.fields).toEqual([
      { key: 'k', kind: 'number', value: '1' },
    ]);
    const text = `+++\nk = 1${SPACES}# \u2028\n+++\nBody\n`;
    const saved = applySave(
      text,
      { kind: 'fields', edits: [{ op: 'set', key: 'k', value: { kind: 'number', text: '2' } }] },
      'Body\n',
    );
    expect(saved).toEqual({ ok: true, value: text.replace('k = 1', 'k = 2') });
  });

  it('lists a post whose YAML line holds 300,000 spaces then a line separator', () => {
    const post = quickParse(`---\ntitle: t\nk: ${SPACES}\u2028x\n---\nbody\n`);
    expect(post.frontMatter.fields[0]).toEqual({ key: 'title', kind: 'text', value: 't' });
    expect(post.frontMatter.fields[1]?.key).toBe('k');
  });

  it('saves a wrapped value whose second line is 30,000 spaces then a line separator', () => {
    const text = `---\ntitle: t\ndescription: first line\n${' '.repeat(30_000)}\u2028 second\n---\nbody\n`;
    const edit = { op: 'set' as const, key: 'description', value: { kind: 'text' as const, text: 'changed' } };
    const saved = applyYamlEdits(text.slice(4, text.indexOf('\n---\n', 4) + 1), [edit], '\n');
    expect(saved.ok).toBe(true);
  });

  it('edits a TOML array over several lines and a table, each holding 300,000 spaces', () => {
    const array = `+++\ntags = [\n  "a",${SPACES}\n  "b"\n]\n+++\nBody\n`;
    const list = { op: 'set' as const, key: 'tags', value: { kind: 'list' as const, items: ['a', 'b', 'c'] } };
    expect(applySave(array, { kind: 'fields', edits: [list] }, 'Body\n')).toEqual({
      ok: true,
      value: '+++\ntags = [\n  "a",\n  "b",\n  "c"\n]\n+++\nBody\n',
    });
    const table = `+++\n[extra]\nx = 1${SPACES}\n${SPACES}\n+++\nBody\n`;
    const text = {
      op: 'set' as const,
      key: 'extra',
      value: { kind: 'raw' as const, yaml: `[extra]\nx = 2${SPACES}\n` },
    };
    expect(applySave(table, { kind: 'fields', edits: [text] }, 'Body\n')).toMatchObject({ ok: true });
  });

  it('reads the draft flag of JavaScript front matter after 300,000 spaces', () => {
    expect(jsDraft(`{ title: 't',${SPACES} draft: true }`)).toBe(true);
    expect(jsDraft(`{ title: 't',${SPACES} }`)).toBe(false);
  });
});

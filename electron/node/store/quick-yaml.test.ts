// The listing's fast front-matter reader must give exactly what the full parse gives, or decline.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { corpusFiles } from '../frontmatter/corpus-fixture';
import { decodePost, parsePost, summarizePost } from '../frontmatter/index';
import { HOSTILE_DIR } from '../security/hostile';
import { quickParse, quickYamlFields } from './quick-yaml';

const here = dirname(fileURLToPath(import.meta.url));
const corpus = resolve(here, '../../../../shared/corpus');
const present = existsSync(join(corpus, 'real-posts')) && existsSync(join(corpus, 'seed'));
if (!present) console.log(`Skipping the quick-yaml corpus comparison: no corpus at ${corpus}.`);

function texts(files: string[]): string[] {
  return files.map((file) => decodePost(readFileSync(file)).text);
}

function markdownIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(dir, name));
}

/** Asserts the fast reader equals the full parse on `text`; returns whether it took the fast path. */
function same(text: string): boolean {
  const full = parsePost(text);
  const quick = quickParse(text);
  expect(quick.frontMatter).toEqual(full.frontMatter);
  expect(quick.body).toBe(full.body);
  expect(quick.lineEnding).toBe(full.lineEnding);
  expect(summarizePost(text, quickParse)).toEqual(summarizePost(text));
  return full.frontMatter.format === 'yaml' && quickYamlFields(full.frontMatter.raw + '\n') !== null;
}

const WORDS = ['the', 'a', 'writer', 'garden', 'notes', 'river'];

const EDGE_CASES = [
  'title: Hello\ndate: 2024-02-30\n',
  'title: "Quoted # not a comment"\ntags: [a, "b c", \'d\']\n',
  'draft: True\npublished: FALSE\nweight: 0x1F\nratio: 1.5e3\nnothing: ~\nempty:\nnull_word: Null\n',
  'count: .5\nminus: -3\nplus: +3\nnan: .NaN\ninf: -.inf\noctal: 0o17\n',
  'date: 2021-03-04T05:06:07+02:00\nupdated: 2021-03-04 05:06:07\n',
  'title: Café crème, déjà vu\nslug: cafe/creme_1\n',
  'tags: []\nlist: [1, 2]\nmixed: [a, true]\nnulls: [a, ~]\n',
  'title: a\ntitle: b\n',
  'title: one\n  two\n',
  'title: x # comment\n',
  'title: x\n\ndate: 2020-01-01\n',
  '# comment\ntitle: x\n',
  'title: "escaped \\" quote"\n',
  "title: 'it''s'\n",
  'title: "  spaced  "\n',
  'title:value\n',
  'true: yes\n',
  'Null: x\n',
  'title: &a x\nother: *a\n',
  'title: !!str 3\n',
  'title: >\n  folded\n',
  'tags:\n  - a\n  - b\n',
  'title: x\t\n',
  'title: [a, b\n',
  'title: [a,, b]\n',
  'title: {a: 1}\n',
  'title: x:\n',
  'title: a: b\n',
  'time: 10:30\n',
  'title: "x"y\n',
  // Lists the form could not edit item by item are raw fields (frontmatter/list-items.ts).
  'places: ["Paris, France", travel]\n',
  'padded: [" spaced ", a]\n',
  'blank: ["", a]\n',
];

describe('quickParse', () => {
  it('equals the full parse on edge cases, taking the fast path only where it is sure', () => {
    for (const front of EDGE_CASES) {
      same(`---\n${front}---\n\n# Body\n`);
      same(`---\r\n${front.replace(/\n/g, '\r\n')}---\r\n\r\nBody\r\n`);
    }
  });

  it('takes the fast path for simple front matter and declines the rest', () => {
    expect(same('---\ntitle: "Hi"\ndate: 2020-01-01\ntags: [a, b]\n---\nBody\n')).toBe(true);
    expect(same('---\ntitle: a\ntitle: b\n---\n')).toBe(false);
    expect(same('---\ntitle: one\n  two\n---\n')).toBe(false);
    expect(quickYamlFields('title: x # comment\n')).toBeNull();
    expect(quickYamlFields('draft: True\nn: 0x1F\n')).toEqual([
      { key: 'draft', kind: 'boolean', value: true },
      { key: 'n', kind: 'number', value: '0x1F' },
    ]);
  });

  it('equals the full parse on posts without YAML or front matter', () => {
    for (const text of ['No front matter\n', '+++\ntitle = "x"\n+++\nBody\n', '---\n{"title": "x"}\n---\n', '']) {
      same(text);
    }
  });

  it('equals the full parse on every benchmark-shaped post, all on the fast path', () => {
    for (let i = 0; i < 200; i++) {
      // The front matter bench/generate.mjs writes.
      const tags = `${WORDS[i % WORDS.length] ?? ''}, ${WORDS[(i * 7) % WORDS.length] ?? ''}`;
      const text = `---\ntitle: "Post number ${i} about x"\ndate: 2010-01-${String((i % 28) + 1).padStart(2, '0')}\ntags: [${tags}]\n---\n\nText ${i}.\n`;
      expect(same(text)).toBe(true);
    }
  });

  it.skipIf(!present)('equals the full parse on every corpus post', () => {
    const fast = texts(corpusFiles(corpus)).filter(same).length;
    // Most real posts are simple enough: the fast path is really taken, not just declined.
    expect(fast).toBeGreaterThan(10);
  });

  // Only the posts that open with `---` can take the fast path (the rest go to parsePost itself).
  it('equals the full parse on the hostile posts and the sample posts', { timeout: 180_000 }, () => {
    const all = texts([...markdownIn(HOSTILE_DIR), ...markdownIn(resolve(here, '../../../posts'))]);
    for (const text of all.filter((t) => t.startsWith('---'))) same(text);
  });
});

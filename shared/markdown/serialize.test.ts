/**
 * The pipeline's HTML writer (./serialize.ts) writes what rehype-stringify wrote before it,
 * followed by ./attributes.ts, on fuzzed trees, those holding what a sanitized tree never does
 * too. Every tree the sample, hostile and corpus posts render to: electron/node/export/serialize-posts.test.ts.
 */
import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { escapeAttributeBrackets } from './attributes';
import { serialize } from './serialize';

/** What the library wrote, as the pipeline used it. */
const library = (tree: Root): string => escapeAttributeBrackets(toHtml(tree));

interface Generator {
  /** The benchmark's seeded generator (mulberry32), so a failure names a tree that can be made again. */
  seeded: (seed: number) => () => number;
}
// A variable specifier: the benchmark is plain JavaScript outside this project's type check.
const generatorUrl = new URL('../../bench/generate.mjs', import.meta.url).href;
const { seeded: random } = (await import(/* @vite-ignore */ generatorUrl)) as Generator;

const TAGS = ['p', 'a', 'span', 'code', 'pre', 'br', 'BR', 'img', 'hr', 'input', 'td', 'div', 'wbr', 'col', 'x-y'];
const KEYS = [
  'className',
  'id',
  'href',
  'title',
  'alt',
  'checked',
  'disabled',
  'hidden',
  'download',
  'open',
  'dataFootnoteRef',
  'dataX',
  'data-raw',
  'ariaLabel',
  'ariaHidden',
  'accept',
  'coords',
  'tabIndex',
  'width',
  'foo bar',
  'a"b',
  "it's",
  'x<y',
  'é',
  'start',
];
const TEXTS = [
  '',
  'plain',
  '<b>',
  'a & b',
  '"q"',
  "'s'",
  '`t`',
  '>',
  '\0',
  '\t\n',
  '\uD800',
  '😀',
  'é&amp;',
  '<&>"\'`=',
];

function fuzzTree(next: () => number, unusual: boolean): Root {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const value = (): Properties[string] => {
    const kind = next();
    if (kind < 0.3) return pick(TEXTS) + pick(TEXTS);
    if (kind < 0.45) return next() < 0.5;
    if (kind < 0.55) return pick([0, 1, -2, 3.5, Number.NaN]);
    if (kind < 0.75) return [pick(TEXTS), pick(TEXTS), ...(next() < 0.3 ? [''] : [])];
    if (kind < 0.85) return pick([null, undefined]);
    return pick(['checked', 'download', 'hidden', '']);
  };
  const node = (depth: number): RootContent => {
    const kind = next();
    if (unusual && kind < 0.05) return { type: 'comment', value: pick(TEXTS) };
    if (unusual && kind < 0.08) return { type: 'raw', value: pick(TEXTS) } as unknown as RootContent;
    if (kind < 0.4 || depth > 4) return { type: 'text', value: pick(TEXTS) + pick(TEXTS) };
    const properties: Properties = {};
    const count = Math.floor(next() * 4);
    for (let i = 0; i < count; i++) properties[pick(KEYS)] = value();
    const tagName = unusual && next() < 0.1 ? pick(['svg', 'template', 'script', 'style', 'title']) : pick(TAGS);
    const children = Array.from({ length: Math.floor(next() * 3) }, () => node(depth + 1)) as ElementContent[];
    const element: Element = { type: 'element', tagName, properties, children };
    if (tagName === 'template') (element as Element & { content: Root }).content = { type: 'root', children: [] };
    return element;
  };
  return { type: 'root', children: Array.from({ length: 1 + Math.floor(next() * 4) }, () => node(0)) };
}

describe('the HTML writer on fuzzed trees', () => {
  it('writes every tree of elements and texts as the library did', () => {
    const next = random(20261128);
    for (let i = 0; i < 3000; i++) {
      const tree = fuzzTree(next, false);
      expect(serialize(tree), `tree ${i}: ${JSON.stringify(tree)}`).toBe(library(tree));
    }
  });

  it('hands comments, raw nodes, svg, templates and scripts to the library, the same HTML again', () => {
    const next = random(7);
    let handed = 0;
    for (let i = 0; i < 1000; i++) {
      const tree = fuzzTree(next, true);
      if (/"type":"(comment|raw)"|"tagName":"(svg|template|script|style)"/.test(JSON.stringify(tree))) handed += 1;
      expect(serialize(tree), `tree ${i}: ${JSON.stringify(tree)}`).toBe(library(tree));
    }
    expect(handed).toBeGreaterThan(100);
  });

  it('writes a node without its list of children as the library does', () => {
    const bare = { type: 'element', tagName: 'p', properties: {} } as unknown as Element;
    const trees = [{ type: 'root' } as unknown as Root, { type: 'root', children: [bare] } as Root];
    for (const tree of trees) expect(serialize(tree)).toBe(library(tree));
    expect(serialize({ type: 'root', children: [bare] })).toBe('<p></p>');
  });

  it('escapes what a text and an attribute must not hold', () => {
    const tree: Root = {
      type: 'root',
      children: [
        {
          type: 'element',
          tagName: 'a',
          properties: { title: '"><script>x</script>', className: ['a', 'b'], hidden: true, checked: false },
          children: [{ type: 'text', value: '<img src=x onerror=alert(1)> & "' }],
        },
      ],
    };
    expect(serialize(tree)).toBe(
      '<a title="&#x22;&#x3E;&#x3C;script&#x3E;x&#x3C;/script&#x3E;" class="a b" hidden>&#x3C;img src=x onerror=alert(1)> &#x26; "</a>',
    );
  });
});

/**
 * A post over the Markdown budget is cut into parts, not given up on: a long, realistic post (the
 * benchmark's 1 MB essay) renders as Markdown; a pathological block mixed into normal text is the
 * only thing shown as text. And the shortcuts of shared/markdown/steps.ts (no rehype-raw without
 * raw HTML, no highlighter without fenced code in a language) change no byte of any real post.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { budgetParts, overBudget } from '../../../shared/markdown/limits';
import { renderMarkdown, TOO_COMPLEX_NOTE } from '../../../shared/markdown/render';
import { decodePost, parsePost } from '../frontmatter/index';
import { HOSTILE_DIR, HOSTILE_POSTS, markdownFiles } from './hostile';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const corpus = path.resolve(repoRoot, '../shared/corpus');

interface Generator {
  makePost: (post: { bytes: number; seed: number; title: string; date: string }) => string;
}
// A variable specifier: the benchmark is plain JavaScript outside this project's type check.
const generatorUrl = new URL('../../../bench/generate.mjs', import.meta.url).href;
const { makePost } = (await import(generatorUrl)) as Generator;

function bodyOf(text: string): string {
  return parsePost(text).body;
}

const times = (n: number, make: (i: number) => string): string => Array.from({ length: n }, (_, i) => make(i)).join('');
const ids = (html: string): string[] => [...html.matchAll(/<h[1-6] id="([^"]*)"/g)].map((match) => match[1] ?? '');

describe('the benchmark 1 MB post', () => {
  const body = bodyOf(makePost({ bytes: 1_000_000, seed: 7, title: 'T', date: '2026-01-01' }));

  it('is over budget as a whole, and cut into parts that each render as Markdown', () => {
    expect(overBudget(body)).toMatch(/too many separate block quotes, lists or footnotes/);
    const parts = budgetParts(body) ?? [];
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.filter((part) => part.tooComplex !== null)).toEqual([]);
    expect(parts.map((part) => part.text).join('\n\n')).toBe(body.trim());
    const { html, warnings } = renderMarkdown(body);
    expect(warnings).toEqual([]);
    expect(html).not.toContain(TOO_COMPLEX_NOTE);
    const headings = body.match(/^## /gm)?.length ?? 0;
    expect(ids(html)).toHaveLength(headings);
    expect(html.match(/<blockquote>/g)?.length).toBe(body.match(/^> /gm)?.length);
    expect(html).toContain('<code class="hljs language-js">');
  }, 120_000);
});

describe('a pathological block in normal text', () => {
  const prose = (n: number): string =>
    times(n, (i) => `## Notes\n\nSome *text* and a [link](https://example.com/${i}).\n\n> A quote ${i}\n\n`);

  it.each([
    ['40,000 closing brackets', '](a)'.repeat(40_000), /too many brackets/],
    ['2,000 nested images', '!['.repeat(2_000) + 'x' + '](y)'.repeat(2_000), /nests brackets/],
    ['32,000 lazy lines in a quote', `> Quote\n${'lazy line\n'.repeat(32_000)}`.trimEnd(), /separate block quotes/],
    ['64,000 emphasis markers', '*a'.repeat(64_000), /emphasis or strikethrough/],
  ])(
    '%s: only that block is text, ids count across parts',
    (_name, bad, reason) => {
      const markdown = `${prose(300)}${bad}\n\n${prose(300)}`;
      const { html, warnings } = renderMarkdown(markdown);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(reason);
      expect(html.match(/<p role="note">/g)).toHaveLength(1);
      expect(html.match(/<blockquote>/g)).toHaveLength(600);
      expect(html.match(/<em>/g)).toHaveLength(601);
      // What a whole render gives: one id per heading, counted across every part.
      expect(ids(html)).toEqual(['notes', ...Array.from({ length: 599 }, (_, i) => `notes-${i + 1}`)].map(prefixed));
    },
    60_000,
  );
});

function prefixed(id: string): string {
  return `user-content-${id}`;
}

const corpusPosts = [...markdownFiles(path.join(corpus, 'real-posts')), ...markdownFiles(path.join(corpus, 'seed'))];
if (corpusPosts.length === 0) console.warn(`Skipping the corpus in the render-steps test: no corpus at ${corpus}.`);
const fixtureDirs = readdirSync(path.join(repoRoot, 'e2e/fixtures'));
const posts = [
  ...corpusPosts,
  ...markdownFiles(path.join(repoRoot, 'posts')),
  ...fixtureDirs.flatMap((name) => markdownFiles(path.join(repoRoot, 'e2e/fixtures', name))),
];

describe('the fewest steps render exactly what every step does', () => {
  it('sees the corpus (when present), the samples and every fixture, hostile ones too', () => {
    expect(posts.length).toBeGreaterThanOrEqual((corpusPosts.length > 0 ? 80 : 0) + HOSTILE_POSTS.length);
    expect(HOSTILE_DIR).toContain('hostile');
  });

  it.each(posts.map((file) => [path.relative(path.dirname(repoRoot), file), file]))(
    '%s',
    (_name, file) => {
      const body = bodyOf(decodePost(readFileSync(file)).text);
      const options = { remoteImages: 'placeholder' as const, resolveImage: (src: string) => `/files/${src}` };
      expect(renderMarkdown(body, options)).toEqual(renderMarkdown(body, options, 'every'));
    },
    60_000,
  );

  it.each([
    ['line endings', 'a\r\nb\r\n\r\n# c\r\n\r\n- d\r\n- e\r\n\r\n```js\r\nx\r\n```\r\n'],
    ['NUL and control characters', 'a\u0000b\u0001c\u007f\u0085\u2028d\n\n`\u0000`'],
    ['tables and task lists', '| a | b |\n| :- | -: |\n| 1 | 2 |\n\n- [x] done\n- [ ] todo'],
    ['code with and without a language', '```js\nconst a = 1;\n```\n\n```\nplain\n```\n\n```nope\nx\n```'],
    ['footnotes', 'a[^1] b[^x]\n\n[^1]: one\n[^x]: two'],
    ['entities and escapes', '&amp; &copy; &#0; &#xD800; \\* \\<b>'],
    // A lone comment needs no HTML parser; one beside other HTML, or unclosed, takes the whole pipeline.
    ['an excerpt mark', 'Intro\n\n<!-- more -->\n\n## Rest\n\ntext <!-- inline --> more\n\n   <!---->'],
    ['comments beside other HTML', '<!-- a --> <b>bold</b>\n\n<!-- a --> b -->\n\n<!-- open\n\ntext'],
  ])('%s', (_name, markdown) => {
    expect(renderMarkdown(markdown)).toEqual(renderMarkdown(markdown, {}, 'every'));
  });
});

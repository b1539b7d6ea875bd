/**
 * The Markdown pipeline's HTML writer (shared/markdown/serialize.ts) writes what rehype-stringify
 * wrote before it, followed by shared/markdown/attributes.ts, for every tree the sample, hostile
 * and corpus posts render to (the parts and fallbacks of hostile posts too). Its fuzzed cases:
 * shared/markdown/serialize.test.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Root } from 'hast';
import { describe, expect, it, vi } from 'vitest';
import { renderMarkdown } from '../../../shared/markdown/render';
import { decodePost, parsePost } from '../frontmatter/index';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const corpus = path.resolve(repoRoot, '../shared/corpus');
const corpusPresent = existsSync(corpus);
if (!corpusPresent) console.warn(`Skipping the corpus posts in serialize-posts.test.ts: no corpus at ${corpus}.`);

function markdownIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(md|markdown|mdx)$/.test(name) && path.basename(name) !== 'SOURCES.md')
    .map((name) => path.join(dir, name))
    .sort();
}

const files = [
  ...markdownIn(path.join(repoRoot, 'posts')),
  ...markdownIn(path.join(repoRoot, 'e2e/fixtures/hostile')),
  ...(corpusPresent ? markdownIn(corpus) : []),
];

/** Each tree the pipeline's writer writes in this file, with what it wrote and what the library writes. */
const written = vi.hoisted(() => [] as { ours: string; library: string }[]);

vi.mock('../../../shared/markdown/serialize', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../shared/markdown/serialize')>();
  const { toHtml } = await import('hast-util-to-html');
  const { escapeAttributeBrackets } = await import('../../../shared/markdown/attributes');
  const rehypeSerialize: typeof actual.rehypeSerialize = function () {
    this.compiler = (tree) => {
      const ours = actual.serialize(tree as Root);
      written.push({ ours, library: escapeAttributeBrackets(toHtml(tree as Root)) });
      return ours;
    };
  };
  return { ...actual, rehypeSerialize };
});

describe('the HTML writer on real posts', () => {
  it('covers the samples, the hostile posts and, when present, the corpus', () => {
    expect(files.length).toBeGreaterThan(corpusPresent ? 140 : 60);
  });

  // Every tree a render writes, the parts and fallbacks of hostile posts too.
  it.each(files.map((file) => [path.relative(path.dirname(repoRoot), file), file]))('%s', (_name, file) => {
    written.length = 0;
    // The post's body, as the preview and the export render it.
    const { html } = renderMarkdown(parsePost(decodePost(readFileSync(file)).text).body);
    expect(written.length).toBeGreaterThan(0);
    for (const tree of written) expect(tree.ours).toBe(tree.library);
    // A post rendered in parts (too deep for one tree) is their HTML joined.
    if (written.length === 1) expect(html).toBe(written[0]?.ours);
    else for (const tree of written) expect(html.includes(tree.ours)).toBe(true);
  });
});

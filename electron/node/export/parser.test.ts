/**
 * The Markdown parser (shared/markdown/parse.ts) reads every sample and corpus post as
 * remark-parse with remark-gfm read it (shared/markdown/reference.ts): the same HTML, but for one
 * post where micromark was wrong. Spec examples and GFM constructs: shared/markdown/parse.test.ts.
 * Highlighting (shared/markdown/highlight.ts) gives every post what rehype-highlight gave
 * (its own cases: shared/markdown/highlight.test.ts).
 */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsedHtml, pipelineHtml, referenceHtml } from '../../../shared/markdown/reference';
import { decodePost, parsePost } from '../frontmatter/index';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const corpus = await realpath(path.resolve(repoRoot, '../shared/corpus')).catch(() =>
  path.resolve(repoRoot, '../shared/corpus'),
);
const corpusPresent = await stat(corpus).then(
  () => true,
  () => false,
);
if (!corpusPresent) console.warn(`Skipping the corpus posts in parser.test.ts: no corpus at ${corpus}.`);

async function postFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir, { recursive: true });
  // SOURCES.md lists where the corpus came from; it is not a post.
  return names
    .filter((name) => /\.(md|markdown|mdx)$/.test(name) && path.basename(name) !== 'SOURCES.md')
    .map((name) => path.join(dir, name));
}

const folders = [
  path.join(repoRoot, 'posts'),
  ...(corpusPresent ? [path.join(corpus, 'real-posts'), path.join(corpus, 'seed')] : []),
];
const posts = (await Promise.all(folders.map(postFiles))).flat().sort();

// An indented code block right after a list: micromark cut it in two at its second line; the
// CommonMark reference implementation (commonmark.js) and markdown-it read one block.
const MICROMARK_SPLIT = 'mkdocs/material-search-footnotes-admonitions.md';

describe('the sample and corpus posts parse as before', () => {
  it('covers the samples and, when present, the corpus', () => {
    expect(posts.length).toBeGreaterThan(corpusPresent ? 75 : 2);
  });

  it.each(posts.map((file) => [path.relative(path.dirname(repoRoot), file), file]))('%s', async (_name, file) => {
    const body = await bodyOf(file);
    if (file.endsWith(MICROMARK_SPLIT)) {
      expect(parsedHtml(body)).not.toBe(referenceHtml(body));
      expect(parsedHtml(body)).toContain('<pre><code>```\n… links , or even code');
      return;
    }
    expect(parsedHtml(body)).toBe(referenceHtml(body));
  });
});

describe('the sample and corpus posts are highlighted as before', () => {
  it('highlights code in some of them', async () => {
    const bodies = await Promise.all(posts.map(bodyOf));
    expect(bodies.filter((body) => pipelineHtml(body, 'current').includes('hljs-')).length).toBeGreaterThan(
      corpusPresent ? 10 : 0,
    );
  });

  it.each(posts.map((file) => [path.relative(path.dirname(repoRoot), file), file]))('%s', async (_name, file) => {
    const body = await bodyOf(file);
    expect(pipelineHtml(body, 'current')).toBe(pipelineHtml(body, 'rehypeHighlight'));
  });
});

async function bodyOf(file: string): Promise<string> {
  return parsePost(decodePost(await readFile(file)).text).body.replace(/\r\n?/g, '\n');
}

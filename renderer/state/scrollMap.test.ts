import { parseFragment } from 'parse5';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../shared/markdown/render';
import { alignBlocks, between, elementKind, lastAtOrBefore, sourceBlocks, type BlockKind } from './scrollMap';

const samples = import.meta.glob<string>('../../posts/*.md', { query: '?raw', import: 'default', eager: true });
// The corpus sits beside the repository (../shared/corpus); without it those cases are skipped.
const corpus = import.meta.glob<string>('../../../shared/corpus/**/*.{md,markdown}', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** A post's body: after a `---` or `+++` front-matter block when there is one. */
function bodyOf(text: string): string {
  const post = text.replace(/^\uFEFF/, '');
  for (const fence of ['---', '+++']) {
    if (!post.startsWith(fence)) continue;
    const end = post.indexOf(`\n${fence}`, fence.length);
    if (end !== -1) return post.slice(post.indexOf('\n', end + 1) + 1);
  }
  return post;
}

interface Shown {
  kind: BlockKind;
  text: string;
}

/** The top-level elements of the preview's HTML for `markdown`, as the shared pipeline renders it. */
function shownBlocks(markdown: string): Shown[] {
  const html = renderMarkdown(markdown, { remoteImages: 'placeholder' }).html;
  const shown: Shown[] = [];
  for (const node of parseFragment(html).childNodes) {
    if (!('tagName' in node)) continue;
    shown.push({ kind: elementKind(node.tagName), text: textOf(node) });
  }
  return shown;
}

function textOf(node: object): string {
  if ('value' in node && typeof node.value === 'string' && !('tagName' in node)) return node.value;
  if (!('childNodes' in node) || !Array.isArray(node.childNodes)) return '';
  return (node.childNodes as object[]).map(textOf).join('');
}

const kinds = (markdown: string): BlockKind[] => sourceBlocks(markdown).map((block) => block.kind);

/** The first few letters of a heading's words, to compare source and rendered text loosely. */
const letters = (text: string): string =>
  text
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .toLowerCase()
    .slice(0, 12);

describe('sourceBlocks', () => {
  it('finds where each top-level block starts and what it is', () => {
    const text = [
      '# Title',
      '',
      'A paragraph',
      'that goes on.',
      '',
      'Setext',
      '------',
      '',
      '- a',
      '',
      '- b',
      '  more b',
      '',
      '* other list',
      '',
      '1. one',
      '',
      '```js',
      '# not a heading',
      '',
      '```',
      '',
      '> quote',
      'lazy line',
      '',
      '| a | b |',
      '|---|---|',
      '| 1 | 2 |',
      '',
      '[ref]: https://example.com',
      '',
      '<div>',
      'html',
      '</div>',
      '',
      '***',
      '    indented code',
    ].join('\n');
    expect(kinds(text)).toEqual(['h1', 'p', 'h2', 'ul', 'ul', 'ol', 'pre', 'quote', 'table', 'other', 'hr', 'pre']);
    expect(sourceBlocks(text)[1]).toEqual({ offset: text.indexOf('A paragraph'), kind: 'p' });
  });

  it('agrees with the rendered preview, block for block, on the sample posts', () => {
    for (const post of Object.values(samples)) {
      const body = bodyOf(post);
      // The footnotes, gathered at the end in a section of their own, are the only element the scan cannot name.
      const shown = shownBlocks(body).map((block) => block.kind);
      expect(kinds(body)).toEqual(shown.filter((kind) => kind !== 'other'));
      expect(shown.filter((kind) => kind === 'other').length).toBeLessThanOrEqual(1);
    }
  });

  it('anchors every heading of the real posts to the rendered heading with the same text', () => {
    const posts = Object.values(corpus).map(bodyOf);
    if (posts.length === 0) {
      console.log('[scrollMap.test] skipped the corpus check: ../shared/corpus not found');
      return;
    }
    let headings = 0;
    let anchored = 0;
    for (const body of posts) {
      const source = sourceBlocks(body);
      const shown = shownBlocks(body);
      const pairs = alignBlocks(
        source.map((block) => block.kind),
        shown.map((block) => block.kind),
      );
      for (const [i, j] of pairs) {
        const block = source[i];
        const element = shown[j];
        if (block === undefined || element === undefined || !/^h\d$/.test(element.kind)) continue;
        // A paired heading is the same heading: its source (a setext one spans lines) starts with the rendered text.
        const line = body.slice(block.offset, body.indexOf('\n\n', block.offset) >>> 0);
        expect(letters(line).startsWith(letters(element.text).slice(0, 6)), `${line} / ${element.text}`).toBe(true);
        anchored += 1;
      }
      headings += shown.filter((block) => /^h\d$/.test(block.kind)).length;
    }
    console.log(`[scrollMap.test] ${anchored} of ${headings} rendered headings anchored in ${posts.length} real posts`);
    // Nearly every rendered heading is an anchor (a few sit in raw HTML, or follow front matter we cannot strip).
    expect(anchored / headings).toBeGreaterThan(0.95);
  }, 60_000);
});

describe('alignBlocks', () => {
  it('pairs agreeing kinds and skips what renders differently on either side', () => {
    expect(alignBlocks(['h1', 'p', 'other', 'p', 'h2'], ['h1', 'p', 'other', 'other', 'p', 'h2'])).toEqual([
      [0, 0],
      [1, 1],
      [3, 4],
      [4, 5],
    ]);
    expect(alignBlocks(['p', 'h2', 'p'], ['h2', 'p'])).toEqual([
      [1, 0],
      [2, 1],
    ]);
  });

  it('gives no anchors when the preview shows the whole text as one block', () => {
    expect(alignBlocks(['h1', 'p', 'pre'], ['pre'])).toEqual([]);
  });
});

describe('positions', () => {
  it('finds the last anchor at or before a position by bisection, measuring few', () => {
    const tops = Array.from({ length: 10_000 }, (_, index) => index * 10);
    let measured = 0;
    const at = (index: number): number => {
      measured += 1;
      return tops[index] ?? 0;
    };
    expect(lastAtOrBefore(tops.length, at, 12_345)).toBe(1234);
    expect(measured).toBeLessThanOrEqual(15);
    expect(lastAtOrBefore(tops.length, at, -1)).toBe(-1);
    expect(lastAtOrBefore(0, at, 5)).toBe(-1);
  });

  it('interpolates between two anchors, clamped to them', () => {
    expect(between({ from: 100, to: 1000 }, { from: 200, to: 3000 }, 150)).toBe(2000);
    expect(between({ from: 100, to: 1000 }, { from: 200, to: 3000 }, 500)).toBe(3000);
    expect(between({ from: 100, to: 1000 }, { from: 100, to: 3000 }, 100)).toBe(1000);
  });
});

import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../shared/markdown/render';
import { createBlockRenderer } from './blockRender';
import { splitBlocks } from './blocks';

const options = { remoteImages: 'placeholder' as const, resolveImage: (src: string) => `/files/${src}` };
const renderWhole = (markdown: string) => renderMarkdown(markdown, options);

// The corpus sits beside the repository (../shared/corpus); without it those cases are skipped.
const corpus = import.meta.glob<string>('../../../shared/corpus/real-posts/**/*.{md,markdown}', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const samples = import.meta.glob<string>('../../posts/*.md', { query: '?raw', import: 'default', eager: true });

function expectSameAsWhole(markdown: string): void {
  const whole = renderWhole(markdown);
  const blocks = createBlockRenderer(renderWhole).render(markdown);
  expect(blocks.blocks.join('\n')).toBe(whole.html);
  expect(blocks.warnings).toEqual(whole.warnings);
}

describe('splitBlocks', () => {
  it('splits at blank lines before a line at column 0', () => {
    expect(splitBlocks('# A\n\npara one\nstill one\n\n\npara two\n')).toEqual([
      '# A',
      'para one\nstill one',
      'para two',
    ]);
  });

  it('keeps list items, indented lines and fenced code with blank lines in one block', () => {
    const text = '- a\n\n- b\n\n  more b\n\n```\ncode\n\nnot a split\n```\n\nafter';
    expect(splitBlocks(text)).toEqual(['- a\n\n- b\n\n  more b', '```\ncode\n\nnot a split\n```', 'after']);
  });

  it('refuses to split documents with definitions or raw HTML', () => {
    expect(splitBlocks('a [x][y]\n\n[y]: https://example.com')).toBeNull();
    expect(splitBlocks('a[^1]\n\n[^1]: note')).toBeNull();
    expect(splitBlocks('<div>\n\n*md*\n\n</div>')).toBeNull();
    expect(splitBlocks('a <b>bold\n\nnext')).toBeNull();
  });
});

describe('createBlockRenderer', () => {
  it('renders exactly what a whole render does, on tricky documents', () => {
    const cases = [
      '# Notes\n\ntext\n\n## Notes\n\nmore\n\n## Notes 1\n\nend',
      '1. one\n\n2. two\n\n3. three\n\npara',
      'para\n===\n\n---\n\n> quote\n\n> another\n\n| a | b |\n| - | - |\n| 1 | 2 |',
      '```js\nconst a = 1;\n\nconst b = 2;\n```\n\n~~~\n```\n\n~~~\n\ntext',
      '    indented code\n\n    more code\n\nafter\n\n* * *\n\n- [ ] task\n- [x] done',
      'www.example.com and https://example.com/x\n\n![img](a.png) ![remote](https://example.com/b.png)',
      '',
      '\n\n\n',
      '[link](javascript:alert(1))\n\n![x](../../etc/passwd)',
    ];
    for (const markdown of cases) expectSameAsWhole(markdown);
  });

  it('re-renders only the blocks that changed', () => {
    const calls: string[] = [];
    const renderer = createBlockRenderer((markdown) => {
      calls.push(markdown);
      return renderWhole(markdown);
    });
    renderer.render('# Title\n\nfirst\n\nsecond');
    calls.length = 0;
    const next = renderer.render('# Title\n\nfirst!\n\nsecond');
    expect(calls).toEqual(['first!']);
    expect(next.blocks.join('\n')).toBe(renderWhole('# Title\n\nfirst!\n\nsecond').html);
  });

  it('renders the sample posts exactly as a whole render', () => {
    expect(Object.keys(samples).length).toBeGreaterThan(0);
    for (const text of Object.values(samples)) expectSameAsWhole(text);
  });

  it('renders every corpus post that splits exactly as a whole render, also after an edit in the middle', () => {
    const posts = Object.values(corpus).filter((text) => (splitBlocks(text)?.length ?? 0) > 1);
    if (posts.length === 0) {
      console.log('[blockRender.test] skipped the corpus check: ../shared/corpus/real-posts not found');
      return;
    }
    for (const text of posts) {
      const renderer = createBlockRenderer(renderWhole);
      expect(renderer.render(text).blocks.join('\n')).toBe(renderWhole(text).html);
      const middle = text.indexOf('\n\n', Math.floor(text.length / 2));
      const edited = `${text.slice(0, middle)} edited${text.slice(middle)}`;
      if (middle !== -1) expect(renderer.render(edited).blocks.join('\n')).toBe(renderWhole(edited).html);
    }
  }, 60_000);
});

import { describe, expect, it } from 'vitest';
import { renderMarkdown, TOO_COMPLEX_NOTE } from '../../shared/markdown/render';
import { createBlockRenderer } from './blockRender';
import { splitBlocks } from '../../shared/markdown/blocks';

const options = { remoteImages: 'placeholder' as const, resolveImage: (src: string) => `/files/${src}` };
const renderWhole = (markdown: string) => renderMarkdown(markdown, options);

// The corpus sits beside the repository (../shared/corpus); without it those cases are skipped.
const corpus = import.meta.glob<string>('../../../shared/corpus/real-posts/**/*.{md,markdown}', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const samples = import.meta.glob<string>('../../posts/*.md', { query: '?raw', import: 'default', eager: true });

interface Generator {
  makePost: (post: { bytes: number; seed: number; title: string; date: string }) => string;
}
// A variable specifier: the benchmark is plain JavaScript outside this project's type check.
const generatorUrl = new URL('../../bench/generate.mjs', import.meta.url).href;

function expectSameAsWhole(markdown: string): void {
  const whole = renderWhole(markdown);
  const blocks = createBlockRenderer(renderWhole).render(markdown);
  expect(blocks.blocks.join('\n')).toBe(whole.html);
  expect(blocks.warnings).toEqual(whole.warnings);
}

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
      // HTML that leaves the HTML parser as it found it: rendered by blocks, equal to the whole.
      'Intro\n\n<!-- more -->\n\nOne<br>\ntwo<br/>\n\n<hr>\n\nSee <https://example.com/a?b> and <me@example.com>.\n\n<!-- a --> *b* <!-- c -->',
      '<!-- more -->\n# Title\n\ntext<BR>\n\n<wbr>',
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

  it('renders the benchmark 1 MB post (over budget as a whole) by blocks, as Markdown, exactly as the export', async () => {
    const { makePost } = (await import(/* @vite-ignore */ generatorUrl)) as Generator;
    const post = makePost({ bytes: 1_000_000, seed: 7, title: 'T', date: '2026-01-01' });
    const body = post.slice(post.indexOf('\n---\n') + 5);
    const result = createBlockRenderer(renderWhole).render(body);
    expect(result.blocks.length).toBeGreaterThan(1_000);
    const whole = renderWhole(body);
    expect(whole.html).not.toContain(TOO_COMPLEX_NOTE);
    expect(result.blocks.join('\n')).toBe(whole.html);
    expect(result.warnings).toEqual(whole.warnings);
  }, 120_000);

  it.each([
    ['40,000 closing brackets', '](a)'.repeat(40_000)],
    ['32,000 lazy lines in a quote', `> Quote\n${'lazy line\n'.repeat(32_000)}`.trimEnd()],
    ['2,000 separate quotes', Array.from({ length: 2_000 }, (_, i) => `> Quote ${i}`).join('\n\n')],
  ])(
    'renders a post with %s among normal blocks exactly as the export',
    (_name, bad) => {
      const prose = Array.from({ length: 50 }, (_, i) => `## Notes\n\nSome *text* and ![a](a${i}.png).`).join('\n\n');
      const markdown = `${prose}\n\n${bad}\n\n${prose}\n\n[bad](javascript:alert(1))`;
      const result = createBlockRenderer(renderWhole).render(markdown);
      expect(result.warnings.filter((warning) => warning.startsWith(TOO_COMPLEX_NOTE)).length).toBeLessThanOrEqual(1);
      expect(result.warnings.at(-1)).toMatch(/^Link to "javascript:alert\(1\)" removed/);
      expectSameAsWhole(markdown);
    },
    60_000,
  );
});

describe('a block render in steps', () => {
  const markdown = Array.from(
    { length: 20 },
    (_, i) => `## Part ${i}\n\nText ${i} with **bold** and [a link](x${i}.md).`,
  ).join('\n\n');

  it('renders one block per step when every deadline has passed, and ends with what a render at once gives', () => {
    const renderer = createBlockRenderer(renderWhole);
    const job = renderer.start(markdown);
    expect(job.remaining).toBe(splitBlocks(markdown)?.reduce((sum, block) => sum + block.length, 0));
    let steps = 1;
    let result = job.step(-Infinity);
    while (result === null) {
      result = job.step(-Infinity);
      steps += 1;
    }
    expect(steps).toBe(splitBlocks(markdown)?.length);
    expect(job.remaining).toBe(0);
    expect(result.blocks.join('\n')).toBe(renderWhole(markdown).html);
    expect(job.step(-Infinity)).toBe(result);
  });

  it('counts only the blocks it does not remember as work left, and remembers nothing from a render it did not finish', () => {
    const calls: string[] = [];
    const renderer = createBlockRenderer((text) => {
      calls.push(text);
      return renderWhole(text);
    });
    renderer.render(markdown);
    const edited = markdown.replace('Text 3 ', 'Text three ');
    const job = renderer.start(edited);
    expect(job.remaining).toBe('Text three with **bold** and [a link](x3.md).'.length);
    // Abandoned after one step: the next render still remembers the first render's blocks.
    job.step(-Infinity);
    calls.length = 0;
    expect(renderer.render(edited).blocks.join('\n')).toBe(renderWhole(edited).html);
    expect(calls).toEqual(['Text three with **bold** and [a link](x3.md).']);
  });

  it('renders a post of one block whole, in one step', () => {
    const job = createBlockRenderer(renderWhole).start('just one paragraph');
    expect(job.remaining).toBe('just one paragraph'.length);
    expect(job.step(-Infinity)?.blocks).toEqual([renderWhole('just one paragraph').html]);
    expect(job.remaining).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { renderMarkdown, TOO_COMPLEX_NOTE } from '../../shared/markdown/render';
import { blockPipeline, createBlockRenderer, type BlockPipeline } from './blockRender';
import { splitBlocks } from '../../shared/markdown/blocks';

const options = { remoteImages: 'placeholder' as const, resolveImage: (src: string) => `/files/${src}` };
const renderWhole = (markdown: string) => renderMarkdown(markdown, options);
const pipeline = blockPipeline(options);
/** The pipeline, noting each block it renders in `calls`. */
function counting(calls: string[]): BlockPipeline {
  return {
    ...pipeline,
    block: (markdown, setting) => {
      calls.push(markdown);
      return pipeline.block(markdown, setting);
    },
  };
}

// The corpus sits beside the repository (../shared/corpus); without it those cases are skipped.
const corpus = import.meta.glob<string>('../../../shared/corpus/real-posts/**/*.{md,markdown}', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const samples = import.meta.glob<string>('../../posts/*.md', { query: '?raw', import: 'default', eager: true });

interface Generator {
  makePost: (post: { bytes: number; seed: number; title: string; date: string; notes?: boolean }) => string;
}
// A variable specifier: the benchmark is plain JavaScript outside this project's type check.
const generatorUrl = new URL('../../bench/generate.mjs', import.meta.url).href;

/** Renders `blocks` (joined as paragraphs) with one renderer, checks it against a whole render, and gives the blocks it rendered. */
function renderingBlocks(): (blocks: string[]) => string[] {
  const calls: string[] = [];
  const renderer = createBlockRenderer(counting(calls));
  return (blocks) => {
    calls.length = 0;
    const markdown = blocks.join('\n\n');
    expect(renderer.render(markdown).blocks.join('\n')).toBe(renderWhole(markdown).html);
    return [...calls];
  };
}

/** The same as a whole render, and rendered by blocks (not whole after all). */
function expectByBlocks(markdown: string): void {
  expectSameAsWhole(markdown);
  expect(createBlockRenderer(pipeline).render(markdown).blocks.length, markdown).toBeGreaterThan(1);
}

function expectSameAsWhole(markdown: string): void {
  const whole = renderWhole(markdown);
  const blocks = createBlockRenderer(pipeline).render(markdown);
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
    const renderer = createBlockRenderer(counting(calls));
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
      const renderer = createBlockRenderer(pipeline);
      expect(renderer.render(text).blocks.join('\n')).toBe(renderWhole(text).html);
      const middle = text.indexOf('\n\n', Math.floor(text.length / 2));
      const edited = `${text.slice(0, middle)} edited${text.slice(middle)}`;
      if (middle !== -1) expect(renderer.render(edited).blocks.join('\n')).toBe(renderWhole(edited).html);
    }
  }, 60_000);

  it.each([
    ['', false],
    [', an essay with 100 footnotes and 60 reference links', true],
  ])(
    'renders the benchmark 1 MB post%s (over budget as a whole) by blocks, as Markdown, exactly as the export',
    async (_name, notes) => {
      const { makePost } = (await import(/* @vite-ignore */ generatorUrl)) as Generator;
      const post = makePost({ bytes: 1_000_000, seed: 7, title: 'T', date: '2026-01-01', notes });
      const body = post.slice(post.indexOf('\n---\n') + 5);
      const result = createBlockRenderer(pipeline).render(body);
      expect(result.blocks.length).toBeGreaterThan(1_000);
      const whole = renderWhole(body);
      expect(whole.html).not.toContain(TOO_COMPLEX_NOTE);
      // Every call finds its definition, hundreds of kilobytes and several parts away.
      if (notes) {
        expect(whole.html.match(/data-footnote-ref=""/g)?.length).toBe(100);
        expect(
          whole.html.match(/<a href="https:\/\/example.com\/sources\/\d+" title="Source \d+">source/g)?.length,
        ).toBe(60);
      }
      expect(result.blocks.join('\n')).toBe(whole.html);
      expect(result.warnings).toEqual(whole.warnings);
    },
    120_000,
  );

  it.each([
    ['40,000 closing brackets', '](a)'.repeat(40_000)],
    ['32,000 lazy lines in a quote', `> Quote\n${'lazy line\n'.repeat(32_000)}`.trimEnd()],
    ['2,000 separate quotes', Array.from({ length: 2_000 }, (_, i) => `> Quote ${i}`).join('\n\n')],
  ])(
    'renders a post with %s among normal blocks exactly as the export',
    (_name, bad) => {
      const prose = Array.from({ length: 50 }, (_, i) => `## Notes\n\nSome *text* and ![a](a${i}.png).`).join('\n\n');
      const markdown = `${prose}\n\n${bad}\n\n${prose}\n\n[bad](javascript:alert(1))`;
      const result = createBlockRenderer(pipeline).render(markdown);
      expect(result.warnings.filter((warning) => warning.startsWith(TOO_COMPLEX_NOTE)).length).toBeLessThanOrEqual(1);
      expect(result.warnings.at(-1)).toMatch(/^Link to "javascript:alert\(1\)" removed/);
      expectSameAsWhole(markdown);
    },
    60_000,
  );
});

describe('a block render of a post with link references and footnotes', () => {
  it('renders exactly what a whole render does, however definitions and calls are placed', () => {
    const cases = [
      // Forward and backward references, case and spaces in labels, a title, an image.
      'See [the site][Home] and [home].\n\n[home]: https://example.com "Home page"\n\nAgain [HOME] and ![logo][img].\n\n[img]: logo.png',
      // The first definition wins, even when a later block defines the label again.
      '[a]: https://first.example\n\n[a] once\n\n[a]: https://second.example\n\n[a] twice',
      // Definitions in a quote and a list, a definitions-only block first, last and between.
      '[q]: https://q.example\n[r]: https://r.example\n\n> [s]: https://s.example\n\n- [t]: https://t.example\n\n[q] [r] [s] [t] [u]\n\n[u]: https://u.example',
      // Footnotes: calls in several blocks, one called twice, one never, one undefined, definitions anywhere.
      'One[^a] and two[^b].\n\n[^b]: Bee.\n\nAgain[^a], none[^nope].\n\n[^a]: Ay, with [a link][l].\n\n[^unused]: Never called.\n\n[l]: https://l.example',
      // A call inside a footnote, a footnote of several paragraphs with code, a call in a heading and a table.
      '# Title[^h]\n\n| a | b |\n| - | - |\n| x[^t] | y |\n\n[^h]: Heading note, see[^n].\n\n[^t]: Table note.\n\n    More of it.\n\n        code in it\n\n[^n]: Nested note.',
      // Labels differing only in case and spacing, definitions before calls.
      '[^Note One]: The note.\n\nText[^note one] and[^NOTE ONE].',
      // A comment beside a definition.
      '[^1]: note\n<!-- more -->\n\nText[^1]',
      // A definition interrupting the paragraph that calls it, in the flow and in a quote.
      'Text[^1]\n[^1]: The note.\n\nMore[^1]\n\n> Quoted[^2]\n> [^2]: Its note.',
    ];
    // By blocks, not whole after all (a second list of footnotes in a block would clash by id).
    for (const markdown of cases) expectByBlocks(markdown);
    expectSameAsWhole('[a]: https://a.example\n\n[^1]: never called');
  });

  it('renders generated posts exactly as a whole render, also when edited one block at a time', () => {
    let seed = 17;
    const random = (n: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const labels = ['a', 'B', 'note', '1'];
    const label = (): string => labels[random(labels.length)] ?? 'a';
    const pieces = [
      () => `Prose with a call[^${label()}] and a [reference][${label()}].`,
      () => `[^${label()}]: A note with [a link][${label()}] and a call[^${label()}].`,
      () => `[${label()}]: https://example.com/${random(100)} "T${random(9)}"`,
      () => `> Quoted [${label()}] text.\n>\n> [${label()}]: /quoted`,
      () => `- item[^${label()}]\n- [${label()}][]`,
      () => `## Heading ${random(3)}`,
      () => 'Plain *prose* with `code`.',
      () => `[^${label()}]: Long note.\n\n    Its second paragraph[^${label()}].`,
    ];
    const piece = (): string => (pieces[random(pieces.length)] ?? (() => ''))();
    for (let post = 0; post < 150; post++) {
      const blocks = Array.from({ length: 3 + random(8) }, piece);
      const renderer = createBlockRenderer(pipeline);
      for (let edit = 0; edit < 4; edit++) {
        const markdown = blocks.join('\n\n');
        expect(renderer.render(markdown).blocks.join('\n'), markdown).toBe(renderWhole(markdown).html);
        blocks[random(blocks.length)] = piece();
      }
    }
  });

  it('re-renders only what an edit changes: the block typed in, the uses of a definition, the calls renumbered', () => {
    const post = [
      'Intro with a call[^a].',
      'Plain prose.',
      'Uses [the site][site].',
      'Another call[^b].',
      '[site]: https://example.com',
      '[^a]: First note.',
      '[^b]: Second note.',
    ];
    const render = renderingBlocks();
    render(post);
    // Typing in prose: that block alone.
    const typed = post.map((block) => (block === 'Plain prose.' ? 'Plain prose!' : block));
    expect(render(typed)).toEqual(['Plain prose!']);
    // Typing in a definition: it and the block that uses it.
    const moved = typed.map((block) => block.replace('https://example.com', 'https://example.org'));
    expect(render(moved)).toEqual(['Uses [the site][site].', '[site]: https://example.org']);
    // A new first call: the blocks whose calls get new numbers.
    const called = moved.map((block) => (block === 'Plain prose!' ? 'Plain prose[^b]!' : block));
    expect(render(called)).toEqual(['Plain prose[^b]!', 'Another call[^b].']);
    // Typing in a footnote: that block, and the list of footnotes is made again.
    expect(render(called.map((block) => block.replace('First note.', 'First note!')))).toEqual(['[^a]: First note!']);
  });

  it('renders what reviews 20, 21 and 22 found to differ exactly as a whole render', () => {
    const deep = '*a '.repeat(300) + 'x' + ' a*'.repeat(300);
    const cases = [
      // A footnote call runs every step (rehype-raw) over the whole post: code opening with a blank line,
      // an autolink inside a link's text.
      'a[^1]\n\n```\n\nb\n```\n\n[^1]: n',
      'See this[^1].\n\n```js\n\nconst a = 1;\n```\n\n[^1]: A note.',
      'a[^1]\n\n[b <http://c.d> e](/u)\n\n[^1]: n',
      'line<br>\nnext\n\n```\n\nfoo\n```',
      // A paragraph nested too deeply: the whole render falls back to pieces.
      `[x]: /u\n\n[x]\n\n${deep}`,
      `a[^1]\n\n${deep}\n\n[^1]: n`,
      // A byte order mark anywhere but at the start is text.
      'a\n\n\uFEFF[y]: /v\n\n[y]',
      'a[^y]\n\n\uFEFF[^y]: v',
      '\uFEFF[y]: /v\n\n[y]',
      // A lone CR ends a line for markdown-it.
      '[x]: /u\n\na\r```\n\n[x]',
      // An unclosed fence at the end keeps its blank lines.
      '[x]: /u\n\n[x]\n\n```\nx\n\n',
    ];
    for (const markdown of cases) expectSameAsWhole(markdown);
    // Review 21: two marks, a destination ending in `\`, fences the splitter read out of their container.
    for (const markdown of [
      '\uFEFF\uFEFFhello',
      '\uFEFF\uFEFF## a\n\n<p id="a">x</p>',
      'See [docs].\n\n[docs]: https://example.com/dir\\\n\nMore.',
      '- step:\n  ```sh\n  npm i\n```\n\nThen run it.',
      'Intro<br>\n\n<br>\n```js\n\nlet a = 1;\n```\n\nMore text.',
      '```\n```\r\n```\n\nt',
      '- ```js\n  let a = 1;\n\nText after.',
      // Review 22: a fence in a list item with a line less indented than it, or left open before blank lines.
      '- step\n  ```\nnot code\n  ```\n\nMore.',
      '* x\n   ```\ny\n   ```\n\nz',
      '- a\n\n    ```\n\n\ne',
      '1.\n    ```\n\n\n]',
      '- a\n\n\t```\n\n\ne',
      // The read-over after review 22: the list of footnotes runs the post's steps, not every step.
      'a[^1]\n\nb\n\n[^1]: note\n\n    ```\n\n    b\n    ```',
      'a[^1]\n\nb\n\n[^1]: [x <http://c.d> y](/u)',
      'a[^1]\n\nb\n\n[^1]: x<br>y',
      // And fences in list items written right: by blocks.
      '1. Install:\n\n   ```sh\n   npm i\n\n   npm test\n   ```\n\n2. Run:\n\n    ```\n    npm start\n    ```\n\nDone.',
      // CRLF lines split as LF lines do.
      '# Title\r\n\r\nOne[^1].\r\n\r\n```js\r\nlet a;\r\n```\r\n\r\nTwo.\r\n\r\n[^1]: Note.\r\n',
    ])
      expectSameAsWhole(markdown);
    expectByBlocks('# Title\r\n\r\nOne.\r\n\r\n```js\r\nlet a;\r\n```\r\n\r\nTwo.\r\n');
    expectByBlocks(
      '1. Install:\n\n   ```sh\n   npm i\n\n   npm test\n   ```\n\n2. Run:\n\n    ```\n    npm start\n    ```\n\nDone.',
    );
    // And while typing: the post starts without a call, gets one, loses it.
    const renderer = createBlockRenderer(pipeline);
    for (const markdown of [
      'a\n\n```\n\nb\n```\n\n[^1]: n',
      'a[^1]\n\n```\n\nb\n```\n\n[^1]: n',
      'a[^\n\n```\n\nb\n```\n\n[^1]: n',
    ])
      expect(renderer.render(markdown).blocks.join('\n')).toBe(renderWhole(markdown).html);
  });

  it('gives a block its own calls only: 150,000 footnotes called before one neither overflows nor copies them', () => {
    const count = 150_000;
    const before = {
      size: count,
      place: (id: string) => (id === 'N7' ? 7 : undefined),
      count: (id: string) => (id === 'N7' ? 2 : 0),
    };
    const result = pipeline.block('Again[^n7] and new[^new].', {
      definitions: { links: new Map(), notes: new Set([':N7', ':NEW']) },
      before,
      raw: false,
    });
    expect(result.html).toContain('id="user-content-fnref-n7-3"');
    expect(result.html).toMatch(/href="#user-content-fn-n7"[^>]*>8<\/a>/);
    expect(result.html).toMatch(/href="#user-content-fn-new"[^>]*>150001<\/a>/);
  });

  it('re-renders none of the equal blocks calling one footnote when the last is typed in', () => {
    const calls: string[] = [];
    const renderer = createBlockRenderer(counting(calls));
    const blocks = [...Array.from({ length: 50 }, () => 'Same text.[^a]'), 'Last.', '[^a]: The note.'];
    renderer.render(blocks.join('\n\n'));
    calls.length = 0;
    blocks[50] = 'Last!';
    const markdown = blocks.join('\n\n');
    expect(renderer.render(markdown).blocks.join('\n')).toBe(renderWhole(markdown).html);
    expect(calls).toEqual(['Last!']);
  });

  it('does not take the definitions of a block shown as text for being over budget', () => {
    const markdown = `Uses [a].\n\n[a]: https://a.example\n${'](a)'.repeat(40_000)}\n\nAgain [a].`;
    expect(renderWhole(markdown).html).toContain('<p>Again [a].</p>');
    expectSameAsWhole(markdown);
  });

  it('renders a post whose long definitions may not be copied to every use whole', () => {
    const markdown = `[a]: /${'u'.repeat(16_000)}\n\n${'x[a]\n\n'.repeat(700)}`.trimEnd();
    const calls: string[] = [];
    expect(createBlockRenderer(counting(calls)).render(markdown).blocks).toHaveLength(1);
    expect(calls).toEqual([]);
    expectSameAsWhole(markdown);
  });
});

describe('a block render of a post whose headings share a text', () => {
  it('gives them the ids a whole render gives, by blocks', () => {
    const cases = [
      '## Example\n\nOne.\n\n## Example\n\nTwo.\n\n## Example 1\n\nThree.\n\n## Example\n\nFour.',
      // A heading's slug taken by an id written elsewhere in the post: footnote calls, the list of footnotes.
      '## fnref-1\n\nText[^1].\n\n## Footnote label\n\n[^1]: The note.',
      // Headings inside footnotes, after the body's; headings with no letters ("section").
      '## Notes\n\nText[^1].\n\n## !!!\n\n## ???\n\n[^1]: The note.\n\n    ## Notes\n\n    More.',
      // Equal blocks in several places.
      '## Same\n\nx\n\n## Same\n\nx\n\n## Same',
      // Generators' syntax in several blocks, after a removed link: its notes come in the same order.
      '[x](javascript:alert(1))\n\n!!! note\n\nSee {% include a.html %}.\n\n{{< youtube id >}}\n\nAgain {{% b %}}.',
    ];
    for (const markdown of cases) expectByBlocks(markdown);
  });

  it('re-renders only the block typed in, and a heading whose id an edit changes', () => {
    const post = ['## Example', 'First.', '## Example', 'Second.', '## Summary', 'Third.'];
    const render = renderingBlocks();
    render(post);
    const typed = post.map((block) => (block === 'Second.' ? 'Second!' : block));
    expect(render(typed)).toEqual(['Second!']);
    // "Summary" becomes a third "Example": taken as the first one's render, then given "example-2".
    const third = typed.map((block) => (block === '## Summary' ? '## Example' : block));
    expect(render(third)).toEqual(['## Example']);
    expect(render(third.map((block) => (block === 'Third.' ? 'Third!' : block)))).toEqual(['Third!']);
  });
});

describe('a block render in steps', () => {
  const markdown = Array.from(
    { length: 20 },
    (_, i) => `## Part ${i}\n\nText ${i} with **bold** and [a link](x${i}.md).`,
  ).join('\n\n');

  it('renders one block per step when every deadline has passed, and ends with what a render at once gives', () => {
    const renderer = createBlockRenderer(pipeline);
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
    const renderer = createBlockRenderer(counting(calls));
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
    const job = createBlockRenderer(pipeline).start('just one paragraph');
    expect(job.remaining).toBe('just one paragraph'.length);
    expect(job.step(-Infinity)?.blocks).toEqual([renderWhole('just one paragraph').html]);
    expect(job.remaining).toBe(0);
  });
});

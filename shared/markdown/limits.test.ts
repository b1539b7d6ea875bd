/**
 * The Markdown budget: inputs that make the parser quadratic or worse are shown as text, under a
 * visible note, and complete; everything a writer really writes still renders as Markdown. The
 * hostile inputs are sized so that the pipeline without the budget takes from a minute to hours
 * (measured in SECURITY.md); the tests ask only that they complete with the right output.
 */
import { describe, expect, it } from 'vitest';
import type { Element, Root } from 'hast';
import { rehypeHeadingIds } from './headings';
import { budgetParts, MAX_BRACKET_DEPTH, MAX_DELIMITERS, MAX_REFERENCE_COPIES, overBudget } from './limits';
import { PARTS_NOTE, renderMarkdown, TOO_COMPLEX_NOTE } from './render';

const times = (n: number, make: (i: number) => string): string => Array.from({ length: n }, (_, i) => make(i)).join('');

/** Renders a hostile input and checks it came back as escaped text under the note. */
function expectShownAsText(markdown: string, reason: RegExp): string {
  const { html, warnings } = renderMarkdown(markdown);
  expect(html).toContain(`<p role="note"><em>${TOO_COMPLEX_NOTE}: `);
  expect(warnings.join('\n')).toMatch(reason);
  expect(html.replace(/<p role="note">.*?<\/p>/, '')).not.toMatch(/<(a|img|em|del|blockquote|li|sup)\b/);
  return html;
}

describe('inputs the parser cannot handle in linear time are shown as text', () => {
  it.each([
    ['2,000 nested images', '!['.repeat(4_000) + 'x' + '](y)'.repeat(4_000), /nests brackets/],
    ['40,000 open brackets', '['.repeat(40_000), /nests brackets/],
    ['40,000 closing brackets with no opening', '](a)'.repeat(40_000), /too many brackets/],
    ['footnote calls that never close', '[^a'.repeat(64_000), /nests brackets/],
    ['64,000 emphasis markers in one paragraph', '*a'.repeat(64_000), /emphasis or strikethrough/],
    ['64,000 strikethrough markers in one paragraph', '~a'.repeat(64_000), /emphasis or strikethrough/],
    [
      // 45 cells per byte: 16 KB took 7 s to render.
      'a table of 181 columns over rows of one cell',
      `${'a|'.repeat(181)}\n${'-|'.repeat(181)}\n${'b\n'.repeat(362)}`,
      /leave too many cells empty/,
    ],
    // Each a link, spliced in at once by GFM's e-mail transform: its stack overflowed, and the render threw.
    ['70,000 e-mail addresses in one paragraph', 'a@b.cd '.repeat(70_000), /@ signs/],
  ])('%s', (_name, markdown, reason) => {
    const html = expectShownAsText(markdown, reason);
    expect(html).toContain(`<pre>${markdown.slice(0, 100)}`);
  });

  it.each([
    ['32,000 lines continuing a quote lazily', `> Quote\n${'lazy line\n'.repeat(32_000)}`],
    ['4,000 lists inside a quote', times(4_000, (i) => `> Text ${i}\n>\n> - item ${i}\n>\n`)],
  ])('%s (one block)', (_name, markdown) => {
    expectShownAsText(markdown, /too many separate block quotes, lists or footnotes/);
  });
});

describe('web addresses and table rows that were read in quadratic time', () => {
  // Each took the old code minutes at this size (100 KB: 21–28 s, 14.5 s and 6.6 s).
  it('shows `www.a_` repeated over 300 KB as text: each refused address was read to the end again', () => {
    const markdown = 'www.a_'.repeat(50_000);
    expect(expectShownAsText(markdown, /too many web addresses run together/)).toContain(markdown.slice(0, 100));
    expectShownAsText(`[${markdown}](x)`, /too many web addresses run together/);
  });

  it('links a paragraph of 5,000 addresses apart, and reads a refused one as the spec does', () => {
    const markdown = Array.from({ length: 5_000 }, (_, i) => `www.example${i}.com`).join(' ');
    const { html, warnings } = renderMarkdown(markdown);
    expect(warnings).toEqual([]);
    expect(html.match(/<a href="http:\/\/www\.example\d+\.com">/g)).toHaveLength(5_000);
    // An `_` in the last two labels: no link; in an earlier one, a link, after a refused one too.
    expect(renderMarkdown('www.a_b.c').html).toBe('<p>www.a_b.c</p>');
    expect(renderMarkdown('www.b.a_c www.a_www.example.com').html).toBe(
      '<p>www.b.a_c <a href="http://www.a_www.example.com">www.a_www.example.com</a></p>',
    );
    expect(renderMarkdown('www.a_ www.example.com').html).toContain('<a href="http://www.example.com">');
  });

  it('tells a table delimiter row from a line of 300,000 spaces in linear time', () => {
    expect(renderMarkdown(`a|b\n- ${' '.repeat(300_000)}x`).html).toMatch(/<li>\n<pre><code> *x\n<\/code><\/pre>/);
    expect(renderMarkdown(`a|b\n-|-${' \t'.repeat(150_000)}\nc|d`).html).toContain('<td>c</td>');
  });
});

describe('containers deeper than the parser reads are shown as text, never dropped', () => {
  it.each([
    ['200 footnote definitions opened on one line', `${'[^a]: '.repeat(200)}x\n\nafter`],
    ['lists nested in a quote, 120 deep', `${times(120, (i) => `>${' '.repeat(1 + 2 * i)}- x${i}\n`)}\nafter`],
  ])('%s', (_name, markdown) => {
    const { html, warnings } = renderMarkdown(markdown);
    // The text past the depth is on the page (as text, under the note), and so is what follows it.
    expect(warnings.join('\n')).toMatch(/nested too deeply/);
    expect(html).toContain(`${TOO_COMPLEX_NOTE}: it is nested too deeply to render.`);
    expect(html).toMatch(/x(<\/pre>|119)/);
    expect(html).toContain('<p>after</p>');
  });
});

describe('a text over budget only as a whole is cut into parts that each render as Markdown', () => {
  it.each([
    ['2,000 separate block quotes', times(2_000, (i) => `> Quote ${i}\n\n`), /<blockquote>/g, 2_000],
    ['2,000 lists between paragraphs', times(2_000, (i) => `Text ${i}\n\n- item ${i}\n\n`), /<ul>/g, 2_000],
  ])('%s', (_name, markdown, element, count) => {
    expect(overBudget(markdown)).not.toBeNull();
    const parts = budgetParts(markdown) ?? [];
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(overBudget(part.text)).toBeNull();
    const { html, warnings } = renderMarkdown(markdown);
    expect(warnings).toEqual([]);
    expect(html.match(element)?.length).toBe(count);
  });

  it('cuts a text whose long link definition is used too often: the uses past the cut stay as written', () => {
    // Each use copies the 16 KB destination onto the page: this text ran out of memory at 64 KB.
    const markdown = `[a]: /${'u'.repeat(16_000)}\n\n${'x[a]\n\n'.repeat(8_000)}`;
    expect(overBudget(markdown)).toMatch(/long link definition too many times/);
    const { html, warnings } = renderMarkdown(markdown);
    // The writer is told why some stay as written.
    expect(warnings).toContain(PARTS_NOTE);
    const links = html.match(/<a href/g)?.length ?? 0;
    expect(links).toBeGreaterThan(0);
    expect(links * 16_000).toBeLessThanOrEqual(MAX_REFERENCE_COPIES);
    expect(html.match(/<p>x\[a\]<\/p>/g)?.length).toBe(8_000 - links);
  });

  it('cuts a text with definitions into parts that each see every definition', () => {
    const markdown = times(1_000, (i) => `Note[^${i}]\n\n[^${i}]: Text ${i}\n\n`);
    expect(overBudget(markdown)).not.toBeNull();
    const parts = budgetParts(markdown) ?? [];
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((part) => part.tooComplex === null)).toBe(true);
    const { html, warnings } = renderMarkdown(markdown);
    expect(html).not.toContain(TOO_COMPLEX_NOTE);
    expect(html.match(/data-footnote-ref/g)?.length).toBe(1_000);
    expect(html.match(/<section data-footnotes/g)?.length).toBe(1);
    expect(html.match(/data-footnote-backref=""/g)?.length).toBe(1_000);
    expect(warnings).toEqual([]);
  });

  it('finds a definition written parts away from its use: the first part calls what the last defines', () => {
    const prose = times(3_000, (i) => `> Quote ${i}\n\n`);
    const markdown = `A call[^end] and [a link][end].\n\n${prose}[^end]: The note.\n\n[end]: https://example.com/end`;
    const parts = budgetParts(markdown) ?? [];
    expect(parts.length).toBeGreaterThan(2);
    expect(parts[0]?.text).not.toContain(']:');
    const { html, warnings } = renderMarkdown(markdown);
    expect(html).toMatch(
      /^<p>A call<sup><a href="#user-content-fn-end"[^>]*>1<\/a><\/sup> and <a href="https:\/\/example.com\/end">a link<\/a>/,
    );
    expect(html).toMatch(/<li id="user-content-fn-end">\n<p>The note\. <a href="#user-content-fnref-end"/);
    expect(warnings).not.toContain(PARTS_NOTE);
  });

  it('gathers blocks in order, each scanned at most twice: a 2 MB text of quotes is cut in linear time', () => {
    const markdown = times(100_000, (i) => `> Quote ${i}\n\n`);
    const started = performance.now();
    const parts = budgetParts(markdown) ?? [];
    // Generous for a loaded machine; gluing a growing run and rescanning it took minutes.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(parts.map((part) => part.text).join('\n\n')).toBe(markdown.trimEnd());
  });

  it('renders a photo post: a paragraph of 900 and one of 5,000 image lines are images, not text', () => {
    const gallery = (count: number): string =>
      Array.from({ length: count }, (_, i) => `![Photo ${i} of the harbour at dusk](images/harbour-${i}.jpg)`).join(
        '\n',
      );
    for (const count of [900, 5_000]) {
      const markdown = `My trip in pictures.\n\n${gallery(count)}\n\nThe end.`;
      expect(overBudget(markdown)).toBeNull();
      const { html, warnings } = renderMarkdown(markdown);
      expect(warnings).toEqual([]);
      expect(html.match(/<img /g)?.length).toBe(count);
    }
  });

  it('shows only the paragraph over budget as text; the rest renders', () => {
    const bad = '](a)'.repeat(40_000);
    const { html } = renderMarkdown(`# Title\n\nSome *text* and [a link](https://example.com).\n\n${bad}\n\nAfter.`);
    expect(html).toMatch(
      /^<h1 id="user-content-title">Title<\/h1>\n<p>Some <em>text<\/em> and <a href="https:\/\/example.com"/,
    );
    expect(html).toContain(`<div><p role="note"><em>${TOO_COMPLEX_NOTE}: it has too many brackets`);
    expect(html).toMatch(/<\/pre><\/div>\n<p>After.<\/p>$/);
  });

  it('keeps fenced code whole and escapes what it shows', () => {
    const parts = budgetParts('```\n[\n\n<script>\n```\n\n' + '['.repeat(100));
    expect(parts?.map((part) => part.tooComplex === null)).toEqual([true, false]);
    const html = expectShownAsText('<script>alert(1)</script> ' + '['.repeat(100), /nests brackets/);
    expect(html).toContain('<pre>&#x3C;script>alert(1)&#x3C;/script> [[[');
    expect(html).not.toContain('<script');
  });

  it('keeps the note and the text through the sanitizer, after a heading made unique across parts', () => {
    const bad = '['.repeat(100);
    const { html } = renderMarkdown(`# A\n\n${bad}\n\n# A\n\n"quoted" & 'single'`);
    expect(html).toBe(
      '<h1 id="user-content-a">A</h1>\n' +
        `<div><p role="note"><em>${TOO_COMPLEX_NOTE}: it nests brackets (links or images) more than 32 deep.</em></p>` +
        `<pre>${bad}</pre></div>\n` +
        '<h1 id="user-content-a-1">A</h1>\n<p>"quoted" &#x26; \'single\'</p>',
    );
  });

  it('asks for the images of the parts it renders only', () => {
    const asked: string[] = [];
    renderMarkdown(`![a](a.png)\n\n${'['.repeat(100)}![b](b.png)`, { resolveImage: (src) => (asked.push(src), src) });
    expect(asked).toEqual(['a.png']);
  });
});

describe('what writers write stays within budget', () => {
  it('renders a wide table whose rows fill few cells, and the table after it', () => {
    const sparse = `| ${'h | '.repeat(10)}\n|${'---|'.repeat(10)}\n${'| x |\n'.repeat(40)}`;
    const { html, warnings } = renderMarkdown(`${sparse}\n${'| a | b |\n|---|---|\n| 1 | 2 |\n\n'.repeat(50)}`);
    expect(warnings).toEqual([]);
    expect(html.match(/<table>/g)?.length).toBe(51);
    expect(html.match(/<td><\/td>/g)?.length).toBe(40 * 9);
  });

  it('renders a long destination used a few times, and many short ones used often', () => {
    const long = `[a]: data:image/png;base64,${'A'.repeat(40_000)}\n\n${'![x][a] '.repeat(20)}`;
    expect(renderMarkdown(long).warnings).toEqual([]);
    const uses = times(500, (p) => `${times(10, (i) => `[r${(p * 10 + i) % 200}] `)}\n\n`);
    const short = `${times(200, (i) => `[r${i}]: https://example.com/${i}\n`)}\n${uses}`;
    const { html, warnings } = renderMarkdown(short);
    expect(warnings).toEqual([]);
    expect(html.match(/<a href/g)?.length).toBe(5_000);
  });

  it('renders a paragraph of 70,000 links as links (140,000 nodes spread into one call overflowed the stack)', () => {
    const { html, warnings } = renderMarkdown('www.a.bc '.repeat(70_000));
    expect(warnings).toEqual([]);
    expect(html.match(/<a href="http:\/\/www\.a\.bc">/g)?.length).toBe(70_000);
  });

  it.each([
    ['200 links in one paragraph', times(200, (i) => `[link ${i}](https://example.com/${i}) `)],
    [
      '500 links and images in one paragraph',
      times(500, (i) => `[l${i}](https://e.com/${i}) ![i${i}](https://e.com/${i}.png)\n`),
    ],
    ['a list of 5,000 links', times(5_000, (i) => `- [Item ${i}](https://example.com/${i}) — a note\n  that wraps\n`)],
    ['brackets nested to the limit', '['.repeat(MAX_BRACKET_DEPTH) + 'x' + '](y)'.repeat(MAX_BRACKET_DEPTH)],
    ['emphasis to the limit', '*a* '.repeat(MAX_DELIMITERS / 2)],
    ['snake_case code identifiers', 'some_name_here '.repeat(10_000)],
    ['200 footnotes', times(200, (i) => `Note[^${i}]. `) + '\n\n' + times(200, (i) => `[^${i}]: Text ${i}\n`)],
    ['100 block quotes and lists', times(100, (i) => `Text ${i}\n\n> Quote ${i}\n\n- item ${i}\n\n`)],
    ['a block quote of 5,000 lines', '> line\n'.repeat(5_000)],
    ['a tight list of 20,000 items', '- item\n'.repeat(20_000)],
    ['LaTeX display math', '\\[ x^2 \\] and \\[ y \\]\n'.repeat(200)],
  ])('%s', (_name, markdown) => {
    expect(overBudget(markdown)).toBeNull();
  });

  it('gives 200,000 equal headings unique ids (each search for a free id started at 1: hours)', () => {
    const heading = (): Element => ({
      type: 'element',
      tagName: 'h2',
      properties: {},
      children: [{ type: 'text', value: 'a' }],
    });
    const tree: Root = { type: 'root', children: Array.from({ length: 200_000 }, heading) };
    rehypeHeadingIds()(tree);
    const ids = tree.children.map((node) => (node.type === 'element' ? node.properties.id : null));
    expect(ids.slice(0, 3)).toEqual(['a', 'a-1', 'a-2']);
    expect(ids.at(-1)).toBe('a-199999');
  });

  it('gives the smallest free number, around ids the author chose', () => {
    const { html } = renderMarkdown('<h2 id="a-2">x</h2>\n\n# a\n\n# a\n\n# a\n\n# a');
    const ids = [...html.matchAll(/<h1 id="user-content-([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['a', 'a-1', 'a-3', 'a-4']);
  });
});

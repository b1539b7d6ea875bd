import { describe, expect, it } from 'vitest';
import { blockSpans, splitBlocks } from './blocks';
import { renderMarkdown } from './render';

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

  it('keeps the blank lines at the end of an unclosed fence, which runs to the end of the text', () => {
    const text = 'para\n\n```\ncode\n\nmore\n\n  \n';
    expect(splitBlocks(text)).toEqual(['para', '```\ncode\n\nmore\n\n  \n']);
    // They are in its code, as a whole render has them.
    expect(renderMarkdown(text).html).toContain('more\n\n  \n</code>');
  });

  it('refuses to split a text with a lone CR, which ends a line for the parser', () => {
    expect(splitBlocks('a\r```\n\nb')).toBeNull();
    expect(splitBlocks('a\n```\n\nb')).toEqual(['a\n```\n\nb']);
  });

  it('splits definitions like other blocks, a footnote with its indented paragraphs', () => {
    expect(splitBlocks('a [x][y]\n\n[y]: https://example.com')).toEqual(['a [x][y]', '[y]: https://example.com']);
    expect(splitBlocks('a[^1]\n\n[^1]: note\n\n    more of it\n\nafter')).toEqual([
      'a[^1]',
      '[^1]: note\n\n    more of it',
      'after',
    ]);
  });

  it('refuses to split documents with raw HTML that may reach the next block', () => {
    expect(splitBlocks('<div>\n\n*md*\n\n</div>')).toBeNull();
    expect(splitBlocks('a <b>bold\n\nnext')).toBeNull();
    expect(splitBlocks('<!-- an unclosed comment\n\nnext -->')).toBeNull();
    expect(splitBlocks('<!-- a --> then <!-- b\n\nnext')).toBeNull();
    expect(splitBlocks('a <br class="x">\n\nnext')).toBeNull();
    expect(splitBlocks('`Vec<String>`\n\nnext')).toBeNull();
  });

  it('splits around HTML that cannot reach the next block: a closed comment, <br>, autolinks', () => {
    const text =
      'Intro\n\n<!-- more -->\n\nOne<br>\ntwo<br/> <hr />\n\nSee <https://example.com/a?b> and <me@example.com>.';
    expect(splitBlocks(text)).toEqual([
      'Intro',
      '<!-- more -->',
      'One<br>\ntwo<br/> <hr />',
      'See <https://example.com/a?b> and <me@example.com>.',
    ]);
  });
});

describe('blockSpans', () => {
  it('gives where each block lies, so the text between is only blank lines', () => {
    const text = '\n# A\n\npara\n- a\n\n  b\n\n\n```\nx\n\n```\nend\n';
    const spans = blockSpans(text) ?? [];
    expect(spans.map(([start, end]) => text.slice(start, end))).toEqual([
      '# A',
      'para\n- a\n\n  b',
      '```\nx\n\n```\nend',
    ]);
    const between = spans.map(([, end], i) => text.slice(end, spans[i + 1]?.[0] ?? text.length));
    for (const gap of between) expect(gap).toMatch(/^\s*$/);
  });
});

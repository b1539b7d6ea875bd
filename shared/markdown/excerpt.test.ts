import { describe, expect, it } from 'vitest';
import { excerptOf } from './excerpt';
import { renderMarkdown } from './render';

describe('excerptOf', () => {
  it('skips paragraphs with no text, such as an opening image', () => {
    const html = renderMarkdown(
      '![A cover](cover.png)\n\n[![](badge.png)](https://example.com)\n\nThe first words.\n',
    ).html;
    expect(excerptOf(html)).toBe('The first words.');
  });

  it('reads the first paragraph, entities decoded, cut at a word', () => {
    expect(excerptOf('<p>Tom &amp; <em>Jerry</em></p><p>Later.</p>')).toBe('Tom & Jerry');
    expect(excerptOf('<p>one two three four</p>', 10)).toBe('one two…');
    expect(excerptOf('<p><img src="a.png" alt="a"></p>')).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../shared/markdown/render';
import { absoluteUrls } from './feed';

const PAGE = 'https://example.com/blog/notes/third/';

/** A body as the pipeline renders it: what the feed is given. */
const rendered = (markdown: string): string => renderMarkdown(markdown).html;

describe('absoluteUrls', () => {
  it('reads relative links, images and sources against the page, and leaves URLs with a scheme as written', () => {
    const html = rendered(
      '[up](../other/) [here](#part) [root](/about/) [web](https://Example.com/A?b&c) [mail](mailto:me@example.com)\n\n![pic](pic.png)\n\n<blockquote cite="said.html">Said.</blockquote>\n',
    );
    expect(absoluteUrls(html, PAGE)).toBe(
      '<p><a href="https://example.com/blog/notes/other/">up</a> <a href="https://example.com/blog/notes/third/#user-content-part">here</a> <a href="https://example.com/about/">root</a> <a href="https://Example.com/A?b&#x26;c">web</a> <a href="mailto:me@example.com">mail</a></p>\n<p><img src="https://example.com/blog/notes/third/pic.png" alt="pic"></p>\n<blockquote cite="https://example.com/blog/notes/third/said.html">Said.</blockquote>',
    );
  });

  it('reads the references the serializer writes in a value, and writes `&` as one again', () => {
    const html = rendered('[q](page.html?a=1&b="2"&c=<3>)\n');
    expect(html).toContain('href="page.html?a=1&#x26;b=%222%22&#x26;c=%3C3%3E"');
    expect(absoluteUrls(html, PAGE)).toBe(
      '<p><a href="https://example.com/blog/notes/third/page.html?a=1&#x26;b=%222%22&#x26;c=%3C3%3E">q</a></p>',
    );
    // A quote or bracket the serializer wrote as a reference is percent-encoded by the URL parser.
    expect(absoluteUrls('<a href="a&#x22;b&#x3C;c&#x3E;">x</a>', PAGE)).toBe(
      '<a href="https://example.com/blog/notes/third/a%22b%3Cc%3E">x</a>',
    );
  });

  it('changes nothing outside tags: text and code that show an href are left as written', () => {
    const html = rendered(
      'He wrote href="x" and src="y".\n\n```html\n<a href="page.html">x</a>\n```\n\n`<img src="a.png">`\n',
    );
    expect(html).toContain('href="x"');
    expect(absoluteUrls(html, PAGE)).toBe(html);
  });

  it('leaves a value it cannot read as a URL, and one with an impossible reference, as it was', () => {
    expect(absoluteUrls('<a href="http://[::1">x</a>', PAGE)).toBe('<a href="http://[::1">x</a>');
    expect(absoluteUrls('<a href="a&#x110000;">x</a>', PAGE)).toBe(
      '<a href="https://example.com/blog/notes/third/a&#x26;#x110000;">x</a>',
    );
  });
});

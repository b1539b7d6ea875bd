import { describe, expect, it } from 'vitest';
import type { FrontMatterField } from '../../shared/api/contract';
import { publishingHints, relativeImages, renderHints } from './hints';

const text = (key: string, value: string): FrontMatterField => ({ key, kind: 'text', value });
const ids = new Set(['notes/a.md', 'notes/b.md', 'top.md']);

function keys(fields: FrontMatterField[], body = '', postId = 'notes/a.md', missing: string[] = []): string[] {
  return publishingHints({ postId, fields, body, postIds: ids, missingImages: new Set(missing) }).map(
    (hint) => hint.key,
  );
}

describe('publishingHints', () => {
  const good = [text('title', 'A fine title'), text('description', 'Short and clear.')];

  it('says nothing about a post ready to publish', () => {
    expect(keys(good, 'Text with ![a cat](cat.png) and [a link](b.md) and [up](../top.md).\n')).toEqual([]);
  });

  it('flags a long title and a missing or long description', () => {
    expect(keys([text('title', 'x'.repeat(61)), text('description', 'ok')])).toEqual(['title']);
    expect(keys([text('title', 'ok')])).toEqual(['description']);
    expect(keys([text('title', 'ok'), text('summary', 'y'.repeat(161))])).toEqual(['description']);
  });

  it('flags images without alt text, outside code only', () => {
    expect(keys(good, '![](a.png)\n<img src="b.png">\n<img alt="fine" src="c.png">\n')).toEqual(['alt']);
    expect(keys(good, '```\n![](a.png)\n```\n')).toEqual([]);
  });

  it('flags relative links to posts that are not there', () => {
    expect(keys(good, '[gone](missing.md) [fine](b.md#part) [site](https://x.org/a.md)')).toEqual(['link:missing.md']);
  });

  it('flags a draft flag still on', () => {
    expect(keys([...good, { key: 'draft', kind: 'boolean', value: true }])).toEqual(['draft']);
    expect(keys([...good, { key: 'draft', kind: 'boolean', value: false }])).toEqual([]);
    // As the list and the export read it: a flag written as text or a number is on too.
    expect(keys([...good, { key: 'draft', kind: 'text', value: 'yes' }])).toEqual(['draft']);
  });

  it('flags a title over 60 characters, not one of exactly 60 (counted in characters, not UTF-16 units)', () => {
    expect(keys([text('title', 'x'.repeat(60)), text('description', 'ok')])).toEqual([]);
    expect(keys([text('title', '😀'.repeat(60)), text('description', 'ok')])).toEqual([]);
    expect(keys([text('title', '😀'.repeat(61)), text('description', 'ok')])).toEqual(['title']);
  });

  it('flags an empty description like a missing one', () => {
    expect(keys([text('title', 'ok'), text('description', '  ')])).toEqual(['description']);
    expect(keys([text('title', 'ok'), text('excerpt', 'Fine.')])).toEqual([]);
  });

  it('flags relative images that are not in the posts folder, or that point outside it', () => {
    const body = '![a cat](cat.png) ![a dog](../dog.png) ![up](../../../etc/x.png) <img alt="b" src="pics/b.jpg">';
    expect(keys(good, body, 'notes/a.md', ['notes/cat.png', 'notes/pics/b.jpg'])).toEqual([
      'image:cat.png',
      'image:../../../etc/x.png',
      'image:pics/b.jpg',
    ]);
    const hints = publishingHints({
      postId: 'notes/a.md',
      fields: good,
      body,
      postIds: ids,
      missingImages: new Set(['notes/cat.png']),
    });
    expect(hints.map((hint) => hint.text)).toContain('The image cat.png is not in the posts folder.');
  });

  it('leaves site-absolute, external, data, template and fenced images alone', () => {
    const body =
      '![a](/assets/a.png) ![b](https://x.org/b.png) ![c](data:image/png;base64,AA) ' +
      '![d]({{ site.baseurl }}/d.png)\n```\n![e](e.png)\n```\n';
    expect(relativeImages('notes/a.md', body.replace(/```[\s\S]*```/, ''))).toEqual([]);
    expect(keys(good, body, 'notes/a.md', ['notes/e.png'])).toEqual([]);
  });

  it('reads image sources in angle brackets, with titles, and each source once', () => {
    expect(
      relativeImages('a/b.md', '![x](<my pic.png>) ![y](pic.png "Title") ![z](pic.png) <img src=raw.gif>'),
    ).toEqual([
      { src: 'my pic.png', path: 'a/my pic.png' },
      { src: 'pic.png', path: 'a/pic.png' },
      { src: 'raw.gif', path: 'a/raw.gif' },
    ]);
  });
});

describe('renderHints', () => {
  it('says where raw HTML is left out, once per warning, and keeps other warnings as written', () => {
    const hints = renderHints([
      'Raw HTML <script> was left out.',
      'Link to "javascript:alert(1)" removed: it runs code.',
      'Raw HTML <script> was left out.',
    ]);
    expect(hints.map((hint) => hint.text)).toEqual([
      'Raw HTML <script> is left out of the preview and the exported page.',
      'Link to "javascript:alert(1)" removed: it runs code.',
    ]);
    expect(new Set(hints.map((hint) => hint.key)).size).toBe(2);
  });

  it('has nothing to say when the preview left nothing out', () => {
    expect(renderHints([])).toEqual([]);
  });
});

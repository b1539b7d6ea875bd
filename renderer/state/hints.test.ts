import { describe, expect, it } from 'vitest';
import type { FrontMatterField } from '../../shared/api/contract';
import { publishingHints } from './hints';

const text = (key: string, value: string): FrontMatterField => ({ key, kind: 'text', value });
const ids = new Set(['notes/a.md', 'notes/b.md', 'top.md']);

function keys(fields: FrontMatterField[], body = '', postId = 'notes/a.md'): string[] {
  return publishingHints({ postId, fields, body, postIds: ids }).map((hint) => hint.key);
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
  });
});

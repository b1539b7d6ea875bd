import { describe, expect, it } from 'vitest';
import { imageUrl, linkTarget, resolvePostPath } from './urls';

describe('image sources', () => {
  it('resolves relative to the post folder and encodes each segment', () => {
    expect(imageUrl('2024/trip/post.md', 'img/my photo.png')).toBe('/files/2024/trip/img/my%20photo.png');
    expect(imageUrl('2024/trip/post.md', './a%20b.png?x=1#y')).toBe('/files/2024/trip/a%20b.png');
    expect(imageUrl('2024/trip/post.md', '../cover.jpg')).toBe('/files/2024/cover.jpg');
    expect(imageUrl('post.md', '/images/a.png')).toBe('/files/images/a.png');
    expect(imageUrl('post.md', 'café.png')).toBe('/files/caf%C3%A9.png');
    expect(imageUrl('post.md', 'a%231.png')).toBe('/files/a%231.png');
  });

  it('drops anything that climbs out of the posts folder or is not a local path', () => {
    expect(imageUrl('2024/post.md', '../../etc/passwd')).toBeNull();
    expect(imageUrl('post.md', '%2e%2e/secret.png')).toBeNull();
    expect(imageUrl('post.md', '..\\x.png')).toBeNull();
    expect(imageUrl('post.md', 'https://tracker.example/p.gif')).toBeNull();
    expect(imageUrl('post.md', '//tracker.example/p.gif')).toBeNull();
    expect(imageUrl('post.md', 'data:image/png;base64,AAAA')).toBeNull();
    expect(imageUrl('post.md', 'file:///etc/passwd')).toBeNull();
    expect(imageUrl('post.md', 'a%00.png')).toBeNull();
    expect(imageUrl('post.md', '%E0%A4%A')).toBeNull();
    expect(resolvePostPath('post.md', '.')).toBeNull();
  });
});

describe('preview links', () => {
  it('scrolls for in-page anchors', () => {
    expect(linkTarget('p.md', '#user-content-fn-1')).toEqual({ kind: 'anchor', fragment: 'user-content-fn-1' });
  });

  it('opens http(s) and mailto outside the app', () => {
    expect(linkTarget('p.md', 'https://example.com/a b')).toEqual({
      kind: 'external',
      url: 'https://example.com/a%20b',
    });
    expect(linkTarget('p.md', 'mailto:me@example.com')).toEqual({ kind: 'external', url: 'mailto:me@example.com' });
  });

  it('opens another post for a relative Markdown link', () => {
    expect(linkTarget('blog/a.md', '../notes/b.md#part')).toEqual({ kind: 'post', id: 'notes/b.md' });
  });

  it('does nothing for anything else', () => {
    expect(linkTarget('p.md', 'javascript:alert(1)')).toEqual({ kind: 'none' });
    expect(linkTarget('p.md', 'file:///etc/passwd')).toEqual({ kind: 'none' });
    expect(linkTarget('p.md', 'img/photo.png')).toEqual({ kind: 'none' });
    expect(linkTarget('p.md', '../../x.md')).toEqual({ kind: 'none' });
  });
});

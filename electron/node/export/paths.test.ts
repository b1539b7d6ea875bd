import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { derivedPageFile, pageFileForPath, publicUrl, relativeHref, trimSlashes } from './paths';

describe('pageFileForPath', () => {
  it.each([
    ['/blog/focus-is-the-ultimate-process', 'blog/focus-is-the-ultimate-process/index.html'],
    ['/blog/x/', 'blog/x/index.html'],
    ['blog/x', 'blog/x/index.html'],
    ['/about.html', 'about.html'],
    ['/caf%C3%A9/', 'café/index.html'],
  ])('%s → %s', (input, expected) => {
    expect(pageFileForPath(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['/../x', /"\.\." segments/],
    ['/blog/../../x', /"\.\." segments/],
    ['/%2e%2e/x', /"\.\." segments/],
    ['/a\\..\\b', /not allowed/],
    ['C:/Windows', /full URL/],
    ['https://evil.example/x', /full URL/],
    ['//evil.example/x', /full URL/],
    ['/', /home page/],
    ['/x?y', /"\?" or "#"/],
    ['/%zz', /%-escape/],
    ['/tags/x', /needs for itself/],
    ['/assets', /needs for itself/],
    ['/con/x', /reserved name/],
    ['/a\u0000b', /control characters/],
  ])('refuses %j', (input, message) => {
    const result = pageFileForPath(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(message);
  });
});

describe('derivedPageFile', () => {
  it.each([
    ['hello.md', undefined, 'hello/index.html'],
    ['2020/My Post.markdown', undefined, '2020/my-post/index.html'],
    ['bundle/index.md', undefined, 'bundle/index.html'],
    ['blog/bundle/index.md', 'Custom Slug', 'blog/custom-slug/index.html'],
    ['docs/a.md', '../../x', 'docs/x/index.html'],
    ['tags.md', undefined, 'tags-post/index.html'],
    // A name in another script keeps its letters (its links are %-encoded by relativeHref).
    ['日本語.md', undefined, '日本語/index.html'],
    ['🙂.md', undefined, 'post/index.html'],
  ])('%s (slug %s) → %s', (id, slug, expected) => {
    expect(derivedPageFile(id, slug)).toBe(expected);
  });
});

describe('relativeHref and publicUrl', () => {
  it('links between output files relatively, with explicit index.html', () => {
    expect(relativeHref('blog/x/index.html', 'index.html')).toBe('../../index.html');
    expect(relativeHref('index.html', 'blog/x/index.html')).toBe('blog/x/index.html');
    expect(relativeHref('a/index.html', 'a/index.html')).toBe('index.html');
    expect(relativeHref('index.html', 'café #1/index.html')).toBe('caf%C3%A9%20%231/index.html');
  });

  it("answers as path.posix.relative from the first file's folder, for every pair of a small tree and odd paths", () => {
    // Every path of up to three segments over names that share prefixes (`a`, `ab`), repeat, or need encoding.
    const names = ['a', 'ab', 'b', 'index.html', 'café #1'];
    const paths: string[] = [];
    const grow = (prefix: string, depth: number): void => {
      for (const name of names) {
        const p = prefix === '' ? name : `${prefix}/${name}`;
        paths.push(p);
        if (depth > 1) grow(p, depth - 1);
      }
    };
    grow('', 3);
    const odd = [
      '',
      '/',
      '/a/b.html',
      'a/',
      'a//b.html',
      './a.html',
      'a/./b.html',
      'a/../b.html',
      '..',
      '../a.html',
      'a/..',
      '.',
    ];
    const expected = (from: string, to: string): string =>
      path.posix
        .relative(path.posix.dirname(from), to)
        .split('/')
        .map((segment) => (segment === '..' ? segment : encodeURIComponent(segment)))
        .join('/');
    let compared = 0;
    for (const from of [...paths, ...odd]) {
      for (const to of [...paths, ...odd]) {
        const got = relativeHref(from, to);
        if (got !== expected(from, to)) expect({ from, to, got }).toEqual({ from, to, got: expected(from, to) });
        compared += 1;
      }
    }
    expect(compared).toBe((155 + odd.length) ** 2);
  });

  it('gives public URLs without index.html', () => {
    expect(publicUrl('https://x.example/', 'blog/a/index.html')).toBe('https://x.example/blog/a/');
    expect(publicUrl('https://x.example/', 'index.html')).toBe('https://x.example/');
    expect(publicUrl('https://x.example/', 'about.html')).toBe('https://x.example/about.html');
  });
});

describe('a path of 300,000 slashes', () => {
  // `/^\/+|\/+$/g` read the run to its end from each of its places: 100,000 held an export 10 s.
  it('is trimmed and judged in linear time', () => {
    const slashes = '/'.repeat(300_000);
    expect(trimSlashes(`${slashes}a/b${slashes}`)).toBe('a/b');
    expect(pageFileForPath(`/blog/post${slashes}`)).toEqual(pageFileForPath('/blog/post'));
    expect(pageFileForPath(`a${slashes}x`).ok).toBe(false);
  });
});

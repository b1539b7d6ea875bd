import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../shared/markdown/render';
import { renderListPage, renderPostPage } from './page';
import { htmlProblems, pageProblems } from './testing';

describe('renderPostPage', () => {
  const body = renderMarkdown(
    'Hello **world**.\n\n| a |\n|---|\n| 1 |\n\n```ts\nconst x: number = 1;\n```\n\nNote[^n].\n\n[^n]: Here.',
  ).html;

  it('is a valid standalone HTML5 page with a strict CSP and no script', async () => {
    const html = renderPostPage({ title: 'Focus', date: '2016-05-26', bodyHtml: body, nav: { home: '../index.html' } });
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(await htmlProblems(html)).toEqual([]);
    expect(pageProblems(html)).toEqual([]);
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data: https:; base-uri 'none'; form-action 'none'">`,
    );
    expect(html).not.toMatch(/<script|script-src/);
    expect(html).toContain('@media (prefers-color-scheme: dark)');
  });

  it('links the posts beside it in a named navigation, valid and escaped, and none when it has none', async () => {
    const neighbours = {
      newer: { title: 'Newer <one>', href: '../new "one"/index.html', label: 'Newer post' },
      older: { title: 'ألف', href: '../old/index.html', label: 'Older post' },
    };
    const html = renderPostPage({ title: 'Focus', bodyHtml: body, nav: { home: '../index.html' }, neighbours });
    expect(await htmlProblems(html)).toEqual([]);
    expect(pageProblems(html)).toEqual([]);
    expect(html).toContain(
      '<nav class="post-nav" aria-label="More posts"><a class="newer" href="../new &quot;one&quot;/index.html"><span class="post-nav-label">Newer post</span> <bdi>Newer &lt;one&gt;</bdi></a>\n<a class="older" href="../old/index.html"><span class="post-nav-label">Older post</span> <bdi>ألف</bdi></a></nav>',
    );
    // After the post and its tags, inside main.
    expect(html.indexOf('</article>')).toBeLessThan(html.indexOf('<nav class="post-nav"'));
    expect(html.indexOf('<nav class="post-nav"')).toBeLessThan(html.indexOf('</main>'));
    expect(renderPostPage({ title: 'Alone', bodyHtml: body })).not.toContain('<nav class="post-nav"');
    expect(renderPostPage({ title: 'Alone', bodyHtml: body, neighbours: {} })).not.toContain('<nav class="post-nav"');
  });

  it('escapes front-matter values into the title, meta tags and text', async () => {
    const html = renderPostPage({
      title: '</title><script>alert(1)</script>',
      description: '"><img src=x onerror=alert(1)>',
      date: '<b>May</b> 26',
      siteTitle: 'My "Blog" & Co',
      canonicalUrl: 'https://example.com/a?b=1&c="2"',
      image: 'https://example.com/i.png"><script>',
      bodyHtml: '<p>x</p>',
    });
    expect(html).toContain(
      '<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; · My &quot;Blog&quot; &amp; Co</title>',
    );
    expect(html).toContain('<meta name="description" content="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">');
    expect(html).toContain('<meta property="og:description" content="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">');
    expect(html).toContain('<p class="post-date">&lt;b&gt;May&lt;/b&gt; 26</p>');
    expect(pageProblems(html)).toEqual([]);
    expect(await htmlProblems(html)).toEqual([]);
  });

  it('shows the date exactly as written and can leave the heading to the body', () => {
    const html = renderPostPage({ title: 'T', date: 'Jul 08 2022', bodyHtml: '<h1>T</h1>', heading: false });
    expect(html).toContain('<p class="post-date"><time datetime="2022-07-08">Jul 08 2022</time></p>');
    expect(html.match(/<h1>/g)).toHaveLength(1);
  });

  it('allows the author stylesheet only when one is linked', () => {
    const html = renderPostPage({ title: 'T', bodyHtml: '', cssHref: 'theme.css' });
    expect(html).toContain("style-src 'self' 'unsafe-inline'");
    expect(html).toContain('<link rel="stylesheet" href="theme.css">');
  });
});

describe('renderListPage', () => {
  it('is valid HTML and escapes entries', async () => {
    const html = renderListPage({
      title: 'Blog',
      entries: [{ title: '<i>A</i>', href: 'a/index.html', date: '2020-01-01', summary: 'x & y' }],
      nav: { home: 'index.html', tags: 'tags/index.html' },
    });
    expect(html).toContain('<a href="a/index.html">&lt;i&gt;A&lt;/i&gt;</a>');
    expect(html).toContain('<p>x &amp; y</p>');
    expect(await htmlProblems(html)).toEqual([]);
  });

  it('says so when there is nothing to list', async () => {
    const html = renderListPage({ title: 'Blog', entries: [] });
    expect(html).toContain('<p>Nothing here yet.</p>');
    expect(await htmlProblems(html)).toEqual([]);
  });
});

import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../shared/markdown/render';
import { plainAnchors, plainIds } from './anchors';
import { exportSite } from './site';
import { brokenReferences } from './testing';

/** Every id and name the HTML gives an element. */
function idsOf(html: string): string[] {
  return [...html.matchAll(/<[a-z][^>]*? (?:id|name)="([^"]*)"/g)].map((match) => match[1] ?? '');
}

describe('plainIds', () => {
  it('gives headings the ids other generators give them, and same-page links follow', () => {
    const html = plainIds(renderMarkdown('## Getting started\n\nSee [below](#getting-started).\n').html);
    expect(html).toContain('<h2 id="getting-started">Getting started</h2>');
    expect(html).toContain('<a href="#getting-started">below</a>');
    expect(html).not.toContain('user-content-');
  });

  it("keeps footnotes' calls, back links and labels pointing at each other", () => {
    const html = plainIds(renderMarkdown('Said[^a].\n\n[^a]: Where.\n').html);
    expect(html).not.toContain('user-content-');
    const ids = new Set(idsOf(html));
    const targets = [...html.matchAll(/ href="#([^"]*)"/g)].map((match) => match[1]);
    const described = [...html.matchAll(/ aria-describedby="([^"]*)"/g)].flatMap((match) =>
      (match[1] ?? '').split(' '),
    );
    expect(targets.length).toBeGreaterThanOrEqual(2);
    expect(described.length).toBeGreaterThanOrEqual(1);
    for (const id of [...targets, ...described]) expect(ids, id).toContain(id);
  });

  it("leaves the author's links to other pages as written, a prefix and all (review 25)", () => {
    const source = '[a](/archive/old-post/#user-content-setup) [d](../docs/page.html#user-content-intro)\n';
    const html = plainIds(renderMarkdown(source).html);
    expect(html).toContain('href="/archive/old-post/#user-content-setup"');
    expect(html).toContain('href="../docs/page.html#user-content-intro"');
  });

  it('leaves text, code and other sites alone', () => {
    const source = [
      'Write `<h2 id="user-content-x">` to see it.',
      '',
      '```html',
      '<a href="#user-content-x" name="user-content-y">',
      '```',
      '',
      '[GitHub](https://github.com/o/r#user-content-install) [host](//example.org/p#user-content-a)',
    ].join('\n');
    const before = renderMarkdown(source).html;
    const after = plainIds(before);
    // Only tags change, and here no tag carries an id or a link to one of ours.
    expect(after).toBe(before);
    expect(after).toContain('href="https://github.com/o/r#user-content-install"');
    expect(after).toContain('<code>&#x3C;h2 id="user-content-x"></code>');
  });

  it("makes a link's name plain, and keeps an image's or a form field's name prefixed", () => {
    const html = plainIds(renderMarkdown('<a name="setup">x</a> <img name="cookie" src="a.png" alt="">\n').html);
    expect(html).toContain('<a name="setup">');
    expect(html).toContain('name="user-content-cookie"');
  });

  it('keeps ids that were distinct distinct, an author-written prefix included', () => {
    const html = plainIds(
      renderMarkdown('<a id="user-content-a">one</a> <a id="a">two</a> <a name="b">three</a>\n\n# A\n').html,
    );
    const ids = idsOf(html);
    expect(ids).toEqual(expect.arrayContaining(['user-content-a', 'a', 'b']));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('plainAnchors (a feed entry)', () => {
  it('takes the prefix off links to the page’s own anchors only, never off ids', () => {
    const html = plainAnchors(renderMarkdown('## Top\n\n[up](#top) and a note[^1].\n\n[^1]: Said.\n').html);
    expect(html).toContain('<a href="#top">up</a>');
    expect(html).toContain('<h2 id="user-content-top">Top</h2>');
    expect(html).not.toMatch(/ href="#user-content-/);
  });
});

describe('deep links into an exported site', () => {
  let tmp: string;
  beforeEach(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'pw-anchors-'));
  });
  afterEach(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('reach a heading by the GitHub-style id Hugo gave it, on the page and in the feed', async () => {
    const posts = path.join(tmp, 'posts');
    await mkdir(posts);
    await writeFile(
      path.join(posts, 'setup.md'),
      '---\ntitle: Setup\ndate: 2024-01-02\n---\n## Installing\n\nSteps[^1].\n\n[^1]: Carefully.\n',
    );
    await writeFile(
      path.join(posts, 'later.md'),
      '---\ntitle: Later\ndate: 2024-02-03\n---\nSee [installing](setup.md#installing) and [here](#top).\n\n## Top\n',
    );
    const out = path.join(tmp, 'site');
    await exportSite({ postsDir: posts, outDir: out, siteUrl: 'https://example.org/' });
    const setup = await readFile(path.join(out, 'setup/index.html'), 'utf8');
    expect(setup).toContain('<h2 id="installing">Installing</h2>');
    const later = await readFile(path.join(out, 'later/index.html'), 'utf8');
    expect(later).toContain('href="../setup/index.html#installing"');
    expect(later).toContain('href="#top"');
    expect(later).not.toContain('user-content-');
    const feed = await readFile(path.join(out, 'feed.xml'), 'utf8');
    expect(feed).toContain('href=&quot;https://example.org/setup/index.html#installing&quot;');
    expect(feed).toContain('href=&quot;https://example.org/later/#top&quot;');
    // A feed's entries are shown in readers' pages, which run scripts: its ids keep the prefix.
    expect(feed).toContain('id=&quot;user-content-top&quot;');
    expect(feed).not.toMatch(/ id=&quot;(?!user-content-)/);
    // Every fragment on every page reaches an element of its page.
    expect(await brokenReferences(out)).toEqual([]);
  });
});

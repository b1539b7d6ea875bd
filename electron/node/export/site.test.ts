import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FEED_ENTRIES } from './lists';
import { summarizePost } from '../frontmatter/index';
import { exportSite } from './site';
import { PNG, brokenReferences, filesBelow, htmlProblems, pageProblems, xmlProblem } from './testing';

let tmp: string;
let posts: string;
let out: string;

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'pw-export-'));
  posts = path.join(tmp, 'posts');
  out = path.join(tmp, 'site');
  await mkdir(posts);
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function put(rel: string, content: string | Buffer): Promise<void> {
  await mkdir(path.dirname(path.join(posts, rel)), { recursive: true });
  await writeFile(path.join(posts, rel), content);
}

async function blog(): Promise<void> {
  await put(
    'focus.md',
    '---\npath:\t"/blog/focus"\ndate:\t"2016-05-26"\ntitle:\t"Focus & <Process>"\ntags: [work, "C#"]\n---\nFocus first. See [the next](second.md#more) and [root](/blog/focus).\n\n![dot](img/dot.png)\n',
  );
  await put(
    'second.md',
    '---\ntitle: Second\ndate: 2017-01-02\ndescription: The "second" one\ntags: [work]\n---\n# Second\n\n## More\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n\n- [x] done\n\nNote[^1].\n\n[^1]: Footnote.\n\n```js\nlet x = 1;\n```\n',
  );
  await put(
    '2020/nested/index.md',
    '---\ntitle: Bundle\ndate: 2020-03-04\n---\n![same dot](../../img/dot.png) ![remote](https://cdn.example.com/a.png)\n',
  );
  await put('draft.md', '---\ntitle: Secret\ndraft: true\n---\nNot yet.\n');
  await put('img/dot.png', PNG);
  await writeFile(path.join(tmp, 'outside.png'), PNG);
  await put('leaky.md', '---\ntitle: Leaky\n---\n![x](../outside.png) ![y](img/missing.png)\n');
}

describe('exportSite', () => {
  it('writes one page per post at its path, an index, tag pages, feed and sitemap', async () => {
    await blog();
    const progress: string[] = [];
    const result = await exportSite({
      postsDir: posts,
      outDir: out,
      siteUrl: 'https://example.com/',
      onProgress: (done, total) => progress.push(`${done}/${total}`),
      now: (() => {
        let t = 0;
        return () => (t += 5);
      })(),
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ posts: 4, ms: 5 });
    expect(progress).toEqual(['0/4', '1/4', '2/4', '3/4', '4/4']);
    const files = await filesBelow(out);
    expect(files).toEqual(
      expect.arrayContaining([
        'index.html',
        'blog/focus/index.html',
        'second/index.html',
        '2020/nested/index.html',
        'leaky/index.html',
        'tags/index.html',
        'tags/work/index.html',
        'tags/c-sharp/index.html',
        'feed.xml',
        'sitemap.xml',
      ]),
    );
    expect(files.filter((f) => f.startsWith('assets/'))).toHaveLength(1);
    expect(files.some((f) => f.includes('secret') || f.includes('draft'))).toBe(false);
    expect(result.value.pages).toBe(files.filter((f) => f.endsWith('.html')).length);
  });

  it('produces valid HTML whose every link and image resolves', async () => {
    await blog();
    const result = await exportSite({ postsDir: posts, outDir: out, siteUrl: 'https://example.com/blog/' });
    expect(result.ok).toBe(true);
    for (const file of (await filesBelow(out)).filter((f) => f.endsWith('.html'))) {
      const html = await readFile(path.join(out, file), 'utf8');
      expect({ file, problems: await htmlProblems(html) }).toEqual({ file, problems: [] });
      expect({ file, problems: pageProblems(html) }).toEqual({ file, problems: [] });
    }
    // `/blog/focus` is the author's own root-relative link to a post: it is rewritten to work from disk.
    expect(await brokenReferences(out)).toEqual([]);
  });

  it('escapes front matter, shows the date as written, and links posts to each other', async () => {
    await blog();
    await exportSite({ postsDir: posts, outDir: out });
    const focus = await readFile(path.join(out, 'blog/focus/index.html'), 'utf8');
    expect(focus).toContain('<title>Focus &amp; &lt;Process&gt; · Blog</title>');
    expect(focus).toContain('<p class="post-date"><time datetime="2016-05-26">26 May 2016</time></p>');
    expect(focus).toContain('href="../../second/index.html#more"');
    expect(focus).toContain('href="index.html">root</a>');
    expect(focus).toMatch(/<img src="\.\.\/\.\.\/assets\/[0-9a-f]{12}-dot\.png" alt="dot">/);
    const second = await readFile(path.join(out, 'second/index.html'), 'utf8');
    expect(second).toContain('<meta name="description" content="The &quot;second&quot; one">');
    // The body opens with its own H1: that is the title (shown once), with the date under it.
    expect(second).not.toContain('<h1>Second</h1>');
    expect(second.match(/<h1\b/g)).toHaveLength(1);
    expect(second).toContain('<h1 id="second">Second</h1>\n<p class="post-date">');
    const index = await readFile(path.join(out, 'index.html'), 'utf8');
    const order = ['Bundle', 'Second', 'Focus'].map((title) => index.indexOf(`>${title}`));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(index).not.toContain('Secret');
    expect(index).toContain('<p>The &quot;second&quot; one</p>');
    // The home page names the site once, as its heading; the other pages name it in a bar leading home.
    expect(index.slice(index.indexOf('<body')).match(/>Blog</g)).toHaveLength(1);
    expect(index).toContain('<h1>Blog</h1>');
    expect(index).not.toContain('<header class="site">');
    expect(focus).toContain('<header class="site"><a href="../../index.html">Blog</a></header>');
    const tags = await readFile(path.join(out, 'tags/index.html'), 'utf8');
    expect(tags).toContain('<header class="site"><a href="../index.html">Blog</a></header>');
  });

  it('writes a well-formed Atom feed and sitemap only when the site URL is known', async () => {
    await blog();
    await exportSite({ postsDir: posts, outDir: out, siteUrl: 'https://example.com/blog' });
    const feed = await readFile(path.join(out, 'feed.xml'), 'utf8');
    expect(xmlProblem(feed)).toBeNull();
    expect(feed).toContain('<link rel="self" type="application/atom+xml" href="https://example.com/blog/feed.xml"/>');
    expect(feed).toContain('<id>https://example.com/blog/blog/focus/</id>');
    expect(feed).toContain('<updated>2016-05-26T00:00:00Z</updated>');
    expect(xmlProblem(await readFile(path.join(out, 'sitemap.xml'), 'utf8'))).toBeNull();
    await exportSite({ postsDir: posts, outDir: out });
    expect(await filesBelow(out)).not.toContain('feed.xml');
  });

  it('keeps the newest posts in the feed and every post in the sitemap', async () => {
    const count = FEED_ENTRIES + 5;
    for (let i = 1; i <= count; i++) {
      const day = String(i).padStart(2, '0');
      await put(`p${day}.md`, `---\ntitle: Post ${day}\ndate: 2024-01-${day}\n---\n\nBody ${day}.\n`);
    }
    await exportSite({ postsDir: posts, outDir: out, siteUrl: 'https://example.com/' });
    const feed = await readFile(path.join(out, 'feed.xml'), 'utf8');
    const titles = [...feed.matchAll(/<entry>\s*<title>Post (\d+)<\/title>/g)].map((m) => Number(m[1]));
    expect(titles).toEqual(Array.from({ length: FEED_ENTRIES }, (_, i) => count - i));
    expect(feed).toContain(`<updated>2024-01-${String(count)}T00:00:00Z</updated>`);
    const sitemap = await readFile(path.join(out, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://example.com/p01/</loc>');
  });

  it('makes tags that differ only in case one tag, and keeps each tag page where it was when another tag arrives', async () => {
    await put('a.md', '---\ntitle: A\ndate: 2020-01-01\ntags: [CSS, C++]\n---\nA.\n');
    await put('b.md', '---\ntitle: B\ndate: 2021-01-01\ntags: [css]\n---\nB.\n');
    await put('c.md', '---\ntitle: C\ndate: 2022-01-01\ntags: [css, Go]\n---\nC.\n');
    await exportSite({ postsDir: posts, outDir: out });
    const tagFolders = async (): Promise<string[]> =>
      (await filesBelow(out)).filter((file) => file.startsWith('tags/')).sort();
    expect(await tagFolders()).toEqual([
      'tags/c-plus-plus/index.html',
      'tags/css/index.html',
      'tags/go/index.html',
      'tags/index.html',
    ]);
    // One page for CSS and css, named as most posts write it, listing all three posts' tags.
    const css = await readFile(path.join(out, 'tags/css/index.html'), 'utf8');
    expect(css).toContain('<h1>Tagged “css”</h1>');
    expect([...css.matchAll(/<h2><a href="[^"]+">([A-C])<\/a><\/h2>/g)].map((m) => m[1])).toEqual(['C', 'B', 'A']);
    // Each post links its tag as it wrote it, to that one page.
    expect(await readFile(path.join(out, 'a/index.html'), 'utf8')).toContain('href="../tags/css/index.html">#CSS</a>');
    const index = await readFile(path.join(out, 'tags/index.html'), 'utf8');
    expect(
      [...index.matchAll(/<h2><a href="[^"]+">([^<]+)<\/a><\/h2>\s*<p>([^<]+)<\/p>/g)].map((m) => `${m[1]}: ${m[2]}`),
    ).toEqual(['C++: 1 post', 'css: 3 posts', 'Go: 1 post']);
    // A new tag that slugified like C++ once (`c`) takes no page from it.
    await put('d.md', '---\ntitle: D\ndate: 2023-01-01\ntags: [C#, C]\n---\nD.\n');
    await exportSite({ postsDir: posts, outDir: out });
    expect(await tagFolders()).toEqual([
      'tags/c-plus-plus/index.html',
      'tags/c-sharp/index.html',
      'tags/c/index.html',
      'tags/css/index.html',
      'tags/go/index.html',
      'tags/index.html',
    ]);
  });

  it("lists a post once on a tag page it reaches by two spellings, in the index's order", async () => {
    await put('a.md', '---\ntitle: A\ndate: 2020-01-01\ntags: [Go, go, GO]\n---\nA.\n');
    await put('b.md', '---\ntitle: B\ndate: 2022-01-01\ntags: [go, rust]\n---\nB.\n');
    await put('c.md', '---\ntitle: C\ndate: 2021-01-01\ntags: [rust, Go]\n---\nC.\n');
    expect((await exportSite({ postsDir: posts, outDir: out })).ok).toBe(true);
    const listed = async (file: string): Promise<string[]> =>
      [...(await readFile(path.join(out, file), 'utf8')).matchAll(/<h2><a href="[^"]+">([^<]+)<\/a><\/h2>/g)].map(
        (m) => m[1] ?? '',
      );
    expect(await listed('tags/go/index.html')).toEqual(['B', 'C', 'A']);
    expect(await listed('tags/rust/index.html')).toEqual(['B', 'C']);
    expect(await readFile(path.join(out, 'tags/go/index.html'), 'utf8')).toContain('<p class="meta">3 posts</p>');
  });

  it('links each post to the posts beside it on the index: newer first, older last, drafts left out', async () => {
    await put('a.md', '---\ntitle: A\ndate: 2020-01-01\n---\nA.\n');
    await put('b.md', '---\ntitle: B <&>\ndate: 2021-01-01\n---\nB.\n');
    await put('c/index.md', '---\ntitle: C\ndate: 2022-01-01\n---\nC.\n');
    await put('d.md', '---\ntitle: Draft\ndate: 2021-06-01\ndraft: true\n---\nD.\n');
    await put('zed.md', '---\ntitle: Zed\n---\nUndated.\n');
    await put('alpha.md', '---\ntitle: Alpha\n---\nUndated too.\n');
    const result = await exportSite({ postsDir: posts, outDir: out });
    expect(result.ok).toBe(true);
    const nav = async (file: string): Promise<string[]> => {
      const html = await readFile(path.join(out, file), 'utf8');
      const found = /<nav class="post-nav" aria-label="More posts">([\s\S]*?)<\/nav>/.exec(html);
      if (found === null) return [];
      return [
        ...(found[1] ?? '').matchAll(
          /<a class="(\w+)" href="([^"]*)"><span class="post-nav-label">([^<]*)<\/span> <bdi>([^<]*)<\/bdi><\/a>/g,
        ),
      ].map(([, side, href, label, title]) => `${side ?? ''} ${href ?? ''} ${label ?? ''}: ${title ?? ''}`);
    };
    // The index's order: C, B, A, then the undated posts by title, Alpha and Zed.
    expect(await nav('c/index.html')).toEqual(['older ../b/index.html Older post: B &lt;&amp;&gt;']);
    expect(await nav('b/index.html')).toEqual([
      'newer ../c/index.html Newer post: C',
      'older ../a/index.html Older post: A',
    ]);
    expect(await nav('a/index.html')).toEqual([
      'newer ../b/index.html Newer post: B &lt;&amp;&gt;',
      'older ../alpha/index.html Next post: Alpha',
    ]);
    expect(await nav('alpha/index.html')).toEqual([
      'newer ../a/index.html Previous post: A',
      'older ../zed/index.html Next post: Zed',
    ]);
    expect(await nav('zed/index.html')).toEqual(['newer ../alpha/index.html Previous post: Alpha']);
    // The lists have none.
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).not.toContain('<nav class="post-nav"');
  });

  it('calls a post beside another newer or older only when the days the pages show say so', async () => {
    // Ordered by the instant: D (1 March, 23:30 at -05:00, so 2 March in UTC), then E and F (2 March, by title), then G.
    await put('d.md', '---\ntitle: D\ndate: 2024-03-01T23:30:00-05:00\n---\nD.\n');
    await put('e.md', '---\ntitle: E\ndate: 2024-03-02\n---\nE.\n');
    await put('f.md', '---\ntitle: F\ndate: 2024-03-02\n---\nF.\n');
    await put('g.md', '---\ntitle: G\ndate: 2024-02-01\n---\nG.\n');
    expect((await exportSite({ postsDir: posts, outDir: out })).ok).toBe(true);
    const labels = async (file: string): Promise<string[]> =>
      [
        ...(await readFile(path.join(out, file), 'utf8')).matchAll(
          /<span class="post-nav-label">([^<]*)<\/span> <bdi>([^<]*)</g,
        ),
      ].map(([, label, title]) => `${label ?? ''}: ${title ?? ''}`);
    expect(await labels('d/index.html')).toEqual(['Next post: E']);
    expect(await labels('e/index.html')).toEqual(['Previous post: D', 'Next post: F']);
    expect(await labels('f/index.html')).toEqual(['Previous post: E', 'Older post: G']);
    expect(await labels('g/index.html')).toEqual(['Newer post: F']);
  });

  it('includes drafts only when asked', async () => {
    await blog();
    const result = await exportSite({ postsDir: posts, outDir: out, drafts: true });
    expect(result.ok && result.value.posts).toBe(5);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toContain('Secret');
  });

  it('reads a Jekyll blog as the post list does: _drafts/ are drafts, file names date their posts', async () => {
    await put('_posts/2019-01-01-hello-world.md', '---\ntitle: Hello\n---\nPublished.\n');
    await put('_drafts/unfinished.md', '---\ntitle: Unfinished Thoughts\n---\nNot yet.\n');
    const result = await exportSite({ postsDir: posts, outDir: out, siteUrl: 'https://example.com/' });
    expect(result.ok && result.value.posts).toBe(1);
    const index = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(index).toContain('Hello');
    expect(index).not.toContain('Unfinished Thoughts');
    expect(await readFile(path.join(out, 'feed.xml'), 'utf8')).toContain('<updated>2019-01-01T00:00:00Z</updated>');
    const withDrafts = await exportSite({ postsDir: posts, outDir: out, drafts: true });
    expect(withDrafts.ok && withDrafts.value.posts).toBe(2);
  });

  it('leaves out images outside the posts folder or missing, with a warning naming the post', async () => {
    await blog();
    await symlink(path.join(tmp, 'outside.png'), path.join(posts, 'img', 'link.png'));
    await put('linked.md', '---\ntitle: Linked\n---\n![l](img/link.png)\n');
    const result = await exportSite({ postsDir: posts, outDir: out });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.warnings).toEqual(
      expect.arrayContaining([
        'leaky.md: image "../outside.png" was left out: it is outside the posts folder',
        'leaky.md: image "img/missing.png" was left out: the file was not found',
        'linked.md: image "img/link.png" was left out: it is a link to a file outside the posts folder',
      ]),
    );
    const leaky = await readFile(path.join(out, 'leaky/index.html'), 'utf8');
    expect(leaky).toContain('<p>x y</p>');
  });

  it('refuses two posts claiming the same path, naming both files, and writes nothing', async () => {
    await put('a.md', '---\npath: /blog/same\n---\nA\n');
    await put('b.md', '---\npath: "/blog/same/"\n---\nB\n');
    const result = await exportSite({ postsDir: posts, outDir: out });
    expect(result).toMatchObject({ ok: false, error: { code: 'EXISTS' } });
    if (result.ok) return;
    expect(result.error.message).toContain('a.md and b.md both claim the path "/blog/same/"');
    expect(await readdirOrNull(out)).toBeNull();
    expect(await readdirOrNull(tmp)).toEqual(['posts']);
  });

  it('refuses a path that escapes the output folder and reports the post', async () => {
    await put('evil.md', '---\npath: "/../../escape"\n---\nx\n');
    await put('evil2.md', '---\npath: "/blog/%2e%2e/%2e%2e/escape2"\n---\nx\n');
    await put('fine.md', '---\ntitle: Fine\n---\nx\n');
    const result = await exportSite({ postsDir: posts, outDir: out });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.posts).toBe(1);
    expect(result.value.warnings.join('\n')).toMatch(
      /evil\.md: not exported: its path "\/\.\.\/\.\.\/escape" is refused/,
    );
    expect(result.value.warnings.join('\n')).toMatch(/evil2\.md: not exported/);
    expect(await readdirOrNull(tmp)).toEqual(['posts', 'site']);
  });

  it('reports a post whose front matter does not parse with its file and line, and skips it', async () => {
    await put('ok.md', '---\ntitle: OK\n---\nfine\n');
    await put('broken.md', '---\ntitle: OK\ntags: [a, b\nmore: x\n---\nbody\n');
    const result = await exportSite({ postsDir: posts, outDir: out });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.posts).toBe(1);
    expect(result.value.warnings[0]).toMatch(/^broken\.md:\d+: the front matter does not parse/);
  });

  it('replaces an earlier export but never a folder it did not make', async () => {
    await blog();
    expect((await exportSite({ postsDir: posts, outDir: out })).ok).toBe(true);
    await rm(path.join(posts, 'second.md'));
    expect((await exportSite({ postsDir: posts, outDir: out })).ok).toBe(true);
    expect(await filesBelow(out)).not.toContain('second/index.html');
    const foreign = path.join(tmp, 'documents');
    await mkdir(foreign);
    await writeFile(path.join(foreign, 'thesis.txt'), 'precious');
    const refused = await exportSite({ postsDir: posts, outDir: foreign });
    expect(refused).toMatchObject({ ok: false, error: { code: 'EXISTS' } });
    expect(await readFile(path.join(foreign, 'thesis.txt'), 'utf8')).toBe('precious');
  });

  it('leaves out a post whose path has a part longer than a file name may be, naming it', async () => {
    await blog();
    // 100 characters, 300 bytes: over the 255 bytes a file name may take on ext4 and APFS (NTFS
    // counts 100 UTF-16 units and takes it: there the page is exported).
    await put('long.md', `---\ntitle: Long\npath: /${'日'.repeat(100)}\n---\nText.\n`);
    const result = await exportSite({ postsDir: posts, outDir: out });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    if (process.platform === 'win32') {
      expect(await filesBelow(out)).toContain(`${'日'.repeat(100)}/index.html`);
      return;
    }
    expect(result.value.warnings).toContain(
      `long.md: not exported: its path "/${'日'.repeat(100)}" is refused: a part of it is longer than a file name may be (255 bytes)`,
    );
    expect(await filesBelow(out)).toContain('blog/focus/index.html');
  });

  it('refuses an output folder inside the posts folder, and a bad site URL', async () => {
    await blog();
    expect(await exportSite({ postsDir: posts, outDir: path.join(posts, 'site') })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    expect(await exportSite({ postsDir: posts, outDir: tmp })).toMatchObject({ ok: false });
    expect(await exportSite({ postsDir: posts, outDir: out, siteUrl: 'javascript:alert(1)' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    expect(await exportSite({ postsDir: path.join(tmp, 'nope'), outDir: out })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('exports hostile posts as inert HTML', async () => {
    await put(
      'hostile.md',
      '---\ntitle: "</title><script>alert(1)</script>"\ndescription: "\\"><img src=x onerror=alert(1)>"\ntags: ["<svg onload=alert(1)>"]\n---\n<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n[x](javascript:alert(1))\n<iframe srcdoc="<script>alert(1)</script>"></iframe>\n<meta http-equiv="refresh" content="0;url=https://evil.example">\n<base href="https://evil.example/">\n',
    );
    const result = await exportSite({ postsDir: posts, outDir: out, siteUrl: 'https://example.com/' });
    expect(result.ok).toBe(true);
    for (const file of (await filesBelow(out)).filter((f) => f.endsWith('.html'))) {
      const html = await readFile(path.join(out, file), 'utf8');
      expect({ file, problems: pageProblems(html) }).toEqual({ file, problems: [] });
      expect(html).not.toMatch(/<(script|iframe|base)\b/i);
    }
    expect(xmlProblem(await readFile(path.join(out, 'feed.xml'), 'utf8'))).toBeNull();
  });
});

describe('exportSite: dates, drafts and descriptions', () => {
  it('leaves out a post whose JavaScript front matter sets a draft flag, as the list shows it, and says why', async () => {
    // The corpus's eleventy post: its code is never run, its text says draft.
    await put(
      'fifth.md',
      '---js\nconst title = "This is a fifth post";\nconst date = "2023-01-23";\nconst draft = true;\n---\nThis is a draft post\n',
    );
    await put('shown.md', '---js\nconst draft = false;\n---\n# Shown\n\nPublic.\n');
    const result = await exportSite({ postsDir: posts, outDir: out });
    expect(result.ok && result.value.posts).toBe(1);
    if (!result.ok) return;
    expect(await filesBelow(out)).not.toContain('fifth/index.html');
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).not.toContain('draft post');
    expect(result.value.warnings).toEqual([
      'fifth.md: its JavaScript front matter was read as text and never run, so its title, date and tags were not used; it sets a draft flag, so it was left out as a draft.',
      'shown.md: its JavaScript front matter was read as text and never run, so its title, date and tags were not used.',
    ]);
    // The post list reads the same facts: the draft badge and the export agree.
    const text = await readFile(path.join(posts, 'fifth.md'), 'utf8');
    expect(summarizePost(text).draft).toBe(true);
    const withDrafts = await exportSite({ postsDir: posts, outDir: out, drafts: true });
    expect(withDrafts.ok && withDrafts.value.posts).toBe(2);
  });

  it('orders posts and dates the feed by the instant when the date has an offset', async () => {
    // 23:30 in California is 07:30 the next morning in UTC, after 02:00 in Paris that morning.
    await put('west.md', '---\ntitle: West\ndate: 2021-03-04T23:30:00-08:00\n---\nWest.\n');
    await put('east.md', '---\ntitle: East\ndate: 2021-03-05T02:00:00+01:00\n---\nEast.\n');
    await put('day.md', '---\ntitle: Day\ndate: 2021-03-01\n---\nDay.\n');
    await exportSite({ postsDir: posts, outDir: out, siteUrl: 'https://example.com/' });
    const feed = await readFile(path.join(out, 'feed.xml'), 'utf8');
    const entries = [...feed.matchAll(/<entry>\s*<title>(\w+)<\/title>[\s\S]*?<updated>([^<]+)<\/updated>/g)].map(
      (m) => [m[1], m[2]],
    );
    expect(entries).toEqual([
      ['West', '2021-03-05T07:30:00Z'],
      ['East', '2021-03-05T01:00:00Z'],
      ['Day', '2021-03-01T00:00:00Z'],
    ]);
    expect(feed).toContain('<updated>2021-03-05T07:30:00Z</updated>\n  <author>');
    const index = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(index.indexOf('>West<')).toBeLessThan(index.indexOf('>East<'));
    const sitemap = await readFile(path.join(out, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://example.com/west/</loc><lastmod>2021-03-05T07:30:00Z</lastmod>');
    expect(sitemap).toContain('<loc>https://example.com/day/</loc><lastmod>2021-03-01</lastmod>');
  });

  it('warns of a date no calendar has and keeps it out of the sitemap and <time>, and the post out of the feed', async () => {
    await put('leap.md', '---\ntitle: Leap\ndate: 2017-02-29 11:00:00\n---\nLeap.\n');
    await put('dated.md', '---\ntitle: Dated\ndate: 2017-03-01\n---\nDated.\n');
    const result = await exportSite({ postsDir: posts, outDir: out, siteUrl: 'https://example.com/' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.warnings).toEqual([
      'leap.md: the date "2017-02-29 11:00:00" is not a valid calendar date: it is shown as written, the page and the sitemap give no machine-readable date, and the feed leaves the post out.',
    ]);
    const page = await readFile(path.join(out, 'leap/index.html'), 'utf8');
    expect(page).toContain('<p class="post-date">2017-02-29 11:00:00</p>');
    expect(page).not.toContain('<time');
    const feed = await readFile(path.join(out, 'feed.xml'), 'utf8');
    expect(feed).not.toContain('2017-02-29');
    // Not dated by its file's time, which every checkout or copy makes new: not in the feed at all.
    expect(feed).not.toContain('Leap');
    expect([...feed.matchAll(/<updated>([^<]+)<\/updated>/g)].map((m) => m[1])).toEqual([
      '2017-03-01T00:00:00Z',
      '2017-03-01T00:00:00Z',
    ]);
    const sitemap = await readFile(path.join(out, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://example.com/leap/</loc></url>');
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toContain('<p class="meta">2017-02-29 11:00:00</p>');
  });

  it("dates a feed entry and the sitemap by the post's updated field when it is later, published by its date", async () => {
    await put('zola.md', '+++\ntitle = "Zola"\ndate = 2023-01-31\nupdated = 2026-01-01\n+++\nZ.\n');
    await put('hugo.md', '---\ntitle: Hugo\ndate: 2022-05-01T10:00:00+02:00\nlastmod: 2024-05-02\n---\nH.\n');
    await put(
      'odd.md',
      '---\ntitle: Odd\ndate: 2021-03-03\nupdated: 2020-01-01\n---\nAn update before the date is not believed.\n',
    );
    await exportSite({ postsDir: posts, outDir: out, siteUrl: 'https://example.com/' });
    const feed = await readFile(path.join(out, 'feed.xml'), 'utf8');
    expect(xmlProblem(feed)).toBeNull();
    const times = [
      ...feed.matchAll(
        /<entry>\s*<title>(\w+)<\/title>[\s\S]*?<published>([^<]+)<\/published>\s*<updated>([^<]+)<\/updated>/g,
      ),
    ].map((m) => `${m[1]}: ${m[2]} → ${m[3]}`);
    expect(times).toEqual([
      'Zola: 2023-01-31T00:00:00Z → 2026-01-01T00:00:00Z',
      'Hugo: 2022-05-01T08:00:00Z → 2024-05-02T00:00:00Z',
      'Odd: 2021-03-03T00:00:00Z → 2021-03-03T00:00:00Z',
    ]);
    expect(feed).toContain('<updated>2026-01-01T00:00:00Z</updated>\n  <author>');
    const sitemap = await readFile(path.join(out, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://example.com/zola/</loc><lastmod>2026-01-01</lastmod>');
    expect(sitemap).toContain('<loc>https://example.com/hugo/</loc><lastmod>2024-05-02T00:00:00Z</lastmod>');
    expect(sitemap).toContain('<loc>https://example.com/odd/</loc><lastmod>2021-03-03</lastmod>');
  });

  it('leaves posts without a date out of the feed and says which', async () => {
    await put('about.md', '---\ntitle: About\n---\nWho I am.\n');
    await put('later.md', '---\ntitle: Later\ndate: someday\n---\nSoon.\n');
    await put('post.md', '---\ntitle: Post\ndate: 2020-01-02\n---\nWritten.\n');
    const result = await exportSite({ postsDir: posts, outDir: out, siteUrl: 'https://example.com/' });
    expect(result.ok && result.value.warnings).toEqual([
      '2 posts have no date a feed can carry (about.md, later.md), so the feed leaves them out; a date in the front matter puts them in.',
    ]);
    const feed = await readFile(path.join(out, 'feed.xml'), 'utf8');
    expect(xmlProblem(feed)).toBeNull();
    expect([...feed.matchAll(/<entry>\s*<title>([^<]+)<\/title>/g)].map((m) => m[1])).toEqual(['Post']);
    // Still pages of the site, in its sitemap.
    const sitemap = await readFile(path.join(out, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://example.com/about/</loc>');
    expect(sitemap).toContain('<loc>https://example.com/later/</loc>');
    // Without a site URL there is no feed, and nothing to say of one.
    const plain = await exportSite({ postsDir: posts, outDir: out });
    expect(plain.ok && plain.value.warnings).toEqual([]);
  });

  it("gives the feed's content absolute links and images, as readers that ignore xml:base need", async () => {
    await blog();
    await put(
      'notes/third.md',
      '---\ntitle: Third\ndate: 2018-01-01\n---\n[Focus](../focus.md) · [more](../second.md#more) · [q](/about/?a=1&b=2) · [top](#x) · [mail](mailto:a@b.c) · [out](https://Example.com/a?b&c)\n\n<blockquote cite="../quotes/said.html">Said.</blockquote>\n',
    );
    await exportSite({ postsDir: posts, outDir: out, siteUrl: 'https://example.com/blog' });
    const feed = await readFile(path.join(out, 'feed.xml'), 'utf8');
    expect(xmlProblem(feed)).toBeNull();
    const content = (title: string): string => {
      const entry = new RegExp(
        `<title>${title}</title>[\\s\\S]*?<content type="html" xml:base="([^"]+)">([^<]*)</content>`,
      ).exec(feed);
      if (entry === null) throw new Error(`no entry ${title}`);
      // The content is the page's HTML as escaped text: read back as the reader reads it.
      return (entry[2] ?? '')
        .replaceAll('&lt;', '<')
        .replaceAll('&gt;', '>')
        .replaceAll('&quot;', '"')
        .replaceAll('&apos;', "'")
        .replaceAll('&amp;', '&');
    };
    const third = content('Third');
    expect(third).toContain('href="https://example.com/blog/blog/focus/index.html"');
    expect(third).toContain('href="https://example.com/blog/second/index.html#more"');
    // A path on the site's server (kept as written on the page) is read from the host's root, its `&` a reference again.
    expect(third).toContain('href="https://example.com/about/?a=1&#x26;b=2"');
    expect(third).toContain('<blockquote cite="https://example.com/blog/notes/quotes/said.html">');
    expect(third).toContain('href="https://example.com/blog/notes/third/#x"');
    // URLs with a scheme stay exactly as the page has them.
    expect(third).toContain('href="mailto:a@b.c"');
    expect(third).toContain('href="https://Example.com/a?b&#x26;c"');
    const focus = content('Focus &amp; &lt;Process&gt;');
    expect(focus).toMatch(/<img src="https:\/\/example\.com\/blog\/assets\/[\w-]+\.png" alt="dot">/);
    expect(focus).not.toMatch(/(href|src|cite)="(?!https?:|mailto:)/);
    expect(third).not.toMatch(/(href|src|cite)="(?!https?:|mailto:)/);
    // The page itself keeps its relative links, which work from disk too.
    const page = await readFile(path.join(out, 'notes/third/index.html'), 'utf8');
    expect(page).toContain('href="../../blog/focus/index.html"');
  });

  it('describes a post that opens with an image by its first paragraph with text', async () => {
    await put('img/dot.png', PNG);
    await put('pic.md', '---\ntitle: Pic\n---\n![dot](img/dot.png)\n\nThe first words.\n\nMore.\n');
    await exportSite({ postsDir: posts, outDir: out });
    expect(await readFile(path.join(out, 'pic/index.html'), 'utf8')).toContain(
      '<meta name="description" content="The first words.">',
    );
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toContain('<p>The first words.</p>');
  });
});

async function readdirOrNull(folder: string): Promise<string[] | null> {
  const { readdir } = await import('node:fs/promises');
  return readdir(folder).then(
    (names) => names.sort(),
    () => null,
  );
}

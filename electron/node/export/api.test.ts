import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BlogApi } from '../../../shared/api/contract';
import type { BlogEvents } from '../../../shared/api/events';
import { openPostStore } from '../store/store';
import { exportApi } from './api';
import { PNG, htmlProblems, pageProblems } from './testing';

let tmp: string;
let posts: string;
let progress: BlogEvents['exportProgress'][];
let api: Pick<BlogApi, 'exportPostHtml' | 'exportSite'>;

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'pw-export-api-'));
  posts = path.join(tmp, 'posts');
  await mkdir(path.join(posts, 'img'), { recursive: true });
  await writeFile(path.join(posts, 'img', 'dot.png'), PNG);
  await writeFile(
    path.join(posts, 'Focus Post.md'),
    '---\ntitle: "Focus <b>now</b>"\ndate: 2016-05-26\npath: /blog/focus/\n---\nHello ![dot](img/dot.png)\n',
  );
  await writeFile(path.join(posts, 'second.md'), '---\ntitle: Second\ndate: 2017-01-01\n---\nMore.\n');
  await writeFile(path.join(posts, 'draft.md'), '---\ntitle: Unfinished\ndraft: true\n---\nSoon.\n');
  const store = await openPostStore({ postsDir: posts, now: () => new Date(0) });
  if (!store.ok) throw new Error(store.error.message);
  progress = [];
  let tick = 0;
  api = exportApi(store.value, {
    emit: (event, payload) => {
      if (event === 'exportProgress') progress.push(payload as BlogEvents['exportProgress']);
    },
    now: () => new Date((tick += 5)),
  });
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('exportPostHtml', () => {
  it('returns one self-contained page named after the post, images inlined', async () => {
    const result = await api.exportPostHtml('Focus Post.md');
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.fileName).toBe('focus-post.html');
    expect(result.value.warnings).toEqual([]);
    const html = result.value.html;
    expect(html).toContain('<title>Focus &lt;b&gt;now&lt;/b&gt;</title>');
    expect(html).toContain(`<img src="data:image/png;base64,${PNG.toString('base64')}" alt="dot">`);
    expect(html).toContain(`content="default-src 'none';`);
    expect(html).not.toMatch(/<script/i);
    expect(pageProblems(html)).toEqual([]);
    expect(await htmlProblems(html)).toEqual([]);
  });

  it('fails clearly for a post that is not there, and for a broken front matter', async () => {
    const missing = await api.exportPostHtml('nope.md');
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
    await writeFile(path.join(posts, 'broken.md'), '---\ntitle: [unclosed\n---\nBody\n');
    const broken = await api.exportPostHtml('broken.md');
    expect(broken.ok ? null : broken.error.code).toBe('PARSE');
    expect(broken.ok ? '' : broken.error.message).toMatch(/^broken\.md:\d+: the front matter does not parse/);
  });
});

describe('exportSite', () => {
  it('writes the site, reports progress up to the total, and summarises', async () => {
    const outDir = path.join(tmp, 'site');
    const result = await api.exportSite({ outDir, drafts: false, siteUrl: 'https://example.org' });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toMatchObject({ outDir, posts: 2, warnings: [] });
    expect(result.value.pages).toBeGreaterThanOrEqual(3);
    expect(result.value.ms).toBeGreaterThan(0);
    expect(progress[0]).toEqual({ done: 0, total: 2 });
    expect(progress.at(-1)).toEqual({ done: 2, total: 2 });
    expect(await readFile(path.join(outDir, 'blog', 'focus', 'index.html'), 'utf8')).toContain('Hello');
    expect(await readFile(path.join(outDir, 'index.html'), 'utf8')).not.toContain('Unfinished');
    expect(await readFile(path.join(outDir, 'feed.xml'), 'utf8')).toContain('https://example.org/blog/focus/');
  });

  it('names the site by its title, escaped, on the index, in page titles and the feed; a blank one is "Blog"', async () => {
    const outDir = path.join(tmp, 'site');
    const named = await api.exportSite({
      outDir,
      drafts: false,
      siteUrl: 'https://example.org',
      siteTitle: '  Notes & <Asides>  ',
    });
    if (!named.ok) throw new Error(named.error.message);
    const index = await readFile(path.join(outDir, 'index.html'), 'utf8');
    expect(index).toContain('<title>Notes &amp; &lt;Asides&gt;</title>');
    expect(await readFile(path.join(outDir, 'blog', 'focus', 'index.html'), 'utf8')).toContain(
      'Notes &amp; &lt;Asides&gt;',
    );
    expect(await readFile(path.join(outDir, 'feed.xml'), 'utf8')).toContain(
      '<title>Notes &amp; &lt;Asides&gt;</title>',
    );
    const blank = await api.exportSite({ outDir, drafts: false, siteTitle: ' ' });
    if (!blank.ok) throw new Error(blank.error.message);
    expect(await readFile(path.join(outDir, 'index.html'), 'utf8')).toContain('<title>Blog</title>');
  });

  it('includes drafts when asked, and treats a blank site URL as none', async () => {
    const outDir = path.join(tmp, 'site');
    const result = await api.exportSite({ outDir, drafts: true, siteUrl: '  ' });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.posts).toBe(3);
    expect(await readFile(path.join(outDir, 'index.html'), 'utf8')).toContain('Unfinished');
    await expect(readFile(path.join(outDir, 'feed.xml'))).rejects.toThrow();
  });

  it('refuses a relative output folder, and one inside or around the posts folder', async () => {
    const relative = await api.exportSite({ outDir: 'site', drafts: false });
    expect(relative.ok ? '' : relative.error.message).toMatch(/not a full path/);
    for (const outDir of [path.join(posts, 'site'), tmp, posts]) {
      const overlap = await api.exportSite({ outDir, drafts: false });
      expect(overlap.ok ? null : overlap.error.code).toBe('INVALID_ARGUMENT');
    }
    expect(progress).toEqual([]);
  });

  it('refuses a second export while one runs, then accepts the next', async () => {
    const outDir = path.join(tmp, 'site');
    const [first, second] = await Promise.all([
      api.exportSite({ outDir, drafts: false }),
      api.exportSite({ outDir, drafts: false }),
    ]);
    expect(first.ok).toBe(true);
    expect(second.ok ? null : second.error.code).toBe('CONFLICT');
    expect((await api.exportSite({ outDir, drafts: false })).ok).toBe(true);
  });
});

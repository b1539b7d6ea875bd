import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { HOSTILE_DIR, HOSTILE_POSTS } from '../security/hostile';
import { journalKey } from '../journal/location';
import { BUILD_RENDER_VERSION, renderCacheFileFor } from './render-cache';
import { exportSite, type ExportSiteOptions, type SiteReport } from './site';
import { exportsSettled } from './stage';
import { tempFolderPerTest, writeFiles } from '../store/testing';
import { PNG, filesBelow, pageProblems } from './testing';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const corpus = path.resolve(repoRoot, '../shared/corpus');
const corpusPresent = await stat(path.join(corpus, 'real-posts')).then(
  () => true,
  () => false,
);
if (!corpusPresent) console.warn(`The render-cache tests run without the corpus: none at ${corpus}.`);

// Sources run without a build id: the tests give the pipeline a version of their own.
const VERSION = 'test-1';

const folder = tempFolderPerTest('pw-render-cache-');
let tmp: string;
let posts: string;
let data: string;

beforeEach(async () => {
  tmp = folder.dir;
  posts = path.join(tmp, 'posts');
  data = path.join(tmp, 'data');
  await mkdir(posts);
});

async function put(rel: string, content: string | Buffer): Promise<void> {
  await writeFiles(posts, { [rel]: content });
}

async function run(out: string, extra: Partial<ExportSiteOptions> = {}): Promise<SiteReport> {
  const result = await exportSite({
    postsDir: posts,
    outDir: path.join(tmp, out),
    siteUrl: 'https://example.com/',
    drafts: true,
    renderCache: { dataDir: data, version: VERSION },
    ...extra,
  });
  if (!result.ok) throw new Error(result.error.message);
  // The cache is written once the export has answered.
  await exportsSettled();
  return result.value;
}

async function site(out: string): Promise<Map<string, string>> {
  const dir = path.join(tmp, out);
  const files = new Map<string, string>();
  for (const file of await filesBelow(dir)) files.set(file, await readFile(path.join(dir, file), 'base64'));
  return files;
}

async function page(out: string, file: string): Promise<string> {
  return readFile(path.join(tmp, out, file), 'utf8');
}

async function cacheFile(): Promise<string> {
  return renderCacheFileFor(await realpath(data), journalKey(await realpath(posts)));
}

async function smallBlog(): Promise<void> {
  await put('a.md', '---\ntitle: A\ndate: 2020-01-01\n---\nSee [b](b.md#more) and ![dot](img/dot.png).\n');
  await put('b.md', '---\ntitle: B\ndate: 2020-01-02\nslug: bee\n---\n## More\n\nText[^1].\n\n[^1]: Note.\n');
  await put('c.md', '---\ntitle: C\ndate: 2020-01-03\n---\n```js\nlet c = 3;\n```\n');
  await put('img/dot.png', PNG);
}

describe('the render cache', () => {
  it('re-exports byte for byte what an uncached export writes (corpus, samples, hostile posts)', async () => {
    await cp(path.join(repoRoot, 'posts'), path.join(posts, 'samples'), { recursive: true });
    if (HOSTILE_POSTS.length > 0) await cp(HOSTILE_DIR, path.join(posts, 'hostile'), { recursive: true });
    if (corpusPresent) {
      await cp(path.join(corpus, 'real-posts'), path.join(posts, 'real-posts'), { recursive: true });
      await cp(path.join(corpus, 'seed'), path.join(posts, 'seed'), { recursive: true });
    }
    // With an empty cache every body is rendered (an uncached export that also fills the cache).
    const first = await run('first');
    const again = await run('again');
    expect(first).toMatchObject({ rendered: first.posts, reused: 0 });
    expect(again).toMatchObject({ rendered: 0, reused: again.posts });
    expect(again.warnings).toEqual(first.warnings);
    const expected = await site('first');
    expect(await site('again')).toEqual(expected);
    // The hostile posts stay inert when their pages come from the cache.
    for (const file of [...expected.keys()].filter((f) => f.startsWith('hostile') && f.endsWith('.html'))) {
      expect({ file, problems: pageProblems(await page('again', file)) }).toEqual({ file, problems: [] });
    }
  }, 600_000);

  it('renders again exactly the post that was edited', async () => {
    await smallBlog();
    expect(await run('one')).toMatchObject({ posts: 3, rendered: 3, reused: 0 });
    await put('c.md', '---\ntitle: C\ndate: 2020-01-03\n---\n```js\nlet c = 4;\n```\n');
    expect(await run('two')).toMatchObject({ rendered: 1, reused: 2 });
    expect(await page('two', 'c/index.html')).toContain('4');
    expect(await run('three')).toMatchObject({ rendered: 0, reused: 3 });
  });

  it('sees an image file appear and disappear under an unchanged post', async () => {
    await smallBlog();
    await put('d.md', '---\ntitle: D\n---\n![new](img/new.png)\n');
    const before = await run('one');
    expect(before.warnings.some((w) => w.includes('img/new.png'))).toBe(true);
    expect(await page('one', 'd/index.html')).not.toContain('<img');
    await put('img/new.png', PNG);
    const added = await run('two');
    expect(added).toMatchObject({ rendered: 1, reused: 3 });
    expect(added.warnings.some((w) => w.includes('img/new.png'))).toBe(false);
    expect(await page('two', 'd/index.html')).toMatch(/<img src="\.\.\/assets\/[0-9a-f]{12}-new\.png" alt="new">/);
    await unlink(path.join(posts, 'img', 'new.png'));
    const removed = await run('three');
    expect(removed).toMatchObject({ rendered: 1, reused: 3 });
    expect(await site('three')).toEqual(await site('one'));
  });

  it('changes the linking page when the linked post moves or takes another path', async () => {
    await smallBlog();
    await run('one');
    expect(await page('one', 'a/index.html')).toContain('href="../bee/index.html#more"');
    await put('b.md', '---\ntitle: B\ndate: 2020-01-02\nslug: bea\n---\n## More\n\nText[^1].\n\n[^1]: Note.\n');
    // B's body is the same (reused); A's link to it gets another answer (rendered again).
    expect(await run('two')).toMatchObject({ rendered: 1, reused: 2 });
    expect(await page('two', 'a/index.html')).toContain('href="../bea/index.html#more"');
    await mkdir(path.join(posts, 'moved'));
    await rename(path.join(posts, 'b.md'), path.join(posts, 'moved', 'b.md'));
    expect(await run('three')).toMatchObject({ rendered: 1, reused: 2 });
    const uncached = await run('plain', { renderCache: undefined });
    expect(uncached.reused).toBe(0);
    expect(await site('three')).toEqual(await site('plain'));
    // A's link to b.md no longer finds it (the page's link to the post beside it still does).
    expect(await page('three', 'a/index.html')).not.toContain('bea/index.html#more');
  });

  it('ignores the entries of another pipeline version', async () => {
    await smallBlog();
    await run('one');
    const other = { renderCache: { dataDir: data, version: 'test-2' } };
    expect(await run('two', other)).toMatchObject({ rendered: 3, reused: 0 });
    expect(await run('three', other)).toMatchObject({ rendered: 0, reused: 3 });
    expect(await run('four')).toMatchObject({ rendered: 3, reused: 0 });
  });

  it('writes the cache after the export answers, and the next export of the folder reads it once written', async () => {
    await smallBlog();
    const options = {
      postsDir: posts,
      outDir: path.join(tmp, 'early'),
      renderCache: { dataDir: data, version: VERSION },
    };
    await mkdir(data, { recursive: true });
    const file = await cacheFile();
    const first = await exportSite(options);
    // The answer came first: the file is written by I/O that completes only after this turn of the loop.
    expect(existsSync(file)).toBe(false);
    expect(first.ok && first.value.rendered).toBe(3);
    // Asked again at once, before the first's cache is on disk: it waits for it, and renders nothing.
    const second = await exportSite(options);
    expect(second.ok && second.value.reused).toBe(3);
  });

  it('ignores a corrupt cache file and replaces it', async () => {
    await smallBlog();
    await run('one');
    const file = await cacheFile();
    for (const junk of [
      '{"format":1,"version":"test-1","entries":{"x":',
      '[]',
      '{"format":1,"version":"test-1","entries":{"k":{"html":1}}}',
    ]) {
      await writeFile(file, junk);
      expect(await run('two')).toMatchObject({ rendered: 3, reused: 0 });
      const saved = JSON.parse(await readFile(file, 'utf8')) as { entries: Record<string, unknown> };
      expect(Object.keys(saved.entries)).toHaveLength(3);
    }
  });

  it('keeps only the entries the last export used', async () => {
    await smallBlog();
    await run('one');
    await put('c.md', '---\ntitle: C\n---\nOther.\n');
    await run('two');
    const saved = JSON.parse(await readFile(await cacheFile(), 'utf8')) as { entries: Record<string, unknown> };
    expect(Object.keys(saved.entries)).toHaveLength(3);
  });

  it('writes the cache only in the data folder, never in the posts or output folder', async () => {
    await smallBlog();
    const before = await filesBelow(tmp);
    await run('one');
    const added = (await filesBelow(tmp)).filter((f) => !before.includes(f) && !f.startsWith('one/'));
    expect(added).toEqual([
      path
        .relative(tmp, await cacheFile())
        .split(path.sep)
        .join('/'),
    ]);
    // A data folder inside the posts folder or the output folder gets no cache.
    for (const inside of [path.join(posts, 'data'), path.join(tmp, 'out', 'data')]) {
      const first = await run('out', { renderCache: { dataDir: inside, version: VERSION } });
      const second = await run('out', { renderCache: { dataDir: inside, version: VERSION } });
      expect([first.reused, second.reused]).toEqual([0, 0]);
      await expect(stat(path.join(inside, 'render-cache'))).rejects.toThrow();
    }
  });

  it('caches nothing when running from source without a version', async () => {
    expect(BUILD_RENDER_VERSION).toBeNull();
    await smallBlog();
    await run('one', { renderCache: { dataDir: data } });
    expect(await run('two', { renderCache: { dataDir: data } })).toMatchObject({ rendered: 3, reused: 0 });
    await expect(stat(path.join(data, 'render-cache'))).rejects.toThrow();
  });
});

import { build } from 'esbuild';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPosts } from './collect';
import { renderPages, type PoolOptions } from './pool';
import { exportSite } from './site';
import { PageError, type RenderedPage, type SiteSetup } from './site-pages';
import { PNG, filesBelow } from './testing';

const POSTS = 40;

let tmp: string;
let posts: string;
let workerUrl: URL;

// The worker entry as the app ships it: bundled, beside nothing but itself.
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'pw-pool-'));
  posts = path.join(tmp, 'posts');
  const outfile = path.join(tmp, 'export-worker.cjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./render-worker.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    logLevel: 'error',
  });
  workerUrl = pathToFileURL(outfile);
  await mkdir(path.join(posts, 'img'), { recursive: true });
  await writeFile(path.join(posts, 'img', 'dot.png'), PNG);
  for (let i = 0; i < POSTS; i += 1) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const text = `---\ntitle: Post ${String(i)}\ndate: 2020-02-${day}\ntags: [t${String(i % 3)}]\n---\nHello [next](p${String((i + 1) % POSTS)}.md) ![dot](img/dot.png) ![gone](img/none.png)\n\n\`\`\`js\nlet n = ${String(i)};\n\`\`\`\n`;
    await writeFile(path.join(posts, `p${String(i)}.md`), text);
  }
}, 60_000);
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function siteFiles(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const file of await filesBelow(dir)) files.set(file, await readFile(path.join(dir, file), 'base64'));
  return files;
}

async function setupOf(): Promise<{ setup: SiteSetup; sources: Awaited<ReturnType<typeof collectPosts>>['posts'] }> {
  const { posts: sources } = await collectPosts(posts);
  const pages = sources.map((post) => ({
    id: post.id,
    file: `${post.id}.html`,
    path: null,
    title: post.title,
    day: null,
  }));
  return { setup: { postsRoot: posts, siteTitle: 'Blog', siteUrl: undefined, pages, tags: [] }, sources };
}

describe('renderPages on worker threads', () => {
  it('writes the same site, byte for byte, as rendering in this thread, with progress in order', async () => {
    const pooled: PoolOptions = { workerUrl, size: 2, minPosts: 0, alongside: false };
    const progress: number[] = [];
    const here = await exportSite({
      postsDir: posts,
      outDir: path.join(tmp, 'here'),
      pool: { ...pooled, workerUrl: null },
    });
    const there = await exportSite({
      postsDir: posts,
      outDir: path.join(tmp, 'there'),
      pool: pooled,
      onProgress: (done) => progress.push(done),
    });
    expect(here.ok && there.ok).toBe(true);
    if (!here.ok || !there.ok) return;
    expect(there.value.warnings).toEqual(here.value.warnings);
    expect(there.value.warnings.filter((w) => w.includes('none.png'))).toHaveLength(POSTS);
    const a = await siteFiles(path.join(tmp, 'here'));
    expect([...a.keys()].filter((file) => /^assets\/[0-9a-f]{12}-dot\.png$/.test(file))).toHaveLength(1);
    expect(await siteFiles(path.join(tmp, 'there'))).toEqual(a);
    expect(progress).toEqual(Array.from({ length: POSTS + 1 }, (_, i) => i));
  }, 60_000);

  it('sends cached renders to the workers, which reuse them, and starts none when every post is cached', async () => {
    const pooled: PoolOptions = { workerUrl, size: 2, minPosts: 0, alongside: false };
    const renderCache = { dataDir: path.join(tmp, 'data'), version: 'pool-test' };
    const cold = await exportSite({ postsDir: posts, outDir: path.join(tmp, 'cold'), pool: pooled, renderCache });
    expect(cold.ok && cold.value).toMatchObject({ rendered: POSTS, reused: 0 });
    // Half the posts edited: the workers get the other half with their cached renders.
    const texts = new Map<string, string>();
    for (let i = 0; i < POSTS; i += 2) {
      const file = path.join(posts, `p${String(i)}.md`);
      texts.set(file, await readFile(file, 'utf8'));
      await writeFile(file, `${texts.get(file) ?? ''}\nEdited.\n`);
    }
    try {
      const threads = new Set<number>();
      const { setup, sources } = await setupOf();
      const half = await exportSite({ postsDir: posts, outDir: path.join(tmp, 'half'), pool: pooled, renderCache });
      const plain = await exportSite({ postsDir: posts, outDir: path.join(tmp, 'half-plain'), pool: pooled });
      expect(plain.ok).toBe(true);
      expect(half.ok && half.value).toMatchObject({ rendered: POSTS / 2, reused: POSTS / 2 });
      expect(await siteFiles(path.join(tmp, 'half'))).toEqual(await siteFiles(path.join(tmp, 'half-plain')));
      const warm = await exportSite({ postsDir: posts, outDir: path.join(tmp, 'warm'), pool: pooled, renderCache });
      expect(warm.ok && warm.value).toMatchObject({ rendered: 0, reused: POSTS });
      expect(await siteFiles(path.join(tmp, 'warm'))).toEqual(await siteFiles(path.join(tmp, 'half-plain')));
      // Every post cached: no worker is started (a worker would render some of them off this thread).
      const cached = () => ({ html: '<p>cached</p>', warnings: [], queries: [] });
      await renderPages(setup, sources, (_i, page) => Promise.resolve(void threads.add(page.thread)), pooled, cached);
      expect([...threads]).toEqual([0]);
    } finally {
      for (const [file, text] of texts) await writeFile(file, text);
    }
  }, 60_000);

  it('hands pages on in order, rendered by the workers, and by this thread alongside them', async () => {
    const { setup, sources } = await setupOf();
    const seen: { index: number; page: RenderedPage }[] = [];
    await renderPages(setup, sources, (index, page) => Promise.resolve(void seen.push({ index, page })), {
      workerUrl,
      size: 2,
      minPosts: 0,
      alongside: false,
    });
    expect(seen.map((s) => s.index)).toEqual(sources.map((_, i) => i));
    expect(seen.every((s) => s.page.thread !== 0)).toBe(true);
    expect(seen[3]?.page.html).toContain('Post ');
    const mixed: number[] = [];
    await renderPages(setup, sources, (index) => Promise.resolve(void mixed.push(index)), {
      workerUrl,
      size: 2,
      minPosts: 0,
    });
    expect(mixed).toEqual(sources.map((_, i) => i));
  }, 60_000);

  it('names the post whose page failed and hands on no page after it', async () => {
    const { setup, sources } = await setupOf();
    const broken = { ...setup, pages: setup.pages.map((p, i) => (i === 5 ? { ...p, id: 'someone-else.md' } : p)) };
    const handed: number[] = [];
    const run = renderPages(broken, sources, (index) => Promise.resolve(void handed.push(index)), {
      workerUrl,
      size: 2,
      minPosts: 0,
      alongside: false,
    });
    await expect(run).rejects.toThrow(PageError);
    await expect(run).rejects.toMatchObject({ postId: sources[5]?.id });
    expect(handed).toEqual(handed.map((_, i) => i));
    expect(handed.length).toBeLessThanOrEqual(5);
  }, 60_000);

  it('leaves no output and no staging folder behind when a worker cannot start', async () => {
    const bad = path.join(tmp, 'bad-worker.mjs');
    await writeFile(bad, "throw new Error('no pipeline here');\n");
    const outDir = path.join(tmp, 'never');
    const before = await readdir(tmp);
    await expect(
      exportSite({
        postsDir: posts,
        outDir,
        pool: { workerUrl: pathToFileURL(bad), size: 2, minPosts: 0, alongside: false },
      }),
    ).rejects.toThrow('no pipeline here');
    expect((await readdir(tmp)).sort()).toEqual(before.sort());
  }, 60_000);
});

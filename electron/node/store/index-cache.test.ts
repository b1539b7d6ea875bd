import { readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INDEX_VERSION, indexWritesDone, openIndexCache } from './index-cache';
import { createPostStore, type PostStore } from './store';
import { FIXED_NOW, makeTempFolder, summaryFor, writeFiles } from './testing';

let posts: { dir: string; remove: () => Promise<void> };
let data: { dir: string; remove: () => Promise<void> };

beforeEach(async () => {
  posts = await makeTempFolder();
  data = await makeTempFolder('postwright-data-');
});
afterEach(async () => {
  await posts.remove();
  await data.remove();
});

const indexFile = () => path.join(data.dir, 'index', 'posts.json');

async function titles(store: PostStore): Promise<string[]> {
  const result = await store.list();
  if (!result.ok) throw new Error(result.error.message);
  return result.value.map((post) => post.title);
}

describe('the front-matter index', () => {
  it('is written to the data folder and used by the next store instead of reading the files', async () => {
    await writeFiles(posts.dir, { 'a.md': '---\ntitle: Alpha\n---\nBody\n', 'sub/b.md': '---\ntitle: Beta\n---\n' });
    expect(
      await titles(await createPostStore({ postsDir: posts.dir, now: FIXED_NOW, indexFile: indexFile() })),
    ).toEqual(['Alpha', 'Beta']);
    await indexWritesDone();
    const saved = JSON.parse(await readFile(indexFile(), 'utf8')) as { version: number; posts: { id: string }[] };
    expect(saved.version).toBe(INDEX_VERSION);
    expect(saved.posts.map((post) => post.id).sort()).toEqual(['a.md', 'sub/b.md']);

    // Prove the second store trusts the index: a forged title for an unchanged file shows up.
    const forged = JSON.stringify(saved).replace('"Alpha"', '"From the index"');
    await writeFile(indexFile(), forged);
    const second = await createPostStore({ postsDir: posts.dir, now: FIXED_NOW, indexFile: indexFile() });
    expect(await titles(second)).toEqual(['Beta', 'From the index']);
  });

  it('re-reads a file whose size or modification time changed, and forgets deleted files', async () => {
    await writeFiles(posts.dir, { 'a.md': '---\ntitle: Alpha\n---\n', 'b.md': '---\ntitle: Beta\n---\n' });
    const store = await createPostStore({ postsDir: posts.dir, now: FIXED_NOW, indexFile: indexFile() });
    expect(await titles(store)).toEqual(['Alpha', 'Beta']);

    // Same size, new content: only the modification time tells.
    await writeFile(path.join(posts.dir, 'a.md'), '---\ntitle: Gamma\n---\n');
    const later = new Date('2030-01-01T00:00:00Z');
    await utimes(path.join(posts.dir, 'a.md'), later, later);
    await writeFile(path.join(posts.dir, 'b.md'), '---\ntitle: Beta, longer\n---\n');
    expect(await titles(store)).toEqual(['Beta, longer', 'Gamma']);

    await rm(path.join(posts.dir, 'b.md'));
    expect(await titles(store)).toEqual(['Gamma']);
    await indexWritesDone();
    const saved = JSON.parse(await readFile(indexFile(), 'utf8')) as { posts: { id: string; title: string }[] };
    expect(saved.posts.map((post) => post.title)).toEqual(['Gamma']);
  });

  it('re-reads a file rewritten with its old size and modification time put back, even after a restart', async () => {
    // rsync -t, cp -p, tar and backups restore the modification time; a date or a typo fixed keeps the size.
    const file = path.join(posts.dir, 'a.md');
    const old = new Date('2020-01-01T00:00:00Z');
    await writeFile(file, '---\ntitle: Draft one\ndate: 2023-01-01\n---\n');
    await utimes(file, old, old);
    const first = await createPostStore({ postsDir: posts.dir, now: FIXED_NOW, indexFile: indexFile() });
    expect(await titles(first)).toEqual(['Draft one']);
    await indexWritesDone();

    await writeFile(file, '---\ntitle: Final one\ndate: 2023-02-01\n---\n');
    await utimes(file, old, old);
    // The same store (the watcher's listing) and a new one over the index file (the next start).
    expect(await titles(first)).toEqual(['Final one']);
    await indexWritesDone();
    await writeFile(file, '---\ntitle: Third one\ndate: 2023-03-01\n---\n');
    await utimes(file, old, old);
    const second = await createPostStore({ postsDir: posts.dir, now: FIXED_NOW, indexFile: indexFile() });
    const listed = await second.list();
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.value.map((post) => [post.title, post.date])).toEqual([['Third one', '2023-03-01']]);
  });

  it('ignores a damaged or outdated index file', async () => {
    await writeFiles(posts.dir, { 'a.md': '---\ntitle: Alpha\n---\n' });
    await writeFiles(data.dir, { 'index/posts.json': '{"version": 1, "posts": [{"id": "a.md", "tit' });
    expect(
      await titles(await createPostStore({ postsDir: posts.dir, now: FIXED_NOW, indexFile: indexFile() })),
    ).toEqual(['Alpha']);
    const cache = await openIndexCache(indexFile());
    cache.set(summaryFor('x.md', { title: 'X', mtimeMs: 2 }));
    expect(cache.get('x.md', 1, 2)?.title).toBe('X');
    expect(cache.get('x.md', 1, 3)).toBeUndefined();
    await writeFile(indexFile(), JSON.stringify({ version: INDEX_VERSION + 1, posts: [{ id: 'a.md' }] }));
    const outdated = await openIndexCache(indexFile());
    await outdated.load();
    expect(outdated.get('a.md', 0, 0)).toBeUndefined();
  });

  it('reads the index file when the folder is first listed, not when the store opens', async () => {
    await writeFiles(posts.dir, { 'a.md': '---\ntitle: Alpha\n---\n' });
    const store = await createPostStore({ postsDir: posts.dir, now: FIXED_NOW, indexFile: indexFile() });
    // Written after opening: only a lazy read can see it.
    const stats = await stat(path.join(posts.dir, 'a.md'));
    const entry = { id: 'a.md', title: 'From the index', date: null, sortKey: null, draft: false, path: null };
    const listed = [{ ...entry, tags: [], size: stats.size, mtimeMs: stats.mtimeMs }];
    const index = { version: INDEX_VERSION, posts: listed, ctimes: [stats.ctimeMs] };
    await writeFiles(data.dir, { 'index/posts.json': JSON.stringify(index) });
    expect(await titles(store)).toEqual(['From the index']);
  });

  it('answers before the index file is written, writes one at a time, and still lists when it cannot write', async () => {
    await writeFiles(posts.dir, { 'a.md': '---\ntitle: Alpha\n---\n' });
    // The data folder's "index" is a file: no index file can be made there.
    await writeFiles(data.dir, { index: 'not a folder' });
    const store = await createPostStore({ postsDir: posts.dir, now: FIXED_NOW, indexFile: indexFile() });
    expect(await titles(store)).toEqual(['Alpha']);
    await indexWritesDone();

    const cache = await openIndexCache(path.join(data.dir, 'fresh', 'posts.json'));
    const summary = { id: 'x.md', title: 'X', date: null, sortKey: null, draft: false, path: null, tags: [] };
    cache.set({ ...summary, size: 1, mtimeMs: 1 });
    const first = cache.flush();
    cache.set({ ...summary, title: 'Y', size: 2, mtimeMs: 2 });
    const second = cache.flush();
    await Promise.all([first, second]);
    const saved = JSON.parse(await readFile(path.join(data.dir, 'fresh', 'posts.json'), 'utf8')) as {
      posts: { title: string }[];
    };
    expect(saved.posts.map((post) => post.title)).toEqual(['Y']);
  });

  it('knows which posts it has a summary of, whatever their size and time', async () => {
    await writeFiles(posts.dir, { 'a.md': '---\ntitle: Alpha\n---\n' });
    const cache = await openIndexCache();
    expect(cache.has('a.md')).toBe(false);
    const store = await createPostStore({ postsDir: posts.dir, now: FIXED_NOW });
    expect(await titles(store)).toEqual(['Alpha']);
    const stats = await stat(path.join(posts.dir, 'a.md'));
    cache.set({
      id: 'a.md',
      title: 'A',
      date: null,
      sortKey: null,
      draft: false,
      path: null,
      tags: [],
      ...sized(stats),
    });
    expect(cache.has('a.md')).toBe(true);
    expect(cache.get('a.md', stats.size, stats.mtimeMs)?.title).toBe('A');
  });

  it('remembers posts every listing reads in full for the list only: given by all(), never by get()', async () => {
    const cache = await openIndexCache(indexFile());
    const plain = summaryFor('plain.md', { title: 'Plain', size: 10, mtimeMs: 5 });
    const link = summaryFor('link.md', { title: 'Link', size: 10, mtimeMs: 5 });
    const unreadable = { ...summaryFor('locked.md', { size: 3, mtimeMs: 7 }), problem: 'Could not read locked.md.' };
    cache.set(plain, 9);
    cache.show(link);
    cache.show(unreadable);
    expect(cache.get('link.md', 10, 5)).toBeUndefined();
    expect(cache.get('locked.md', 3, 7)).toBeUndefined();
    await cache.flush();
    // A new start: the same three come back, the list-only two still never given for their stats.
    const reopened = await openIndexCache(indexFile());
    await reopened.load();
    expect(
      reopened
        .all()
        .map((post) => post.id)
        .sort(),
    ).toEqual(['link.md', 'locked.md', 'plain.md']);
    expect(reopened.all().find((post) => post.id === 'locked.md')?.problem).toBe('Could not read locked.md.');
    expect(reopened.get('plain.md', 10, 5, 9)).toEqual(plain);
    expect(reopened.get('link.md', 10, 5)).toBeUndefined();
    expect(reopened.get('locked.md', 3, 7)).toBeUndefined();
    // Read whole at last: its summary is remembered as any other's.
    const readable = summaryFor('locked.md', { title: 'Now readable', size: 3, mtimeMs: 7 });
    reopened.set(readable, 11);
    expect(reopened.get('locked.md', 3, 7, 11)).toEqual(readable);
  });

  it('keeps the index in memory when no file is given', async () => {
    await writeFiles(posts.dir, { 'a.md': '---\ntitle: Alpha\n---\n' });
    const store = await createPostStore({ postsDir: posts.dir, now: FIXED_NOW });
    expect(await titles(store)).toEqual(['Alpha']);
    await writeFile(path.join(posts.dir, 'a.md'), '---\ntitle: Alphabet\n---\n');
    expect(await titles(store)).toEqual(['Alphabet']);
  });
});

function sized(stats: { size: number; mtimeMs: number }): { size: number; mtimeMs: number } {
  return { size: stats.size, mtimeMs: stats.mtimeMs };
}

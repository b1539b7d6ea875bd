import { realpathSync } from 'node:fs';
import { mkdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BlogApi } from '../../shared/api/contract';
import { createBlogApi, openPostStore } from './store/index';
import { tempFolderPerTest, valueOf, writeFiles } from './store/testing';
import { CLOCK_SLACK_MS, listingWitness, watchAfter, type LateWatcher } from './watch-after';
import { createWatcher, type FolderChanges, type WatcherOptions } from './watcher';

const temp = tempFolderPerTest('postwright-watch-after-');
let root: string;
let late: LateWatcher | undefined;
let batches: FolderChanges[];

async function apiOver(dir: string): Promise<BlogApi> {
  return createBlogApi(valueOf(await openPostStore({ postsDir: dir, now: () => new Date() })), {});
}

/** A watcher start held until `release()`, like chokidar's first scan of a big folder. */
function heldStart(): {
  start: (options: WatcherOptions) => ReturnType<typeof createWatcher>;
  release: () => void;
  started: () => boolean;
} {
  let release = (): void => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let started = false;
  return {
    start: async (options) => {
      started = true;
      await gate;
      return createWatcher({ ...options, debounceMs: 30 });
    },
    release: () => release(),
    started: () => started,
  };
}

beforeEach(async () => {
  root = realpathSync(temp.dir);
  await writeFiles(root, { 'kept.md': '# Kept\n', 'edited.md': '# Edited\n', 'deleted.md': '# Deleted\n' });
  batches = [];
  late = undefined;
});
afterEach(async () => {
  await late?.close();
});

describe('watchAfter with a listing witness', () => {
  it('starts the watcher only after the listing, and reports what changed before it was ready as one batch', async () => {
    // A clock ahead of the files' times: only the stats the listing saw can tell a change.
    const witness = listingWitness(await apiOver(root), () => Date.now() + CLOCK_SLACK_MS + 60_000);
    const held = heldStart();
    late = watchAfter({
      root,
      after: witness.listed,
      missed: () => witness.missedSince(root),
      start: held.start,
      onChange: (changes) => batches.push(changes),
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(held.started()).toBe(false);

    const listed = await witness.api.listPosts();
    expect(listed.ok).toBe(true);
    await witness.listed;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(held.started()).toBe(true);

    // While the watcher's first scan runs, another program edits, adds and deletes.
    await writeFile(path.join(root, 'edited.md'), '# Edited\n\nA longer body now.\n');
    await writeFile(path.join(root, 'added.md'), '# Added\n');
    await rm(path.join(root, 'deleted.md'));
    held.release();
    await late.ready;

    expect(batches).toEqual([{ added: ['added.md'], changed: ['edited.md'], removed: ['deleted.md'] }]);
  });

  it('reports nothing when nothing changed since the listing', async () => {
    const witness = listingWitness(await apiOver(root), () => Date.now() + CLOCK_SLACK_MS + 60_000);
    late = watchAfter({
      root,
      after: witness.listed,
      missed: () => witness.missedSince(root),
      onChange: (c) => batches.push(c),
    });
    await witness.api.listPosts();
    await late.ready;
    expect(batches).toEqual([]);
  });

  it('counts a file changed after the listing started by its change time, even with its size and mtime kept', async () => {
    const witness = listingWitness(await apiOver(root));
    const listed = await witness.api.listPosts();
    expect(listed.ok).toBe(true);
    const missed = await witness.missedSince(root);
    // Every file here was written within CLOCK_SLACK_MS of the listing: each may have changed after it read them.
    expect(missed.changed).toEqual(['deleted.md', 'edited.md', 'kept.md']);
    expect(missed.added).toEqual([]);
    expect(missed.removed).toEqual([]);
  });

  it('waits for a listing under way, and judges by it', async () => {
    const witness = listingWitness(await apiOver(root));
    // Asked while the first listing runs: it is awaited and compared with (without it, the three
    // posts just written would be additions; against it, each may have changed after it read them).
    const listing = witness.api.listPosts();
    const missed = await witness.missedSince(root);
    expect((await listing).ok).toBe(true);
    expect(missed).toEqual({ added: [], changed: ['deleted.md', 'edited.md', 'kept.md'], removed: [] });
  });

  it('without any listing, reports the posts written since it was made as additions', async () => {
    const witness = listingWitness(await apiOver(root));
    const missed = await witness.missedSince(root);
    expect(missed.added).toEqual(['deleted.md', 'edited.md', 'kept.md']);
    const later = listingWitness(await apiOver(root), () => Date.now() + CLOCK_SLACK_MS + 60_000);
    expect(await later.missedSince(root)).toEqual({ added: [], changed: [], removed: [] });
  });

  it('closes at once while waiting for the listing, and never starts the watcher', async () => {
    const held = heldStart();
    late = watchAfter({
      root,
      after: new Promise(() => undefined),
      missed: () => Promise.resolve({ added: [], changed: [], removed: [] }),
      start: held.start,
      onChange: (changes) => batches.push(changes),
    });
    await late.close();
    await late.ready;
    expect(held.started()).toBe(false);
  });

  it('a watcher that fails to start is an error, not a crash', async () => {
    const errors: string[] = [];
    late = watchAfter({
      root,
      after: Promise.resolve(),
      missed: () => Promise.resolve({ added: [], changed: [], removed: [] }),
      start: () => Promise.reject(new Error('too many watched files')),
      onChange: (changes) => batches.push(changes),
      onError: (error) => errors.push(error.message),
    });
    await late.ready;
    expect(errors).toEqual(['too many watched files']);
  });

  it('reports changes after the catch-up as any watcher does', async () => {
    const witness = listingWitness(await apiOver(root), () => Date.now() + CLOCK_SLACK_MS + 60_000);
    let wake = (): void => undefined;
    late = watchAfter({
      root,
      after: witness.listed,
      missed: () => witness.missedSince(root),
      start: (options) => createWatcher({ ...options, debounceMs: 30 }),
      onChange: (changes) => {
        batches.push(changes);
        wake();
      },
    });
    await witness.api.listPosts();
    await late.ready;
    const seen = new Promise<void>((resolve) => (wake = resolve));
    await writeFile(path.join(root, 'later.md'), '# Later\n');
    await seen;
    expect(batches.flatMap((batch) => batch.added)).toContain('later.md');
  });

  it('a folder moved away before the watcher is ready loses its posts, and is watched again once back', async () => {
    const blog = path.join(root, 'blog');
    await writeFiles(blog, { 'a.md': '# A\n' });
    const witness = listingWitness(await apiOver(blog), () => Date.now() + CLOCK_SLACK_MS + 60_000);
    const held = heldStart();
    let wake = (): void => undefined;
    late = watchAfter({
      root: blog,
      after: witness.listed,
      missed: () => witness.missedSince(blog),
      start: (options) => held.start({ ...options, rewatchMs: 100 }),
      onChange: (changes) => {
        batches.push(changes);
        wake();
      },
    });
    await witness.api.listPosts();
    await rename(blog, path.join(root, 'blog-away'));
    held.release();
    await late.ready;
    expect(batches).toEqual([{ added: [], changed: [], removed: ['a.md'] }]);

    // Back, with a post more: the watcher finds it, says anything may have changed, then reports the new post.
    await rename(path.join(root, 'blog-away'), blog);
    await new Promise<void>((resolve) => (wake = resolve));
    expect(batches[1]).toEqual({ added: [], changed: [], removed: [] });
    const seen = new Promise<void>((resolve) => (wake = resolve));
    await writeFile(path.join(blog, 'c.md'), '# C\n');
    await seen;
    expect(batches.flatMap((batch) => batch.added)).toContain('c.md');
  });

  it('a page that listed first hears of what a later listing already saw (two tabs)', async () => {
    const witness = listingWitness(await apiOver(root), () => Date.now() + CLOCK_SLACK_MS + 60_000);
    await witness.api.listPosts();
    await rm(path.join(root, 'deleted.md'));
    await writeFile(path.join(root, 'added.md'), '# Added\n');
    await witness.api.listPosts();
    expect(await witness.missedSince(root)).toEqual({ added: ['added.md'], changed: [], removed: ['deleted.md'] });
  });

  it('a post that is a link to another post is not reported when nothing changed', async () => {
    await mkdir(path.join(root, 'drafts'));
    await writeFile(path.join(root, 'drafts', 'target.md'), '# Target\n\nThe text both names show.\n');
    await symlink(path.join(root, 'drafts', 'target.md'), path.join(root, 'linked.md'));
    const witness = listingWitness(await apiOver(root), () => Date.now() + CLOCK_SLACK_MS + 60_000);
    await witness.api.listPosts();
    expect(await witness.missedSince(root)).toEqual({ added: [], changed: [], removed: [] });
    await writeFile(path.join(root, 'drafts', 'target.md'), '# Target\n\nLonger text now, under both names.\n');
    expect((await witness.missedSince(root)).changed).toEqual(['drafts/target.md', 'linked.md']);
  });

  it('a failed catch-up is an error, and the watcher still reports and closes', async () => {
    const errors: string[] = [];
    let wake = (): void => undefined;
    late = watchAfter({
      root,
      after: Promise.resolve(),
      missed: () => Promise.reject(new Error('cannot walk')),
      start: (options) => createWatcher({ ...options, debounceMs: 30 }),
      onChange: (changes) => {
        batches.push(changes);
        wake();
      },
      onError: (error) => errors.push(error.message),
    });
    await late.ready;
    expect(errors).toEqual(['cannot walk']);
    const seen = new Promise<void>((resolve) => (wake = resolve));
    await writeFile(path.join(root, 'later.md'), '# Later\n');
    await seen;
    expect(batches.flatMap((batch) => batch.added)).toContain('later.md');
    // Closed, it reports nothing more (it was left running, unreachable, before).
    await late.close();
    const count = batches.length;
    await writeFile(path.join(root, 'after-close.md'), '# After\n');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(batches.length).toBe(count);
  });
});

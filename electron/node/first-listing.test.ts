// The early listing is handed out once, and never when something may have changed since it began.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { BlogApi, PostSummary, Result } from '../../shared/api/contract';
import { firstListing } from './first-listing';
import { openFolderSession } from './folder-session';
import type { FolderChanges } from './watcher';
import { createBlogApi, openPostStore } from './store/index';
import { FIXED_NOW, tempFolderPerTest } from './store/testing';

const folder = tempFolderPerTest('postwright-first-listing-');
let inner: BlogApi;
let listings: number;

beforeEach(async () => {
  await writeFile(path.join(folder.dir, 'hello.md'), '---\ntitle: Hello\n---\nBody.\n');
  const store = await openPostStore({ postsDir: folder.dir, now: FIXED_NOW });
  if (!store.ok) throw new Error(store.error.message);
  const real = createBlogApi(store.value, { journalDir: path.join(folder.dir, '.journal') });
  listings = 0;
  // Counts the listings the real API makes; the wrapper under test is not stubbed.
  inner = { ...real, listPosts: () => (listings++, real.listPosts()) };
});

function titles(result: Result<PostSummary[]>): string[] {
  if (!result.ok) throw new Error(result.error.message);
  return result.value.map((post) => post.title);
}

describe('firstListing', () => {
  it('answers the first listPosts with the listing started early, and later ones afresh', async () => {
    const first = firstListing(inner);
    first.start();
    await first.settled();
    expect(titles(await first.api.listPosts())).toEqual(['Hello']);
    expect(listings).toBe(1);
    expect(titles(await first.api.listPosts())).toEqual(['Hello']);
    expect(listings).toBe(2);
  });

  it('lists afresh when the watcher reported a change meanwhile', async () => {
    const first = firstListing(inner);
    first.start();
    await first.settled();
    await writeFile(path.join(folder.dir, 'new.md'), '---\ntitle: New\n---\n');
    first.invalidate();
    expect(titles(await first.api.listPosts()).sort()).toEqual(['Hello', 'New']);
    expect(listings).toBe(2);
  });

  it('lists afresh after a call that writes, even before the watcher reports it', async () => {
    const first = firstListing(inner);
    first.start();
    await first.settled();
    const created = await first.api.createPost({ title: 'Created' });
    expect(created.ok).toBe(true);
    expect(titles(await first.api.listPosts()).sort()).toEqual(['Created', 'Hello']);
    expect(listings).toBe(2);
  });

  it('is not started until asked, and then lists as usual', async () => {
    const first = firstListing(inner);
    expect(titles(await first.api.listPosts())).toEqual(['Hello']);
    expect(listings).toBe(1);
  });

  it('behind a folder session with a remembered list (as browser mode puts them together), hands out the remembered list while the check runs, then a fresh one once the check found a change', async () => {
    const remembered = await inner.listPosts();
    if (!remembered.ok) throw new Error(remembered.error.message);
    // Retitled while the app was closed; the check behind the remembered list is held until released.
    await writeFile(path.join(folder.dir, 'hello.md'), '---\ntitle: Hello again\n---\nBody.\n');
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const gated: BlogApi = { ...inner, listPosts: async () => (await held, inner.listPosts()) };
    const changes: FolderChanges[] = [];
    let changed = (): void => undefined;
    const told = new Promise<void>((resolve) => (changed = resolve));
    const session = openFolderSession(gated, {
      root: folder.dir,
      remembered: () => Promise.resolve(remembered.value),
      onChange: (found) => {
        first.invalidate();
        changes.push(found);
        changed();
      },
      onWatchError: (error) => {
        throw error;
      },
    });
    const first = firstListing(session.api);
    try {
      first.start();
      expect(titles(await first.api.listPosts())).toEqual(['Hello']);
      release();
      await told;
      expect(changes[0]).toEqual({ added: [], changed: ['hello.md'], removed: [] });
      expect(titles(await first.api.listPosts())).toEqual(['Hello again']);
    } finally {
      release();
      await session.close();
    }
  });
});

import { realpathSync } from 'node:fs';
import { readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BlogApi, PostSummary } from '../../shared/api/contract';
import { indexWritesDone } from './store/index-cache';
import { createBlogApi, openPostStore, type PostStore } from './store/index';
import { summaryFor, tempFolderPerTest, valueOf, writeFiles } from './store/testing';
import { differences, rememberedFirst } from './remembered-first';
import type { FolderChanges } from './watcher';

const temp = tempFolderPerTest('postwright-remembered-');
/** Posts above this many bytes are too large to list (as above the app's 10 MiB). */
const SMALL_LIMIT = 4096;
let posts: string;
let indexFile: string;

beforeEach(async () => {
  const root = realpathSync(temp.dir);
  posts = path.join(root, 'posts');
  indexFile = path.join(root, 'data', 'index.json');
  await writeFiles(posts, {
    'kept.md': '---\ntitle: Kept\n---\nBody.\n',
    'edited.md': '---\ntitle: Edited\n---\nBody.\n',
    'restored.md': '---\ntitle: Restored\n---\nBody.\n',
    'deleted.md': '---\ntitle: Deleted\n---\nBody.\n',
  });
});

// The check behind a remembered listing writes the index after the test's own steps: let it end
// before the folder is removed.
const checks: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(checks.splice(0).map((checked) => checked()));
  await indexWritesDone();
});

/** A store over the posts with the index file, as an app start opens it. */
async function start(): Promise<{
  store: PostStore;
  api: BlogApi;
  checked: () => Promise<void>;
  changes: FolderChanges[];
  next: Promise<void>;
}> {
  const store = valueOf(
    await openPostStore({ postsDir: posts, now: () => new Date(), indexFile, maxFileBytes: SMALL_LIMIT }),
  );
  const changes: FolderChanges[] = [];
  let wake = (): void => undefined;
  const next = new Promise<void>((resolve) => (wake = resolve));
  const { api, checked } = rememberedFirst(
    createBlogApi(store),
    () => store.remembered(),
    (batch) => {
      changes.push(batch);
      wake();
    },
  );
  checks.push(checked);
  return { store, api, checked, changes, next };
}

/** A run of the app that listed the folder (and wrote its index) before this one. */
async function listedInAnEarlierRun(): Promise<void> {
  valueOf(await (await start()).api.listPosts());
  await indexWritesDone();
}

const titles = (list: PostSummary[]): string[] => list.map((post) => post.title).sort();

describe('rememberedFirst', () => {
  it('lists in full when nothing is remembered, and says nothing after', async () => {
    const first = await start();
    expect(await first.store.remembered()).toBeNull();
    const listed = valueOf(await first.api.listPosts());
    expect(titles(listed)).toEqual(['Deleted', 'Edited', 'Kept', 'Restored']);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(first.changes).toEqual([]);
  });

  it('shows the remembered list at once, then reports what changed while the app was closed', async () => {
    await listedInAnEarlierRun();

    // While the app is closed: an edit, an edit whose time is set back (same size), a deletion, a new post.
    await writeFile(path.join(posts, 'edited.md'), '---\ntitle: Edited again\n---\nA longer body.\n');
    const restored = path.join(posts, 'restored.md');
    const before = await stat(restored);
    await writeFile(restored, (await readFile(restored, 'utf8')).replace('Restored', 'Reworded'));
    await utimes(restored, before.atime, before.mtime);
    expect((await stat(restored)).size).toBe(before.size);
    await rm(path.join(posts, 'deleted.md'));
    await writeFiles(posts, { 'added.md': '---\ntitle: Added\n---\nBody.\n' });

    const second = await start();
    // The index's list, as it was: the deleted post still in it, the new one not yet.
    expect(titles(valueOf(await second.api.listPosts()))).toEqual(['Deleted', 'Edited', 'Kept', 'Restored']);
    await second.next;
    expect(second.changes).toEqual([
      { added: ['added.md'], changed: ['edited.md', 'restored.md'], removed: ['deleted.md'] },
    ]);
    // Every later listing is the full one.
    expect(titles(valueOf(await second.api.listPosts()))).toEqual(['Added', 'Edited again', 'Kept', 'Reworded']);
    // Once checked, the index file holds what the check found: the next start remembers it.
    await second.checked();
    const third = await start();
    expect(titles((await third.store.remembered()) ?? [])).toEqual(['Added', 'Edited again', 'Kept', 'Reworded']);
  });

  it('says nothing when nothing changed', async () => {
    await listedInAnEarlierRun();
    const second = await start();
    expect(titles(valueOf(await second.api.listPosts()))).toEqual(['Deleted', 'Edited', 'Kept', 'Restored']);
    await second.checked();
    expect(second.changes).toEqual([]);
  });

  it('remembers posts read in full at every listing (a link, one too large) and, unchanged, says nothing of them', async () => {
    await writeFile(path.join(temp.dir, 'outside.md'), '---\ntitle: Linked\n---\nBody.\n');
    await symlink(path.join(realpathSync(temp.dir), 'outside.md'), path.join(posts, 'linked.md'));
    await writeFile(path.join(posts, 'huge.md'), `---\ntitle: Huge\n---\n${'x'.repeat(SMALL_LIMIT)}\n`);
    await listedInAnEarlierRun();
    const second = await start();
    const shown = valueOf(await second.api.listPosts());
    // The remembered list has them, as the last listing showed them.
    expect(shown.map((post) => post.id).sort()).toEqual([
      'deleted.md',
      'edited.md',
      'huge.md',
      'kept.md',
      'linked.md',
      'restored.md',
    ]);
    expect(shown.find((post) => post.id === 'huge.md')?.problem).toMatch(/^This file is 5 KiB; Postwright opens/);
    await second.checked();
    expect(second.changes).toEqual([]);
  });

  it('a folder gone since: "anything may have changed", and the next listing says why', async () => {
    await listedInAnEarlierRun();
    const second = await start();
    await rm(posts, { recursive: true });
    expect(titles(valueOf(await second.api.listPosts()))).toHaveLength(4);
    await second.next;
    expect(second.changes).toEqual([{ added: [], changed: [], removed: [] }]);
    const again = await second.api.listPosts();
    expect(again.ok).toBe(false);
  });
});

describe('differences', () => {
  const post = (id: string, title: string): PostSummary => summaryFor(id, { title, mtimeMs: 1 });
  it('tells added, changed and removed posts apart, and an equal copy from a change', () => {
    const same = post('same.md', 'Same');
    expect(
      differences(
        [same, post('copy.md', 'Copy'), post('old.md', 'Old'), post('gone.md', 'Gone')],
        [same, post('copy.md', 'Copy'), post('old.md', 'New title'), post('new.md', 'New')],
      ),
    ).toEqual({ added: ['new.md'], changed: ['old.md'], removed: ['gone.md'] });
  });
});

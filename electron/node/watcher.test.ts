import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { mkdirSync, realpathSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './store/io';
import { makeTempFolder } from './store/testing';
import { createWatcher, type FolderChanges, type FolderWatcher } from './watcher';

let folder: { dir: string; remove: () => Promise<void> };
let root: string;
let watcher: FolderWatcher | undefined;
let batches: FolderChanges[];
let waiters: (() => void)[];

beforeEach(async () => {
  folder = await makeTempFolder('postwright-watch-');
  root = realpathSync(folder.dir);
  await mkdir(path.join(root, 'posts'));
  await writeFile(path.join(root, 'posts', 'existing.md'), 'hello\n');
  batches = [];
  waiters = [];
  watcher = await createWatcher({
    root,
    debounceMs: 50,
    onChange: (changes) => {
      batches.push(changes);
      for (const wake of waiters.splice(0)) wake();
    },
  });
});
afterEach(async () => {
  await watcher?.close();
  await folder.remove();
});

/** Waits until the collected batches satisfy `seen`, failing after a timeout (no sleeping). */
async function until(seen: (all: FolderChanges) => boolean, timeoutMs = 3000): Promise<FolderChanges> {
  const merged = (): FolderChanges => ({
    added: batches.flatMap((b) => b.added),
    changed: batches.flatMap((b) => b.changed),
    removed: batches.flatMap((b) => b.removed),
  });
  const deadline = setTimeout(() => {
    for (const wake of waiters.splice(0)) wake();
  }, timeoutMs);
  const started = performance.now();
  try {
    while (!seen(merged())) {
      if (performance.now() - started >= timeoutMs) throw new Error(`timed out; saw ${JSON.stringify(merged())}`);
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
    return merged();
  } finally {
    clearTimeout(deadline);
  }
}

describe('createWatcher', () => {
  it('reports an added post within a second, as a / separated id', async () => {
    await writeFile(path.join(root, 'posts', 'new.md'), 'new\n');
    const seen = await until((all) => all.added.length > 0, 1000);
    expect(seen.added).toEqual(['posts/new.md']);
  });

  it('reports a changed post, also when saved atomically by rename', async () => {
    await writeFile(path.join(root, 'posts', 'existing.md'), 'changed\n');
    await until((all) => all.changed.includes('posts/existing.md'), 1000);
    batches.length = 0;
    await writeFileAtomic(path.join(root, 'posts', 'existing.md'), new TextEncoder().encode('atomic\n'), 0o100644);
    const seen = await until((all) => all.changed.length + all.added.length > 0, 1000);
    expect([...seen.changed, ...seen.added]).toContain('posts/existing.md');
    expect(seen.removed).toEqual([]);
  });

  it('reports a removed post', async () => {
    await rm(path.join(root, 'posts', 'existing.md'));
    const seen = await until((all) => all.removed.length > 0, 1000);
    expect(seen.removed).toEqual(['posts/existing.md']);
  });

  it('reports a rename as a removal and an addition', async () => {
    await rename(path.join(root, 'posts', 'existing.md'), path.join(root, 'posts', 'renamed.md'));
    const seen = await until((all) => all.removed.length > 0 && all.added.length > 0, 1000);
    expect(seen).toMatchObject({ added: ['posts/renamed.md'], removed: ['posts/existing.md'] });
  });

  it('ignores the trash, hidden folders, node_modules and files that are not Markdown', async () => {
    await mkdir(path.join(root, '.postwright-trash', 'x'), { recursive: true });
    await writeFile(path.join(root, '.postwright-trash', 'x', 'gone.md'), 'gone\n');
    await mkdir(path.join(root, 'node_modules'));
    await writeFile(path.join(root, 'node_modules', 'dep.md'), 'dep\n');
    await writeFile(path.join(root, 'posts', 'image.png'), 'png');
    await writeFile(path.join(root, 'posts', '.existing.md.abc123.tmp'), 'temp');
    // A post written last: once it is reported, the earlier writes have been seen and skipped.
    await writeFile(path.join(root, 'marker.md'), 'marker\n');
    const seen = await until((all) => all.added.includes('marker.md'), 1000);
    expect(seen).toEqual({ added: ['marker.md'], changed: [], removed: [] });
  });
});

describe('createWatcher, when the posts folder itself goes away', () => {
  let blog: string;
  let own: FolderWatcher | undefined;
  let seen: FolderChanges[];
  let wake: (() => void)[];

  /** Waits for a batch that `match` accepts, failing after a timeout (no sleeping). */
  async function batchWhere(match: (changes: FolderChanges) => boolean, timeoutMs = 5000): Promise<FolderChanges> {
    const started = performance.now();
    const tick = setInterval(() => {
      for (const resume of wake.splice(0)) resume();
    }, 100);
    try {
      for (;;) {
        const found = seen.find(match);
        if (found !== undefined) return found;
        if (performance.now() - started >= timeoutMs) throw new Error(`timed out; saw ${JSON.stringify(seen)}`);
        await new Promise<void>((resolve) => wake.push(resolve));
      }
    } finally {
      clearInterval(tick);
    }
  }

  beforeEach(async () => {
    // Only this folder's watcher: chokidar shares its fs watchers by path within a process, and the
    // outer one, watching this folder as a subfolder, kept a dead one for it once it was replaced.
    await watcher?.close();
    watcher = undefined;
    blog = path.join(root, 'blog');
    await mkdir(blog);
    await writeFile(path.join(blog, 'first.md'), 'first\n');
    seen = [];
    wake = [];
    own = await createWatcher({
      root: blog,
      debounceMs: 50,
      rewatchMs: 50,
      onChange: (changes) => {
        seen.push(changes);
        for (const resume of wake.splice(0)) resume();
      },
    });
  });
  afterEach(async () => {
    await own?.close();
  });

  it.each([
    ['renamed away and back', () => rename(blog, `${blog}-away`), () => rename(`${blog}-away`, blog)],
    ['deleted and made again', () => rm(blog, { recursive: true }), () => mkdir(blog)],
  ])('%s: says anything may have changed, then reports changes in it again', async (_name, away, back) => {
    await away();
    await batchWhere((changes) => changes.removed.includes('first.md'));
    await back();
    // An empty change: the UI lists the folder again and re-reads the open post.
    await batchWhere((changes) => changes.added.length + changes.changed.length + changes.removed.length === 0);
    await writeFile(path.join(blog, 'later.md'), 'later\n');
    const later = await batchWhere((changes) => changes.added.includes('later.md'));
    expect(later.added).toEqual(['later.md']);
  });

  it('replaced at once by a new folder of the same name (faster than chokidar looks): watched anew', async () => {
    // Deleted and made again within one turn of the event loop: chokidar sees a folder there when
    // it looks, and reports no unlinkDir; the watcher knows the folder by its inode.
    rmSync(blog, { recursive: true });
    mkdirSync(blog);
    await batchWhere((changes) => changes.added.length + changes.changed.length + changes.removed.length === 0);
    await writeFile(path.join(blog, 'later.md'), 'later\n');
    const later = await batchWhere((changes) => changes.added.includes('later.md'));
    expect(later.added).toEqual(['later.md']);
  });
});

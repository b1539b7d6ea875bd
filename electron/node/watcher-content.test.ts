import { realpathSync } from 'node:fs';
import { mkdir, readFile, rename, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { versionOf } from './store/doc';
import { writeFileAtomic } from './store/io';
import { makeTempFolder } from './store/testing';
import { createWatcher, type FolderChanges, type FolderWatcher } from './watcher';

let folder: { dir: string; remove: () => Promise<void> };
let root: string;
let watcher: FolderWatcher | undefined;
let batches: FolderChanges[];
let waiters: (() => void)[];

beforeEach(async () => {
  folder = await makeTempFolder('postwright-watch-content-');
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
  await watcher.seeded;
});
afterEach(async () => {
  await watcher?.close();
  await folder.remove();
});

/** Waits until a batch reports `marker` as added, then returns everything reported (no sleeping). */
function reportedUpTo(marker: string, timeoutMs = 3000): Promise<FolderChanges> {
  return until((all) => all.added.includes(marker), timeoutMs);
}

/** Waits until everything reported so far satisfies `seen`. */
async function until(seen: (all: FolderChanges) => boolean, timeoutMs: number): Promise<FolderChanges> {
  const all = (): FolderChanges => ({
    added: batches.flatMap((b) => b.added),
    changed: batches.flatMap((b) => b.changed),
    removed: batches.flatMap((b) => b.removed),
  });
  const deadline = setTimeout(() => {
    for (const wake of waiters.splice(0)) wake();
  }, timeoutMs);
  const started = performance.now();
  try {
    while (!seen(all())) {
      if (performance.now() - started >= timeoutMs) throw new Error(`timed out; saw ${JSON.stringify(all())}`);
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
    return all();
  } finally {
    clearTimeout(deadline);
  }
}

/** Writes a new post last: once it is reported, every earlier write has been seen and judged. */
async function marker(name = 'marker.md'): Promise<string> {
  await writeFile(path.join(root, name), 'marker\n');
  return name;
}

const existing = () => path.join(root, 'posts', 'existing.md');

describe('the watcher reports content changes only', () => {
  it('reports nothing when only the modification time changes (a touch)', async () => {
    const later = new Date(Date.now() + 60_000);
    await utimes(existing(), later, later);
    expect(await reportedUpTo(await marker())).toEqual({ added: ['marker.md'], changed: [], removed: [] });
  });

  it('reports nothing when the file is rewritten with identical bytes, in place or by rename', async () => {
    await writeFile(existing(), await readFile(existing()));
    await writeFileAtomic(existing(), new TextEncoder().encode('hello\n'), 0o100644);
    expect(await reportedUpTo(await marker())).toEqual({ added: ['marker.md'], changed: [], removed: [] });
  });

  it('still reports a real change after an identical rewrite, and again when it changes back', async () => {
    await writeFile(existing(), 'hello\n');
    await writeFile(existing(), 'changed\n');
    const first = await reportedUpTo(await marker('m1.md'));
    expect(first.changed).toEqual(['posts/existing.md']);
    await writeFile(existing(), 'hello\n');
    const second = await reportedUpTo(await marker('m2.md'));
    expect(second.changed).toEqual(['posts/existing.md', 'posts/existing.md']);
  });

  it("reports the old bytes written back within one batch of the app's own save (review 24b)", async () => {
    const saved = new TextEncoder().encode('saved by the app\n');
    await writeFileAtomic(existing(), saved, 0o100644);
    watcher?.wrote('posts/existing.md', versionOf(saved));
    await writeFile(existing(), 'hello\n');
    expect((await reportedUpTo(await marker())).changed).toEqual(['posts/existing.md']);
  });

  it("still reports the app's own save it was told of: the pages refresh their lists by it (review 25)", async () => {
    const saved = new TextEncoder().encode('saved by the app\n');
    await writeFileAtomic(existing(), saved, 0o100644);
    watcher?.wrote('posts/existing.md', versionOf(saved));
    expect((await reportedUpTo(await marker())).changed).toEqual(['posts/existing.md']);
    // Once seen, an identical rewrite of it is not a change.
    await writeFileAtomic(existing(), saved, 0o100644);
    expect((await reportedUpTo(await marker('m2.md'))).changed).toEqual(['posts/existing.md']);
  });

  it('reports new, deleted and renamed posts within a second', async () => {
    await writeFile(path.join(root, 'posts', 'new.md'), 'new\n');
    await rename(existing(), path.join(root, 'posts', 'moved.md'));
    const seen = await until(
      (all) => all.added.includes('posts/moved.md') && all.removed.length > 0 && all.added.length > 1,
      1000,
    );
    expect(seen.added.sort()).toEqual(['posts/moved.md', 'posts/new.md']);
    expect(seen.removed).toEqual(['posts/existing.md']);
  });
});

describe('hashing the posts can wait (seedAfter)', () => {
  it('waits for seedAfter, still reports changes meanwhile, and closes without it', async () => {
    let release = (): void => undefined;
    const listed = new Promise<void>((resolve) => (release = resolve));
    const late = await createWatcher({
      root,
      debounceMs: 50,
      seedAfter: listed,
      onChange: (changes) => {
        batches.push(changes);
        for (const wake of waiters.splice(0)) wake();
      },
    });
    let seeded = false;
    void late.seeded.then(() => (seeded = true));
    try {
      await writeFile(existing(), 'changed before the first listing\n');
      const before = await reportedUpTo(await marker('m1.md'));
      expect(before.changed).toContain('posts/existing.md');
      expect(seeded).toBe(false);
      release();
      await late.seeded;
      const later = new Date(Date.now() + 120_000);
      await utimes(path.join(root, 'm1.md'), later, later);
      const after = await reportedUpTo(await marker('m2.md'));
      expect(after.changed.filter((id) => id === 'm1.md')).toEqual([]);
    } finally {
      await late.close();
    }
    const never = await createWatcher({
      root,
      onChange: () => undefined,
      seedAfter: new Promise<void>(() => undefined),
    });
    await never.close();
  });
});

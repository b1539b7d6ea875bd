import { readFile, symlink } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createPostStore } from './store';
import { allFiles, FIXED_NOW, makeTempFolder, tempFolderPerTest, writeFiles, valueOf } from './testing';

const folder = tempFolderPerTest();

beforeEach(async () => {
  await writeFiles(folder.dir, { 'notes/old.md': 'old words\n', 'keep.md': 'keep\n' });
});

describe('remove', () => {
  it('moves the post into the trash folder, which the list ignores', async () => {
    const store = await createPostStore({ postsDir: folder.dir, now: FIXED_NOW });
    expect(valueOf(await store.remove('notes/old.md'))).toEqual({ id: 'notes/old.md' });
    expect(await allFiles(folder.dir)).toEqual(['.postwright-trash/20240517-093005/notes/old.md', 'keep.md']);
    expect(valueOf(await store.list()).map((post) => post.id)).toEqual(['keep.md']);
    expect(await readFile(path.join(folder.dir, '.postwright-trash/20240517-093005/notes/old.md'), 'utf8')).toBe(
      'old words\n',
    );
  });

  it('never overwrites an earlier deleted copy', async () => {
    const store = await createPostStore({ postsDir: folder.dir, now: FIXED_NOW });
    valueOf(await store.remove('notes/old.md'));
    await writeFiles(folder.dir, { 'notes/old.md': 'second version\n' });
    valueOf(await store.remove('notes/old.md'));
    expect(await allFiles(folder.dir)).toEqual([
      '.postwright-trash/20240517-093005-2/notes/old.md',
      '.postwright-trash/20240517-093005/notes/old.md',
      'keep.md',
    ]);
    expect(await readFile(path.join(folder.dir, '.postwright-trash/20240517-093005/notes/old.md'), 'utf8')).toBe(
      'old words\n',
    );
  });

  it('hands the real path to the system trash when one is given', async () => {
    const trashed: string[] = [];
    const store = await createPostStore({
      postsDir: folder.dir,
      now: FIXED_NOW,
      trash: (abs) => {
        trashed.push(abs);
        return Promise.resolve();
      },
    });
    valueOf(await store.remove('keep.md'));
    expect(trashed).toEqual([path.join(store.root, 'keep.md')]);
  });

  it('reports a failing system trash as IO, keeping the post', async () => {
    const store = await createPostStore({
      postsDir: folder.dir,
      now: FIXED_NOW,
      trash: () => Promise.reject(new Error('Trash is not available')),
    });
    const result = await store.remove('keep.md');
    expect(result.ok ? 'ok' : result.error.code).toBe('IO');
    expect(result.ok ? '' : result.error.message).toContain('Trash is not available');
    expect(await readFile(path.join(folder.dir, 'keep.md'), 'utf8')).toBe('keep\n');
  });

  it('refuses a trash folder that is a link leading outside, keeping the post', async () => {
    const outside = await makeTempFolder('postwright-outside-');
    try {
      await symlink(outside.dir, path.join(folder.dir, '.postwright-trash'));
      const store = await createPostStore({ postsDir: folder.dir, now: FIXED_NOW });
      const result = await store.remove('keep.md');
      expect(result.ok ? 'ok' : result.error.code).toBe('PERMISSION');
      expect(await readFile(path.join(folder.dir, 'keep.md'), 'utf8')).toBe('keep\n');
      expect(await allFiles(outside.dir)).toEqual([]);
    } finally {
      await outside.remove();
    }
  });

  it('reports a missing post as NOT_FOUND', async () => {
    const store = await createPostStore({ postsDir: folder.dir, now: FIXED_NOW });
    const result = await store.remove('gone.md');
    expect(result.ok ? 'ok' : result.error.code).toBe('NOT_FOUND');
  });
});

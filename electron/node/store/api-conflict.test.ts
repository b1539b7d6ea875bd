/** Two windows or browser tabs editing one post: the second save is refused, never a silent overwrite. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PostDoc, SaveRequest } from '../../../shared/api/contract';
import { dispatch } from '../dispatch';
import { createBlogApi } from './api';
import { createPostStore } from './store';
import { FIXED_NOW, makeTempFolder, seedPost, writeFiles } from './testing';

let folder: { dir: string; remove: () => Promise<void> };

beforeEach(async () => {
  folder = await makeTempFolder('postwright-conflict-');
  await writeFiles(folder.dir, { 'hello.md': seedPost('hello', '2024-01-01', 'Hello') });
});
afterEach(async () => {
  await folder.remove();
});

describe('two tabs saving the same post', () => {
  it('the second save gets CONFLICT and the first one stays on disk; forcing ("keep mine") overwrites', async () => {
    // Each tab is its own API over its own store, as two windows or two servers would be.
    const tabA = createBlogApi(await createPostStore({ postsDir: folder.dir, now: FIXED_NOW }));
    const tabB = createBlogApi(await createPostStore({ postsDir: folder.dir, now: FIXED_NOW }));
    const open = async (api: typeof tabA): Promise<PostDoc> => {
      const read = await dispatch(api, 'readPost', ['hello.md']);
      if (!read.ok) throw new Error(read.error.message);
      return read.value as PostDoc;
    };
    const [docA, docB] = [await open(tabA), await open(tabB)];
    const save = (doc: PostDoc, body: string): SaveRequest => ({
      id: doc.id,
      baseVersion: doc.version,
      body,
      frontMatter: { kind: 'none' },
    });
    expect((await dispatch(tabA, 'savePost', [save(docA, '\nFrom tab A.\n')])).ok).toBe(true);
    const second = await dispatch(tabB, 'savePost', [save(docB, '\nFrom tab B.\n')]);
    expect(second.ok ? 'ok' : second.error.code).toBe('CONFLICT');
    const onDisk = () => readFile(path.join(folder.dir, 'hello.md'), 'utf8');
    expect(await onDisk()).toContain('From tab A.');
    expect(await onDisk()).not.toContain('From tab B.');
    const forced = await dispatch(tabB, 'savePost', [{ ...save(docB, '\nFrom tab B.\n'), force: true }]);
    expect(forced.ok).toBe(true);
    expect(await onDisk()).toContain('From tab B.');
  });

  it('the same tab saving twice in a row needs the version the first save returned', async () => {
    const api = createBlogApi(await createPostStore({ postsDir: folder.dir, now: FIXED_NOW }));
    const read = await api.readPost('hello.md');
    if (!read.ok) throw new Error(read.error.message);
    const first = await api.savePost({
      id: 'hello.md',
      baseVersion: read.value.version,
      body: 'One.\n',
      frontMatter: { kind: 'none' },
    });
    if (!first.ok) throw new Error(first.error.message);
    const stale = await api.savePost({
      id: 'hello.md',
      baseVersion: read.value.version,
      body: 'Two.\n',
      frontMatter: { kind: 'none' },
    });
    expect(stale.ok ? 'ok' : stale.error.code).toBe('CONFLICT');
    const fresh = await api.savePost({
      id: 'hello.md',
      baseVersion: first.value.version,
      body: 'Two.\n',
      frontMatter: { kind: 'none' },
    });
    expect(fresh.ok).toBe(true);
  });
});

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../dispatch';
import { createBlogApi } from './api';
import { createPostStore, openPostStore } from './store';
import { FIXED_NOW, makeTempFolder, seedPost, writeFiles } from './testing';

let folder: { dir: string; remove: () => Promise<void> };

beforeEach(async () => {
  folder = await makeTempFolder();
  await writeFiles(folder.dir, { 'hello.md': seedPost('hello', '2024-01-01', 'Hello') });
});
afterEach(async () => {
  await folder.remove();
});

describe('createBlogApi', () => {
  it('serves every method of the contract over the store', async () => {
    const api = createBlogApi(await createPostStore({ postsDir: folder.dir, now: FIXED_NOW }));
    const workspace = await api.getWorkspace();
    expect(workspace.ok && workspace.value.name).toBe(path.basename(folder.dir));
    const listed = await dispatch(api, 'listPosts', []);
    expect(listed.ok && (listed.value as { id: string }[]).map((post) => post.id)).toEqual(['hello.md']);
    const read = await api.readPost('hello.md');
    if (!read.ok) throw new Error(read.error.message);
    const saved = await dispatch(api, 'savePost', [
      { id: 'hello.md', baseVersion: read.value.version, body: 'New body.\n', frontMatter: { kind: 'none' } },
    ]);
    expect(saved.ok).toBe(true);
    const created = await api.createPost({ title: 'Second' });
    expect(created.ok && created.value.id).toBe('second.md');
    expect(await api.deletePost('second.md')).toEqual({ ok: true, value: { id: 'second.md' } });
  });

  it('answers hostile ids with a failure value, never a throw', async () => {
    const api = createBlogApi(await createPostStore({ postsDir: folder.dir, now: FIXED_NOW }));
    const direct = await api.readPost('../../etc/passwd.md');
    expect(direct.ok ? 'ok' : direct.error.code).toBe('INVALID_ID');
    const dispatched = await dispatch(api, 'readPost', ['../x.md']);
    expect(dispatched.ok ? 'ok' : dispatched.error.code).toBe('INVALID_ARGUMENT');
  });
});

describe('openPostStore', () => {
  it('fails clearly when the posts folder is missing or is a file', async () => {
    const missing = await openPostStore({ postsDir: path.join(folder.dir, 'nope'), now: FIXED_NOW });
    expect(missing.ok ? 'ok' : missing.error.code).toBe('NOT_FOUND');
    expect(missing.ok ? '' : missing.error.message).toContain('nope');
    const file = path.join(folder.dir, 'file.txt');
    await writeFile(file, 'x');
    const notFolder = await openPostStore({ postsDir: file, now: FIXED_NOW });
    expect(notFolder.ok ? 'ok' : notFolder.error.code).toBe('NOT_A_FILE');
    await expect(createPostStore({ postsDir: path.join(folder.dir, 'nope'), now: FIXED_NOW })).rejects.toThrow(
      /does not exist/,
    );
  });
});

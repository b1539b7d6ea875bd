import { execFileSync } from 'node:child_process';
import { mkdir, readFile, symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/api/contract';
import { createPostStore, type PostStore } from './store';
import { FIXED_NOW, makeTempFolder, seedPost, writeFiles } from './testing';

let folder: { dir: string; remove: () => Promise<void> };
let outside: { dir: string; remove: () => Promise<void> };
let store: PostStore;

beforeEach(async () => {
  outside = await makeTempFolder('postwright-outside-');
  folder = await makeTempFolder();
  await writeFiles(outside.dir, { 'secret.md': '---\ntitle: Secret\n---\nsecret body\n', 'photo.png': 'png' });
  await writeFiles(folder.dir, { 'post.md': seedPost('post', '2024-01-01', 'Post'), 'images/a.png': 'png-bytes' });
  store = await createPostStore({ postsDir: folder.dir, now: FIXED_NOW });
});
afterEach(async () => {
  await folder.remove();
  await outside.remove();
});

function code<T>(result: Result<T>): string {
  return result.ok ? 'ok' : result.error.code;
}

const saveOf = (id: string) => ({
  id,
  baseVersion: 'x',
  body: 'overwritten\n',
  frontMatter: { kind: 'none' as const },
  force: true,
});

describe('post ids', () => {
  const hostile = [
    '../secret.md',
    'a/../../secret.md',
    '..\\secret.md',
    '/etc/passwd.md',
    'C:x.md',
    'C:\\x.md',
    'post.md\u0000.png',
    'x.md:evil',
    'CON.md',
    'trailing.md ',
    'post.txt',
    '',
    'a//b.md',
    'cafe\u0301.md',
  ];
  it.each(hostile)('refuses %j with INVALID_ID on read, save, delete and resolve', async (id) => {
    expect(code(await store.read(id))).toBe('INVALID_ID');
    expect(code(await store.save(saveOf(id)))).toBe('INVALID_ID');
    expect(code(await store.remove(id))).toBe('INVALID_ID');
    expect(code(await store.resolveId(id))).toBe('INVALID_ID');
    expect(await readFile(path.join(outside.dir, 'secret.md'), 'utf8')).toContain('secret body');
  });

  it('takes the real path of the posts folder and resolves ids below it', async () => {
    const resolved = await store.resolveId('post.md');
    expect(resolved).toEqual({ ok: true, value: path.join(store.root, 'post.md') });
    expect(store.name).toBe(path.basename(folder.dir));
  });

  it('refuses to read or write through a link that leads outside', async () => {
    await symlink(path.join(outside.dir, 'secret.md'), path.join(folder.dir, 'escape.md'));
    const read = await store.read('escape.md');
    expect(code(read)).toBe('INVALID_ID');
    expect(JSON.stringify(read)).not.toContain('secret body');
    expect(code(await store.save(saveOf('escape.md')))).toBe('INVALID_ID');
    expect(code(await store.remove('escape.md'))).toBe('INVALID_ID');
    expect(await readFile(path.join(outside.dir, 'secret.md'), 'utf8')).toContain('secret body');
  });

  it('refuses a post below a linked folder that leads outside', async () => {
    await symlink(outside.dir, path.join(folder.dir, 'linked'));
    expect(code(await store.read('linked/secret.md'))).toBe('INVALID_ID');
    expect(code(await store.save(saveOf('linked/secret.md')))).toBe('INVALID_ID');
  });

  it('opens a link inside the folder read-only and never writes through it', async () => {
    await symlink(path.join(folder.dir, 'post.md'), path.join(folder.dir, 'alias.md'));
    const read = await store.read('alias.md');
    expect(read.ok && read.value.readOnly).toMatch(/symbolic link/);
    expect(code(await store.save(saveOf('alias.md')))).toBe('READ_ONLY');
    expect(code(await store.remove('alias.md'))).toBe('NOT_A_FILE');
    expect(await readFile(path.join(folder.dir, 'post.md'), 'utf8')).toBe(seedPost('post', '2024-01-01', 'Post'));
  });

  it('refuses a folder named x.md and a FIFO with NOT_A_FILE', async () => {
    await mkdir(path.join(folder.dir, 'folder.md'));
    expect(code(await store.read('folder.md'))).toBe('NOT_A_FILE');
    expect(code(await store.save(saveOf('folder.md')))).toBe('NOT_A_FILE');
    expect(code(await store.resolveId('folder.md'))).toBe('NOT_A_FILE');
    if (process.platform === 'win32') {
      console.log('skipping the FIFO case: Windows has no FIFOs');
      return;
    }
    execFileSync('mkfifo', [path.join(folder.dir, 'pipe.md')]);
    expect(code(await store.read('pipe.md'))).toBe('NOT_A_FILE');
    expect(code(await store.save(saveOf('pipe.md')))).toBe('NOT_A_FILE');
    expect(code(await store.remove('pipe.md'))).toBe('NOT_A_FILE');
  });

  it('reports a missing post as NOT_FOUND', async () => {
    expect(code(await store.read('missing.md'))).toBe('NOT_FOUND');
    expect(code(await store.read('no/such/folder.md'))).toBe('NOT_FOUND');
  });
});

describe('resolveAsset', () => {
  it('resolves an image inside the folder to its real path', async () => {
    expect(await store.resolveAsset('images/a.png')).toEqual({
      ok: true,
      value: path.join(store.root, 'images', 'a.png'),
    });
  });

  it.each([
    ['../photo.png', 'INVALID_ID'],
    ['images/../../photo.png', 'INVALID_ID'],
    ['/etc/photo.png', 'INVALID_ID'],
    ['C:/photo.png', 'INVALID_ID'],
    ['images\\a.png', 'INVALID_ID'],
    ['images/a.png\u0000', 'INVALID_ID'],
    ['post.md', 'INVALID_ID'],
    ['images/missing.png', 'NOT_FOUND'],
  ])('refuses %j with %s', async (rel, expected) => {
    expect(code(await store.resolveAsset(rel))).toBe(expected);
  });

  it('refuses links that lead out, and folders with image names', async () => {
    await symlink(path.join(outside.dir, 'photo.png'), path.join(folder.dir, 'images', 'out.png'));
    await symlink(outside.dir, path.join(folder.dir, 'elsewhere'));
    await mkdir(path.join(folder.dir, 'dir.png'));
    expect(code(await store.resolveAsset('images/out.png'))).toBe('INVALID_ID');
    expect(code(await store.resolveAsset('elsewhere/photo.png'))).toBe('INVALID_ID');
    expect(code(await store.resolveAsset('dir.png'))).toBe('NOT_A_FILE');
  });
});

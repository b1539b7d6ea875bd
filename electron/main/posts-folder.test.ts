import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultPostsFolder, ensureDefaultFolder, isFolder, PACKAGED_FOLDER_NAME, postsArgument } from './posts-folder';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'postwright-default-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('defaultPostsFolder', () => {
  it("uses the project's posts/ in development (relative to dist/electron/main.cjs)", () => {
    const target = defaultPostsFolder({
      isPackaged: false,
      mainDir: path.join(dir, 'project', 'dist', 'electron'),
      resourcesPath: '/unused',
      documentsDir: '/unused',
    });
    expect(target).toEqual({ folder: path.join(dir, 'project', 'posts'), seedFrom: null });
  });

  it('uses a folder in Documents when packaged, seeded from the resources', () => {
    const target = defaultPostsFolder({
      isPackaged: true,
      mainDir: '/app/resources/app.asar/dist/electron',
      resourcesPath: '/app/resources',
      documentsDir: '/home/a/Documents',
    });
    expect(target).toEqual({
      folder: path.join('/home/a/Documents', PACKAGED_FOLDER_NAME),
      seedFrom: path.join('/app/resources', 'posts'),
    });
  });
});

describe('ensureDefaultFolder', () => {
  it('copies the sample posts on first start', async () => {
    const seed = path.join(dir, 'resources', 'posts');
    await mkdir(path.join(seed, 'images'), { recursive: true });
    await writeFile(path.join(seed, 'hello.md'), '# Hello\r\n');
    await writeFile(path.join(seed, 'images', 'a.png'), 'png');
    const folder = path.join(dir, 'Documents', 'Postwright');
    expect(await ensureDefaultFolder({ folder, seedFrom: seed })).toEqual({ ok: true, value: folder });
    expect(await readFile(path.join(folder, 'hello.md'), 'utf8')).toBe('# Hello\r\n');
    expect(await readFile(path.join(folder, 'images', 'a.png'), 'utf8')).toBe('png');
  });

  it("never touches an existing folder (the author's posts)", async () => {
    const seed = path.join(dir, 'seed');
    await mkdir(seed);
    await writeFile(path.join(seed, 'hello.md'), 'sample');
    const folder = path.join(dir, 'mine');
    await mkdir(folder);
    await writeFile(path.join(folder, 'hello.md'), 'my own words');
    expect((await ensureDefaultFolder({ folder, seedFrom: seed })).ok).toBe(true);
    expect(await readFile(path.join(folder, 'hello.md'), 'utf8')).toBe('my own words');
  });

  it('creates an empty folder when there is nothing to copy', async () => {
    const folder = path.join(dir, 'posts');
    expect((await ensureDefaultFolder({ folder, seedFrom: null })).ok).toBe(true);
    expect(await readdir(folder)).toEqual([]);
    expect(await isFolder(folder)).toBe(true);
  });

  it('fails clearly when a file stands where the folder should be', async () => {
    const folder = path.join(dir, 'posts');
    await writeFile(folder, 'x');
    const result = await ensureDefaultFolder({ folder, seedFrom: null });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain(folder);
    expect(await readFile(folder, 'utf8')).toBe('x');
  });
});

describe('postsArgument', () => {
  it('reads --posts <dir> and --posts=<dir> relative to the working folder', () => {
    expect(postsArgument(['electron', '.', '--posts', 'blog'], '/home/a')).toBe('/home/a/blog');
    expect(postsArgument(['electron', '.', '--posts=/srv/blog'], '/home/a')).toBe('/srv/blog');
  });
  it('ignores a missing value and other flags', () => {
    expect(postsArgument(['electron', '.', '--posts'], '/home/a')).toBeNull();
    expect(postsArgument(['electron', '.', '--posts', '--inspect'], '/home/a')).toBeNull();
    expect(postsArgument(['electron', '.'], '/home/a')).toBeNull();
  });
});

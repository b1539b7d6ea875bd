import { mkdir, mkdtemp, readdir, readFile, realpath, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BlogApi, Result } from '../../../shared/api/contract';
import { createPostStore } from './store';
import { allFiles, FIXED_NOW, makeTempFolder, seedPost, tempFolderPerTest, writeFiles, valueOf } from './testing';
import { writingApi } from './writing';

const folder = tempFolderPerTest('postwright-writing-');
let api: Pick<BlogApi, 'searchPosts' | 'renamePost' | 'saveImage'>;

async function open(files: Record<string, string | Uint8Array>): Promise<void> {
  await writeFiles(folder.dir, files);
  api = writingApi(await createPostStore({ postsDir: folder.dir, now: FIXED_NOW }), { now: FIXED_NOW });
}

function code(result: Result<unknown>): string {
  return result.ok ? 'ok' : result.error.code;
}

describe('searchPosts', () => {
  it('finds words in titles and bodies, case-insensitively, with the ranges of each match', async () => {
    await open({
      'a.md': seedPost('a', '2024-01-01', 'Crème brûlée', '\nNothing here.\nThe CRÈME was perfect.\n'),
      'b.md': seedPost('b', '2024-02-01', 'Other', '\nA line about crème.\n'),
      'c.md': seedPost('c', '2024-03-01', 'Unrelated', '\nNo match.\n'),
    });
    const hits = valueOf(await api.searchPosts('crème'));
    expect(hits.map((hit) => hit.id)).toEqual(['a.md', 'b.md']);
    const [a, b] = hits;
    expect(a?.titleRanges).toEqual([[0, 5]]);
    expect(a?.lines).toEqual([{ line: 3, text: 'The CRÈME was perfect.', ranges: [[4, 9]] }]);
    expect(b?.titleRanges).toEqual([]);
    expect(b?.lines[0]?.ranges).toEqual([[13, 18]]);
  });

  it('needs every word of the query somewhere in the post', async () => {
    await open({
      'a.md': seedPost('a', '2024-01-01', 'Rivers', '\nwide water\n'),
      'b.md': seedPost('b', '2024-01-02', 'Lakes', '\nwide plains\n'),
    });
    expect(valueOf(await api.searchPosts('wide  RIVERS')).map((hit) => hit.id)).toEqual(['a.md']);
    expect(valueOf(await api.searchPosts('   '))).toEqual([]);
    expect(valueOf(await api.searchPosts('a.b(c'))).toEqual([]);
  });

  it('sees a post edited on disk, even when its size is unchanged', async () => {
    await open({ 'a.md': seedPost('a', '2024-01-01', 'T', '\nalpha\n') });
    expect(valueOf(await api.searchPosts('alpha'))).toHaveLength(1);
    const file = path.join(folder.dir, 'a.md');
    await writeFile(file, seedPost('a', '2024-01-01', 'T', '\nomega\n'));
    await utimes(file, new Date(2030, 0, 1), new Date(2030, 0, 1));
    expect(valueOf(await api.searchPosts('alpha'))).toEqual([]);
    expect(valueOf(await api.searchPosts('omega'))).toHaveLength(1);
  });

  it('shows a window of a very long line around the match', async () => {
    const long = `${'x '.repeat(200)}needle${' y'.repeat(200)}`;
    await open({ 'a.md': seedPost('a', '2024-01-01', 'T', `\n${long}\n`) });
    const line = valueOf(await api.searchPosts('needle'))[0]?.lines[0];
    expect(line?.text.length).toBeLessThan(170);
    const range = line?.ranges[0] ?? [0, 0];
    expect(line?.text.slice(range[0], range[1])).toBe('needle');
  });
});

describe('renamePost', () => {
  it('renames the file and returns the post under its new name', async () => {
    await open({ 'old.md': seedPost('old', '2024-01-01', 'Old') });
    const doc = valueOf(await api.renamePost({ id: 'old.md', newId: 'new-name.md' }));
    expect(doc.id).toBe('new-name.md');
    expect(await allFiles(folder.dir)).toEqual(['new-name.md']);
    expect(await readFile(path.join(folder.dir, 'new-name.md'), 'utf8')).toBe(seedPost('old', '2024-01-01', 'Old'));
  });

  it('never overwrites another file', async () => {
    await open({ 'a.md': 'A\n', 'b.md': 'B\n' });
    expect(code(await api.renamePost({ id: 'a.md', newId: 'b.md' }))).toBe('EXISTS');
    expect(await readFile(path.join(folder.dir, 'b.md'), 'utf8')).toBe('B\n');
    expect(await allFiles(folder.dir)).toEqual(['a.md', 'b.md']);
  });

  it('refuses bad names, missing folders and missing posts', async () => {
    await open({ 'a.md': 'A\n' });
    expect(code(await api.renamePost({ id: 'a.md', newId: '../out.md' }))).toBe('INVALID_ID');
    expect(code(await api.renamePost({ id: 'a.md', newId: 'a.txt' }))).toBe('INVALID_ID');
    expect(code(await api.renamePost({ id: 'a.md', newId: 'a.md' }))).toBe('INVALID_ARGUMENT');
    expect(code(await api.renamePost({ id: 'a.md', newId: 'nowhere/a.md' }))).toBe('NOT_FOUND');
    expect(code(await api.renamePost({ id: 'gone.md', newId: 'b.md' }))).toBe('NOT_FOUND');
    expect(await allFiles(folder.dir)).toEqual(['a.md']);
  });
});

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

function image(postId: string, fileName: string, bytes: Uint8Array = PNG) {
  return api.saveImage({ postId, fileName, dataBase64: Buffer.from(bytes).toString('base64') });
}

describe('saveImage', () => {
  it('puts the image beside the post of a page bundle', async () => {
    await open({ 'hello/index.md': 'Hi\n', 'images/x.png': PNG });
    expect(valueOf(await image('hello/index.md', 'My Photo.PNG'))).toEqual({
      assetPath: 'hello/my-photo.png',
      markdownPath: 'my-photo.png',
    });
  });

  it('uses the images folder the blog already has, with a unique name, named as the built site serves it', async () => {
    await open({ 'hugo.toml': 'title = "Blog"\n', 'posts/a.md': 'A\n', 'static/images/keep.txt': 'k' });
    // Hugo and Zola serve static/ at the site's root: "../static/images/shot.png" broke there.
    expect(valueOf(await image('posts/a.md', 'shot.png'))).toEqual({
      assetPath: 'static/images/shot.png',
      markdownPath: '/images/shot.png',
    });
    expect(valueOf(await image('posts/a.md', 'shot.png')).assetPath).toBe('static/images/shot-2.png');
    expect(await readFile(path.join(folder.dir, 'static/images/shot.png'))).toEqual(PNG);
    // The preview finds it by that path, as the site does.
    const store = await createPostStore({ postsDir: folder.dir, now: FIXED_NOW });
    expect(valueOf(await store.resolveAsset('images/shot.png'))).toBe(
      await realpath(path.join(folder.dir, 'static/images/shot.png')),
    );
  });

  it('names an image from the site root for a Jekyll post, whose page lives at a dated URL', async () => {
    await open({ '_posts/2024-01-01-hello.md': 'Hi\n', 'assets/images/keep.txt': 'k' });
    expect(valueOf(await image('_posts/2024-01-01-hello.md', 'shot.png'))).toEqual({
      assetPath: 'assets/images/shot.png',
      markdownPath: '/assets/images/shot.png',
    });
  });

  it('names an image relative to the post when no configuration says the site serves its folder at the root', async () => {
    await open({ 'posts/a.md': 'A\n', 'static/images/keep.txt': 'k' });
    expect(valueOf(await image('posts/a.md', 'shot.png')).markdownPath).toBe('../static/images/shot.png');
    const store = await createPostStore({ postsDir: folder.dir, now: FIXED_NOW });
    expect((await store.resolveAsset('images/shot.png')).ok).toBe(false);
  });

  it('names a Jekyll post’s image as Jekyll serves it, static/ included', async () => {
    await open({ '_config.yml': 'title: Blog\n', '_posts/2024-01-01-a.md': 'A\n', 'static/images/keep.txt': 'k' });
    expect(valueOf(await image('_posts/2024-01-01-a.md', 'shot.png')).markdownPath).toBe('/static/images/shot.png');
  });

  it('names an image in public/ (Astro) from the site root', async () => {
    await open({
      'astro.config.mjs': 'export default {};\n',
      'src/content/blog/a.md': 'A\n',
      'public/images/keep.txt': 'k',
    });
    expect(valueOf(await image('src/content/blog/a.md', 'pic.png')).markdownPath).toBe('/images/pic.png');
  });

  it('creates an images folder beside the post when the blog has none', async () => {
    await open({ 'notes/a.md': 'A\n' });
    expect(valueOf(await image('notes/a.md', 'Été à Paris!.jpeg'))).toEqual({
      assetPath: 'notes/images/ete-a-paris.png',
      markdownPath: 'images/ete-a-paris.png',
    });
  });

  it('refuses SVG, text, empty and unknown data, and writes nothing', async () => {
    await open({ 'a.md': 'A\n' });
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(code(await image('a.md', 'x.svg', svg))).toBe('UNSUPPORTED');
    expect(code(await image('a.md', 'x.png', Buffer.from('not an image')))).toBe('UNSUPPORTED');
    expect(code(await api.saveImage({ postId: 'a.md', fileName: 'x.png', dataBase64: '' }))).toBe('INVALID_ARGUMENT');
    expect(code(await api.saveImage({ postId: 'a.md', fileName: 'x.png', dataBase64: 'a b!' }))).toBe(
      'INVALID_ARGUMENT',
    );
    expect(code(await image('missing.md', 'x.png'))).toBe('NOT_FOUND');
    expect(await allFiles(folder.dir)).toEqual(['a.md']);
  });

  it('never follows an images folder that links outside the posts folder', async () => {
    const outside = await makeTempFolder('postwright-outside-');
    try {
      await open({ 'a.md': 'A\n' });
      await symlink(outside.dir, path.join(folder.dir, 'images'));
      const saved = await image('a.md', 'x.png');
      expect(saved.ok).toBe(false);
      expect(await allFiles(outside.dir)).toEqual([]);
    } finally {
      await outside.remove();
    }
  });
});

describe('renamePost refuses what is not a post file', () => {
  it('refuses a folder named x.md', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'postwright-rename-dir-'));
    try {
      await mkdir(path.join(dir, 'folder.md'));
      const store = await createPostStore({ postsDir: dir, now: () => new Date(0) });
      const api = writingApi(store, { now: () => new Date(0) });
      const renamed = await api.renamePost({ id: 'folder.md', newId: 'other.md' });
      expect(renamed.ok ? 'ok' : renamed.error.code).toBe('NOT_A_FILE');
      expect((await readdir(dir)).sort()).toEqual(['folder.md']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

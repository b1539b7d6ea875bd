import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodePost, summarizePost } from '../frontmatter/index';
import { createPostStore, type PostStore } from './store';
import { FIXED_NOW, makeTempFolder, seedPost, writeFiles } from './testing';

let folder: { dir: string; remove: () => Promise<void> };
let outside: { dir: string; remove: () => Promise<void> };

beforeEach(async () => {
  folder = await makeTempFolder();
  outside = await makeTempFolder('postwright-outside-');
});
afterEach(async () => {
  await folder.remove();
  await outside.remove();
});

async function open(maxFileBytes?: number): Promise<PostStore> {
  return createPostStore({ postsDir: folder.dir, now: FIXED_NOW, ...(maxFileBytes ? { maxFileBytes } : {}) });
}

async function listed(store: PostStore) {
  const result = await store.list();
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('list', () => {
  it('sorts dated posts newest first whatever the date shape, then undated posts by title', async () => {
    await writeFiles(folder.dir, {
      'quoted.md': seedPost('quoted', '2023-06-01', 'Quoted date'),
      'plain.md': '---\ntitle: Plain date\ndate: 2024-01-15\n---\nBody\n',
      'datetime.md': '---\ntitle: With time\ndate: 2024-01-15T18:00:00Z\n---\nBody\n',
      'hexo.md': '---\ntitle: Hexo style\ndate: 2022-03-04 10:30\n---\nBody\n',
      'zebra.md': '---\ntitle: Zebra, no date\n---\nBody\n',
      'apple.md': 'No front matter at all.\n',
    });
    const posts = await listed(await open());
    expect(posts.map((post) => post.id)).toEqual([
      'datetime.md',
      'plain.md',
      'quoted.md',
      'hexo.md',
      'apple.md',
      'zebra.md',
    ]);
    expect(posts.find((post) => post.id === 'quoted.md')).toMatchObject({
      title: 'Quoted date',
      date: '2023-06-01',
      path: '/blog/quoted',
      draft: false,
    });
  });

  it('dates and titles Jekyll and Hexo posts by their file name when the front matter does not, and flags _drafts', async () => {
    await writeFiles(folder.dir, {
      '_posts/2019-01-01-hello-world.md': '---\nlayout: post\n---\nBody\n',
      '_posts/2021-06-30-later.md': '---\ntitle: Later post\n---\n',
      // A date in the front matter wins over the name's, as the generators read it.
      '_posts/2018-01-01-front.md': '---\ntitle: Front\ndate: 2022-02-02\n---\n',
      '_posts/2019-02-30-no-such-day.md': '---\ntitle: No such day\n---\n',
      '_drafts/unfinished.md': '---\ntitle: Unfinished\n---\n',
      'source/_drafts/hexo-draft.md': '---\ntitle: Hexo draft\ndate: 2020-01-01\n---\n',
      'notes/_drafts-not.md': '---\ntitle: Not a draft\n---\n',
    });
    const posts = await listed(await open());
    expect(posts.map((post) => [post.id, post.title, post.date, post.draft])).toEqual([
      ['_posts/2018-01-01-front.md', 'Front', '2022-02-02', false],
      ['_posts/2021-06-30-later.md', 'Later post', '2021-06-30', false],
      ['source/_drafts/hexo-draft.md', 'Hexo draft', '2020-01-01', true],
      ['_posts/2019-01-01-hello-world.md', 'Hello world', '2019-01-01', false],
      ['_posts/2019-02-30-no-such-day.md', 'No such day', null, false],
      ['notes/_drafts-not.md', 'Not a draft', null, false],
      ['_drafts/unfinished.md', 'Unfinished', null, true],
    ]);
  });

  it('finds posts in nested folders and names page bundles after their folder', async () => {
    await writeFiles(folder.dir, {
      'content/posts/2021/deep.md': seedPost('deep', '2021-02-02', 'Deep'),
      'content/posts/my-first-bundle/index.md': '---\ndate: 2020-01-01\n---\nBundle body\n',
      'notes/loose-note.markdown': 'Just text\n',
      'content/posts/my-first-bundle/cover.png': 'not a post',
    });
    const posts = await listed(await open());
    expect(posts.map((post) => [post.id, post.title])).toEqual([
      ['content/posts/2021/deep.md', 'Deep'],
      ['content/posts/my-first-bundle/index.md', 'My first bundle'],
      ['notes/loose-note.markdown', 'loose-note'],
    ]);
    expect(posts[2]!.size).toBe('Just text\n'.length);
    expect(posts[2]!.mtimeMs).toBeGreaterThan(0);
  });

  it('skips the trash, hidden folders, node_modules and linked folders', async () => {
    await writeFiles(folder.dir, {
      'kept.md': 'kept\n',
      '.postwright-trash/20240101-000000/gone.md': 'gone\n',
      '.git/notes.md': 'git\n',
      'node_modules/pkg/README.md': 'dependency\n',
      '.hidden-draft.md': 'hidden\n',
    });
    await writeFiles(outside.dir, { 'elsewhere.md': 'outside\n' });
    await symlink(outside.dir, path.join(folder.dir, 'linked'));
    const posts = await listed(await open());
    expect(posts.map((post) => post.id)).toEqual(['kept.md']);
  });

  it('still lists a post it cannot read, with the reason', async () => {
    await writeFiles(folder.dir, { 'fine.md': seedPost('fine', '2024-01-01', 'Fine'), 'huge.md': 'x'.repeat(5000) });
    await writeFiles(outside.dir, { 'secret.md': '---\ntitle: Secret\n---\n' });
    await symlink(path.join(outside.dir, 'secret.md'), path.join(folder.dir, 'escape.md'));
    await symlink(path.join(folder.dir, 'missing.md'), path.join(folder.dir, 'dangling.md'));
    const posts = await listed(await open(1024));
    expect(posts.map((post) => post.id)).toEqual(['fine.md', 'dangling.md', 'escape.md', 'huge.md']);
    expect(posts[0]!.problem).toBeUndefined();
    expect(posts[1]!.problem).toMatch(/not there/);
    expect(posts[2]!.problem).toMatch(/outside the posts folder/);
    expect(posts[2]!.title).toBe('escape');
    expect(posts[3]!.problem).toMatch(/1 KiB/);
  });

  it('lists a post whose front matter does not parse, with the parser problem', async () => {
    await writeFiles(folder.dir, { 'broken.md': '---\ntitle: [unclosed\n---\nBody\n' });
    const posts = await listed(await open());
    expect(posts).toHaveLength(1);
    expect(posts[0]!.title).toBe('broken');
    expect(posts[0]!.problem).toBeTruthy();
  });

  it('fails with NOT_FOUND when the posts folder disappears', async () => {
    const store = await open();
    await folder.remove();
    const result = await store.list();
    expect(result.ok ? 'ok' : result.error.code).toBe('NOT_FOUND');
  });

  it('summarises every encoding as the editor decodes it', async () => {
    const text = '---\ntitle: Caf\u00e9 \u2014 notes\n---\nBody\n';
    const utf16 = (bigEndian: boolean) => {
      const bytes = Buffer.from(`\ufeff${text}`, 'utf16le');
      if (bigEndian) bytes.swap16();
      return bytes;
    };
    const files: Record<string, Uint8Array> = {
      'plain.md': Buffer.from(text),
      'bom.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      'le.md': utf16(false),
      'be.md': utf16(true),
      'latin1.md': Buffer.from('---\ntitle: Caf\u00e9\n---\n', 'latin1'),
      'with-nul.md': Buffer.from('---\ntitle: With\u0000NUL\n---\n'),
    };
    for (const [name, bytes] of Object.entries(files)) await writeFile(path.join(folder.dir, name), bytes);
    const posts = await listed(await open());
    for (const [name, bytes] of Object.entries(files)) {
      const expected = summarizePost(decodePost(bytes).text).title;
      expect([name, posts.find((post) => post.id === name)?.title]).toEqual([name, expected]);
    }
  });

  it('ids are NFC and / separated', async () => {
    await mkdir(path.join(folder.dir, 'caf\u0065\u0301'));
    await writeFile(path.join(folder.dir, 'caf\u0065\u0301', 'post.md'), 'text\n');
    const store = await open();
    const posts = await listed(store);
    expect(posts.map((post) => post.id)).toEqual(['caf\u00e9/post.md']);
    const read = await store.read('caf\u00e9/post.md');
    expect(read.ok ? read.value.body : read.error.message).toBe('text\n');
  });
});

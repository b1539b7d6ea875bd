import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseShape } from './create';
import { createPostStore, type PostStore } from './store';
import { allFiles, FIXED_NOW, tempFolderPerTest, seedPost, writeFiles, valueOf } from './testing';

const folder = tempFolderPerTest();

const open = (): Promise<PostStore> => createPostStore({ postsDir: folder.dir, now: FIXED_NOW });

describe('create', () => {
  it("writes the author's own front-matter style, dated today in local time", async () => {
    await writeFiles(folder.dir, {
      'focus.md': seedPost('focus-is-the-ultimate-process', '2016-05-26', 'Focus is the Ultimate Process'),
      'later.md': seedPost('later', '2017-01-02', 'Later'),
      'latest.md': seedPost('latest', '2018-03-04', 'Latest'),
    });
    const store = await open();
    const doc = valueOf(await store.create({ title: 'Hello, Wörld & Friends' }));
    expect(doc.id).toBe('hello-world-and-friends.md');
    const text = await readFile(path.join(folder.dir, doc.id), 'utf8');
    expect(
      text.startsWith(
        '---\npath:\t"/blog/hello-world-and-friends"\ndate:\t"2024-05-17"\ntitle:\t"Hello, Wörld & Friends"\n---\n',
      ),
    ).toBe(true);
    expect(valueOf(await store.read(doc.id))).toEqual(doc);
  });

  it('starts a post as a draft where the folder’s posts mark drafts, and the list shows it as one', async () => {
    await writeFiles(folder.dir, {
      'focus.md': seedPost('focus', '2016-05-26', 'Focus'),
      'later.md': seedPost('later', '2017-01-02', 'Later').replace('---\n\n', 'draft:\ttrue\n---\n\n'),
      'latest.md': seedPost('latest', '2018-03-04', 'Latest'),
    });
    const store = await open();
    const doc = valueOf(await store.create({ title: 'Half Written' }));
    expect(await readFile(path.join(folder.dir, doc.id), 'utf8')).toBe(
      '---\npath:\t"/blog/half-written"\ndate:\t"2024-05-17"\ntitle:\t"Half Written"\ndraft:\ttrue\n---\n\n',
    );
    expect(doc.frontMatter.fields).toContainEqual({ key: 'draft', kind: 'boolean', value: true });
    const listed = valueOf(await store.list()).find((post) => post.id === doc.id);
    expect(listed?.draft).toBe(true);
  });

  it('starts a TOML post as `draft = true` in a folder whose posts have a draft flag', async () => {
    await writeFiles(folder.dir, {
      'a.md': '+++\ntitle = "A"\ndate = 2024-01-02\ndraft = false\n+++\nBody\n',
      'b.md': '+++\ntitle = "B"\ndate = 2024-01-03\n+++\nBody\n',
    });
    const store = await open();
    const doc = valueOf(await store.create({ title: 'New' }));
    expect(await readFile(path.join(folder.dir, doc.id), 'utf8')).toBe(
      '+++\ntitle = "New"\ndate = 2024-05-17\ndraft = true\n+++\n\n',
    );
  });

  it('picks a free name, never overwriting', async () => {
    await writeFiles(folder.dir, { 'hello.md': 'mine\n', 'hello-2.md': 'mine too\n' });
    const store = await open();
    expect(valueOf(await store.create({ title: 'Hello' })).id).toBe('hello-3.md');
    expect(valueOf(await store.create({ title: 'hello!' })).id).toBe('hello-4.md');
    expect(await readFile(path.join(folder.dir, 'hello.md'), 'utf8')).toBe('mine\n');
    expect(await readFile(path.join(folder.dir, 'hello-2.md'), 'utf8')).toBe('mine too\n');
  });

  it('gives a second post of the same title its own page: its path follows its free file name', async () => {
    await writeFiles(folder.dir, {
      'focus.md': seedPost('focus-is-the-ultimate-process', '2016-05-26', 'Focus is the Ultimate Process'),
      // Another file already claims the page a new "Weekly notes" would take first.
      'old-name.md': seedPost('weekly-notes-2', '2017-01-02', 'Renamed long ago'),
    });
    const store = await open();
    const first = valueOf(await store.create({ title: 'Weekly notes' }));
    const second = valueOf(await store.create({ title: 'Weekly notes' }));
    expect([first.id, second.id]).toEqual(['weekly-notes.md', 'weekly-notes-3.md']);
    const pathOf = async (id: string) =>
      /^path:\t"([^"]*)"$/m.exec(await readFile(path.join(folder.dir, id), 'utf8'))?.[1];
    expect(await pathOf(first.id)).toBe('/blog/weekly-notes');
    expect(await pathOf(second.id)).toBe('/blog/weekly-notes-3');
    // The title stays as typed.
    expect(await readFile(path.join(folder.dir, second.id), 'utf8')).toContain('title:\t"Weekly notes"');
  });

  it('knows a page however another post writes its path, as the site export does', async () => {
    await writeFiles(folder.dir, {
      'focus.md': seedPost('focus-is-the-ultimate-process', '2016-05-26', 'Focus is the Ultimate Process'),
      'a.md': '---\npath:\t"blog/Weekly-Notes/"\n---\n',
      'b.md': '---\npath:\t"/blog/weekly%2Dnotes-2/index.html"\n---\n',
    });
    const store = await open();
    const made = valueOf(await store.create({ title: 'Weekly notes' }));
    expect(made.id).toBe('weekly-notes-3.md');
  });

  it('names a post titled in another script by its own letters', async () => {
    await writeFiles(folder.dir, { 'focus.md': seedPost('focus', '2016-05-26', 'Focus') });
    const store = await open();
    const doc = valueOf(await store.create({ title: '日本語の記事' }));
    expect(doc.id).toBe('日本語の記事.md');
    const text = await readFile(path.join(folder.dir, doc.id), 'utf8');
    expect(text).toContain('path:\t"/blog/日本語の記事"\n');
    expect(text).toContain('title:\t"日本語の記事"\n');
    expect(valueOf(await store.create({ title: 'Мой первый пост' })).id).toBe('мой-первый-пост.md');
    expect(valueOf(await store.list()).map((post) => post.title)).toEqual(
      expect.arrayContaining(['日本語の記事', 'Мой первый пост']),
    );
  });

  it('refuses a title without a letter or digit', async () => {
    const store = await open();
    const result = await store.create({ title: ' !!! ' });
    expect(result.ok ? 'ok' : result.error).toEqual({
      code: 'INVALID_ARGUMENT',
      message: 'Give the post a title with at least one letter or digit.',
    });
    expect(await allFiles(folder.dir)).toEqual([]);
  });

  it('refuses a title of several lines', async () => {
    const store = await open();
    const result = await store.create({ title: 'One\nTwo' });
    expect(result.ok ? 'ok' : result.error.code).toBe('INVALID_ARGUMENT');
  });

  it('creates a page bundle in the folder where the bundles live', async () => {
    await writeFiles(folder.dir, {
      'content/posts/first/index.md': '---\ntitle: First\ndate: 2024-01-01\n---\n',
      'content/posts/second/index.md': '---\ntitle: Second\ndate: 2024-02-01\n---\n',
      'content/about.md': '---\ntitle: About\n---\n',
    });
    const store = await open();
    expect(valueOf(await store.create({ title: 'Third one' })).id).toBe('content/posts/third-one/index.md');
    expect(valueOf(await store.create({ title: 'Third one' })).id).toBe('content/posts/third-one-2/index.md');
  });

  it('follows a Jekyll _posts folder: date-prefixed names and .markdown', async () => {
    await writeFiles(folder.dir, {
      '_posts/2024-01-01-welcome.markdown': '---\nlayout: post\ntitle: Welcome\ndate: 2024-01-01 10:00:00 +0100\n---\n',
      '_posts/2024-02-01-second.markdown': '---\nlayout: post\ntitle: Second\ndate: 2024-02-01 10:00:00 +0100\n---\n',
      'index.md': '---\nlayout: home\n---\n',
    });
    const store = await open();
    expect(valueOf(await store.create({ title: 'New' })).id).toBe('_posts/2024-05-17-new.markdown');
  });

  it('names a long title in Japanese within the 255 bytes of a file name, date, number and .markdown included', async () => {
    await writeFiles(folder.dir, {
      '_posts/2024-01-01-welcome.markdown': '---\nlayout: post\ntitle: Welcome\n---\n',
      '_posts/2024-02-01-second.markdown': '---\nlayout: post\ntitle: Second\n---\n',
    });
    const store = await open();
    const title = '長いタイトルの記事'.repeat(12);
    const first = valueOf(await store.create({ title }));
    const second = valueOf(await store.create({ title }));
    expect(first.id).toMatch(/^_posts\/2024-05-17-長いタイトルの記事.*\.markdown$/);
    expect(second.id).toBe(first.id.replace('.markdown', '-2.markdown'));
    for (const id of [first.id, second.id]) expect(Buffer.byteLength(path.posix.basename(id))).toBeLessThanOrEqual(255);
    expect(await allFiles(folder.dir)).toHaveLength(4);
  });

  it('creates `<slug>.md` in an empty folder', async () => {
    const store = await open();
    const doc = valueOf(await store.create({ title: 'First post' }));
    expect(doc.id).toBe('first-post.md');
    expect(await allFiles(folder.dir)).toEqual(['first-post.md']);
  });
});

describe('chooseShape', () => {
  it('prefers the folder holding the most posts, and the root on a tie', () => {
    expect(chooseShape(['a.md', 'posts/b.md', 'posts/c.md'])).toMatchObject({ folder: 'posts', bundle: false });
    expect(chooseShape(['a.md', 'posts/b.md'])).toMatchObject({ folder: '', bundle: false });
    expect(chooseShape([])).toEqual({ folder: '', bundle: false, datePrefix: false, extension: '.md' });
  });
});

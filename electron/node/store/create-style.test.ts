import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PostDoc } from '../../../shared/api/contract';
import { createPostStore, type PostStore } from './store';
import { FIXED_NOW, tempFolderPerTest, writeFiles, valueOf } from './testing';

const folder = tempFolderPerTest();

const open = (): Promise<PostStore> => createPostStore({ postsDir: folder.dir, now: FIXED_NOW });

async function addTags(store: PostStore, doc: PostDoc, items: string[]): Promise<string> {
  const edits = [{ op: 'set' as const, key: 'tags', value: { kind: 'list' as const, items } }];
  valueOf(
    await store.save({ id: doc.id, baseVersion: doc.version, body: doc.body, frontMatter: { kind: 'fields', edits } }),
  );
  return readFile(path.join(folder.dir, doc.id), 'utf8');
}

describe('a new post’s lists', () => {
  it('starts as an empty flow list in a flow-list blog, and a tag added through the store is written in it', async () => {
    await writeFiles(folder.dir, {
      'a.md': '---\ntitle: A\ndate: 2018-05-01\ntags: another tag\n---\nBody\n',
      'b.md': '---\ntitle: B\ndate: 2018-08-24\ntags: ["second tag", "posts with two tags"]\n---\nBody\n',
    });
    const store = await open();
    const doc = valueOf(await store.create({ title: 'New' }));
    expect(await readFile(path.join(folder.dir, doc.id), 'utf8')).toBe(
      '---\ntitle: New\ndate: 2024-05-17\ntags: []\n---\n\n',
    );
    expect(doc.frontMatter.fields.find((f) => f.key === 'tags')).toEqual({ key: 'tags', kind: 'list', value: [] });
    expect(await addTags(store, doc, ['one', 'two words'])).toBe(
      '---\ntitle: New\ndate: 2024-05-17\ntags: [one, two words]\n---\n\n',
    );
  });

  it('starts as an empty list the form edits as a list in a block-list blog, never an empty string', async () => {
    await writeFiles(folder.dir, {
      'a.md': 'title: A\ndate: 2013-12-24 23:31:30\ntags:\n---\nBody\n',
      'b.md': '---\ntitle: B\ndate: 2019-07-25 16:43:00\ntags:\n---\nBody\n',
      'c.md': 'title: C\ndate: 2018-7-24 23:31:06\ntags:\n  - Foo\n  - Bar\n---\nBody\n',
    });
    const store = await open();
    const doc = valueOf(await store.create({ title: 'New' }));
    const text = await readFile(path.join(folder.dir, doc.id), 'utf8');
    expect(text).toBe('---\ntitle: New\ndate: 2024-05-17 00:00:00\ntags: []\n---\n\n');
    // The codec fills an empty `[]` as a flow list: still a list, read back as one.
    const saved = await addTags(store, doc, ['Foo']);
    expect(saved).toBe('---\ntitle: New\ndate: 2024-05-17 00:00:00\ntags: [Foo]\n---\n\n');
    expect(valueOf(await store.read(doc.id)).frontMatter.fields.find((f) => f.key === 'tags')?.value).toEqual(['Foo']);
  });
});

describe('a post whose front matter does not parse', () => {
  it('is listed under its first heading or its file name, never under its YAML lines', async () => {
    await writeFiles(folder.dir, {
      'unclosed.md': '---\ntitle: "Unclosed\ndate: 2020-01-01\n---\n\n# The Real Title\n\nText\n',
      'no-heading.md': '---\ntitle: "Also unclosed\ntags: [a\n---\nJust text.\n',
    });
    const posts = valueOf(await (await open()).list());
    const titles = Object.fromEntries(posts.map((post) => [post.id, post.title]));
    expect(titles).toEqual({ 'unclosed.md': 'The Real Title', 'no-heading.md': 'no-heading' });
    expect(posts.every((post) => post.problem?.startsWith('The front matter could not be read'))).toBe(true);
  });
});

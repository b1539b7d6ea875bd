/**
 * Adding a tag or category from the form (a `list` field edit) writes the list in the style the
 * post already uses, and the post list then offers the value for sorting and suggestions.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPostStore, type PostStore } from './store';
import { FIXED_NOW, makeTempFolder, writeFiles, valueOf } from './testing';

let folder: { dir: string; remove: () => Promise<void> };
let store: PostStore;

beforeEach(async () => {
  folder = await makeTempFolder();
  store = await createPostStore({ postsDir: folder.dir, now: FIXED_NOW, maxFileBytes: 65536 });
});

afterEach(() => folder.remove());

/** Writes `text` as a post, sets `key` to its items plus `added` through the store, returns the file. */
async function addItem(text: string, key: string, added: string): Promise<string> {
  await writeFiles(folder.dir, { 'post.md': text });
  const doc = valueOf(await store.read('post.md'));
  const field = doc.frontMatter.fields.find((f) => f.key === key);
  const items = Array.isArray(field?.value) ? field.value : [];
  valueOf(
    await store.save({
      id: doc.id,
      baseVersion: doc.version,
      body: doc.body,
      frontMatter: { kind: 'fields', edits: [{ op: 'set', key, value: { kind: 'list', items: [...items, added] } }] },
    }),
  );
  return readFile(path.join(folder.dir, 'post.md'), 'utf8');
}

describe('adding a tag keeps the list style', () => {
  it('a flow list stays a flow list, the rest of the file byte for byte', async () => {
    const before = '---\ntitle: "Hello"\ntags: [writing, tools]\ndate: 2024-01-02\n---\n\nBody\n';
    expect(await addItem(before, 'tags', 'craft')).toBe(
      '---\ntitle: "Hello"\ntags: [writing, tools, craft]\ndate: 2024-01-02\n---\n\nBody\n',
    );
  });

  it('a block list stays a block list with its own indentation', async () => {
    const before = '---\ntitle: Hello\ncategories:\n  - Web\n  - Design\nlayout: post\n---\nBody\n';
    expect(await addItem(before, 'categories', 'Tools')).toBe(
      '---\ntitle: Hello\ncategories:\n  - Web\n  - Design\n  - Tools\nlayout: post\n---\nBody\n',
    );
    const flush = '---\ntags:\n- a\n- b\n---\nBody\n';
    expect(await addItem(flush, 'tags', 'c')).toBe('---\ntags:\n- a\n- b\n- c\n---\nBody\n');
  });

  it('keeps quoted items quoted, in YAML and in TOML, and CRLF line endings', async () => {
    expect(await addItem('---\ntags: ["a", "b"]\n---\n', 'tags', 'c')).toBe('---\ntags: ["a", "b", "c"]\n---\n');
    expect(await addItem('+++\ntitle = "T"\ntags = ["a", "b"]\n+++\n', 'tags', 'c')).toBe(
      '+++\ntitle = "T"\ntags = ["a", "b", "c"]\n+++\n',
    );
    expect(await addItem('---\r\ntags:\r\n  - a\r\n---\r\nBody\r\n', 'tags', 'b')).toBe(
      '---\r\ntags:\r\n  - a\r\n  - b\r\n---\r\nBody\r\n',
    );
  });

  it('lists the other front-matter values for sorting and suggestions', async () => {
    await writeFiles(folder.dir, {
      'a.md': '---\ntitle: A\ncategories: [Web, Design]\nweight: 3\n---\n',
      'b.md': '---\ntitle: B\n---\n',
    });
    const posts = valueOf(await store.list());
    expect(posts.find((p) => p.id === 'a.md')?.fields).toEqual({ categories: 'Web, Design', weight: '3' });
    expect(posts.find((p) => p.id === 'b.md')).not.toHaveProperty('fields');
  });
});

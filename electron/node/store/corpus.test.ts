import { cp, readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostStore, type PostStore } from './store';
import { corpusFolder, FIXED_NOW, makeTempFolder, valueOf } from './testing';

const corpus = corpusFolder();
const present = existsSync(path.join(corpus, 'real-posts')) && existsSync(path.join(corpus, 'seed'));
if (!present) console.log(`skipping the corpus tests: ${corpus} is absent`);

describe.skipIf(!present)('the real-posts corpus', () => {
  let folder: { dir: string; remove: () => Promise<void> };
  let store: PostStore;

  beforeAll(async () => {
    folder = await makeTempFolder('postwright-corpus-');
    await cp(path.join(corpus, 'real-posts'), folder.dir, { recursive: true });
    store = await createPostStore({ postsDir: folder.dir, now: FIXED_NOW });
  });
  afterAll(async () => {
    await folder.remove();
  });

  it('lists every post', async () => {
    const posts = valueOf(await store.list());
    expect(posts.length).toBeGreaterThanOrEqual(78);
    for (const post of posts) expect(post.title.length).toBeGreaterThan(0);
  });

  it('opens every post and saves it unchanged without touching a byte', async () => {
    for (const post of valueOf(await store.list())) {
      const abs = path.join(folder.dir, ...post.id.split('/'));
      const before = await readFile(abs);
      const doc = valueOf(await store.read(post.id));
      if (doc.readOnly !== undefined) continue;
      const inode = (await stat(abs)).ino;
      const saved = valueOf(
        await store.save({ id: doc.id, baseVersion: doc.version, body: doc.body, frontMatter: { kind: 'none' } }),
      );
      expect(saved.version, post.id).toBe(doc.version);
      expect(Buffer.compare(await readFile(abs), before), post.id).toBe(0);
      expect((await stat(abs)).ino, post.id).toBe(inode);
    }
  });
});

describe.skipIf(!present)("the author's seed folder", () => {
  it("creates a post in the author's exact style", async () => {
    const folder = await makeTempFolder('postwright-seed-');
    try {
      await cp(path.join(corpus, 'seed'), folder.dir, { recursive: true });
      const store = await createPostStore({ postsDir: folder.dir, now: FIXED_NOW });
      const doc = valueOf(await store.create({ title: 'A Fresh Start' }));
      const text = await readFile(path.join(folder.dir, doc.id), 'utf8');
      expect(
        text.startsWith('---\npath:\t"/blog/a-fresh-start"\ndate:\t"2024-05-17"\ntitle:\t"A Fresh Start"\n---\n'),
      ).toBe(true);
    } finally {
      await folder.remove();
    }
  });
});

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPostStore, type PostStore } from './store';

const ORIGINAL = '---\npath:\t"/blog/gone"\ndate:\t"2016-05-26"\ntitle:\t"Gone"\n---\n\nThe body.\n';

describe('saving a post deleted on disk while open', () => {
  let dir: string;
  let store: PostStore;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'postwright-again-'));
    await writeFile(path.join(dir, 'gone.md'), ORIGINAL);
    store = await createPostStore({ postsDir: dir, now: () => new Date(0) });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('recreates the file from the bytes last read, with the edits, when forced', async () => {
    const doc = await store.read('gone.md');
    if (!doc.ok) throw new Error(doc.error.message);
    await rm(path.join(dir, 'gone.md'));
    const request = {
      id: 'gone.md',
      baseVersion: doc.value.version,
      body: '\nThe body, kept.\n',
      frontMatter: {
        kind: 'fields' as const,
        edits: [{ op: 'set' as const, key: 'title', value: { kind: 'text' as const, text: 'Back' } }],
      },
    };
    const refused = await store.save(request);
    expect(refused.ok ? null : refused.error.code).toBe('NOT_FOUND');
    const saved = await store.save({ ...request, force: true });
    expect(saved.ok ? 'ok' : saved.error).toBe('ok');
    expect(await readFile(path.join(dir, 'gone.md'), 'utf8')).toBe(
      ORIGINAL.replace('"Gone"', '"Back"').replace('The body.', 'The body, kept.'),
    );
  });
});

import { execFileSync } from 'node:child_process';
import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PostDoc } from '../../../shared/api/contract';
import { createPostStore, type PostStore } from './store';
import { allFiles, FIXED_NOW, makeTempFolder, RUNNING_AS_ROOT, seedPost, writeFiles, valueOf } from './testing';

let folder: { dir: string; remove: () => Promise<void> };
let store: PostStore;

const ORIGINAL = seedPost('focus', '2016-05-26', 'Focus is the Ultimate Process', '\nFirst line.\nSecond line\n\n');

beforeEach(async () => {
  folder = await makeTempFolder();
  await writeFiles(folder.dir, { 'blog/focus.md': ORIGINAL });
  store = await createPostStore({ postsDir: folder.dir, now: FIXED_NOW, maxFileBytes: 4096 });
});
let undoReadOnly: (() => Promise<void>) | null = null;

afterEach(async () => {
  await undoReadOnly?.();
  undoReadOnly = null;
  await folder.remove();
});

/**
 * Makes a folder refuse new files. Permission bits do not stop root, so as root the immutable
 * attribute is used instead, when the file system supports it; null when neither works.
 */
async function makeReadOnly(dir: string): Promise<(() => Promise<void>) | null> {
  if (!RUNNING_AS_ROOT) {
    await chmod(dir, 0o555);
    return () => chmod(dir, 0o755);
  }
  try {
    execFileSync('chattr', ['+i', dir], { stdio: 'ignore' });
  } catch {
    return null;
  }
  const undo = () => Promise.resolve(void execFileSync('chattr', ['-i', dir], { stdio: 'ignore' }));
  const probe = path.join(dir, '.probe');
  const blocked = await writeFile(probe, '').then(
    () => false,
    () => true,
  );
  if (blocked) return undo;
  await rm(probe);
  await undo();
  return null;
}

const onDisk = (rel = 'blog/focus.md') => readFile(path.join(folder.dir, rel), 'utf8');

async function opened(id = 'blog/focus.md'): Promise<PostDoc> {
  return valueOf(await store.read(id));
}

describe('read', () => {
  it('returns the front matter, the body and a content-hash version', async () => {
    const doc = await opened();
    expect(doc.id).toBe('blog/focus.md');
    expect(doc.version).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.frontMatter.fields.map((field) => [field.key, field.value])).toEqual([
      ['path', '/blog/focus'],
      ['date', '2016-05-26'],
      ['title', 'Focus is the Ultimate Process'],
    ]);
    expect(doc.body).toContain('Second line');
    expect(doc.readOnly).toBeUndefined();
  });

  it('refuses a file above the size limit with TOO_LARGE, stating the limit', async () => {
    await writeFiles(folder.dir, { 'big.md': 'x'.repeat(5000) });
    const result = await store.read('big.md');
    expect(result.ok ? 'ok' : result.error.code).toBe('TOO_LARGE');
    expect(result.ok ? '' : result.error.message).toContain('up to 4 KiB');
  });
});

describe('save', () => {
  it('writes nothing when nothing changed, and the bytes stay identical', async () => {
    const doc = await opened();
    const before = await stat(path.join(folder.dir, 'blog/focus.md'));
    const saved = valueOf(
      await store.save({ id: doc.id, baseVersion: doc.version, body: doc.body, frontMatter: { kind: 'none' } }),
    );
    expect(saved.version).toBe(doc.version);
    expect(await onDisk()).toBe(ORIGINAL);
    expect((await stat(path.join(folder.dir, 'blog/focus.md'))).ino).toBe(before.ino);
  });

  it('saves a body edit, keeping the front matter bytes, and returns the new version', async () => {
    const doc = await opened();
    const body = `${doc.body}A new paragraph.\n`;
    const saved = valueOf(
      await store.save({ id: doc.id, baseVersion: doc.version, body, frontMatter: { kind: 'none' } }),
    );
    const text = await onDisk();
    expect(
      text.startsWith('---\npath:\t"/blog/focus"\ndate:\t"2016-05-26"\ntitle:\t"Focus is the Ultimate Process"\n---\n'),
    ).toBe(true);
    expect(text).toContain('A new paragraph.');
    expect(saved.version).not.toBe(doc.version);
    expect(saved).toEqual(await opened());
    expect(await allFiles(folder.dir)).toEqual(['blog/focus.md']);
  });

  it('refuses with CONFLICT when the file changed since it was read, and force overrides', async () => {
    const doc = await opened();
    const theirs = ORIGINAL.replace('First line.', 'Changed elsewhere.');
    await writeFile(path.join(folder.dir, 'blog/focus.md'), theirs);
    const request = { id: doc.id, baseVersion: doc.version, body: 'Mine.\n', frontMatter: { kind: 'none' as const } };
    const conflict = await store.save(request);
    expect(conflict.ok ? 'ok' : conflict.error).toMatchObject({
      code: 'CONFLICT',
      message: 'This post changed on disk since you opened it.',
    });
    expect(await onDisk()).toBe(theirs);
    valueOf(await store.save({ ...request, force: true }));
    expect(await onDisk()).toContain('Mine.');
    expect(await onDisk()).toContain('title:\t"Focus is the Ultimate Process"');
  });

  it('keeps the body another program wrote when "keep mine" saves only field edits (no body sent)', async () => {
    const doc = await opened();
    const theirs = ORIGINAL.replace('"2016-05-26"', '"2016-06-01"').replace('First line.', 'THEIRS First line.');
    await writeFile(path.join(folder.dir, 'blog/focus.md'), theirs);
    const edits = [{ op: 'set' as const, key: 'title', value: { kind: 'text' as const, text: 'MINE title' } }];
    const request = { id: doc.id, baseVersion: doc.version, frontMatter: { kind: 'fields' as const, edits } };
    const conflict = await store.save(request);
    expect(conflict.ok ? 'ok' : conflict.error.code).toBe('CONFLICT');
    valueOf(await store.save({ ...request, force: true }));
    // Mine: the title. Theirs: the date and the body, which the author never touched.
    expect(await onDisk()).toBe(theirs.replace('"Focus is the Ultimate Process"', '"MINE title"'));
  });

  it('keeps the file mode', async () => {
    await chmod(path.join(folder.dir, 'blog/focus.md'), 0o640);
    const doc = await opened();
    valueOf(
      await store.save({ id: doc.id, baseVersion: doc.version, body: 'Changed.\n', frontMatter: { kind: 'none' } }),
    );
    expect((await stat(path.join(folder.dir, 'blog/focus.md'))).mode & 0o777).toBe(0o640);
  });

  it('fails with NOT_FOUND when the post was deleted meanwhile', async () => {
    const doc = await opened();
    await rm(path.join(folder.dir, 'blog/focus.md'));
    const result = await store.save({ id: doc.id, baseVersion: doc.version, body: 'x', frontMatter: { kind: 'none' } });
    expect(result.ok ? 'ok' : result.error.code).toBe('NOT_FOUND');
  });

  it('fails with PERMISSION on a read-only folder, losing nothing and leaving no temporary file', async (context) => {
    const doc = await opened();
    undoReadOnly = await makeReadOnly(path.join(folder.dir, 'blog'));
    if (undoReadOnly === null) {
      console.log('skipping the read-only folder case: running as root and `chattr +i` is not available here');
      context.skip();
    }
    const result = await store.save({
      id: doc.id,
      baseVersion: doc.version,
      body: 'Lost?\n',
      frontMatter: { kind: 'none' },
    });
    expect(result.ok ? 'ok' : result.error.code).toBe('PERMISSION');
    expect(result.ok ? '' : result.error.hint).toBeTruthy();
    expect(await onDisk()).toBe(ORIGINAL);
    expect(await allFiles(folder.dir)).toEqual(['blog/focus.md']);
  });

  it('passes a front-matter change through the codec', async () => {
    const doc = await opened();
    const edits = [{ op: 'set' as const, key: 'title', value: { kind: 'text' as const, text: 'Focus, Revisited' } }];
    valueOf(
      await store.save({
        id: doc.id,
        baseVersion: doc.version,
        body: doc.body,
        frontMatter: { kind: 'fields', edits },
      }),
    );
    expect(await onDisk()).toBe(ORIGINAL.replace('"Focus is the Ultimate Process"', '"Focus, Revisited"'));
  });

  it('fails with NOT_A_FILE when the post became a folder', async () => {
    const doc = await opened();
    await rm(path.join(folder.dir, 'blog/focus.md'));
    await mkdir(path.join(folder.dir, 'blog/focus.md'));
    const result = await store.save({ id: doc.id, baseVersion: doc.version, body: 'x', frontMatter: { kind: 'none' } });
    expect(result.ok ? 'ok' : result.error.code).toBe('NOT_A_FILE');
  });
});

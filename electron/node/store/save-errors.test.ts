/**
 * Saves that fail lose nothing: for each way the disk can refuse, the save answers a failure that
 * says what happened and what to do, the post on disk keeps its bytes, and no temporary file stays.
 */
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiError, PostDoc, Result } from '../../../shared/api/contract';
import { writeBytesToDisk, type WriteBytes } from './io';
import { createPostStore, type PostStore } from './store';
import { allFiles, FIXED_NOW, makeTempFolder, RUNNING_AS_ROOT, seedPost, writeFiles } from './testing';

const ORIGINAL = seedPost('focus', '2016-05-26', 'Focus', '\nThe original words.\n');
const LIMIT = 64 * 1024;

let folder: { dir: string; remove: () => Promise<void> };
let undo: (() => void) | null = null;

beforeEach(async () => {
  folder = await makeTempFolder('postwright-save-errors-');
  await writeFiles(folder.dir, { 'focus.md': ORIGINAL });
});
afterEach(async () => {
  undo?.();
  undo = null;
  await folder.remove();
});

const file = () => path.join(folder.dir, 'focus.md');

function errnoError(code: string): Error {
  return Object.assign(new Error(`${code}: simulated, write`), { code });
}

async function openStore(writeBytes: WriteBytes = writeBytesToDisk): Promise<PostStore> {
  return createPostStore({ postsDir: folder.dir, now: FIXED_NOW, maxFileBytes: LIMIT, writeBytes });
}

async function saveEdit(store: PostStore, body = 'New words.\n'): Promise<Result<PostDoc>> {
  const doc = await store.read('focus.md');
  if (!doc.ok) throw new Error(doc.error.message);
  return store.save({ id: 'focus.md', baseVersion: doc.value.version, body, frontMatter: { kind: 'none' } });
}

function failure(result: Result<unknown>): ApiError {
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

async function expectNothingLost(): Promise<void> {
  expect(await readFile(file(), 'utf8')).toBe(ORIGINAL);
  expect(await allFiles(folder.dir)).toEqual(['focus.md']);
}

describe('a save the disk refuses', () => {
  it('disk full (ENOSPC after half the bytes): NO_SPACE, saying the text is kept and what to do', async () => {
    const halfThenFull: WriteBytes = async (handle, bytes) => {
      await handle.write(bytes, 0, Math.floor(bytes.length / 2));
      throw errnoError('ENOSPC');
    };
    const error = failure(await saveEdit(await openStore(halfThenFull)));
    expect(error.code).toBe('NO_SPACE');
    expect(error.message).toMatch(/disk is full.*still in the editor/);
    expect(error.hint).toMatch(/free|Empty/);
    await expectNothingLost();
  });

  it('quota exceeded (EDQUOT) is reported as a full disk too', async () => {
    const error = failure(await saveEdit(await openStore(() => Promise.reject(errnoError('EDQUOT')))));
    expect(error.code).toBe('NO_SPACE');
    await expectNothingLost();
  });

  it('permission denied while writing: PERMISSION, with what to check', async () => {
    const error = failure(await saveEdit(await openStore(() => Promise.reject(errnoError('EACCES')))));
    expect(error).toMatchObject({ code: 'PERMISSION', message: 'Postwright is not allowed to save this post.' });
    expect(error.hint).toMatch(/permissions/);
    await expectNothingLost();
  });

  it('a read-only disk (EROFS): READ_ONLY, suggesting a writable copy', async () => {
    const error = failure(await saveEdit(await openStore(() => Promise.reject(errnoError('EROFS')))));
    expect(error.code).toBe('READ_ONLY');
    expect(error.hint).toMatch(/writable/);
    await expectNothingLost();
  });

  it('a post the system will not let anyone replace (a locked file or folder): refused', async (context) => {
    if (RUNNING_AS_ROOT) {
      try {
        execFileSync('chattr', ['+i', file()], { stdio: 'ignore' });
      } catch {
        console.log('skipping the locked-file case: running as root and `chattr +i` is not available here');
        context.skip();
      }
      undo = () => execFileSync('chattr', ['-i', file()], { stdio: 'ignore' });
    } else {
      await chmod(folder.dir, 0o555);
      undo = () => void execFileSync('chmod', ['755', folder.dir]);
    }
    const error = failure(await saveEdit(await openStore()));
    // An immutable file says it may not be written, so it is refused before any write; a folder
    // that may not be written lets the file say yes, and the replacing rename is refused.
    expect(error.code).toBe(RUNNING_AS_ROOT ? 'READ_ONLY' : 'PERMISSION');
    await expectNothingLost();
  });

  it('the post replaced by a folder: NOT_A_FILE, and the folder is left alone', async () => {
    const store = await openStore();
    const doc = await store.read('focus.md');
    if (!doc.ok) throw new Error(doc.error.message);
    await rm(file());
    await mkdir(file());
    await writeFile(path.join(file(), 'inside.txt'), 'keep');
    const result = await store.save({
      id: 'focus.md',
      baseVersion: doc.value.version,
      body: 'x\n',
      frontMatter: { kind: 'none' },
    });
    expect(failure(result)).toMatchObject({ code: 'NOT_A_FILE', hint: 'Postwright only edits regular files.' });
    expect(await allFiles(folder.dir)).toEqual(['focus.md/inside.txt']);
  });

  it('a post grown above the limit on disk: TOO_LARGE, stating the limit', async () => {
    const store = await openStore();
    const doc = await store.read('focus.md');
    if (!doc.ok) throw new Error(doc.error.message);
    const grown = ORIGINAL + 'x'.repeat(LIMIT);
    await writeFile(file(), grown);
    const result = await store.save({
      id: 'focus.md',
      baseVersion: doc.value.version,
      body: 'x\n',
      frontMatter: { kind: 'none' },
    });
    expect(failure(result)).toMatchObject({ code: 'TOO_LARGE' });
    expect(failure(result).message).toContain('up to 64 KiB');
    expect(await readFile(file(), 'utf8')).toBe(grown);
  });

  it('an edit that would make the post larger than the limit: TOO_LARGE, nothing written', async () => {
    const error = failure(await saveEdit(await openStore(), 'y'.repeat(LIMIT + 1)));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toContain('up to 64 KiB');
    await expectNothingLost();
  });

  it('a file marked read-only (mode 444): opens read-only, and a save is refused with the file untouched', async () => {
    const store = await openStore();
    await chmod(file(), 0o444);
    undo = () => void execFileSync('chmod', ['644', file()]);
    const doc = await store.read('focus.md');
    if (!doc.ok) throw new Error(doc.error.message);
    expect(doc.value.readOnly).toMatch(/read-only on disk/);
    const error = failure(
      await store.save({
        id: 'focus.md',
        baseVersion: doc.value.version,
        body: 'New words.\n',
        frontMatter: { kind: 'none' },
      }),
    );
    expect(error.code).toBe('READ_ONLY');
    expect(error.message).toBe('Not saved: this file is read-only on disk.');
    expect(error.hint).toBe('Make the file writable, then save again; your text stays here.');
    await expectNothingLost();
    // Made writable again, the same save goes through: nothing needs opening again.
    await chmod(file(), 0o644);
    const saved = await store.save({
      id: 'focus.md',
      baseVersion: doc.value.version,
      body: 'New words.\n',
      frontMatter: { kind: 'none' },
    });
    expect(saved.ok).toBe(true);
    expect(await readFile(file(), 'utf8')).toContain('New words.');
  });

  it('a post that is a link inside the folder: READ_ONLY, the target untouched', async () => {
    await symlink(file(), path.join(folder.dir, 'alias.md'));
    const store = await openStore();
    const doc = await store.read('alias.md');
    if (!doc.ok) throw new Error(doc.error.message);
    const result = await store.save({
      id: 'alias.md',
      baseVersion: doc.value.version,
      body: 'x\n',
      frontMatter: { kind: 'none' },
    });
    expect(failure(result).code).toBe('READ_ONLY');
    expect(await readFile(file(), 'utf8')).toBe(ORIGINAL);
  });
});

describe('temporary files left by a killed save', () => {
  it('are not listed as posts, and the next successful save of that post removes them', async () => {
    const leftovers = ['.focus.md.0123456789ab.tmp', '.focus.md.ba9876543210.tmp'];
    const unrelated = ['.focus.md.notes.tmp', '.other.md.0123456789ab.tmp'];
    for (const name of [...leftovers, ...unrelated]) await writeFile(path.join(folder.dir, name), 'partial');
    const store = await openStore();
    const listed = await store.list();
    expect(listed.ok && listed.value.map((post) => post.id)).toEqual(['focus.md']);
    expect((await saveEdit(store)).ok).toBe(true);
    expect(await allFiles(folder.dir)).toEqual([...unrelated, 'focus.md'].sort());
  });
});

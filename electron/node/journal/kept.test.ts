import { createHash } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BlogApi, JournalDraft } from '../../../shared/api/contract';
import { VALIDATORS } from '../../../shared/api/validate';
import { createBlogApi } from '../store/api';
import { createPostStore } from '../store/store';
import { allFiles, FIXED_NOW, makeTempFolder, seedPost, writeFiles, valueOf } from '../store/testing';

let folder: { dir: string; remove: () => Promise<void> };
let posts: string;
let journalDir: string;
let warnings: string[];
let api: BlogApi;

beforeEach(async () => {
  folder = await makeTempFolder('postwright-kept-');
  posts = path.join(folder.dir, 'posts');
  journalDir = path.join(folder.dir, 'data', 'journal', 'abc');
  await writeFiles(posts, { 'blog/hello.md': seedPost('hello', '2024-01-01', 'Hello There') });
  warnings = [];
  const store = await createPostStore({ postsDir: posts, now: FIXED_NOW });
  api = createBlogApi(store, { journalDir, now: FIXED_NOW, warn: (message) => warnings.push(message) });
});
afterEach(async () => {
  await folder.remove();
});

async function draftOf(body: string, id = 'blog/hello.md'): Promise<JournalDraft> {
  const doc = valueOf(await api.readPost(id));
  return { id, baseVersion: doc.version, body, frontMatter: { kind: 'none' } };
}

const hashOf = (id: string) => createHash('sha256').update(id).digest('hex');

/** The bodies the restore prompt would offer, kept apart or not. */
async function offered(): Promise<string[]> {
  return valueOf(await api.listJournal()).map((entry) => entry.body);
}

describe('keepJournal', () => {
  it('moves the post entry into a private file of its own, listed with its slot', async () => {
    const draft = await draftOf('Mine, set aside.\n');
    valueOf(await api.writeJournal(draft));
    const kept = valueOf(await api.keepJournal(draft));
    expect(kept).toEqual({
      ...draft,
      title: 'Hello There',
      updatedAt: FIXED_NOW().toISOString(),
      diskVersion: draft.baseVersion,
      slot: expect.stringMatching(/^[0-9a-f]{16}$/) as unknown,
    });
    const name = `${hashOf('blog/hello.md')}-${kept.slot}.json`;
    expect(await allFiles(journalDir)).toEqual([name]);
    expect((await stat(path.join(journalDir, name))).mode & 0o777).toBe(0o600);
    expect(valueOf(await api.listJournal())).toEqual([kept]);
  });

  it('take theirs, then edit, save and discard the post: the kept edits are still offered', async () => {
    const mine = await draftOf('MY-PARAGRAPH written by the author.\n');
    valueOf(await api.writeJournal(mine));
    valueOf(await api.keepJournal(mine));
    await writeFile(path.join(posts, 'blog/hello.md'), seedPost('hello', '2024-01-01', 'Hello There', 'Theirs.'));
    const theirs = await draftOf('Theirs.\nx\n');
    valueOf(await api.writeJournal(theirs));
    valueOf(await api.savePost({ ...theirs }));
    valueOf(await api.writeJournal(await draftOf('Theirs.\nxy\n')));
    valueOf(await api.discardJournal('blog/hello.md'));
    expect(await offered()).toEqual(['MY-PARAGRAPH written by the author.\n']);
  });

  it('an entry kept apart at launch survives the next edits and the save of its post', async () => {
    const crash = await draftOf('CRASH-TIME-PARAGRAPH.\n');
    valueOf(await api.writeJournal(crash));
    const [found] = valueOf(await api.listJournal());
    valueOf(await api.keepJournal(found!));
    valueOf(await api.writeJournal(await draftOf('Fix: \n')));
    expect((await offered()).sort()).toEqual(['CRASH-TIME-PARAGRAPH.\n', 'Fix: \n']);
    valueOf(await api.savePost({ ...(await draftOf('Fix: \n')) }));
    expect(await offered()).toEqual(['CRASH-TIME-PARAGRAPH.\n']);
  });

  it('keeps the same edits once, and other edits of the same post beside them', async () => {
    const one = await draftOf('One.\n');
    valueOf(await api.keepJournal(one));
    valueOf(await api.keepJournal(one));
    valueOf(await api.keepJournal(await draftOf('Two.\n')));
    expect((await offered()).sort()).toEqual(['One.\n', 'Two.\n']);
    expect(await allFiles(journalDir)).toHaveLength(2);
  });

  it('leaves the post entry in place when it holds other edits', async () => {
    valueOf(await api.writeJournal(await draftOf('Newer, in the post entry.\n')));
    valueOf(await api.keepJournal(await draftOf('Older, kept apart.\n')));
    expect((await offered()).sort()).toEqual(['Newer, in the post entry.\n', 'Older, kept apart.\n']);
  });

  it('refuses a hostile id, writing nothing', async () => {
    const kept = await api.keepJournal({ ...(await draftOf('x\n')), id: '../escape.md' });
    expect(kept.ok ? 'ok' : kept.error.code).toBe('INVALID_ID');
    expect(await api.listJournal()).toEqual({ ok: true, value: [] });
  });
});

describe('discardKeptJournal', () => {
  it('forgets only the entry of that slot, and succeeds when there was nothing to forget', async () => {
    const one = valueOf(await api.keepJournal(await draftOf('One.\n')));
    valueOf(await api.keepJournal(await draftOf('Two.\n')));
    valueOf(await api.writeJournal(await draftOf('Own.\n')));
    expect(await api.discardKeptJournal('blog/hello.md', one.slot!)).toEqual({ ok: true, value: null });
    expect(await api.discardKeptJournal('blog/hello.md', one.slot!)).toEqual({ ok: true, value: null });
    expect((await offered()).sort()).toEqual(['Own.\n', 'Two.\n']);
  });

  it('refuses a slot that is not 16 hex digits and a hostile id, removing nothing', async () => {
    const kept = valueOf(await api.keepJournal(await draftOf('Stay.\n')));
    for (const slot of ['../../secret', '0123456789ABCDEF', '', `${kept.slot!}0`]) {
      const result = await api.discardKeptJournal('blog/hello.md', slot);
      expect(result.ok ? 'ok' : result.error.code).toBe('INVALID_ID');
      expect(VALIDATORS.discardKeptJournal(['blog/hello.md', slot]).ok).toBe(false);
    }
    const hostile = await api.discardKeptJournal('../blog/hello.md', kept.slot!);
    expect(hostile.ok ? 'ok' : hostile.error.code).toBe('INVALID_ID');
    expect(VALIDATORS.discardKeptJournal(['blog/hello.md', kept.slot]).ok).toBe(true);
    expect(await offered()).toEqual(['Stay.\n']);
  });
});

describe('kept files on disk', () => {
  it('a kept file whose slot does not match its name is skipped and reported, never deleted', async () => {
    const kept = valueOf(await api.keepJournal(await draftOf('Real.\n')));
    const good = await readFile(path.join(journalDir, `${hashOf('blog/hello.md')}-${kept.slot!}.json`), 'utf8');
    await writeFile(path.join(journalDir, `${hashOf('blog/hello.md')}-${'0'.repeat(16)}.json`), good);
    expect(await offered()).toEqual(['Real.\n']);
    expect(warnings.join('\n')).toMatch(/does not match the post/);
    expect(await allFiles(journalDir)).toHaveLength(2);
  });

  it('without a journal folder, both methods fail clearly with UNSUPPORTED', async () => {
    const plain = createBlogApi(await createPostStore({ postsDir: posts, now: FIXED_NOW }));
    const draft = await draftOf('x\n');
    for (const result of [await plain.keepJournal(draft), await plain.discardKeptJournal(draft.id, '0'.repeat(16))]) {
      expect(result.ok ? 'ok' : result.error.code).toBe('UNSUPPORTED');
    }
  });
});

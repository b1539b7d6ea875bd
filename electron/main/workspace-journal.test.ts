import { mkdir, mkdtemp, readdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { journalKey } from '../node/journal/location';
import { indexWritesDone } from '../node/store/index-cache';
import { createWorkspaceHost, indexFileFor, type WorkspaceHost } from './workspace';

let base: string;
let host: WorkspaceHost;

beforeEach(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'postwright-workspace-journal-'));
});
afterEach(async () => {
  await host.close();
  await rm(base, { recursive: true, force: true });
});

describe('createWorkspaceHost with a journal root', () => {
  it('keeps the open folder journal in its own subfolder of the journal root', async () => {
    const posts = path.join(base, 'posts');
    await mkdir(posts);
    await writeFile(path.join(posts, 'a.md'), '---\ntitle: A\n---\nText.\n');
    const journalRoot = path.join(base, 'userData', 'journal');
    host = createWorkspaceHost({ now: () => new Date(0), onChange: () => undefined, journalRoot });
    expect((await host.open(posts)).ok).toBe(true);
    const doc = await host.api().readPost('a.md');
    if (!doc.ok) throw new Error(doc.error.message);
    const draft = {
      id: 'a.md',
      baseVersion: doc.value.version,
      body: 'Unsaved.\n',
      frontMatter: { kind: 'none' as const },
    };
    expect(await host.api().writeJournal(draft)).toEqual({ ok: true, value: null });
    expect(await readdir(journalRoot)).toEqual([journalKey(await realpath(posts))]);
    const listed = await host.api().listJournal();
    expect(listed.ok && listed.value.map((entry) => entry.body)).toEqual(['Unsaved.\n']);
  });
});

describe('createWorkspaceHost with an index root', () => {
  async function folderWith(name: string, file: string, title: string): Promise<string> {
    const posts = path.join(base, name);
    await mkdir(posts);
    await writeFile(path.join(posts, file), `---\ntitle: ${title}\n---\nText.\n`);
    return posts;
  }

  async function indexed(file: string): Promise<{ id: string; title: string }[]> {
    const saved = JSON.parse(await readFile(file, 'utf8')) as { posts: { id: string; title: string }[] };
    return saved.posts.map(({ id, title }) => ({ id, title }));
  }

  it('keeps the front-matter index of each opened folder in its own file in the data folder', async () => {
    const first = await folderWith('first', 'a.md', 'A');
    const second = await folderWith('second', 'b.md', 'B');
    const indexRoot = path.join(base, 'userData', 'index');
    host = createWorkspaceHost({ now: () => new Date(0), onChange: () => undefined, indexRoot });
    for (const folder of [first, second]) {
      expect((await host.open(folder)).ok).toBe(true);
      expect((await host.api().listPosts()).ok).toBe(true);
    }
    // The index file is written after the listing answers.
    await indexWritesDone();
    expect(await indexed(indexFileFor(indexRoot, await realpath(first)))).toEqual([{ id: 'a.md', title: 'A' }]);
    expect(await indexed(indexFileFor(indexRoot, await realpath(second)))).toEqual([{ id: 'b.md', title: 'B' }]);
    expect((await readdir(indexRoot)).sort()).toHaveLength(2);
  });

  it('still reports a missing folder clearly', async () => {
    host = createWorkspaceHost({ now: () => new Date(0), onChange: () => undefined, indexRoot: path.join(base, 'i') });
    const opened = await host.open(path.join(base, 'missing'));
    expect(opened.ok ? null : opened.error.code).toBe('NOT_FOUND');
  });
});

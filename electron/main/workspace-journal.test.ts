import { mkdir, mkdtemp, readdir, realpath, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { journalKey } from '../node/journal/location';
import { createWorkspaceHost, type WorkspaceHost } from './workspace';

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

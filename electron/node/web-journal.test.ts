/** Browser mode keeps unsaved edits in its data folder, so a restarted server offers them back. */
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JournalEntry, PostDoc, Result } from '../../shared/api/contract';
import { journalDirFor } from './journal/location';
import { apiHeaders, login, makeWebFolders, send } from './server/testing';
import { main, parseWebArgs, type RunningWeb } from './web';

let root: string;
let posts: string;
let site: string;
let dataDir: string;

beforeEach(async () => {
  ({ root, posts, site, dataDir } = await makeWebFolders('postwright-web-journal-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

async function startWeb(
  args: string[],
): Promise<{ web: RunningWeb; call: <T>(method: string, ...a: unknown[]) => Promise<Result<T>> }> {
  const lines: string[] = [];
  const outcome = await main(['--posts', posts, '--port', '0', ...args], {
    staticDir: site,
    dataDir: path.join(root, 'default-data'),
    out: (l) => lines.push(l),
    err: (l) => lines.push(l),
  });
  if (outcome.kind !== 'running') throw new Error(`main exited: ${lines.join('\n')}`);
  const { web } = outcome;
  const cookie = await login(web.server);
  const call = async <T>(method: string, ...a: unknown[]): Promise<Result<T>> => {
    const reply = await send(web.server.port, {
      method: 'POST',
      path: `/api/${method}`,
      headers: apiHeaders(web.server, cookie),
      body: JSON.stringify({ args: a }),
    });
    return JSON.parse(reply.text) as Result<T>;
  };
  return { web, call };
}

describe('browser mode and the journal', () => {
  it('parses --data relative to the working folder', () => {
    const parsed = parseWebArgs(['--data', 'state'], { cwd: '/home/me', entryUrl: 'file:///opt/p/dist/node/web.mjs' });
    expect(parsed.ok && parsed.value.dataDir).toBe(path.resolve('/home/me/state'));
  });

  it('keeps unsaved edits in <data>/journal/<folder key> across a restart, and a save clears them', async () => {
    const first = await startWeb(['--data', dataDir]);
    const doc = await first.call<PostDoc>('readPost', 'hello.md');
    if (!doc.ok) throw new Error(doc.error.message);
    const draft = {
      id: 'hello.md',
      baseVersion: doc.value.version,
      body: 'Typed, never saved.\n',
      frontMatter: { kind: 'none' },
    };
    expect(await first.call('writeJournal', draft)).toEqual({ ok: true, value: null });
    await first.web.stop();
    expect(await readdir(path.join(dataDir, 'journal'))).toEqual([
      path.basename(journalDirFor(dataDir, first.web.root)),
    ]);

    const second = await startWeb(['--data', dataDir]);
    try {
      const listed = await second.call<JournalEntry[]>('listJournal');
      expect(listed.ok && listed.value.map((entry) => [entry.body, entry.title, entry.diskVersion])).toEqual([
        ['Typed, never saved.\n', 'Hello', doc.value.version],
      ]);
      expect((await second.call('savePost', draft)).ok).toBe(true);
      expect(await second.call('listJournal')).toEqual({ ok: true, value: [] });
    } finally {
      await second.web.stop();
    }
  });

  it('uses the default data folder of the world when --data is not given', async () => {
    const started = await startWeb([]);
    try {
      const doc = await started.call<PostDoc>('readPost', 'hello.md');
      if (!doc.ok) throw new Error(doc.error.message);
      const draft = { id: 'hello.md', baseVersion: doc.value.version, body: 'x\n', frontMatter: { kind: 'none' } };
      expect((await started.call('writeJournal', draft)).ok).toBe(true);
      expect(await readdir(path.join(root, 'default-data', 'journal'))).toHaveLength(1);
    } finally {
      await started.web.stop();
    }
  });
});

/** Browser mode keeps the post index in its data folder, so a restarted server lists at the speed of `stat`. */
import { readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PostSummary, Result } from '../../shared/api/contract';
import { journalKey } from './journal/location';
import { apiHeaders, login, makeWebFolders, send } from './server/testing';
import { indexFileFor, main, type RunningWeb } from './web';

let root: string;
let posts: string;
let site: string;
let dataDir: string;

beforeEach(async () => {
  ({ root, posts, site, dataDir } = await makeWebFolders('postwright-web-index-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

async function listTitles(): Promise<{ web: RunningWeb; titles: string[] }> {
  const lines: string[] = [];
  const outcome = await main(['--posts', posts, '--port', '0', '--data', dataDir], {
    staticDir: site,
    out: (l) => lines.push(l),
    err: (l) => lines.push(l),
  });
  if (outcome.kind !== 'running') throw new Error(`main exited: ${lines.join('\n')}`);
  const { web } = outcome;
  const reply = await send(web.server.port, {
    method: 'POST',
    path: '/api/listPosts',
    headers: apiHeaders(web.server, await login(web.server)),
    body: JSON.stringify({ args: [] }),
  });
  const listed = JSON.parse(reply.text) as Result<PostSummary[]>;
  if (!listed.ok) throw new Error(listed.error.message);
  return { web, titles: listed.value.map((post) => post.title) };
}

describe('browser mode and the post index', () => {
  it('names the index file after the posts folder real path, beside the journal', async () => {
    const linked = path.join(root, 'linked-posts');
    await symlink(posts, linked);
    const expected = path.join(dataDir, 'index', `${journalKey(posts)}.json`);
    expect(await indexFileFor(dataDir, posts)).toBe(expected);
    expect(await indexFileFor(dataDir, linked)).toBe(expected);
    expect(await indexFileFor(dataDir, path.join(root, 'missing'))).toBeUndefined();
  });

  it('writes the index on the first listing and lists from it after a restart', async () => {
    const first = await listTitles();
    await first.web.stop();
    expect(first.titles).toEqual(['Hello']);
    const file = await indexFileFor(dataDir, posts);
    if (file === undefined) throw new Error('no index file name');
    const saved = await readFile(file, 'utf8');
    expect(saved).toContain('"Hello"');

    // A forged title for the unchanged file proves the second server trusted the index, not the file.
    await writeFile(file, saved.replace('"Hello"', '"From the index"'));
    const second = await listTitles();
    await second.web.stop();
    expect(second.titles).toEqual(['From the index']);
  });
});

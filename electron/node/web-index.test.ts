/** Browser mode keeps the post index in its data folder, so a restarted server lists at the speed of `stat`. */
import { request as httpRequest, type IncomingMessage } from 'node:http';
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

/** The first postsChanged event the server at `web` sends (it keeps one no page heard for the next). */
async function firstChange(web: RunningWeb): Promise<{ added: string[]; changed: string[]; removed: string[] }> {
  const headers = apiHeaders(web.server, await login(web.server));
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: web.server.port,
        path: '/api/events',
        headers,
      },
      resolve,
    );
    req.on('error', reject);
    req.end();
  });
  res.setEncoding('utf8');
  let text = '';
  try {
    return await new Promise((resolve) =>
      res.on('data', (chunk: string) => {
        text += chunk;
        const match = /event: postsChanged\ndata: (.*)\n\n/.exec(text);
        if (match?.[1] !== undefined)
          resolve(JSON.parse(match[1]) as { added: string[]; changed: string[]; removed: string[] });
      }),
    );
  } finally {
    res.destroy();
  }
}

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

  it('a restarted server shows the remembered list at once, then tells the page that it changed', async () => {
    const first = await listTitles();
    await first.web.stop();
    // While it is stopped, the post is retitled by another program.
    const file = path.join(posts, 'hello.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('Hello', 'Hello again'));
    const second = await listTitles();
    try {
      // The remembered list, unless the check behind it (one post: a few milliseconds) was done before
      // the page asked: the page then gets the checked list. first-listing.test.ts holds the check
      // back to show the remembered answer handed out; here, that the change reaches the page either way.
      expect([['Hello'], ['Hello again']]).toContainEqual(second.titles);
      // The check behind it finds the change: a page listening is told which post; one that listens
      // only after is told that something changed (it lists again and looks at its open post).
      const told = JSON.stringify(await firstChange(second.web));
      expect([
        JSON.stringify({ added: [], changed: ['hello.md'], removed: [] }),
        JSON.stringify({ added: [], changed: [], removed: [] }),
      ]).toContain(told);
      const again = JSON.parse(
        (
          await send(second.web.server.port, {
            method: 'POST',
            path: '/api/listPosts',
            headers: apiHeaders(second.web.server, await login(second.web.server)),
            body: JSON.stringify({ args: [] }),
          })
        ).text,
      ) as Result<PostSummary[]>;
      expect(again.ok && again.value.map((post) => post.title)).toEqual(['Hello again']);
    } finally {
      await second.web.stop();
    }
  });
});

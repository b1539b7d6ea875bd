/**
 * The app:// protocol's matrix, over real folders and the real store: request targets that try
 * to leave the renderer folder or the posts folder (encodings, overlong UTF-8, backslashes,
 * drives, streams, Windows names, links, FIFOs, folders, long names) and methods other than
 * GET and HEAD. Nothing from outside is ever sent. Cases in protocol.test.ts are not repeated.
 */
import { execFileSync } from 'node:child_process';
import { link, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostStore } from '../node/store/index';
import { createProtocolHandler, resolveProtocolPath } from './protocol';

const SECRET = 'PROTOCOL-SECRET-OUTSIDE';
const POSIX = process.platform !== 'win32';
let base: string;
let renderer: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'postwright-protocol-matrix-'));
  renderer = path.join(base, 'renderer');
  const posts = path.join(base, 'posts');
  await mkdir(path.join(renderer, 'assets'), { recursive: true });
  await mkdir(path.join(posts, 'images', 'dir.png'), { recursive: true });
  await mkdir(path.join(base, 'outside'));
  await writeFile(path.join(renderer, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(base, 'secret.png'), SECRET);
  await writeFile(path.join(base, 'outside', 'secret.png'), SECRET);
  await writeFile(path.join(posts, 'images', 'a.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  await symlink(path.join(base, 'secret.png'), path.join(posts, 'images', 'escape.png'));
  await symlink(path.join(base, 'outside'), path.join(posts, 'linked'));
  await symlink(path.join(base, 'secret.png'), path.join(renderer, 'assets', 'escape.js'));
  await link(path.join(posts, 'images', 'a.png'), path.join(posts, 'images', 'hard.png'));
  if (POSIX) execFileSync('mkfifo', [path.join(posts, 'images', 'pipe.png')]);
  const store = await openPostStore({ postsDir: posts, now: () => new Date(0) });
  if (!store.ok) throw new Error(store.error.message);
  handler = createProtocolHandler({ rendererDir: renderer, resolveAsset: (rel) => store.value.resolveAsset(rel) });
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

/** Paths (after `app://postwright/files/` or `app://postwright/`) that must not be served. */
const HOSTILE = [
  '..%2f..%2fsecret.png',
  '%2e%2e/%2e%2e/secret.png',
  '%252e%252e/secret.png',
  '%c0%ae%c0%ae/%c0%ae%c0%ae/secret.png',
  '%e0%80%ae%e0%80%ae/secret.png',
  '..%c0%af..%c0%afsecret.png',
  '%ef%bc%8e%ef%bc%8e/secret.png',
  '..%5c..%5csecret.png',
  'images%5c..%5c..%5csecret.png',
  'C%3a/secret.png',
  '%5c%5cserver%5cshare%5csecret.png',
  'images/a.png%00.js',
  'images/a.png%0a',
  'images/a.png%3a%3a%24DATA',
  'images/a.png.',
  'images/a.png%20',
  'images/CON.png',
  'aux/a.png',
  'images/escape.png',
  'linked/secret.png',
  'images/dir.png',
  ...(POSIX ? ['images/pipe.png'] : []),
  `images/${'a'.repeat(5000)}.png`,
];

describe('post assets under app://postwright/files/', () => {
  it.each(HOSTILE)('refuses %s', async (target) => {
    const response = await handler(new Request(`app://postwright/files/${target}`));
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('serves images inside, hard links included (a hard link is the file itself)', async () => {
    for (const target of ['images/a.png', 'images/hard.png']) {
      expect((await handler(new Request(`app://postwright/files/${target}`))).status).toBe(200);
    }
  });
});

describe('UI files under app://postwright/', () => {
  it.each([...HOSTILE.map((t) => t.replace('images/', 'assets/')), 'assets/escape.js'])(
    'refuses %s',
    async (target) => {
      const response = await handler(new Request(`app://postwright/${target}`));
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(await response.text()).not.toContain(SECRET);
    },
  );

  it('maps every accepted UI path inside the renderer folder', () => {
    for (const target of HOSTILE) {
      const resolved = resolveProtocolPath(`app://postwright/${target}`, renderer);
      if (resolved.kind === 'ui') expect(path.relative(renderer, resolved.file).startsWith('..'), target).toBe(false);
    }
  });
});

describe('methods and origins', () => {
  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('answers %s with 405 and reads nothing', async (method) => {
    const response = await handler(new Request('app://postwright/files/images/a.png', { method }));
    expect(response.status).toBe(405);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it.each(['app://evil/files/images/a.png', 'app://postwright.evil/', 'app://postwright:1/', 'app://POSTWRIGHT./'])(
    'refuses the origin of %s',
    async (url) => {
      const response = await handler(new Request(url));
      expect(response.status).toBeGreaterThanOrEqual(400);
    },
  );
});

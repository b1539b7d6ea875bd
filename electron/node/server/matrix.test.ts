/**
 * Browser mode's request matrix, over the real store: every route against foreign Hosts (DNS
 * rebinding), foreign Origins, missing or misplaced tokens, cross-site fetches, CORS preflights,
 * and traversal in static and asset paths. Everything is refused, nothing from outside is ever
 * sent, no reply grants CORS, the right requests still work and the server stays up.
 * Cases already covered by security.test.ts, static.test.ts and files.test.ts are not repeated.
 */
import { execFileSync } from 'node:child_process';
import { link, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlogApi } from '../store/api';
import { createPostStore } from '../store/store';
import { allReplies, apiHeaders, login, send, startFixture, type Fixture } from './testing';

const SECRET = 'MATRIX-SECRET-OUTSIDE-THE-POSTS-FOLDER';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const POSIX = process.platform !== 'win32';

let fx: Fixture;
let base: string;
let cookie: string;
let port: number;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'postwright-server-matrix-'));
  const posts = path.join(base, 'posts');
  await mkdir(path.join(posts, 'images'), { recursive: true });
  await mkdir(path.join(base, 'outside'));
  await writeFile(path.join(base, 'outside', 'secret.png'), SECRET);
  await writeFile(path.join(base, 'secret.png'), SECRET);
  await writeFile(path.join(posts, 'post.md'), '---\ntitle: "Post"\n---\nBody\n');
  await writeFile(path.join(posts, 'images', 'a.png'), PNG);
  await symlink(path.join(base, 'secret.png'), path.join(posts, 'images', 'escape.png'));
  await symlink(path.join(base, 'outside'), path.join(posts, 'linked'));
  await link(path.join(posts, 'images', 'a.png'), path.join(posts, 'images', 'hard.png'));
  await mkdir(path.join(posts, 'images', 'dir.png'));
  if (POSIX) execFileSync('mkfifo', [path.join(posts, 'images', 'pipe.png')]);
  const store = await createPostStore({ postsDir: posts, now: () => new Date(0) });
  fx = await startFixture({
    api: createBlogApi(store, { journalDir: path.join(base, 'journal') }),
    resolveAsset: (rel) => store.resolveAsset(rel),
  });
  port = fx.server.port;
  cookie = await login(fx.server);
});

afterAll(async () => {
  const granted = allReplies.filter((r) => Object.keys(r.headers).some((h) => h.startsWith('access-control-')));
  expect(granted).toEqual([]);
  expect(allReplies.filter((r) => r.text.includes(SECRET) || r.text.includes(fx.secret))).toEqual([]);
  await fx.dispose();
  await rm(base, { recursive: true, force: true });
});

/** The routes, by name. */
const ROUTES = ['the page', 'a renderer file', 'a post image', 'an API call', 'the event stream'] as const;
type Route = (typeof ROUTES)[number];

/** One request on `route`, with the right credentials unless `headers` overrides them. */
function request(route: Route, headers: Record<string, string> = {}, method?: string): ReturnType<typeof send> {
  const page = { Cookie: cookie, ...headers };
  const api = { ...apiHeaders(fx.server, cookie), ...headers };
  switch (route) {
    case 'the page':
      return send(port, { method, path: '/', headers: page });
    case 'a renderer file':
      return send(port, { method, path: '/assets/app.js', headers: page });
    case 'a post image':
      return send(port, { method, path: '/files/images/a.png', headers: page });
    case 'an API call':
      // A preflight carries no body (one left unread would be parsed as the next request).
      return send(port, {
        method: method ?? 'POST',
        path: '/api/listPosts',
        headers: api,
        body: method === undefined ? '{"args":[]}' : undefined,
      });
    case 'the event stream':
      // A HEAD request reads the answer's head only: an accepted stream would never end.
      return send(port, { method: method ?? 'HEAD', path: '/api/events', headers: api });
  }
}

describe('the right requests are served', () => {
  it.each(ROUTES.slice(0, 4))('%s', async (route) => {
    const reply = await request(route);
    expect(reply.status).toBe(200);
  });

  it('serves a hard-linked image inside the folder (a hard link is the file itself)', async () => {
    expect((await send(port, { path: '/files/images/hard.png', headers: { Cookie: cookie } })).status).toBe(200);
  });
});

describe('DNS rebinding: a Host other than 127.0.0.1 or localhost on our port', () => {
  const hosts = (p: number) => [
    `evil.example:${p}`,
    `127.0.0.1:${p}.evil.example`,
    `127.0.0.1.evil.example:${p}`,
    '127.0.0.1',
    'localhost',
    `localhost.:${p}`,
    `[::1]:${p}`,
    `0.0.0.0:${p}`,
    `127.1:${p}`,
    `2130706433:${p}`,
    `0x7f000001:${p}`,
    `127.0.0.1:${p}@evil.example`,
    `127.0.0.1:${p + 1}`,
  ];

  it.each(ROUTES)('refuses every foreign Host on %s with 421', async (route) => {
    for (const host of hosts(port)) {
      const reply = await request(route, { Host: host });
      expect(reply.status, `${route} with Host ${host}`).toBe(421);
      expect(reply.headers['set-cookie']).toBeUndefined();
    }
  });

  it('refuses a request without any Host header (HTTP/1.0)', async () => {
    const status = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write(`GET /?token=${fx.server.token} HTTP/1.0\r\n\r\n`));
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
      socket.on('end', () => resolve(text.split('\r\n')[0] ?? ''));
      socket.on('error', reject);
    });
    expect(status).toMatch(/^HTTP\/1\.[01] (400|421)/);
  });
});

describe('cross-site callers of the API and the event stream', () => {
  const origins = (p: number) => [
    'http://evil.example',
    'null',
    `http://127.0.0.1:${p}.evil.example`,
    `https://127.0.0.1:${p}`,
    `http://127.0.0.1:${p + 1}`,
    `http://localhost:${p}`,
    'file://',
    'chrome-extension://abcdefghijklmnop',
  ];

  it.each(['/api/listPosts', '/api/events'])('%s refuses every foreign Origin with 403', async (target) => {
    for (const origin of origins(port)) {
      const method = target === '/api/events' ? 'GET' : 'POST';
      const headers = { ...apiHeaders(fx.server, cookie), Origin: origin };
      const reply = await send(port, {
        method,
        path: target,
        headers,
        body: method === 'POST' ? '{"args":[]}' : undefined,
      });
      expect(reply.status, `${target} from ${origin}`).toBe(403);
    }
  });

  it.each([
    ['a token only in the query', { 'X-Postwright-Token': '' }, '?token=TOKEN'],
    ['a token only in a cookie', { 'X-Postwright-Token': '', Cookie: 'COOKIE; x-postwright-token=TOKEN' }, ''],
    ['a token in the wrong case', { 'X-Postwright-Token': 'LOWER' }, ''],
    ['the token twice, one wrong', { 'X-Postwright-Token': 'TOKEN, wrong' }, ''],
    ['the session id as the token', { 'X-Postwright-Token': 'SESSION' }, ''],
  ])('refuses %s with 401', async (_name, overrides, query) => {
    const fill = (value: string) =>
      value
        .replace('COOKIE', cookie)
        .replace('TOKEN', fx.server.token)
        .replace(
          'LOWER',
          fx.server.token.toLowerCase() === fx.server.token
            ? fx.server.token.toUpperCase()
            : fx.server.token.toLowerCase(),
        )
        .replace('SESSION', cookie.split('=')[1] ?? '');
    const headers = Object.fromEntries(
      Object.entries({ ...apiHeaders(fx.server, cookie), ...overrides }).map(([k, v]) => [k, fill(v)]),
    );
    for (const target of ['/api/listPosts', '/api/events']) {
      const method = target === '/api/events' ? 'GET' : 'POST';
      const reply = await send(port, {
        method,
        path: `${target}${fill(query)}`,
        headers,
        body: method === 'POST' ? '{"args":[]}' : undefined,
      });
      expect(reply.status, target).toBe(401);
    }
  });

  it.each([
    'text/plain',
    'text/plain; charset=utf-8',
    'application/x-www-form-urlencoded',
    'text/json',
    'application/json-patch+json',
    'application/jsonx',
    '',
  ])('refuses a POST sent as %j with 415 before reading it', async (type) => {
    const headers = { ...apiHeaders(fx.server, cookie), 'Content-Type': type };
    const reply = await send(port, { method: 'POST', path: '/api/deletePost', headers, body: '{"args":["post.md"]}' });
    expect(reply.status).toBe(415);
    expect(
      (
        await send(port, {
          method: 'POST',
          path: '/api/readPost',
          headers: apiHeaders(fx.server, cookie),
          body: '{"args":["post.md"]}',
        })
      ).text,
    ).toContain('"ok":true');
  });

  it.each(ROUTES)('answers a CORS preflight on %s with no Access-Control-Allow-* header', async (route) => {
    const preflight = {
      Origin: 'http://evil.example',
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'x-postwright-token',
    };
    const reply = await request(route, preflight, 'OPTIONS');
    expect(reply.status).toBe(405);
    expect(Object.keys(reply.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('keeps JSON keys named __proto__ as data, refusing them as unexpected arguments', async () => {
    const body = '{"args":[{"title":"x","__proto__":{"polluted":"yes"}}],"__proto__":{"polluted":"yes"}}';
    const reply = await send(port, {
      method: 'POST',
      path: '/api/createPost',
      headers: apiHeaders(fx.server, cookie),
      body,
    });
    expect(JSON.parse(reply.text)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

/** Request targets that try to leave the renderer folder or the posts folder. */
const TRAVERSALS = [
  '%e0%80%ae%e0%80%ae/secret.png',
  '%c0%ae%c0%ae%c0%af%c0%ae%c0%ae%c0%afsecret.png',
  '..%c0%af..%c0%afsecret.png',
  '%u002e%u002e/secret.png',
  '..;/secret.png',
  '.%2e/secret.png',
  '%2e./secret.png',
  '%2E%2E%2Fsecret.png',
  '%252E%252E%252Fsecret.png',
  '%25%32%65%25%32%65/secret.png',
  '..%255c..%255csecret.png',
  '%ef%bc%8e%ef%bc%8e/secret.png',
  '..%ef%bc%8fsecret.png',
  'images/a.png%00.html',
  'images/a.png%0d%0aSet-Cookie:%20x=y',
  'images/a.png::$DATA',
  'images/a.png:evil',
  'C:%5csecret.png',
  '%5c%5cserver%5cshare%5csecret.png',
  'images/a.png.',
  'images/a.png%20',
  'images/CON.png',
  'nul/a.png',
  'images/escape.png',
  'linked/secret.png',
  'images/dir.png',
  ...(POSIX ? ['images/pipe.png'] : []),
  `images/${'a'.repeat(5000)}.png`,
  'IMAGES/A.PNG',
];

describe('traversal in the static and asset routes', () => {
  it.each(TRAVERSALS)('/files/%s is refused and sends nothing from outside', async (target) => {
    const reply = await send(port, { path: `/files/${target}`, headers: { Cookie: cookie } });
    expect([400, 403, 404, 414, 431]).toContain(reply.status);
    expect(reply.headers['set-cookie']).toBeUndefined();
  });

  it.each(TRAVERSALS.map((t) => t.replace('images/', 'assets/').replace('a.png', 'app.js')))(
    '/%s is refused and sends nothing from outside',
    async (target) => {
      const reply = await send(port, { path: `/${target}`, headers: { Cookie: cookie } });
      expect([400, 403, 404, 414, 431]).toContain(reply.status);
    },
  );

  it('is still up and serving after all of it', async () => {
    expect((await send(port, { path: '/files/images/a.png', headers: { Cookie: cookie } })).status).toBe(200);
    const reply = await send(port, {
      method: 'POST',
      path: '/api/readPost',
      headers: apiHeaders(fx.server, cookie),
      body: '{"args":["post.md"]}',
    });
    expect(JSON.parse(reply.text)).toMatchObject({ ok: true, value: { id: 'post.md' } });
  });
});

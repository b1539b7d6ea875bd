import { execFileSync } from 'node:child_process';
import { readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookieName } from './guard';
import { PAGE_CSP } from './respond';
import { injectToken } from './static';
import { login, send, startFixture, type Fixture } from './testing';

let fx: Fixture;
let cookie: string;

beforeAll(async () => {
  fx = await startFixture();
  cookie = await login(fx.server);
});

afterAll(() => fx.dispose());

const get = (target: string, headers: Record<string, string> = { Cookie: cookie }) =>
  send(fx.server.port, { path: target, headers });

describe('token exchange', () => {
  it('prints a URL with a 24-byte base64url token', () => {
    expect(fx.server.url).toBe(`http://127.0.0.1:${fx.server.port}/?token=${fx.server.token}`);
    expect(fx.server.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(fx.server.origin).toBe(`http://127.0.0.1:${fx.server.port}`);
  });

  it('trades the right token for an HttpOnly SameSite=Strict cookie and a 303 to /', async () => {
    const reply = await get(`/?token=${fx.server.token}`, {});
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/');
    const setCookie = reply.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toMatch(/^pw_session_[0-9a-f]{12}=[A-Za-z0-9_-]{32}; HttpOnly; SameSite=Strict; Path=\/$/);
    expect(setCookie).not.toContain(fx.server.token);
  });

  it('refuses a wrong or missing token without a session, with a page that says what to do', async () => {
    for (const target of ['/', `/?token=${'x'.repeat(32)}`, '/?token=', '/assets/app.js', '/index.html']) {
      const reply = await get(target, {});
      expect(reply.status, target).toBe(401);
      expect(reply.headers['set-cookie']).toBeUndefined();
      expect(reply.text).toContain('printed in the terminal');
      expect(reply.text).not.toContain(fx.server.token);
    }
  });

  it('redirects a session holder with a stale token to / without a new cookie', async () => {
    const reply = await get('/?token=stale');
    expect(reply.status).toBe(303);
    expect(reply.headers['set-cookie']).toBeUndefined();
  });
});

describe('the page', () => {
  it('is served with the token meta tag and the security headers', async () => {
    const reply = await get('/');
    expect(reply.status).toBe(200);
    expect(reply.text).toContain(`<meta name="postwright-token" content="${fx.server.token}">`);
    expect(reply.text).not.toContain('<!--postwright-token-->');
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['content-security-policy']).toBe(PAGE_CSP);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['referrer-policy']).toBe('no-referrer');
    expect(reply.headers['x-frame-options']).toBe('DENY');
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(Number(reply.headers['content-length'])).toBe(reply.body.length);
  });

  it('answers HEAD with the headers and no body', async () => {
    const reply = await send(fx.server.port, { method: 'HEAD', path: '/assets/app.js', headers: { Cookie: cookie } });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-length']).toBe('15');
    expect(reply.body.length).toBe(0);
  });

  it.each([
    ['/assets/app.js', 'text/javascript; charset=utf-8', 'console.log(1);'],
    ['/assets/app.css', 'text/css; charset=utf-8', 'body{}'],
  ])('serves %s as %s', async (target, type, body) => {
    const reply = await get(target);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe(type);
    expect(reply.text).toBe(body);
  });

  it('sends a file too large to read in one step whole, streamed, with the same headers', async () => {
    const big = 'x'.repeat(4 * 1024 * 1024 + 3);
    const file = path.join(fx.site, 'assets', 'big.js');
    await writeFile(file, big);
    const reply = await get('/assets/big.js');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-length']).toBe(String(big.length));
    expect(reply.headers['last-modified']).toBe((await stat(file)).mtime.toUTCString());
    expect(reply.text === big).toBe(true);
    await rm(file);
  });

  it('puts the token into the page however large the page is', async () => {
    const page = path.join(fx.site, 'index.html');
    const before = await readFile(page, 'utf8');
    await writeFile(page, before.replace('</body>', `<!--${'x'.repeat(4 * 1024 * 1024)}--></body>`));
    try {
      const reply = await get('/');
      expect(reply.status).toBe(200);
      expect(reply.text).toContain(`<meta name="postwright-token" content="${fx.server.token}">`);
      expect(Number(reply.headers['content-length'])).toBe(reply.body.length);
    } finally {
      await writeFile(page, before);
    }
  });

  it('answers 404 for a missing file and for a folder', async () => {
    expect((await get('/assets/missing.js')).status).toBe(404);
    expect((await get('/assets')).status).toBe(404);
  });

  it('injects the token before </head> when the page has no marker', () => {
    expect(injectToken('<html><HEAD></HEAD></html>', 'abc')).toBe(
      '<html><HEAD><meta name="postwright-token" content="abc"></HEAD></html>',
    );
    expect(injectToken('<p>x</p>', 'a"b')).toBe('<meta name="postwright-token" content="a&#34;b"><p>x</p>');
  });
});

describe('path confinement', () => {
  const attacks = [
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/%252e%252e/secret.txt',
    '/..%2fsecret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/assets/..%00/secret.txt',
    '/assets/app.js%00.png',
    '/%c0%ae%c0%ae/secret.txt',
    '//secret.txt',
    '/./index.html',
    `/${'%2e%2e/'.repeat(8)}etc/passwd`,
    '/C:/secret.txt',
  ];

  it.each(attacks)('refuses %s and sends nothing from outside', async (target) => {
    const reply = await get(target);
    // 400: refused while decoding, before any file-system call.
    expect(reply.status).toBe(400);
    expect(reply.text).not.toContain(fx.secret);
    expect(reply.text).not.toContain('root:');
  });

  it('refuses a symlink that leads out of the folder', async () => {
    await symlink(path.join(fx.root, 'secret.txt'), path.join(fx.site, 'assets', 'link.txt'));
    const reply = await get('/assets/link.txt');
    expect(reply.status).toBe(403);
    expect(reply.text).not.toContain(fx.secret);
  });

  it.skipIf(process.platform === 'win32')('never opens a FIFO (it would hang)', async () => {
    execFileSync('mkfifo', [path.join(fx.site, 'assets', 'pipe.js')]);
    expect((await get('/assets/pipe.js')).status).toBe(404);
  });

  it('answers 503 with a clear message when the renderer is not built', async () => {
    await rm(path.join(fx.site, 'index.html'));
    const reply = await get('/');
    expect(reply.status).toBe(503);
    expect(reply.text).toContain('npm run build');
    await writeFile(path.join(fx.site, 'index.html'), '<html><head></head></html>');
    expect((await get('/')).status).toBe(200);
  });
});

describe('session cookie names', () => {
  it('differ between two servers so they never log each other out', () => {
    expect(sessionCookieName('a'.repeat(32))).not.toBe(sessionCookieName('b'.repeat(32)));
    expect(sessionCookieName('a'.repeat(32))).toMatch(/^pw_session_[0-9a-f]{12}$/);
  });
});

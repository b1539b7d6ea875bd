import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allReplies, apiHeaders, login, send, startFixture, type Fixture, without } from './testing';
import { sessionCookieName } from './guard';

let fx: Fixture;
let cookie: string;

beforeAll(async () => {
  fx = await startFixture();
  cookie = await login(fx.server);
});

afterAll(async () => {
  // Checked last, over every reply of this file: the server never grants CORS.
  const granted = allReplies.filter((r) => Object.keys(r.headers).some((h) => h.startsWith('access-control-')));
  expect(allReplies.length).toBeGreaterThan(20);
  expect(granted).toEqual([]);
  await fx.dispose();
});

const listPosts = (headers: Record<string, string>, path = '/api/listPosts') =>
  send(fx.server.port, { method: 'POST', path, headers, body: '{"args":[]}' });

describe('Host header (DNS rebinding)', () => {
  it('refuses a foreign Host on the page and the API', async () => {
    const page = await send(fx.server.port, {
      path: `/?token=${fx.server.token}`,
      headers: { Host: `evil.example:${fx.server.port}` },
    });
    expect(page.status).toBe(421);
    expect(page.headers['set-cookie']).toBeUndefined();
    const api = await listPosts({ ...apiHeaders(fx.server, cookie), Host: `evil.example:${fx.server.port}` });
    expect(api.status).toBe(421);
    expect(api.text).not.toContain('hello.md');
  });

  it('refuses the right name on another port, and accepts localhost', async () => {
    expect((await send(fx.server.port, { path: '/', headers: { Host: '127.0.0.1:1', Cookie: cookie } })).status).toBe(
      421,
    );
    expect(
      (await send(fx.server.port, { path: '/', headers: { Host: `localhost:${fx.server.port}`, Cookie: cookie } }))
        .status,
    ).toBe(200);
  });
});

describe('API callers', () => {
  it('accepts our own page', async () => {
    const reply = await listPosts(apiHeaders(fx.server, cookie));
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text)).toMatchObject({ ok: true, value: [{ id: 'hello.md' }] });
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it.each([['http://evil.example'], ['null'], [`http://127.0.0.1:1`], [`https://127.0.0.1:PORT`]])(
    'refuses Origin %s',
    async (origin) => {
      const reply = await listPosts({
        ...apiHeaders(fx.server, cookie),
        Origin: origin.replace('PORT', String(fx.server.port)),
      });
      expect(reply.status).toBe(403);
      expect(JSON.parse(reply.text)).toMatchObject({ ok: false, error: { code: 'PERMISSION' } });
    },
  );

  it.each([['cross-site'], ['same-site']])('refuses Sec-Fetch-Site %s', async (site) => {
    const reply = await listPosts({ ...apiHeaders(fx.server, cookie), 'Sec-Fetch-Site': site });
    expect(reply.status).toBe(403);
  });

  it('accepts a call without Origin or Sec-Fetch-Site (not a browser)', async () => {
    const rest = without(apiHeaders(fx.server, cookie), 'Origin', 'Sec-Fetch-Site');
    expect((await listPosts(rest)).status).toBe(200);
  });

  it('refuses a missing or wrong token header', async () => {
    const noToken = without(apiHeaders(fx.server, cookie), 'X-Postwright-Token');
    expect((await listPosts(noToken)).status).toBe(401);
    expect((await listPosts({ ...noToken, 'X-Postwright-Token': 'A'.repeat(32) })).status).toBe(401);
    expect((await listPosts({ ...noToken, 'X-Postwright-Token': fx.server.token.slice(1) })).status).toBe(401);
  });

  it('refuses the token in the query string of an API call', async () => {
    const noToken = without(apiHeaders(fx.server, cookie), 'X-Postwright-Token');
    const reply = await listPosts(noToken, `/api/listPosts?token=${fx.server.token}`);
    expect(reply.status).toBe(401);
    expect(reply.text).not.toContain('hello.md');
  });

  it('refuses a call without a session cookie, or with a made-up one', async () => {
    expect((await listPosts({ ...apiHeaders(fx.server, cookie), Cookie: '' })).status).toBe(401);
    expect(
      (
        await listPosts({
          ...apiHeaders(fx.server, cookie),
          Cookie: `${sessionCookieName(fx.server.token)}=${fx.server.token}`,
        })
      ).status,
    ).toBe(401);
  });

  it.each([
    ['text/plain'],
    ['application/x-www-form-urlencoded'],
    ['multipart/form-data'],
    ['application/json; charset=latin1'],
  ])('refuses Content-Type %s with 415', async (type) => {
    const reply = await listPosts({ ...apiHeaders(fx.server, cookie), 'Content-Type': type });
    expect(reply.status).toBe(415);
  });

  it('refuses a POST without a Content-Type', async () => {
    const rest = without(apiHeaders(fx.server, cookie), 'Content-Type');
    expect((await listPosts(rest)).status).toBe(415);
  });
});

describe('preflight and methods', () => {
  it('answers OPTIONS with 405 and no CORS headers', async () => {
    const reply = await send(fx.server.port, {
      method: 'OPTIONS',
      path: '/api/listPosts',
      headers: {
        Origin: 'http://evil.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'x-postwright-token',
      },
    });
    expect(reply.status).toBe(405);
    expect(Object.keys(reply.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('refuses GET on an API method and POST on the page', async () => {
    expect(
      (await send(fx.server.port, { path: '/api/listPosts', headers: apiHeaders(fx.server, cookie) })).status,
    ).toBe(405);
    expect((await send(fx.server.port, { method: 'POST', path: '/', headers: { Cookie: cookie } })).status).toBe(405);
    expect(
      (await send(fx.server.port, { method: 'PUT', path: '/assets/app.js', headers: { Cookie: cookie } })).status,
    ).toBe(405);
  });

  it('answers 404 for unknown API paths', async () => {
    expect((await listPosts(apiHeaders(fx.server, cookie), '/api/listPosts/extra')).status).toBe(404);
    expect((await listPosts(apiHeaders(fx.server, cookie), '/api')).status).toBe(404);
  });

  it('refuses an absolute-form request target', async () => {
    const reply = await send(fx.server.port, {
      path: `http://127.0.0.1:${fx.server.port}/`,
      headers: { Cookie: cookie },
    });
    expect(reply.status).toBe(400);
  });
});

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSET_CSP } from './respond';
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

describe('/files (post assets)', () => {
  it('requires the session cookie', async () => {
    const reply = await get('/files/img/dot.png', {});
    expect(reply.status).toBe(401);
    expect(fx.assetRequests).toEqual([]);
  });

  it('streams an image with its type, nosniff and a sandboxing policy', async () => {
    const reply = await get('/files/img/dot.png');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('image/png');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['content-security-policy']).toBe(ASSET_CSP);
    expect(reply.headers['cache-control']).toBe('no-cache');
    expect([...reply.body]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('sends an SVG under a policy that can run no script', async () => {
    const reply = await get('/files/img/evil.svg');
    expect(reply.headers['content-type']).toBe('image/svg+xml');
    expect(reply.headers['content-security-policy']).toContain('sandbox');
    expect(reply.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('decodes the path once (spaces and Unicode names work)', async () => {
    await writeFile(path.join(fx.posts, 'img', 'café 1.png'), 'x');
    const reply = await get(`/files/img/${encodeURIComponent('café 1.png')}`);
    expect(reply.status).toBe(200);
    expect(fx.assetRequests).toContain('img/café 1.png');
  });

  it('sends a file that is not an image only as a download', async () => {
    await writeFile(path.join(fx.posts, 'note.html'), '<script>alert(1)</script>');
    const reply = await get('/files/note.html');
    expect(reply.headers['content-type']).toBe('application/octet-stream');
    expect(reply.headers['content-disposition']).toBe('attachment');
  });

  it('answers 404 for a missing asset and for a folder', async () => {
    expect((await get('/files/img/none.png')).status).toBe(404);
    expect((await get('/files/img')).status).toBe(404);
  });

  it.each([
    '/files/../secret.txt',
    '/files/%2e%2e/secret.txt',
    '/files/%252e%252e/secret.txt',
    '/files/img%2f..%2f..%2fsecret.txt',
    '/files/img/..%5c..%5csecret.txt',
    '/files/..\\secret.txt',
    '/files/img/dot.png%00.txt',
    '/files/',
    '/files//etc/passwd',
  ])('refuses %s before asking the resolver', async (target) => {
    const before = fx.assetRequests.length;
    const reply = await get(target);
    expect(reply.status).toBe(400);
    expect(reply.text).not.toContain(fx.secret);
    expect(fx.assetRequests.length).toBe(before);
  });

  it('refuses a drive-letter or stream name (a colon) before asking the resolver', async () => {
    const before = fx.assetRequests.length;
    expect((await get('/files/C%3A/secret.txt')).status).toBe(400);
    expect((await get('/files/img/dot.png:evil')).status).toBe(400);
    expect(fx.assetRequests.length).toBe(before);
  });
});

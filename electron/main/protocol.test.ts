import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostStore } from '../node/store/index';
import { APP_CSP, ASSET_CSP } from './app-url';
import { assetContentType } from './mime';
import { createProtocolHandler, PRIVILEGED_SCHEMES, resolveProtocolPath } from './protocol';

const RENDERER = path.resolve(os.tmpdir(), 'renderer-dir');

describe('resolveProtocolPath', () => {
  it('serves index.html for the root', () => {
    expect(resolveProtocolPath('app://postwright/', RENDERER)).toEqual({
      kind: 'ui',
      file: path.join(RENDERER, 'index.html'),
    });
  });

  it('maps UI files inside the renderer folder, ignoring query and hash', () => {
    expect(resolveProtocolPath('app://postwright/assets/index-abc.js?v=1#x', RENDERER)).toEqual({
      kind: 'ui',
      file: path.join(RENDERER, 'assets', 'index-abc.js'),
    });
  });

  it('maps /files/ to a post asset, decoded once', () => {
    expect(resolveProtocolPath('app://postwright/files/images/my%20photo.png', RENDERER)).toEqual({
      kind: 'asset',
      relPath: 'images/my photo.png',
    });
    expect(resolveProtocolPath('app://postwright/files/caf%C3%A9.png', RENDERER)).toEqual({
      kind: 'asset',
      relPath: 'café.png',
    });
  });

  it.each([
    ['another host', 'app://evil/index.html', 403],
    ['another scheme', 'https://postwright/index.html', 403],
    ['credentials', 'app://user@postwright/', 403],
    ['a port', 'app://postwright:8080/', 403],
    ['malformed', 'not a url', 400],
    ['encoded slash traversal', 'app://postwright/assets%2f..%2f..%2fsecret', 400],
    ['encoded backslash traversal', 'app://postwright/..%5c..%5csecret', 400],
    ['backslash', 'app://postwright/assets\\..\\x', 400],
    ['double-encoded dots', 'app://postwright/%252e%252e/secret', 400],
    ['NUL', 'app://postwright/index.html%00.png', 400],
    ['control character', 'app://postwright/a%0Ab', 400],
    ['bad escape', 'app://postwright/%E0%A4%A', 400],
    ['a drive or stream colon', 'app://postwright/C%3A/x', 400],
    ['an empty segment', 'app://postwright/assets//x.js', 400],
    ['asset traversal encoded', 'app://postwright/files/%2e%2e%2fsecret.png', 400],
    ['asset backslash', 'app://postwright/files/..%5Csecret.png', 400],
    ['asset NUL', 'app://postwright/files/x.png%00', 400],
    ['empty asset path', 'app://postwright/files/', 400],
  ])('rejects %s', (_name, url, status) => {
    expect(resolveProtocolPath(url, RENDERER)).toEqual({ kind: 'reject', status });
  });

  it('never resolves outside the renderer folder, even after URL dot-segment removal', () => {
    const target = resolveProtocolPath('app://postwright/../../etc/passwd', RENDERER);
    if (target.kind === 'ui') expect(path.relative(RENDERER, target.file).startsWith('..')).toBe(false);
    const encoded = resolveProtocolPath('app://postwright/%2e%2e/%2e%2e/etc/passwd', RENDERER);
    if (encoded.kind === 'ui') expect(path.relative(RENDERER, encoded.file).startsWith('..')).toBe(false);
  });
});

describe('PRIVILEGED_SCHEMES', () => {
  it('registers app: as standard and secure, with fetch, and never bypassing the CSP', () => {
    expect(PRIVILEGED_SCHEMES).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });
});

describe('createProtocolHandler on real folders', () => {
  let base: string;
  let handler: (request: Request) => Promise<Response>;

  beforeAll(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'postwright-protocol-'));
    const renderer = path.join(base, 'renderer');
    const posts = path.join(base, 'posts');
    await mkdir(path.join(renderer, 'assets'), { recursive: true });
    await mkdir(path.join(posts, 'images'), { recursive: true });
    await writeFile(path.join(renderer, 'index.html'), '<!doctype html><title>Postwright</title>');
    await writeFile(path.join(renderer, 'assets', 'app.js'), 'console.log(1);');
    await writeFile(path.join(base, 'secret.txt'), 'secret');
    await writeFile(path.join(posts, 'images', 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    await writeFile(path.join(posts, 'images', 'page.html'), '<script>alert(1)</script>');
    await writeFile(path.join(posts, 'images', 'draw.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await symlink(path.join(base, 'secret.txt'), path.join(posts, 'images', 'escape.png'));
    const store = await openPostStore({ postsDir: posts, now: () => new Date(0) });
    if (!store.ok) throw new Error(store.error.message);
    handler = createProtocolHandler({ rendererDir: renderer, resolveAsset: (rel) => store.value.resolveAsset(rel) });
  });

  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

  it('serves the page with the app CSP, its type and nosniff', async () => {
    const response = await get('app://postwright/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Postwright</title>');
  });

  it('serves scripts as JavaScript (module scripts need it)', async () => {
    const response = await get('app://postwright/assets/app.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for a missing UI file and 405 for other methods', async () => {
    expect((await get('app://postwright/assets/missing.js')).status).toBe(404);
    expect((await get('app://postwright/', 'POST')).status).toBe(405);
  });

  it('answers HEAD without a body', async () => {
    const response = await get('app://postwright/', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('serves a post image byte-exact, sandboxed by its own CSP', async () => {
    const response = await get('app://postwright/files/images/photo.png');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-security-policy')).toBe(ASSET_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('never serves an HTML asset as HTML', async () => {
    const response = await get('app://postwright/files/images/page.html');
    expect(response.headers.get('content-type') ?? '').not.toContain('html');
    expect(await response.text()).not.toContain('<script>');
    expect(assetContentType('/posts/x.html')).toBe('application/octet-stream');
    expect(assetContentType('/posts/x.js')).toBe('application/octet-stream');
    expect(assetContentType('/posts/x.PNG')).toBe('image/png');
  });

  it('serves SVG as an image under the sandbox policy', async () => {
    const response = await get('app://postwright/files/images/draw.svg');
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
  });

  it('refuses assets outside the posts folder: traversal, links, missing files', async () => {
    expect((await get('app://postwright/files/%2e%2e/secret.txt')).status).toBeGreaterThanOrEqual(400);
    const linked = await get('app://postwright/files/images/escape.png');
    expect(linked.status).toBe(403);
    expect(await linked.text()).not.toContain('secret');
    expect((await get('app://postwright/files/images/none.png')).status).toBe(404);
  });
});

import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeSegments, isInside, openConfined } from './paths';

describe('decodeSegments', () => {
  it('decodes exactly once', () => {
    expect(decodeSegments('/a/caf%C3%A9%20x.png')).toEqual({ ok: true, segments: ['a', 'café x.png'] });
    expect(decodeSegments('/')).toEqual({ ok: true, segments: [] });
    expect(decodeSegments('/100%25.png')).toEqual({ ok: true, segments: ['100%.png'] });
  });

  it.each([
    'relative',
    '/../x',
    '/a/..',
    '/a/./b',
    '/%2e%2e/x',
    '/%2E%2e/x',
    '/%252e%252e/x',
    '/%252f',
    '/a%2fb',
    '/a%2Fb',
    '/a%5cb',
    '/a\\b',
    '/a%00b',
    '/a\u0000b',
    '/a%0ab',
    '/a%7fb',
    '/%c0%ae%c0%ae/x',
    '/%e0%80',
    '/%',
    '//x',
    '/a//b',
    '/a/',
    '/C:/x',
    '/x.png:stream',
    '/a#b',
  ])('refuses %j', (raw) => {
    expect(decodeSegments(raw).ok).toBe(false);
  });
});

describe('isInside', () => {
  it('uses path.relative, not a prefix test', () => {
    const root = path.resolve('/srv/site');
    expect(isInside(root, path.join(root, 'a'))).toBe(true);
    expect(isInside(root, path.join(root, '..x', 'a'))).toBe(true);
    expect(isInside(root, root)).toBe(false);
    expect(isInside(root, path.resolve('/srv/site-evil/a'))).toBe(false);
    expect(isInside(root, path.resolve('/srv'))).toBe(false);
  });
});

describe('openConfined', () => {
  let root: string;
  let site: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'postwright-paths-'));
    site = path.join(root, 'site');
    await mkdir(path.join(site, 'dir'), { recursive: true });
    await writeFile(path.join(site, 'a.txt'), 'inside');
    await writeFile(path.join(root, 'secret.txt'), 'outside');
    await symlink(path.join(root, 'secret.txt'), path.join(site, 'out.txt'));
    await symlink(path.join(site, 'a.txt'), path.join(site, 'in.txt'));
  });

  afterAll(() => rm(root, { recursive: true, force: true }));

  it('opens a regular file inside, also through a link that stays inside', async () => {
    for (const name of ['a.txt', 'in.txt']) {
      const file = await openConfined(site, [name]);
      if (typeof file === 'string') throw new Error(`not opened: ${file}`);
      expect(await file.handle.readFile('utf8')).toBe('inside');
      await file.handle.close();
    }
  });

  it('refuses segments that climb out even if the decoder missed them', async () => {
    expect(await openConfined(site, ['..', 'secret.txt'])).toBe('refused');
    expect(await openConfined(site, [root, 'secret.txt'])).toBe('refused');
  });

  it('refuses a link that leads out, and treats folders and missing files as missing', async () => {
    expect(await openConfined(site, ['out.txt'])).toBe('refused');
    expect(await openConfined(site, ['dir'])).toBe('missing');
    expect(await openConfined(site, ['nope.txt'])).toBe('missing');
  });
});

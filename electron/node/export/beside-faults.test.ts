/**
 * Exporting beside the author's files when the disk answers otherwise than usual (./beside.ts): a
 * file saved by the author at the instant a page moves in or the folder is swapped, a disk without
 * hard links, a stale page that cannot be deleted. The file-system calls are wrapped to act at
 * those instants; nothing of the author's may be lost, and the next export must still go through.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const hook = vi.hoisted(() => ({
  beforeLink: null as null | ((to: string) => Promise<void>),
  beforeRename: null as null | ((from: string) => Promise<void>),
  link: null as null | (() => never),
  unlink: null as null | ((file: string) => void),
}));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const link = async (from: string, to: string): Promise<void> => {
    await hook.beforeLink?.(to);
    hook.link?.();
    return actual.link(from, to);
  };
  const rename = async (from: string, to: string): Promise<void> => {
    await hook.beforeRename?.(from);
    return actual.rename(from, to);
  };
  const unlink = async (file: string): Promise<void> => {
    hook.unlink?.(file);
    return actual.unlink(file);
  };
  const patched = { link, rename, unlink };
  return { ...actual, ...patched, default: { ...actual, ...patched } };
});

import { exportSite } from './site';
import { exportsSettled } from './stage';

let tmp: string;
let posts: string;
let out: string;

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'pw-beside-faults-'));
  posts = path.join(tmp, 'posts');
  out = path.join(tmp, 'site');
  await mkdir(posts);
  await writeFile(path.join(posts, 'first.md'), '---\ntitle: First\n---\nOne.\n');
  await writeFile(path.join(posts, 'second.md'), '---\ntitle: Second\n---\nTwo.\n');
});
afterEach(async () => {
  Object.assign(hook, { beforeLink: null, beforeRename: null, link: null, unlink: null });
  await exportsSettled();
  await rm(tmp, { recursive: true, force: true });
});

async function pagesClone(): Promise<void> {
  await mkdir(path.join(out, '.git'), { recursive: true });
  await writeFile(path.join(out, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  await writeFile(path.join(out, 'CNAME'), 'blog.example.com\n');
}

describe('exporting beside the author’s files, at the wrong instant', () => {
  it('a page saved by the author just before its page moves in stops the export, and the next one too', async () => {
    await pagesClone();
    const mine = 'saved by the author while the export ran';
    hook.beforeLink = async (to) => {
      if (!to.endsWith(path.join('second', 'index.html'))) return;
      hook.beforeLink = null;
      await mkdir(path.dirname(to), { recursive: true });
      await writeFile(to, mine);
    };
    const first = await exportSite({ postsDir: posts, outDir: out, keepOtherFiles: true });
    expect(first).toMatchObject({ ok: false, error: { code: 'EXISTS' } });
    if (!first.ok) expect(first.error.message).toMatch(/appeared .* \(second\/index\.html\).* in place/);
    expect(await readFile(path.join(out, 'second/index.html'), 'utf8')).toBe(mine);
    // Asked again, the page is the author's still: named, not replaced.
    const again = await exportSite({ postsDir: posts, outDir: out, keepOtherFiles: true });
    expect(again).toMatchObject({ ok: false, error: { code: 'EXISTS' } });
    expect(await readFile(path.join(out, 'second/index.html'), 'utf8')).toBe(mine);
    // Moved out of the way, the export goes through.
    await rm(path.join(out, 'second/index.html'));
    expect((await exportSite({ postsDir: posts, outDir: out, keepOtherFiles: true })).ok).toBe(true);
    expect(await readFile(path.join(out, 'CNAME'), 'utf8')).toBe('blog.example.com\n');
  });

  it('a CNAME saved just before the folder is swapped is put back with the old site, and the pages moved in beside it', async () => {
    expect((await exportSite({ postsDir: posts, outDir: out, keepOtherFiles: true })).ok).toBe(true);
    hook.beforeRename = async (from) => {
      if (from !== out) return;
      hook.beforeRename = null;
      await writeFile(path.join(out, 'CNAME'), 'blog.example.com\n');
    };
    const result = await exportSite({ postsDir: posts, outDir: out, keepOtherFiles: true });
    expect(result).toMatchObject({ ok: true, value: { kept: 1 } });
    await exportsSettled();
    expect(await readFile(path.join(out, 'CNAME'), 'utf8')).toBe('blog.example.com\n');
    expect((await readdir(tmp)).sort()).toEqual(['posts', 'site']);
  });

  it('never leaves the folder holding a file of the author’s where leftovers are swept, should it not go back in place', async () => {
    expect((await exportSite({ postsDir: posts, outDir: out, keepOtherFiles: true })).ok).toBe(true);
    let taken = false;
    hook.beforeRename = async (from) => {
      if (from === out) await writeFile(path.join(out, 'CNAME'), 'blog.example.com\n');
      else if (from.endsWith('.old') && !taken) {
        taken = true;
        // Something else takes the folder's place before it is put back.
        await mkdir(out);
        await writeFile(path.join(out, 'other.txt'), 'not ours');
      }
    };
    const result = await exportSite({ postsDir: posts, outDir: out, keepOtherFiles: true });
    hook.beforeRename = null;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('the folder with your files is now');
    const kept = (await readdir(tmp)).find((name) => name.startsWith('site (kept by Postwright '));
    expect(kept).toBeDefined();
    expect(await readFile(path.join(tmp, kept ?? '', 'CNAME'), 'utf8')).toBe('blog.example.com\n');
  });

  it('a file saved into the replaced site after the swap is kept, renamed where the author sees it, not deleted', async () => {
    expect((await exportSite({ postsDir: posts, outDir: out })).ok).toBe(true);
    hook.beforeRename = async (from) => {
      // The new site goes into place once the old one is moved aside: a save lands in the old one.
      if (!from.endsWith('.tmp')) return;
      hook.beforeRename = null;
      const old = `${from}.old`;
      await writeFile(path.join(old, 'notes.txt'), 'mine');
    };
    expect((await exportSite({ postsDir: posts, outDir: out })).ok).toBe(true);
    await exportsSettled();
    const kept = (await readdir(tmp)).filter((name) => name.startsWith('site (kept by Postwright '));
    expect(kept).toHaveLength(1);
    expect(await readFile(path.join(tmp, kept[0] ?? '', 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('moves the pages in one by one when the folder itself cannot move (a mount point)', async () => {
    expect((await exportSite({ postsDir: posts, outDir: out })).ok).toBe(true);
    await writeFile(path.join(posts, 'second.md'), '---\ntitle: Second\n---\nTwo, edited.\n');
    hook.beforeRename = (from) => {
      if (from === out) throw Object.assign(new Error('EBUSY: resource busy or locked, rename'), { code: 'EBUSY' });
      return Promise.resolve();
    };
    expect((await exportSite({ postsDir: posts, outDir: out })).ok).toBe(true);
    hook.beforeRename = null;
    expect(await readFile(path.join(out, 'second/index.html'), 'utf8')).toContain('Two, edited.');
    expect((await readdir(tmp)).sort()).toEqual(['posts', 'site']);
  });

  it('knows a page copied in (no links) by its bytes after a stop, so the next export is not stopped by its own page', async () => {
    await pagesClone();
    hook.link = () => {
      throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' });
    };
    let stopped = false;
    hook.unlink = (file) => {
      // The first staged page removed after its copy: the export stops there, as if killed.
      if (!stopped && file.includes('.postwright-') && file.endsWith('index.html')) {
        stopped = true;
        throw Object.assign(new Error('EIO: i/o error, unlink'), { code: 'EIO' });
      }
    };
    expect((await exportSite({ postsDir: posts, outDir: out, keepOtherFiles: true })).ok).toBe(false);
    hook.unlink = null;
    const next = await exportSite({ postsDir: posts, outDir: out, keepOtherFiles: true });
    expect(next).toMatchObject({ ok: true, value: { kept: 2 } });
    expect(await readFile(path.join(out, 'CNAME'), 'utf8')).toBe('blog.example.com\n');
  });

  it('copies the pages in on a disk without hard links (Windows FAT and exFAT answer EISDIR)', async () => {
    await pagesClone();
    hook.link = () => {
      throw Object.assign(new Error('EISDIR: illegal operation on a directory, link'), { code: 'EISDIR' });
    };
    const result = await exportSite({ postsDir: posts, outDir: out, keepOtherFiles: true });
    expect(result).toMatchObject({ ok: true, value: { kept: 2 } });
    expect(await readFile(path.join(out, 'first/index.html'), 'utf8')).toContain('One.');
  });

  it('keeps a stale page it cannot delete as its own, so the next export is not stopped by it', async () => {
    await pagesClone();
    expect((await exportSite({ postsDir: posts, outDir: out, keepOtherFiles: true })).ok).toBe(true);
    await rm(path.join(posts, 'second.md'));
    // Locked in the Finder, or held open on Windows.
    hook.unlink = (file) => {
      if (file.endsWith(path.join('second', 'index.html')))
        throw Object.assign(new Error('EPERM: operation not permitted, unlink'), { code: 'EPERM' });
    };
    expect((await exportSite({ postsDir: posts, outDir: out, keepOtherFiles: true })).ok).toBe(true);
    hook.unlink = null;
    await writeFile(path.join(posts, 'second.md'), '---\ntitle: Second\n---\nTwo again.\n');
    const back = await exportSite({ postsDir: posts, outDir: out, keepOtherFiles: true });
    expect(back).toMatchObject({ ok: true, value: { kept: 2 } });
    expect(await readFile(path.join(out, 'second/index.html'), 'utf8')).toContain('Two again.');
  });
});

/**
 * The look through an earlier export's folder for the author's files (./stage.ts publishStage) comes
 * just before the folder is moved aside, but not at the same instant. A file the author saves in
 * between is never deleted: one at the top of the folder (a CNAME) still stops the export, the
 * folder put back; one deeper in goes with the replaced folder, kept whole beside the output
 * folder (./leftovers.ts retireReplaced). A file saved before the look stops the export.
 */
import { writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const hook = vi.hoisted(() => ({
  /** Run once, right after the first look through a folder has answered. */
  afterLook: null as null | ((folder: string) => Promise<void>),
  looks: [] as string[],
}));
vi.mock('./ownership', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./ownership')>();
  return {
    ...actual,
    notTheExports: async (folder: string): Promise<string[]> => {
      const answer = await actual.notTheExports(folder);
      hook.looks.push(folder);
      const after = hook.afterLook;
      hook.afterLook = null;
      await after?.(folder);
      return answer;
    },
  };
});

import { exportSite } from './site';
import { exportsSettled } from './stage';
import { filesBelow } from './testing';

let tmp: string;
let posts: string;
let out: string;

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'pw-survey-window-'));
  posts = path.join(tmp, 'posts');
  out = path.join(tmp, 'site');
  await mkdir(posts);
  for (let i = 0; i < 30; i++) {
    await writeFile(
      path.join(posts, `post-${String(i)}.md`),
      `---\ntitle: Post ${String(i)}\ntags: [a]\n---\nText ${String(i)}.\n`,
    );
  }
  hook.afterLook = null;
  hook.looks = [];
});
afterEach(async () => {
  await exportsSettled();
  await rm(tmp, { recursive: true, force: true });
});

describe('a file the author saves into the output folder after it was looked through', () => {
  it('at the top of the folder, stops the export, and the folder is put back as it was', async () => {
    expect((await exportSite({ postsDir: posts, outDir: out })).ok).toBe(true);
    const first = (await filesBelow(out)).sort();
    hook.looks = [];
    hook.afterLook = async (folder) => {
      await writeFile(path.join(folder, 'CNAME'), 'blog.example.com\n');
    };
    const again = await exportSite({ postsDir: posts, outDir: out });
    // The look was through the output folder itself, before it was moved aside.
    expect(hook.looks[0]).toBe(out);
    expect(again).toMatchObject({ ok: false, error: { code: 'EXISTS' } });
    if (!again.ok) expect(again.error.message).toContain('CNAME');
    await exportsSettled();
    expect((await filesBelow(out)).sort()).toEqual([...first, 'CNAME'].sort());
    expect(await readFile(path.join(out, 'CNAME'), 'utf8')).toBe('blog.example.com\n');
    expect((await readdir(tmp)).filter((name) => name.includes('kept by Postwright'))).toEqual([]);
  });

  it('deeper in, is kept with the whole replaced site beside the new one', async () => {
    expect((await exportSite({ postsDir: posts, outDir: out })).ok).toBe(true);
    const first = (await filesBelow(out)).sort();
    const page = first.find((file) => file.endsWith('/index.html') && !file.startsWith('tags/')) ?? '';
    const note = path.join(path.dirname(page), 'notes.txt');
    hook.afterLook = async (folder) => {
      await writeFile(path.join(folder, note), 'my notes\n');
    };
    const again = await exportSite({ postsDir: posts, outDir: out });
    expect(again.ok).toBe(true);
    await exportsSettled();
    // The new site is the export's alone; the old one, with the author's file, sits beside it.
    expect((await filesBelow(out)).sort()).toEqual(first);
    const beside = (await readdir(tmp)).filter((name) => name.startsWith('site (kept by Postwright '));
    expect(beside).toHaveLength(1);
    const kept = path.join(tmp, beside[0] ?? '');
    expect(await readFile(path.join(kept, note), 'utf8')).toBe('my notes\n');
    expect((await filesBelow(kept)).sort()).toEqual([...first, note].sort());
  });

  it('stops the export, deleting nothing, when it is there before the pages are all handed over', async () => {
    expect((await exportSite({ postsDir: posts, outDir: out })).ok).toBe(true);
    const first = (await filesBelow(out)).sort();
    let saved = false;
    const again = await exportSite({
      postsDir: posts,
      outDir: out,
      // The last page: the look comes after it, so it sees the file.
      onProgress: (done, total) => {
        if (done === total && !saved) {
          saved = true;
          writeFileSync(path.join(out, 'CNAME'), 'blog.example.com\n');
        }
      },
    });
    expect(saved).toBe(true);
    expect(again).toMatchObject({ ok: false, error: { code: 'EXISTS' } });
    expect((await filesBelow(out)).sort()).toEqual([...first, 'CNAME'].sort());
  });
});

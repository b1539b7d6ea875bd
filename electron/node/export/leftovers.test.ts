/**
 * An export killed midway leaves its staging folder beside the output folder (./leftovers.ts): the
 * next export removes it, and never the folder of an export still running, nor anything else.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, realpath, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXPORT_MARKER, markerText } from './ownership';
import { takeOutput } from './leftovers';
import { exportSite } from './site';
import { exportsSettled } from './stage';

let tmp: string;

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'pw-left-'));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('an export after one that was killed', () => {
  it('removes the staging folders of stopped exports, and only those', async () => {
    const posts = path.join(tmp, 'posts');
    await mkdir(posts);
    await writeFile(path.join(posts, 'a.md'), '---\ntitle: A\n---\nText.\n');
    // A process that has exited: its pid names the folders it left.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const dead = gone.stdout;
    const left = [`.site.postwright-${dead}-0123456789ab.tmp`, `.site.postwright-${dead}-0123456789ab.tmp.old`];
    const kept = [
      `.site.postwright-${String(process.ppid)}-0123456789ab.tmp`,
      `.other.postwright-${dead}-0123456789ab.tmp`,
      '.site.postwright-notes',
      'site-drafts',
    ];
    // Left by a stopped process, but written a moment ago: perhaps by another machine sharing the drive.
    const fresh = `.site.postwright-${dead}-fedcba987654.tmp`;
    kept.push(fresh);
    const anHourAgo = new Date(Date.now() - 61 * 60 * 1000);
    // A site replaced by a killed export, moved aside with a file of the author's saved at that instant.
    const withCname = `.site.postwright-${dead}-aaaaaaaaaaaa.tmp.old`;
    for (const name of [...left, ...kept, withCname]) {
      await mkdir(path.join(tmp, name));
      await writeFile(path.join(tmp, name, 'index.html'), 'x');
      // A replaced site holds the marker of the export that wrote it.
      if (name.endsWith('.old')) await writeFile(path.join(tmp, name, EXPORT_MARKER), markerText(['index.html']));
      if (name === withCname) await writeFile(path.join(tmp, name, 'CNAME'), 'blog.example.com\n');
      if (name !== fresh) await utimes(path.join(tmp, name), anHourAgo, anHourAgo);
    }
    const result = await exportSite({ postsDir: posts, outDir: path.join(tmp, 'site') });
    expect(result.ok).toBe(true);
    // The replaced site holding the author's file is not deleted: it is renamed where they see it.
    const rescued = (await readdir(tmp)).filter((name) => name.startsWith('site (kept by Postwright '));
    expect(rescued).toHaveLength(1);
    expect(await readFile(path.join(tmp, rescued[0] ?? '', 'CNAME'), 'utf8')).toBe('blog.example.com\n');
    expect((await readdir(tmp)).sort()).toEqual([...kept, 'posts', 'site', ...rescued].sort());
  });
});

describe('two exports into one folder', () => {
  it('runs one at a time: the second is refused while the first runs, and the folder lists every page once', async () => {
    const posts = path.join(tmp, 'posts');
    await mkdir(posts);
    for (let i = 0; i < 40; i++) await writeFile(path.join(posts, `p${i}.md`), `---\ntitle: P${i}\n---\nText.\n`);
    const out = path.join(tmp, 'site');
    // Two exports started together raced each other to the lock; each case is taken in turn instead.
    const real = path.join(await realpath(tmp), 'site');
    // The folder held by another export: this one is refused.
    const held = await takeOutput(real);
    expect(held).not.toBeNull();
    const second = await exportSite({ postsDir: posts, outDir: out });
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await held?.();
    // An export holds it while it renders: another asking then is refused.
    let asked: ReturnType<typeof takeOutput> | undefined;
    const first = await exportSite({
      postsDir: posts,
      outDir: out,
      onProgress: () => {
        asked ??= takeOutput(real);
      },
    });
    expect([first.ok, second.ok]).toEqual([true, false]);
    expect(await asked).toBeNull();
    expect((await exportSite({ postsDir: posts, outDir: out })).ok).toBe(true);
    await exportsSettled();
    expect((await readdir(tmp)).sort()).toEqual(['posts', 'site']);
  });

  it('takes over the folder from an export whose process stopped, and is refused by one still running', async () => {
    const posts = path.join(tmp, 'posts');
    await mkdir(posts);
    await writeFile(path.join(posts, 'a.md'), '---\ntitle: A\n---\nText.\n');
    const out = path.join(tmp, 'site');
    const lock = path.join(tmp, '.site.postwright-lock');
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    await writeFile(lock, `${gone.stdout}\n`);
    expect((await exportSite({ postsDir: posts, outDir: out })).ok).toBe(true);
    // The parent of this test's process is running: its export is not taken over.
    await writeFile(lock, `${String(process.ppid)}\n`);
    expect(await exportSite({ postsDir: posts, outDir: out })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await readFile(lock, 'utf8')).toBe(`${String(process.ppid)}\n`);
  });
});

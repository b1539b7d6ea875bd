/**
 * Exporting beside the author's own files (./beside.ts): a GitHub Pages folder keeps its `.git`,
 * its CNAME and its notes, byte for byte, while the export's pages come and go among them; a file
 * of the author's where a page must go stops the export before anything moves.
 */
import { renameSync, symlinkSync } from 'node:fs';
import { copyFile, link, lstat, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publishBeside } from './beside';
import { EXPORT_MARKER, foreignEntries, markerText, sha256Of } from './ownership';
import { exportSite } from './site';
import { KEEP_OTHER_FILES_HINT } from '../../../shared/api/contract';
import { exportsSettled } from './stage';
import { filesBelow } from './testing';

let tmp: string;
let posts: string;
let out: string;

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'pw-beside-'));
  posts = path.join(tmp, 'posts');
  out = path.join(tmp, 'site');
  await mkdir(posts);
  await writeFile(path.join(posts, 'first.md'), '---\ntitle: First\ntags: [a]\n---\nOne.\n');
  await writeFile(path.join(posts, 'second.md'), '---\ntitle: Second\n---\nTwo.\n');
});
afterEach(async () => {
  await exportsSettled();
  await rm(tmp, { recursive: true, force: true });
});

async function put(rel: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(out, rel)), { recursive: true });
  await writeFile(path.join(out, rel), text);
}

/** Every file below `folder` with its text, to show that nothing changed. */
async function snapshot(folder: string): Promise<Record<string, string>> {
  const files = (await filesBelow(folder)).sort();
  const texts = await Promise.all(files.map((rel) => readFile(path.join(folder, rel), 'utf8')));
  return Object.fromEntries(files.map((rel, i) => [rel, texts[i] ?? '']));
}

/** A clone of a GitHub Pages repository: what the author keeps in the site folder. */
async function pagesClone(): Promise<void> {
  await put('.git/HEAD', 'ref: refs/heads/main\n');
  await put('.git/objects/ab/cdef', 'blob');
  await put('CNAME', 'blog.example.com\n');
  await put('README.md', '# My site\n');
}

const marked = async (): Promise<string[]> =>
  (await readFile(path.join(out, EXPORT_MARKER), 'utf8')).split('\n').slice(2).filter(Boolean).sort();

describe('exporting beside the author’s files', () => {
  it('writes the site into a GitHub Pages clone, leaving its .git, CNAME and README as they were', async () => {
    await pagesClone();
    const before = await snapshot(out);
    const refused = await exportSite({ postsDir: posts, outDir: out });
    expect(refused).toMatchObject({ ok: false, error: { code: 'EXISTS', hint: KEEP_OTHER_FILES_HINT } });
    expect(await snapshot(out)).toEqual(before);

    const result = await exportSite({ postsDir: posts, outDir: out, keepOtherFiles: true });
    expect(result).toMatchObject({ ok: true, value: { posts: 2, kept: 3 } });
    const after = await snapshot(out);
    for (const [rel, text] of Object.entries(before)) expect(after[rel]).toBe(text);
    expect(after['first/index.html']).toContain('One.');
    expect(after['second/index.html']).toContain('Two.');
    // The marker lists the export's files only: the author's are never taken for the export's.
    expect(await marked()).toEqual(
      Object.keys(after)
        .filter((rel) => !(rel in before) && rel !== EXPORT_MARKER)
        .sort(),
    );
    expect(await foreignEntries(out)).toEqual(['.git/', 'CNAME', 'README.md']);
    // Nothing is left beside the folder: no staging folder, no replaced site.
    expect(await readdir(tmp)).toEqual(['posts', 'site']);
  });

  it('replaces its own pages, deletes the ones a post no longer has, and keeps a note beside a page', async () => {
    await pagesClone();
    expect((await exportSite({ postsDir: posts, outDir: out, keepOtherFiles: true })).ok).toBe(true);
    await put('first/notes.txt', 'mine');
    await writeFile(path.join(posts, 'first.md'), '---\ntitle: First\n---\nOne, edited.\n');
    await rm(path.join(posts, 'second.md'));

    const again = await exportSite({ postsDir: posts, outDir: out, keepOtherFiles: true });
    expect(again).toMatchObject({ ok: true, value: { posts: 1, kept: 4 } });
    const files = await filesBelow(out);
    expect(files).not.toContain('second/index.html');
    // The post's folder went with its page; the tag page's too, as no post has the tag now.
    await expect(lstat(path.join(out, 'second'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(files.some((rel) => rel.startsWith('tags/a/'))).toBe(false);
    expect(await readFile(path.join(out, 'first/index.html'), 'utf8')).toContain('One, edited.');
    expect(await readFile(path.join(out, 'first/notes.txt'), 'utf8')).toBe('mine');
    expect(await readFile(path.join(out, 'CNAME'), 'utf8')).toBe('blog.example.com\n');
    expect(await readFile(path.join(out, '.git/objects/ab/cdef'), 'utf8')).toBe('blob');

    // The first post gone too: its page goes, the folder stays for the author's note.
    await rm(path.join(posts, 'first.md'));
    expect((await exportSite({ postsDir: posts, outDir: out, keepOtherFiles: true })).ok).toBe(true);
    expect(await readdir(path.join(out, 'first'))).toEqual(['notes.txt']);
  });

  it('stops before moving anything when a file of the author’s is where a page goes, naming it', async () => {
    await pagesClone();
    await put('first/index.html', '<p>My own page</p>');
    await put('tags', 'a file where the tag pages’ folder goes');
    const before = await snapshot(out);
    const result = await exportSite({ postsDir: posts, outDir: out, keepOtherFiles: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'EXISTS' } });
    if (result.ok) return;
    expect(result.error.message).toContain('(first/index.html, tags)');
    expect(await snapshot(out)).toEqual(before);
    expect(await readdir(tmp)).toEqual(['posts', 'site']);
  });

  it('never writes through a link of the author’s to a folder elsewhere', async () => {
    const elsewhere = path.join(tmp, 'elsewhere');
    await mkdir(elsewhere);
    await writeFile(path.join(elsewhere, 'kept.txt'), 'mine');
    await mkdir(out);
    await symlink(elsewhere, path.join(out, 'first'), 'dir');
    const result = await exportSite({ postsDir: posts, outDir: out, keepOtherFiles: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'EXISTS' } });
    if (!result.ok) expect(result.error.message).toContain('(first)');
    expect(await readdir(elsewhere)).toEqual(['kept.txt']);
  });

  it('does not write over a file of the author’s named like its marker', async () => {
    await put(EXPORT_MARKER, 'not ours');
    const result = await exportSite({ postsDir: posts, outDir: out, keepOtherFiles: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'EXISTS' } });
    expect(await readFile(path.join(out, EXPORT_MARKER), 'utf8')).toBe('not ours');
  });

  it('swaps the whole folder as before when nothing of the author’s is in it', async () => {
    expect((await exportSite({ postsDir: posts, outDir: out, keepOtherFiles: true })).ok).toBe(true);
    const result = await exportSite({ postsDir: posts, outDir: out, keepOtherFiles: true });
    expect(result).toMatchObject({ ok: true, value: { kept: 0 } });
    await exportsSettled();
    expect(await readdir(tmp)).toEqual(['posts', 'site']);
  });
});

describe('exporting beside the author’s files, stopped or fooled', () => {
  it('killed while moving pages in: a page that landed is the export’s, a file the author saved at a path not reached is theirs', async () => {
    await pagesClone();
    expect((await exportSite({ postsDir: posts, outDir: out, keepOtherFiles: true })).ok).toBe(true);
    const earlier = await marked();
    // The marker as publishBeside writes it before moving pages in, then a kill after the first move.
    const stage = path.join(tmp, 'stage');
    const page = (title: string) =>
      `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"><title>${title}</title></head></html>`;
    await mkdir(path.join(stage, 'third'), { recursive: true });
    await mkdir(path.join(stage, 'fourth'), { recursive: true });
    await writeFile(path.join(stage, 'third/index.html'), page('Third'));
    await writeFile(path.join(stage, 'fourth/index.html'), page('Fourth'));
    const staged = async (rel: string) => {
      const stats = await lstat(path.join(stage, rel));
      const sha256 = await sha256Of(path.join(stage, rel));
      return { rel, dev: stats.dev, ino: stats.ino, size: stats.size, mtimeMs: stats.mtimeMs, sha256 };
    };
    await writeFile(
      path.join(out, EXPORT_MARKER),
      markerText(earlier, [await staged('third/index.html'), await staged('fourth/index.html')]),
    );
    await mkdir(path.join(out, 'third'));
    await link(path.join(stage, 'third/index.html'), path.join(out, 'third/index.html'));
    // The author saves a page of their own where the killed export had not reached.
    await put('fourth/index.html', page('Mine'));
    // In a folder the marker names a page in, the author's file is named itself.
    expect(await foreignEntries(out)).toEqual(['.git/', 'CNAME', 'README.md', 'fourth/index.html']);

    // The next export has neither post: the page that landed goes, the author's stays.
    const next = await exportSite({ postsDir: posts, outDir: out, keepOtherFiles: true });
    expect(next).toMatchObject({ ok: true, value: { kept: 4 } });
    await expect(lstat(path.join(out, 'third'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readFile(path.join(out, 'fourth/index.html'), 'utf8')).toBe(page('Mine'));
    expect(await marked()).toEqual(earlier);
  });

  it('claims nothing a hand-edited marker names outside the export’s kinds of files or outside the folder', async () => {
    await pagesClone();
    await put('.git/config', '[core]\n');
    await mkdir(path.join(tmp, 'victim'));
    await mkdir(path.join(tmp, 'victim2', 'deeper'), { recursive: true });
    expect((await exportSite({ postsDir: posts, outDir: out, keepOtherFiles: true })).ok).toBe(true);
    const lines = [...(await marked()), '.git/config', 'CNAME', '../victim/x.html', 'a/../../victim2/deeper/y.html'];
    // Checked out with CRLF line ends, as git does on Windows: still the export's marker.
    await writeFile(path.join(out, EXPORT_MARKER), markerText(lines).replace(/\n/g, '\r\n'));
    expect(await foreignEntries(out)).toEqual(['.git/', 'CNAME', 'README.md']);
    await rm(path.join(posts, 'second.md'));
    expect((await exportSite({ postsDir: posts, outDir: out, keepOtherFiles: true })).ok).toBe(true);
    expect(await readFile(path.join(out, '.git/config'), 'utf8')).toBe('[core]\n');
    expect(await readFile(path.join(out, 'CNAME'), 'utf8')).toBe('blog.example.com\n');
    expect((await readdir(tmp)).sort()).toEqual(['posts', 'site', 'victim', 'victim2']);
    expect(await readdir(path.join(tmp, 'victim2'))).toEqual(['deeper']);
  });

  it('never removes a folder through a link the author put in place of one of its folders', async () => {
    await pagesClone();
    expect((await exportSite({ postsDir: posts, outDir: out, keepOtherFiles: true })).ok).toBe(true);
    const elsewhere = path.join(tmp, 'elsewhere');
    await mkdir(path.join(elsewhere, 'a'), { recursive: true });
    await rm(path.join(out, 'tags'), { recursive: true });
    await symlink(elsewhere, path.join(out, 'tags'), 'dir');
    const stage = path.join(tmp, 'stage');
    await mkdir(stage);
    await writeFile(path.join(stage, 'index.html'), 'new index');
    await publishBeside(stage, out, ['index.html']);
    expect(await readdir(elsewhere)).toEqual(['a']);
  });

  it('removes a killed export’s half-written marker, and does not count it as the author’s', async () => {
    await pagesClone();
    expect((await exportSite({ postsDir: posts, outDir: out, keepOtherFiles: true })).ok).toBe(true);
    await put('.postwright-export.0123456789ab.tmp', 'half');
    const again = await exportSite({ postsDir: posts, outDir: out, keepOtherFiles: true });
    expect(again).toMatchObject({ ok: true, value: { kept: 3 } });
    expect(await readdir(out)).not.toContain('.postwright-export.0123456789ab.tmp');
  });

  it('keeps an author’s page copied from an export (a 404.html) in a folder marked by an older Postwright', async () => {
    expect((await exportSite({ postsDir: posts, outDir: out })).ok).toBe(true);
    const header = (await readFile(path.join(out, EXPORT_MARKER), 'utf8')).split('\n')[0] ?? '';
    await writeFile(path.join(out, EXPORT_MARKER), `${header}\n`);
    await pagesClone();
    await copyFile(path.join(out, 'index.html'), path.join(out, '404.html'));
    const result = await exportSite({ postsDir: posts, outDir: out, keepOtherFiles: true });
    expect(result.ok).toBe(true);
    expect(await readdir(out)).toContain('404.html');
    expect(await foreignEntries(out)).toEqual(['.git/', '404.html', 'CNAME', 'README.md']);
  });

  it('refuses to write through a link put in place of the output folder while the pages render', async () => {
    await pagesClone();
    const elsewhere = path.join(tmp, 'elsewhere');
    await mkdir(elsewhere);
    await writeFile(path.join(elsewhere, 'mine.txt'), 'outside');
    let swapped = false;
    const result = await exportSite({
      postsDir: posts,
      outDir: out,
      keepOtherFiles: true,
      onProgress: () => {
        if (swapped) return;
        swapped = true;
        renameSync(out, path.join(tmp, 'moved'));
        symlinkSync(elsewhere, out, 'dir');
      },
    });
    expect(swapped).toBe(true);
    expect(result.ok).toBe(false);
    expect(await readdir(elsewhere)).toEqual(['mine.txt']);
  });
});

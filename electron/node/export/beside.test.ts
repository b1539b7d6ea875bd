/**
 * Exporting beside the author's own files (./beside.ts): a GitHub Pages folder keeps its `.git`,
 * its CNAME and its notes, byte for byte, while the export's pages come and go among them; a file
 * of the author's where a page must go stops the export before anything moves.
 */
import { lstat, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publishBeside } from './beside';
import { EXPORT_MARKER, foreignEntries } from './ownership';
import { exportSite } from './site';
import { KEEP_OTHER_FILES_HINT } from '../../../shared/api/contract';
import { replacedSitesRemoved } from './stage';
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
  await replacedSitesRemoved();
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
    await replacedSitesRemoved();
    expect(await readdir(tmp)).toEqual(['posts', 'site']);
  });

  it('leaves a folder the next export can finish when stopped halfway: the marker names both sites’ files', async () => {
    await pagesClone();
    expect((await exportSite({ postsDir: posts, outDir: out, keepOtherFiles: true })).ok).toBe(true);
    const earlier = await marked();
    // A stage missing one of the files it lists fails the move halfway, as a killed export would stop.
    const stage = path.join(tmp, 'stage');
    await mkdir(path.join(stage, 'third'), { recursive: true });
    await writeFile(path.join(stage, 'third/index.html'), 'third');
    await expect(publishBeside(stage, out, ['third/index.html', 'zzz/index.html'])).rejects.toMatchObject({
      code: 'ENOENT',
    });
    expect(await readFile(path.join(out, 'third/index.html'), 'utf8')).toBe('third');
    expect(await marked()).toEqual([...earlier, 'third/index.html', 'zzz/index.html'].sort());
    expect(await foreignEntries(out)).toEqual(['.git/', 'CNAME', 'README.md']);
    // The next export puts the folder right: its pages only, the author's files untouched.
    const next = await exportSite({ postsDir: posts, outDir: out, keepOtherFiles: true });
    expect(next).toMatchObject({ ok: true, value: { kept: 3 } });
    expect(await filesBelow(out)).not.toContain('third/index.html');
    // The folder the stopped move made for its missing page goes too: it was the export's.
    await expect(lstat(path.join(out, 'zzz'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(lstat(path.join(out, 'third'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await marked()).toEqual(earlier);
    expect(await readFile(path.join(out, 'CNAME'), 'utf8')).toBe('blog.example.com\n');
  });
});

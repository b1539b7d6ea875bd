import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../../../shared/api/contract';
import { exportPost } from './post';
import { PNG, brokenReferences, htmlProblems, pageProblems } from './testing';

const POST =
  '---\ntitle:\t"Focus"\ndate:\t"2016-05-26"\n---\n![dot](img/dot.png) ![remote](https://cdn.example.com/r.png) ![out](../outside.png) ![svg](img/logo.svg)\n';

let tmp: string;
let posts: string;
let out: string;

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'pw-export-post-'));
  posts = path.join(tmp, 'posts');
  out = path.join(tmp, 'out');
  await mkdir(path.join(posts, 'img'), { recursive: true });
  await writeFile(path.join(posts, 'focus.md'), POST);
  await writeFile(path.join(posts, 'img', 'dot.png'), PNG);
  await writeFile(path.join(posts, 'img', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
  await writeFile(path.join(tmp, 'outside.png'), PNG);
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('exportPost', () => {
  it('never writes an image copy through a link already where the copy goes', async () => {
    const dest = path.join(tmp, 'dest');
    await mkdir(path.join(dest, 'focus-assets'), { recursive: true });
    const victim = path.join(tmp, 'victim.txt');
    await writeFile(victim, 'not to be overwritten');
    const name = `${createHash('sha256').update(PNG).digest('hex').slice(0, 12)}-dot.png`;
    await symlink(victim, path.join(dest, 'focus-assets', name));
    const result = await exportPost({ postsDir: posts, postId: 'focus.md', outDir: dest });
    expect(result.ok).toBe(false);
    expect(await readFile(victim, 'utf8')).toBe('not to be overwritten');
  });

  it('writes a page with its images copied beside it; remote images stay; outside ones are left out', async () => {
    const result = await exportPost({ postsDir: posts, postId: 'focus.md', outDir: out });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.file).toBe(path.join(out, 'focus.html'));
    expect(result.value.images).toBe(1);
    expect(result.value.warnings).toEqual([
      'focus.md: image "../outside.png" was left out: it is outside the posts folder',
      'focus.md: image "img/logo.svg" was left out: SVG images are not exported (opened on their own they can run scripts)',
    ]);
    const html = await readFile(result.value.file, 'utf8');
    expect(html).toMatch(/<img src="focus-assets\/[0-9a-f]{12}-dot\.png" alt="dot">/);
    expect(html).toContain('<img src="https://cdn.example.com/r.png" alt="remote">');
    expect(await htmlProblems(html)).toEqual([]);
    expect(pageProblems(html)).toEqual([]);
    expect(await brokenReferences(out)).toEqual([]);
    expect((await readdir(out)).sort()).toEqual(['focus-assets', 'focus.html']);
  });

  it('inlines images as data: URIs for a single-file page', async () => {
    const outFile = path.join(out, 'page.html');
    const result = await exportPost({ postsDir: posts, postId: 'focus.md', outFile, singleFile: true });
    expect(result.ok && result.value.images).toBe(1);
    const html = await readFile(outFile, 'utf8');
    expect(html).toContain(`<img src="data:image/png;base64,${PNG.toString('base64')}" alt="dot">`);
    expect(await readdir(out)).toEqual(['page.html']);
  });

  it('reads the post through the function it is given', async () => {
    const result = await exportPost({
      postsDir: posts,
      postId: 'focus.md',
      outDir: out,
      readText: () => Promise.resolve(ok('---\ntitle: From the editor\n---\nUnsaved **text**.\n')),
    });
    expect(result.ok).toBe(true);
    const html = await readFile(path.join(out, 'focus.html'), 'utf8');
    expect(html).toContain('<h1>From the editor</h1>');
    expect(html).toContain('<strong>text</strong>');
  });

  it('refuses bad ids, pages inside the posts folder, and unparseable front matter', async () => {
    expect(await exportPost({ postsDir: posts, postId: '../x.md', outDir: out })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ID' },
    });
    expect(await exportPost({ postsDir: posts, postId: 'focus.md', outDir: posts })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    expect(await exportPost({ postsDir: posts, postId: 'focus.md', outFile: path.join(out, 'x.md') })).toMatchObject({
      ok: false,
    });
    // Nor through a link that leads into it, for the page or its folder of images.
    await symlink(path.join(posts, 'img'), path.join(tmp, 'into-posts'));
    expect(
      await exportPost({ postsDir: posts, postId: 'focus.md', outFile: path.join(tmp, 'into-posts', 'focus.html') }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(
      await exportPost({ postsDir: posts, postId: 'focus.md', outDir: path.join(tmp, 'into-posts', 'new', 'deeper') }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    // The page's images folder, a link into the posts folder beside an outside page.
    const beside = path.join(tmp, 'beside');
    await mkdir(beside);
    await symlink(path.join(posts, 'img'), path.join(beside, 'focus-assets'));
    expect(await exportPost({ postsDir: posts, postId: 'focus.md', outDir: beside })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    expect(await readdir(path.join(posts, 'img'))).toEqual(['dot.png', 'logo.svg']);
    await writeFile(path.join(posts, 'broken.md'), '---\ntitle: [a\n---\nx\n');
    const broken = await exportPost({ postsDir: posts, postId: 'broken.md', outDir: out });
    expect(broken).toMatchObject({ ok: false, error: { code: 'PARSE' } });
    if (!broken.ok) expect(broken.error.message).toMatch(/^broken\.md:\d+: the front matter does not parse/);
  });
});

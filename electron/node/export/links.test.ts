/**
 * Local links in exported posts: linked files are copied like images and the links point at the
 * copies; links to drafts, missing files and files the export will not publish stay as written,
 * with a warning naming the post and the link. Never a link out of the posts folder.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportSite } from './site';

let tmp: string;
let posts: string;
let out: string;

const POST = `---
title: Linker
---

See [the draft](draft.md), [missing](missing.md), [pdf](files/doc.pdf#page=2), [folder](sub/),
[other](other.md), [gone](files/gone.pdf), [page](/about/), [secret](../secret.pdf), [html](files/page.html),
[escape](files/out.pdf), [bundle](trip/) and [asked](other.md?from=linker#top).
`;

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'pw-export-links-'));
  posts = path.join(tmp, 'posts');
  out = path.join(tmp, 'out');
  await mkdir(path.join(posts, 'files'), { recursive: true });
  await mkdir(path.join(posts, 'sub'), { recursive: true });
  await mkdir(path.join(posts, 'trip'), { recursive: true });
  await writeFile(path.join(posts, 'linker.md'), POST);
  await writeFile(path.join(posts, 'draft.md'), '---\ntitle: Draft\ndraft: true\n---\nSoon.\n');
  await writeFile(path.join(posts, 'other.md'), '---\ntitle: Other\n---\nHi.\n');
  await writeFile(path.join(posts, 'trip', 'index.md'), '---\ntitle: Trip\n---\nAway.\n');
  await writeFile(path.join(posts, 'files', 'doc.pdf'), '%PDF-1.4 test');
  await writeFile(path.join(posts, 'files', 'page.html'), '<script>alert(1)</script>');
  await writeFile(path.join(tmp, 'secret.pdf'), 'secret');
  await symlink(path.join(tmp, 'secret.pdf'), path.join(posts, 'files', 'out.pdf'));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('local links in a site export', () => {
  it('copies linked files, links pages, and warns for the rest', async () => {
    const result = await exportSite({ postsDir: posts, outDir: out });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const html = await readFile(path.join(out, 'linker', 'index.html'), 'utf8');
    const pdf = /<a href="\.\.\/(assets\/[0-9a-f]{12}-doc\.pdf)#page=2">pdf<\/a>/.exec(html);
    expect(pdf, html).not.toBeNull();
    expect(await readFile(path.join(out, pdf?.[1] ?? ''), 'utf8')).toBe('%PDF-1.4 test');
    expect(html).toContain('<a href="../other/index.html">other</a>');
    expect(html).toContain('<a href="../trip/index.html">bundle</a>');
    // A query names the same post (review 23a: it was "not exported (a draft…)").
    expect(html).toContain('<a href="../other/index.html?from=linker#top">asked</a>');
    expect(html).toContain('<a href="/about/">page</a>');
    // The rest stay as written (the preview shows them so), each with a warning.
    expect(html).toContain('<a href="draft.md">the draft</a>');
    expect(html).toContain('<a href="files/page.html">html</a>');
    // Only the PDF inside the posts folder was copied: nothing through a link leading out.
    expect(await readdir(path.join(out, 'assets'))).toEqual([path.basename(pdf?.[1] ?? '')]);
    const linker = result.value.warnings.filter((w) => w.startsWith('linker.md: link'));
    expect(linker).toEqual([
      'linker.md: link "draft.md" will not work on the exported page: that post is not exported (a draft, or its front matter does not parse)',
      'linker.md: link "missing.md" will not work on the exported page: there is no such post',
      'linker.md: link "sub/" will not work on the exported page: it is a folder, and only files are exported',
      'linker.md: link "files/gone.pdf" will not work on the exported page: the file was not found',
      'linker.md: link "../secret.pdf" will not work on the exported page: it is outside the posts folder',
      'linker.md: link "files/page.html" will not work on the exported page: ".html" files are not copied into the export',
      'linker.md: link "files/out.pdf" will not work on the exported page: it is a link to a file outside the posts folder',
    ]);
  });
});

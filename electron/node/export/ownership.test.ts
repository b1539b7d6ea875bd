/**
 * An export replaces its output folder whole: what it may replace (./ownership.ts, ./stage.ts) and
 * what it must never delete, the files an author put into an earlier export's folder above all.
 */
import { writeFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXPORT_MARKER, exportedName, foreignEntries } from './ownership';
import { exportSite } from './site';
import { exportsSettled } from './stage';
import { filesBelow } from './testing';

let tmp: string;
let posts: string;
let out: string;

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'pw-own-'));
  posts = path.join(tmp, 'posts');
  out = path.join(tmp, 'site');
  await mkdir(posts);
  await writeFile(path.join(posts, 'first.md'), '---\ntitle: First\ntags: [a]\n---\nOne.\n');
  await writeFile(path.join(posts, 'second.md'), '---\ntitle: Second\n---\nTwo.\n');
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function put(rel: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(out, rel)), { recursive: true });
  await writeFile(path.join(out, rel), text);
}

describe('exporting into an earlier export', () => {
  it('stops, deleting nothing, when the author put files of their own into it', async () => {
    expect((await exportSite({ postsDir: posts, outDir: out })).ok).toBe(true);
    // What a GitHub Pages author does: a CNAME, a git repository, a note beside an exported page.
    await put('CNAME', 'blog.example.com\n');
    await put('.git/HEAD', 'ref: refs/heads/main\n');
    await put('first/notes.txt', 'mine');
    await put('empty-folder/.keep', '');
    const before = (await filesBelow(out)).sort();
    const again = await exportSite({ postsDir: posts, outDir: out });
    expect(again).toMatchObject({ ok: false, error: { code: 'EXISTS' } });
    if (again.ok) return;
    expect(again.error.message).toContain('.git/, CNAME, empty-folder/, first/notes.txt');
    expect((await filesBelow(out)).sort()).toEqual(before);
    expect(await readFile(path.join(out, 'CNAME'), 'utf8')).toBe('blog.example.com\n');
    expect(await readFile(path.join(out, 'first/notes.txt'), 'utf8')).toBe('mine');
    // Once they are moved out, the export replaces its folder again, stale pages and all.
    await rm(path.join(out, 'CNAME'));
    await rm(path.join(out, '.git'), { recursive: true });
    await rm(path.join(out, 'first/notes.txt'));
    await rm(path.join(out, 'empty-folder'), { recursive: true });
    await rm(path.join(posts, 'second.md'));
    expect((await exportSite({ postsDir: posts, outDir: out })).ok).toBe(true);
    expect(await filesBelow(out)).not.toContain('second/index.html');
  });

  it('replaces an export made before markers listed their files, unless it holds something else', async () => {
    expect((await exportSite({ postsDir: posts, outDir: out })).ok).toBe(true);
    await writeFile(
      path.join(out, EXPORT_MARKER),
      'This folder was written by a Postwright export and is replaced by the next one.\n',
    );
    expect((await exportSite({ postsDir: posts, outDir: out })).ok).toBe(true);
    await writeFile(
      path.join(out, EXPORT_MARKER),
      'This folder was written by a Postwright export and is replaced by the next one.\n',
    );
    await put('about/index.html', '<!DOCTYPE html><p>My own page</p>');
    const refused = await exportSite({ postsDir: posts, outDir: out });
    expect(refused).toMatchObject({ ok: false, error: { code: 'EXISTS' } });
    expect(await readFile(path.join(out, 'about/index.html'), 'utf8')).toBe('<!DOCTYPE html><p>My own page</p>');
  });

  it('stops, deleting nothing, when the author adds a file while the export runs', async () => {
    expect((await exportSite({ postsDir: posts, outDir: out })).ok).toBe(true);
    const before = (await filesBelow(out)).sort();
    let added = false;
    const onProgress = (done: number) => {
      if (done > 0 && !added) {
        added = true;
        writeFileSync(path.join(out, 'CNAME'), 'blog.example.com\n');
      }
    };
    const again = await exportSite({ postsDir: posts, outDir: out, onProgress });
    expect(added).toBe(true);
    expect(again).toMatchObject({ ok: false, error: { code: 'EXISTS' } });
    expect(await readFile(path.join(out, 'CNAME'), 'utf8')).toBe('blog.example.com\n');
    expect((await filesBelow(out)).sort()).toEqual([...before, 'CNAME'].sort());
  });

  it('stops, deleting nothing, when the author saves a file inside an exported folder while the export runs', async () => {
    expect((await exportSite({ postsDir: posts, outDir: out })).ok).toBe(true);
    const page = (await filesBelow(out)).find((file) => file.startsWith('first') && file.endsWith('index.html'));
    expect(page).toBeDefined();
    const notes = path.join(out, path.dirname(page ?? ''), 'my-notes.txt');
    let added = false;
    const onProgress = () => {
      if (!added) {
        added = true;
        writeFileSync(notes, 'precious');
      }
    };
    const again = await exportSite({ postsDir: posts, outDir: out, onProgress });
    await exportsSettled();
    expect(added).toBe(true);
    expect(again).toMatchObject({ ok: false, error: { code: 'EXISTS' } });
    expect(await readFile(notes, 'utf8')).toBe('precious');
  });

  it.runIf(process.platform === 'linux')(
    'tells a folder of the author named in another Unicode form apart from the one it wrote (Linux keeps both)',
    async () => {
      await writeFile(path.join(posts, 'ёж.md'), '---\ntitle: Hedgehog\n---\nx\n');
      expect((await exportSite({ postsDir: posts, outDir: out })).ok).toBe(true);
      const written = (await filesBelow(out)).find((file) => file.normalize('NFC').startsWith('ёж'));
      expect(written?.startsWith('ёж'.normalize('NFC'))).toBe(true);
      await put(path.join('ёж'.normalize('NFD'), 'index.html'), 'mine, not the export’s');
      const again = await exportSite({ postsDir: posts, outDir: out });
      await exportsSettled();
      expect(again).toMatchObject({ ok: false, error: { code: 'EXISTS' } });
      expect(await readFile(path.join(out, 'ёж'.normalize('NFD'), 'index.html'), 'utf8')).toBe(
        'mine, not the export’s',
      );
    },
  );

  it('keeps the marker name for itself: a post asking for it is left out, the export succeeds', async () => {
    await writeFile(path.join(posts, 'third.md'), `---\ntitle: Third\npath: /${EXPORT_MARKER}\n---\nThree.\n`);
    const result = await exportSite({ postsDir: posts, outDir: out });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.warnings.join('\n')).toMatch(/third\.md: not exported: .*needs for itself/);
    expect((await exportSite({ postsDir: posts, outDir: out })).ok).toBe(true);
  });
});

describe('the marker', () => {
  it('claims every file an export writes: pages, tag pages, the feed, the sitemap and copied images', async () => {
    // The app's sample posts carry an image; the Jekyll fixture, drafts and file-name dates.
    for (const source of ['posts', 'e2e/fixtures/list-jekyll-blog']) {
      const folder = path.join(tmp, `from-${path.basename(source)}`);
      await cp(path.join(process.cwd(), source), folder, { recursive: true });
      const site = path.join(tmp, `site-${path.basename(source)}`);
      const result = await exportSite({ postsDir: folder, outDir: site, siteUrl: 'https://x.example/', drafts: true });
      expect(result.ok).toBe(true);
      const files = (await filesBelow(site)).filter((file) => file !== EXPORT_MARKER);
      expect(files.some((file) => file.startsWith('assets/'))).toBe(source === 'posts');
      expect(files.filter((file) => !exportedName(file))).toEqual([]);
      expect(await foreignEntries(site)).toEqual([]);
    }
  });
});

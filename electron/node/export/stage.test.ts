/**
 * The staging writer (./stage.ts): files handed to its thread land byte for byte in their folders,
 * and a write that fails fails the writer, with its errno code, without hanging or writing on.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FILE_CHANGED } from './assets';
import { createStage, publishStage, exportsSettled, stageWriter, WRITER_THREADS } from './stage';
import { filesBelow } from './testing';

let stage: string;

beforeEach(async () => {
  stage = await mkdtemp(path.join(os.tmpdir(), 'pw-stage-'));
});
afterEach(async () => {
  await rm(stage, { recursive: true, force: true });
});

describe('stageWriter', () => {
  it('writes text and bytes into nested folders, each file exactly as given', async () => {
    const writer = stageWriter(stage);
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    await writer.write('index.html', '<p>Ünïcode ✓</p>\n');
    await writer.write('blog/2024/post/index.html', 'post');
    await writer.write('blog/2024/other/index.html', 'other');
    await writer.write('img/dot.png', bytes);
    await writer.finish();
    expect((await filesBelow(stage)).sort()).toEqual([
      'blog/2024/other/index.html',
      'blog/2024/post/index.html',
      'img/dot.png',
      'index.html',
    ]);
    expect(await readFile(path.join(stage, 'index.html'), 'utf8')).toBe('<p>Ünïcode ✓</p>\n');
    expect([...(await readFile(path.join(stage, 'img/dot.png')))]).toEqual([...bytes]);
  });

  it('writes more than it holds at once: 40 MB in 2 MB pages, every page whole, on a second thread once behind', async () => {
    const writer = stageWriter(stage);
    const page = (i: number) => `${String(i).padStart(4, '0')}${'x'.repeat(2_000_000)}`;
    for (let i = 0; i < 20; i++) await writer.write(`p${i}/index.html`, page(i));
    await writer.finish();
    for (let i = 0; i < 20; i++) expect(await readFile(path.join(stage, `p${i}/index.html`), 'utf8')).toBe(page(i));
    // Pages handed over faster than one thread writes them: a second writer took its share.
    expect(writer.threads()).toBe(WRITER_THREADS);
  });

  it('writes small pages that one thread keeps up with on that thread alone', async () => {
    const writer = stageWriter(stage);
    // A few bytes each: even all of them unwritten are far from falling behind.
    for (let i = 0; i < 50; i++) await writer.write(`p${i}/index.html`, `page ${i}`);
    await writer.finish();
    expect((await filesBelow(stage)).length).toBe(50);
    expect(writer.threads()).toBe(1);
  });

  it('fails with the errno code of the first write that failed, and writes nothing after it', async () => {
    // A file where a folder must go: the page below it cannot be written (EEXIST, from mkdir).
    await writeFile(path.join(stage, 'taken'), 'a file');
    // One thread: the pages are written in the order given.
    const writer = stageWriter(stage, 1);
    await writer.write('first/index.html', 'one');
    await writer.write('taken/index.html', 'two');
    let error: unknown = null;
    try {
      for (let i = 0; i < 50; i++) await writer.write(`later-${i}/index.html`, 'x'.repeat(1_000_000));
    } catch (thrown) {
      error = thrown;
    }
    await expect(writer.finish()).rejects.toMatchObject({ code: 'EEXIST' });
    if (error !== null) expect(error).toMatchObject({ code: 'EEXIST' });
    const names = await readdir(stage);
    expect(names).toContain('first');
    expect(names.filter((name) => name.startsWith('later-'))).toEqual([]);
  });

  it('stops every writer at a failure on either, with its errno code, and leaves no thread running', async () => {
    await writeFile(path.join(stage, 'taken'), 'a file');
    const writer = stageWriter(stage);
    let error: unknown = null;
    try {
      // 2 MB pages: the second writer starts after the first few; the failing page goes to either.
      for (let i = 0; i < 6; i++) await writer.write(`before-${i}/index.html`, 'x'.repeat(2_000_000));
      await writer.write('taken/index.html', 'two');
      for (let i = 0; i < 200; i++) await writer.write(`later-${i}/index.html`, 'x'.repeat(1_000_000));
    } catch (thrown) {
      error = thrown;
    }
    expect(writer.threads()).toBe(WRITER_THREADS);
    await expect(writer.finish()).rejects.toMatchObject({ code: 'EEXIST' });
    expect(error).toMatchObject({ code: 'EEXIST' });
    // Handing over stopped at the failure, long before the last page.
    const later = (await readdir(stage)).filter((name) => name.startsWith('later-'));
    expect(later.length).toBeLessThan(50);
    await expect(writer.write('after.html', 'x')).rejects.toMatchObject({ code: 'EEXIST' });
  });

  it('streams copies of files, whole, and refuses one replaced (by a link too) since it was named', async () => {
    const source = path.join(stage, 'src.bin');
    const big = Buffer.alloc(2 * 1024 * 1024 + 3, 7);
    await writeFile(source, big);
    const named = async (file: string) => {
      const s = await stat(file);
      return { source: file, size: s.size, dev: s.dev, ino: s.ino, mtimeMs: s.mtimeMs };
    };
    const writer = stageWriter(path.join(stage, 'out'));
    await writer.copy('assets/big.bin', await named(source));
    await writer.finish();
    expect((await readFile(path.join(stage, 'out/assets/big.bin'))).equals(big)).toBe(true);
    const copy = await named(source);
    await rm(source);
    await writeFile(path.join(stage, 'secret'), 'secret');
    await symlink(path.join(stage, 'secret'), source);
    const second = stageWriter(path.join(stage, 'out2'));
    await second.copy('assets/leak.bin', copy).catch(() => undefined);
    await expect(second.finish()).rejects.toMatchObject({ code: FILE_CHANGED });
    const leaked = await readFile(path.join(stage, 'out2/assets/leak.bin'), 'utf8').catch(() => '');
    expect(leaked).toBe('');
  });

  it('stops its thread when finished, so nothing keeps the process alive', async () => {
    const writer = stageWriter(stage);
    await writer.write('a.html', 'a');
    await writer.finish();
    // A second finish has nothing left to wait for.
    await writer.finish();
    await expect(writer.write('b.html', 'b')).rejects.toThrow(/stopped/);
  });
});

describe('an export that fails', () => {
  it('stops its writer thread, so a process that exported can exit', async () => {
    // A progress callback that throws at the first call, before any page: the export fails, and a
    // writer thread still running would keep the process alive (spawnSync's timeout would kill it).
    const posts = path.join(stage, 'posts');
    await mkdir(posts);
    await writeFile(path.join(posts, 'a.md'), '---\ntitle: A\n---\nText.\n');
    const entry = path.join(stage, 'entry.ts');
    const site = fileURLToPath(new URL('./site.ts', import.meta.url));
    await writeFile(
      entry,
      `import { exportSite } from ${JSON.stringify(site)};
void exportSite({ postsDir: ${JSON.stringify(posts)}, outDir: ${JSON.stringify(path.join(stage, 'out'))},
  onProgress: () => { throw new Error('progress failed'); } })
  .then((result) => console.log(JSON.stringify(result)), (error) => console.log(JSON.stringify({ rejected: String(error) })));`,
    );
    const outfile = path.join(stage, 'entry.cjs');
    await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'error' });
    const child = spawnSync(process.execPath, [outfile], { encoding: 'utf8', timeout: 20_000 });
    expect(child.error).toBeUndefined();
    expect(child.status).toBe(0);
    // A callback's own error is not a disk's: the export rejects with it (after discarding its stage).
    expect(JSON.parse(child.stdout)).toEqual({ rejected: 'Error: progress failed' });
    expect((await readdir(stage)).filter((name) => name.includes('postwright'))).toEqual([]);
  }, 60_000);
});

describe('publishing over an earlier export', () => {
  it('puts the new site in place, then deletes the one it replaced, leaving nothing beside it', async () => {
    const out = path.join(stage, 'site');
    for (const page of ['first', 'second']) {
      const staged = await createStage(out);
      const writer = stageWriter(staged);
      await writer.write('index.html', page);
      await writer.write(`${page}/index.html`, page);
      await writer.finish();
      await publishStage(staged, out, ['index.html', `${page}/index.html`]);
      expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe(page);
    }
    await exportsSettled();
    expect(await readdir(stage)).toEqual(['site']);
    expect((await filesBelow(out)).sort()).toEqual(['.postwright-export', 'index.html', 'second/index.html']);
  });
});

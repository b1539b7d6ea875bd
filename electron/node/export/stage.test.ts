/**
 * The staging writer (./stage.ts): files handed to its thread land byte for byte in their folders,
 * and a write that fails fails the writer, with its errno code, without hanging or writing on.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stageWriter } from './stage';
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

  it('writes more than it holds at once: 40 MB in 2 MB pages, every page whole', async () => {
    const writer = stageWriter(stage);
    const page = (i: number) => `${String(i).padStart(4, '0')}${'x'.repeat(2_000_000)}`;
    for (let i = 0; i < 20; i++) await writer.write(`p${i}/index.html`, page(i));
    await writer.finish();
    for (let i = 0; i < 20; i++) expect(await readFile(path.join(stage, `p${i}/index.html`), 'utf8')).toBe(page(i));
  });

  it('fails with the errno code of the first write that failed, and writes nothing after it', async () => {
    // A file where a folder must go: the page below it cannot be written (EEXIST, from mkdir).
    await writeFile(path.join(stage, 'taken'), 'a file');
    const writer = stageWriter(stage);
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

  it('stops its thread when finished, so nothing keeps the process alive', async () => {
    const writer = stageWriter(stage);
    await writer.write('a.html', 'a');
    await writer.finish();
    // A second finish has nothing left to wait for.
    await writer.finish();
    await expect(writer.write('b.html', 'b')).rejects.toThrow(/stopped/);
  });
});

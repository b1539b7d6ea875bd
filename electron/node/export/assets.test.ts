import { mkdir, mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assetSink, MAX_IMAGE_BYTES, postImages, takeCopies, writeCopies } from './assets';
import { PNG, filesBelow } from './testing';

let tmp: string;
let posts: string;

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'pw-assets-'));
  posts = path.join(tmp, 'posts');
  await mkdir(path.join(posts, 'img'), { recursive: true });
  await writeFile(path.join(posts, 'img', 'dot.png'), PNG);
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('postImages (images resolved while the post renders)', () => {
  it('names each copy once by its content, queues its bytes, and writes them', async () => {
    const sink = assetSink('copy', posts, 'assets');
    const first = postImages(posts, sink);
    const target = first.resolve('img/dot.png');
    expect(target).toMatch(/^assets\/[0-9a-f]{12}-dot\.png$/);
    expect(first.resolve('img/dot.png')).toBe(target);
    expect(postImages(path.join(posts, 'img'), sink).resolve('dot.png')).toBe(target);
    const copies = takeCopies(sink);
    expect([...copies.keys()]).toEqual([target]);
    expect(takeCopies(sink).size).toBe(0);
    const out = path.join(tmp, 'out');
    await writeCopies(out, copies);
    expect(await filesBelow(out)).toEqual([target]);
  });

  it('inlines images as data: URIs and queues nothing', () => {
    const sink = assetSink('inline', posts, '');
    expect(postImages(posts, sink).resolve('img/dot.png')).toBe(`data:image/png;base64,${PNG.toString('base64')}`);
    expect(sink.pending.size).toBe(0);
  });

  it('refuses, once each and with a reason, what must not be exported', async () => {
    await writeFile(path.join(tmp, 'outside.png'), PNG);
    await symlink(path.join(tmp, 'outside.png'), path.join(posts, 'img', 'leak.png'));
    await writeFile(path.join(posts, 'img', 'x.svg'), '<svg/>');
    await mkdir(path.join(posts, 'img', 'folder.png'));
    await writeFile(path.join(posts, 'img', 'huge.png'), '');
    await truncate(path.join(posts, 'img', 'huge.png'), MAX_IMAGE_BYTES + 1);
    const images = postImages(posts, assetSink('copy', posts, 'assets'));
    const refused = ['../outside.png', 'img/leak.png', 'img/x.svg', 'img/folder.png', 'img/huge.png', 'img/none.png'];
    for (const src of [...refused, 'img/leak.png']) expect(images.resolve(src), src).toBeNull();
    expect([...images.refused]).toEqual(refused);
    expect(images.warnings).toEqual([
      'image "../outside.png" was left out: it is outside the posts folder',
      'image "img/leak.png" was left out: it is a link to a file outside the posts folder',
      'image "img/x.svg" was left out: SVG images are not exported (opened on their own they can run scripts)',
      'image "img/folder.png" was left out: it is a folder, and only files are exported',
      'image "img/huge.png" was left out: it is larger than 64 MiB',
      'image "img/none.png" was left out: the file was not found',
    ]);
  });
});

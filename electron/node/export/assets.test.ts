import { mkdir, mkdtemp, readFile, realpath, rename, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assetSink, FILE_CHANGED, MAX_IMAGE_BYTES, postImages, takeCopies, writeCopies } from './assets';
import { postLinks } from './links';
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

  it('finds a site-root image in the folder the site serves at its root, as the preview does', async () => {
    await writeFile(path.join(posts, 'hugo.toml'), 'title = "Blog"\n');
    await mkdir(path.join(posts, 'static', 'images'), { recursive: true });
    await writeFile(path.join(posts, 'static', 'images', 'cat.png'), PNG);
    await mkdir(path.join(posts, 'public', 'pics'), { recursive: true });
    await writeFile(path.join(posts, 'public', 'pics', 'dog.png'), PNG);
    const sink = assetSink('copy', posts, 'assets');
    const images = postImages(path.join(posts, 'content', 'posts'), sink);
    expect(images.resolve('/images/cat.png')).toMatch(/^assets\/[0-9a-f]{12}-cat\.png$/);
    // Hugo serves static/, not public/ (its build output).
    expect(images.resolve('/pics/dog.png')).toBeNull();
    // A file of that path in the posts folder itself comes first; a missing one is still missing.
    expect(images.resolve('/img/dot.png')).toMatch(/-dot\.png$/);
    expect(images.resolve('/images/none.png')).toBeNull();
    expect(images.warnings).toEqual([
      'image "/pics/dog.png" was left out: the file was not found',
      'image "/images/none.png" was left out: the file was not found',
    ]);
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

describe('copies (streamed, checked, and capped in total)', () => {
  it('queues the file to copy, not its bytes, and streams it whole, larger than one read', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024 + 5);
    for (let i = 0; i < big.length; i += 4096) big[i] = (i / 4096) % 251;
    await writeFile(path.join(posts, 'img', 'big.png'), big);
    const sink = assetSink('copy', posts, 'assets');
    const target = postImages(posts, sink).resolve('img/big.png');
    const copies = takeCopies(sink);
    const source = await realpath(path.join(posts, 'img', 'big.png'));
    expect(copies.get(target ?? '')).toMatchObject({ source, size: big.length });
    const out = path.join(tmp, 'out');
    await writeCopies(out, copies);
    expect((await readFile(path.join(out, target ?? ''))).equals(big)).toBe(true);
  });

  it('never copies what replaced a file after it was found: a link leading out, or other bytes', async () => {
    await writeFile(path.join(tmp, 'secret.png'), 'not for publishing');
    await writeFile(path.join(posts, 'img', 'a.png'), PNG);
    await writeFile(path.join(posts, 'img', 'b.png'), Buffer.concat([PNG, PNG]));
    const sink = assetSink('copy', posts, 'assets');
    const images = postImages(posts, sink);
    images.resolve('img/a.png');
    images.resolve('img/b.png');
    const copies = takeCopies(sink);
    await rm(path.join(posts, 'img', 'a.png'));
    await symlink(path.join(tmp, 'secret.png'), path.join(posts, 'img', 'a.png'));
    await writeFile(path.join(tmp, 'swap.png'), 'other bytes');
    await rename(path.join(tmp, 'swap.png'), path.join(posts, 'img', 'b.png'));
    const out = path.join(tmp, 'out');
    for (const [rel, copy] of copies)
      await expect(writeCopies(out, new Map([[rel, copy]]))).rejects.toMatchObject({ code: FILE_CHANGED });
    for (const file of await filesBelow(out)) expect(await readFile(path.join(out, file), 'utf8')).toBe('');
  });

  it('leaves out, with a warning, images and linked files past the total one export copies', async () => {
    await writeFile(path.join(posts, 'img', 'two.png'), Buffer.concat([PNG, Buffer.from('2')]));
    await writeFile(path.join(posts, 'img', 'three.png'), Buffer.concat([PNG, Buffer.from('3')]));
    await writeFile(path.join(posts, 'doc.pdf'), 'pdf');
    const sink = assetSink('copy', posts, 'assets', 2 * PNG.length + 1);
    const images = postImages(posts, sink);
    expect(images.resolve('img/dot.png')).not.toBeNull();
    expect(images.resolve('img/two.png')).not.toBeNull();
    // The same file again costs nothing more; a third does not fit, nor does a linked file.
    expect(postImages(path.join(posts, 'img'), sink).resolve('dot.png')).not.toBeNull();
    expect(images.resolve('img/three.png')).toBeNull();
    const links = postLinks({ postFolder: posts, pageFile: 'p/index.html', sink });
    expect(links.resolve('doc.pdf')).toBeNull();
    expect(images.warnings).toEqual([
      `image "img/three.png" was left out: copying it would take the files this export copies past ${2 * PNG.length + 1} bytes, the most one export copies`,
    ]);
    expect(links.warnings()).toHaveLength(1);
    expect(takeCopies(sink).size).toBe(2);
  });

  it('inlines no more than the total one single-file page carries', () => {
    const sink = assetSink('inline', posts, '', PNG.length);
    const images = postImages(posts, sink);
    expect(images.resolve('img/dot.png')).toMatch(/^data:image\/png;base64,/);
    expect(postImages(path.join(posts, 'img'), sink).resolve('dot.png')).toBeNull();
  });
});

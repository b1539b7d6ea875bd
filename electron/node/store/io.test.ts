import { mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLimited, tempPathFor, writeFileAtomic, writeFileExclusive } from './io';
import { errnoCode } from './errors';
import { allFiles, tempFolderPerTest } from './testing';

const folder = tempFolderPerTest();

const bytes = (text: string) => new TextEncoder().encode(text);

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temporary file', async () => {
    const target = path.join(folder.dir, 'post.md');
    await writeFile(target, 'old');
    await writeFileAtomic(target, bytes('new'), 0o100600);
    expect(await readFile(target, 'utf8')).toBe('new');
    expect((await stat(target)).mode & 0o777).toBe(0o600);
    expect(await allFiles(folder.dir)).toEqual(['post.md']);
  });

  it('removes its temporary file when the final rename fails, and throws the file-system error', async () => {
    // Renaming a file over a non-empty folder fails after the temporary file was fully written.
    const target = path.join(folder.dir, 'post.md');
    await mkdir(target);
    await writeFile(path.join(target, 'inside.txt'), 'keep me');
    const failure: unknown = await writeFileAtomic(target, bytes('new'), 0o100644).then(
      () => null,
      (error: unknown) => error,
    );
    expect(errnoCode(failure)).toMatch(/^E[A-Z]+$/);
    expect(await allFiles(folder.dir)).toEqual(['post.md/inside.txt']);
  });

  it('keeps the temporary name within the file-name limit for a long post name', async () => {
    const target = path.join(folder.dir, 'x'.repeat(240) + '.md');
    expect(Buffer.byteLength(path.basename(tempPathFor(target, 'abcdef123456')))).toBeLessThan(255);
    await writeFile(target, 'old');
    await writeFileAtomic(target, bytes('new'), 0o100644);
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await allFiles(folder.dir)).toEqual([path.basename(target)]);
  });
});

describe('writeFileExclusive', () => {
  it('refuses to overwrite an existing file', async () => {
    const target = path.join(folder.dir, 'post.md');
    await writeFile(target, 'mine');
    await expect(writeFileExclusive(target, bytes('other'))).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(target, 'utf8')).toBe('mine');
  });
});

describe('readLimited', () => {
  it('does not follow a link as the last component', async () => {
    const target = path.join(folder.dir, 'real.md');
    await writeFile(target, 'text');
    await symlink(target, path.join(folder.dir, 'link.md'));
    const result = await readLimited(path.join(folder.dir, 'link.md'), 100, 'read it');
    expect(result.ok ? 'ok' : result.error.code).toBe(process.platform === 'win32' ? 'ok' : 'NOT_A_FILE');
  });
});

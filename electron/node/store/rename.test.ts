import { link, readFile, rename as fsRename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/api/contract';
import { renamePost, type LinkFile } from './rename';
import { createPostStore } from './store';
import { allFiles, FIXED_NOW, tempFolderPerTest, writeFiles, valueOf } from './testing';
import { writingApi } from './writing';

const folder = tempFolderPerTest('postwright-rename-');

async function rename(files: Record<string, string>, id: string, newId: string) {
  await writeFiles(folder.dir, files);
  const api = writingApi(await createPostStore({ postsDir: folder.dir, now: FIXED_NOW }), { now: FIXED_NOW });
  return api.renamePost({ id, newId });
}

function code(result: Result<unknown>): string {
  return result.ok ? 'ok' : result.error.code;
}

describe('renamePost onto a name another file has in another form', () => {
  it('refuses the name of a file written in another Unicode form, moving nothing', async () => {
    // `café.md` decomposed (as an old Mac writes it) beside the post: Linux keeps both names apart.
    const decomposed = 'cafe\u0301.md';
    const renamed = await rename({ 'a.md': 'A\n', [decomposed]: 'NFD\n' }, 'a.md', 'café.md');
    expect(code(renamed)).toBe('EXISTS');
    expect(await allFiles(folder.dir)).toEqual(['a.md', decomposed]);
    expect(await readFile(path.join(folder.dir, decomposed), 'utf8')).toBe('NFD\n');
  });

  it('refuses the name of another file in other capitals, which a Mac or Windows disk holds as one', async () => {
    const renamed = await rename({ 'a.md': 'A\n', 'b.md': 'B\n' }, 'a.md', 'B.md');
    expect(code(renamed)).toBe('EXISTS');
    expect(renamed.ok ? '' : renamed.error.message).toContain('b.md');
    expect(await allFiles(folder.dir)).toEqual(['a.md', 'b.md']);
  });

  it('still renames a post to its own name in other capitals', async () => {
    const doc = valueOf(await rename({ 'hello.md': 'Hi\n' }, 'hello.md', 'Hello.md'));
    expect(doc.id).toBe('Hello.md');
    expect(await allFiles(folder.dir)).toEqual(['Hello.md']);
  });
});

describe('renamePost to a name the list would not show', () => {
  it('refuses a hidden name or folder, so the post never vanishes from the list', async () => {
    for (const newId of ['.draft.md', '.git/a.md', 'node_modules/a.md', '.postwright-trash/a.md']) {
      const renamed = await rename(
        { 'a.md': 'A\n', '.git/x': '', 'node_modules/x': '', '.postwright-trash/x': '' },
        'a.md',
        newId,
      );
      expect(code(renamed), newId).toBe('INVALID_ID');
    }
    expect((await allFiles(folder.dir)).filter((name) => name.endsWith('a.md'))).toEqual(['a.md']);
  });

  it('refuses a name too long for the disk with a reason, never "check the disk"', async () => {
    const renamed = await rename({ 'a.md': 'A\n' }, 'a.md', `${'日本'.repeat(50)}.md`);
    expect(code(renamed)).toBe('INVALID_ID');
    expect(renamed.ok ? '' : renamed.error.message).toMatch(/too long/);
    expect(await allFiles(folder.dir)).toEqual(['a.md']);
  });
});

describe('renamePost while another program saves the post', () => {
  it('keeps a save made over the old name during the rename: it is the post under its new name', async () => {
    await writeFiles(folder.dir, { 'a.md': 'old words\n' });
    const store = await createPostStore({ postsDir: folder.dir, now: FIXED_NOW });
    // The save lands between the new name's link and the old name's removal, as an editor or a sync
    // saves: a temporary file renamed over the post.
    const racing: LinkFile = async (from, to) => {
      await link(from, to);
      await writeFile(path.join(folder.dir, 'a.md.tmp'), 'saved meanwhile\n');
      await fsRename(path.join(folder.dir, 'a.md.tmp'), from);
    };
    const doc = valueOf(await renamePost(store.root, { id: 'a.md', newId: 'b.md' }, (id) => store.read(id), racing));
    expect(doc.id).toBe('b.md');
    expect(await allFiles(folder.dir)).toEqual(['b.md']);
    expect(await readFile(path.join(folder.dir, 'b.md'), 'utf8')).toBe('saved meanwhile\n');
  });
});

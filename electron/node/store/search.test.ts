// The searcher reuses what it read while files are unchanged, and follows the folder as it changes.
import { rename, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VALIDATORS } from '../../../shared/api/validate';
import { createSearcher, excerpt, LEAD_IN } from './search';
import { seedPost, tempFolderPerTest, valueOf, writeFiles } from './testing';

const folder = tempFolderPerTest('postwright-search-');

function searcher() {
  return createSearcher({ root: folder.dir, maxFileBytes: 1_000_000 });
}

describe('createSearcher', () => {
  it('forgets deleted posts and finds renamed ones under their new id', async () => {
    await writeFiles(folder.dir, {
      'a.md': seedPost('a', '2024-01-01', 'First', '\nalpha beta\n'),
      'sub/b.md': seedPost('b', '2024-02-01', 'Second', '\nalpha gamma\n'),
    });
    const search = searcher();
    expect(valueOf(await search('alpha')).map((hit) => hit.id)).toEqual(['sub/b.md', 'a.md']);
    await rm(path.join(folder.dir, 'a.md'));
    await rename(path.join(folder.dir, 'sub/b.md'), path.join(folder.dir, 'c.md'));
    expect(valueOf(await search('alpha')).map((hit) => hit.id)).toEqual(['c.md']);
  });

  it('searches a post reached through a symbolic link, and sees its target change', async () => {
    await writeFiles(folder.dir, { 'real.md': seedPost('r', '2024-01-01', 'Real', '\nlinked words\n') });
    await symlink(path.join(folder.dir, 'real.md'), path.join(folder.dir, 'link.md'));
    const search = searcher();
    expect(valueOf(await search('linked')).map((hit) => hit.id)).toEqual(['link.md', 'real.md']);
    await writeFile(path.join(folder.dir, 'real.md'), seedPost('r', '2024-01-01', 'Real', '\nother text, longer\n'));
    expect(valueOf(await search('linked'))).toEqual([]);
  });

  it('needs every word somewhere in the title or body, ranks title matches first, and shows the first matching lines', async () => {
    const lines = ['', 'Nothing here.', 'The river bends.', 'More river, more river.', 'a river', 'river again', ''];
    await writeFiles(folder.dir, {
      'body.md': seedPost('b', '2024-03-01', 'Notes', lines.join('\n')),
      'title.md': seedPost('t', '2024-01-01', 'River notes', '\nSpring came late.\n'),
      'half.md': seedPost('h', '2024-05-01', 'Spring', '\nOnly one of the words.\n'),
      'newest.md': seedPost('n', '2024-06-01', 'Other', '\nriver notes\n'),
    });
    const hits = valueOf(await searcher()('RIVER notes'));
    // Title matches first (newest first among them), then the newest body-only match.
    expect(hits.map((hit) => hit.id)).toEqual(['body.md', 'title.md', 'newest.md']);
    const body = hits[0];
    expect(body?.titleRanges).toEqual([[0, 5]]);
    // Body lines are numbered from the body's first line; at most three are shown.
    expect(body?.lines.map((line) => [line.line, line.text, line.ranges])).toEqual([
      [3, 'The river bends.', [[4, 9]]],
      [
        4,
        'More river, more river.',
        [
          [5, 10],
          [17, 22],
        ],
      ],
      [5, 'a river', [[2, 7]]],
    ]);
    expect(valueOf(await searcher()('river spring')).map((hit) => hit.id)).toEqual(['title.md']);
  });

  it('searches only the posts it is given, so a filtered post is not crowded out by the rest', async () => {
    const files: Record<string, string> = {};
    // Sixty newer posts with the word, and an old draft with it too.
    for (let i = 0; i < 60; i++)
      files[`p${String(i).padStart(2, '0')}.md`] = seedPost('p', '2024-02-01', `Post ${i}`, '\nthe river\n');
    files['draft.md'] = seedPost('d', '2020-01-01', 'Old draft', '\nthe river, unfinished\n');
    await writeFiles(folder.dir, files);
    const search = searcher();
    expect(valueOf(await search('river')).map((hit) => hit.id)).not.toContain('draft.md');
    expect(valueOf(await search('river', ['draft.md', 'p01.md'])).map((hit) => hit.id)).toEqual(['p01.md', 'draft.md']);
    // A post left out by the filter is not forgotten by the cache: the whole folder still answers.
    expect(valueOf(await search('unfinished')).map((hit) => hit.id)).toEqual(['draft.md']);
    expect(VALIDATORS.searchPosts(['river', ['draft.md']]).ok).toBe(true);
    expect(VALIDATORS.searchPosts(['river', ['../outside.md']]).ok).toBe(false);
    expect(VALIDATORS.searchPosts(['river', 'draft.md']).ok).toBe(false);
  });

  it('sees a post rewritten with its old size and modification time put back', async () => {
    const file = path.join(folder.dir, 'a.md');
    const old = new Date('2020-01-01T00:00:00Z');
    await writeFile(file, '---\ntitle: Notes\n---\nthe apple tree\n');
    await utimes(file, old, old);
    const search = searcher();
    expect(valueOf(await search('apple')).map((hit) => hit.id)).toEqual(['a.md']);
    await writeFile(file, '---\ntitle: Notes\n---\nthe lemon tree\n');
    await utimes(file, old, old);
    expect(valueOf(await search('apple'))).toEqual([]);
    expect(valueOf(await search('lemon')).map((hit) => hit.id)).toEqual(['a.md']);
  });

  it('finds words whatever their accents and however the accents are encoded', async () => {
    await writeFiles(folder.dir, {
      'a.md': '---\ntitle: Café culture\n---\nWe met in Zürich.\n',
      // Decomposed, as files saved on macOS often are: `e` then a combining acute accent.
      'b.md': '---\ntitle: Notes\n---\nA cafe\u0301 in Zu\u0308rich.\n',
    });
    const search = searcher();
    for (const query of ['café', 'cafe', 'CAFÉ', 'zurich', 'Zürich']) {
      expect(
        valueOf(await search(query))
          .map((hit) => hit.id)
          .sort(),
        query,
      ).toEqual(['a.md', 'b.md']);
    }
    const [hit] = valueOf(await search('zurich'));
    expect(hit?.lines[0]?.text.slice(...(hit.lines[0]?.ranges[0] ?? [0, 0]))).toBe('Zürich');
  });

  it('gives the same hits from its cache as from a fresh read', async () => {
    await writeFiles(folder.dir, {
      'a.md': seedPost('a', '2024-01-01', 'Garden notes', '\nThe garden in spring.\n'),
      'b.md': '---\ntitle: [not, simple]\n---\n# Heading\ngarden path\n',
    });
    const search = searcher();
    const first = valueOf(await search('garden'));
    expect(first.map((hit) => hit.id).sort()).toEqual(['a.md', 'b.md']);
    expect(valueOf(await search('garden'))).toEqual(first);
    expect(valueOf(await searcher()('garden'))).toEqual(first);
  });
});

describe('excerpt', () => {
  it('leads into a match with a few whole words, so the match shows in a narrow list', () => {
    const line = 'Plain text is the opposite bargain. A Markdown file with a little front matter at the top.';
    const at = line.indexOf('front matter');
    const { text, ranges } = excerpt(line, [[at, at + 'front matter'.length]]);
    expect(text.startsWith('…')).toBe(true);
    const [range] = ranges;
    expect(range).toBeDefined();
    expect(text.slice(range?.[0], range?.[1])).toBe('front matter');
    // A few words before it, from the start of a word.
    expect(range?.[0]).toBeLessThanOrEqual(LEAD_IN + 1);
    expect(text).toBe('…with a little front matter at the top.');
  });

  it('keeps a short line whole when its match is near the start', () => {
    expect(excerpt('The river bends.', [[4, 9]])).toEqual({ text: 'The river bends.', ranges: [[4, 9]] });
  });
});

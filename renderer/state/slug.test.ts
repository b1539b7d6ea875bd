import { describe, expect, it } from 'vitest';
import type { PostSummary } from '../../shared/api/contract';
import { duplicatePath, fileNameFromTitle, pathFromTitle, renamedId } from './slug';

function post(id: string, path: string | null): PostSummary {
  return { id, title: `Title of ${id}`, date: null, sortKey: null, draft: false, path, tags: [], size: 1, mtimeMs: 0 };
}

describe('pathFromTitle', () => {
  it('keeps the prefix and replaces the last segment with the slug, accents folded', () => {
    expect(pathFromTitle('/blog/old-name', 'Crème Brûlée: a Story!')).toBe('/blog/creme-brulee-a-story');
    expect(pathFromTitle('/posts/old/', 'New one')).toBe('/posts/new-one/');
    expect(pathFromTitle('old', 'Fish & Chips')).toBe('fish-and-chips');
    expect(pathFromTitle('/', 'Home')).toBe('/home');
  });
});

describe('duplicatePath', () => {
  const posts = [post('a.md', '/blog/a'), post('b.md', '/blog/B/'), post('c.md', null)];
  it('finds another post with the same path, ignoring case and a trailing slash', () => {
    expect(duplicatePath(posts, 'c.md', '/blog/b')?.id).toBe('b.md');
    expect(duplicatePath(posts, 'c.md', ' /blog/a/ ')?.id).toBe('a.md');
  });
  it('never flags the post itself, an empty path or a new path', () => {
    expect(duplicatePath(posts, 'a.md', '/blog/a')).toBeNull();
    expect(duplicatePath(posts, 'c.md', '')).toBeNull();
    expect(duplicatePath(posts, 'c.md', '/blog/new')).toBeNull();
  });
});

describe('file names', () => {
  it('derives a file name from the title, keeping the extension and folder', () => {
    expect(fileNameFromTitle('notes/old.markdown', 'Été à Paris')).toBe('ete-a-paris.markdown');
    expect(fileNameFromTitle('old.md', '???')).toBe('untitled.md');
    // Titles in other scripts keep their letters (before, each of these was "untitled").
    expect(fileNameFromTitle('old.md', '日本語の記事')).toBe('日本語の記事.md');
    expect(fileNameFromTitle('old.md', 'Мой первый пост!')).toBe('мой-первый-пост.md');
    expect(fileNameFromTitle('old.md', 'Straße & Café')).toBe('straße-and-cafe.md');
    expect(fileNameFromTitle('old.md', 'مرحبا بالعالم')).toBe('مرحبا-بالعالم.md');
    expect(fileNameFromTitle('old.md', '🙂🙂')).toBe('untitled.md');
    expect(renamedId('notes/old.md', 'new.md')).toBe('notes/new.md');
    expect(renamedId('old.md', 'new.md')).toBe('new.md');
  });
});

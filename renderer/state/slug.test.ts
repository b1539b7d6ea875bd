import { describe, expect, it } from 'vitest';
import type { PostSummary } from '../../shared/api/contract';
import { summaryFor } from '../../shared/api/testing';
import { duplicatePath, fileNameFromTitle, pathFromTitle, renamedId } from './slug';

function post(id: string, path: string | null): PostSummary {
  return summaryFor(id, { title: `Title of ${id}`, path });
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

describe('the file name suggested for a Jekyll post', () => {
  it('keeps the date its name starts with, without which Jekyll would not publish it', () => {
    expect(fileNameFromTitle('_posts/2024-01-05-old-title.md', 'New Title')).toBe('2024-01-05-new-title.md');
    expect(fileNameFromTitle('_posts/2024-01-05-old.markdown', '???')).toBe('2024-01-05-untitled.markdown');
    expect(fileNameFromTitle('notes/2024-plans.md', 'Plans')).toBe('plans.md');
    // A long title in Japanese still makes a name the disk takes, date and extension included.
    const long = fileNameFromTitle('_posts/2024-01-05-x.markdown', '長い'.repeat(60));
    expect(long).toMatch(/^2024-01-05-長い.*\.markdown$/);
    expect(new TextEncoder().encode(long).length).toBeLessThanOrEqual(255);
  });
});

describe('the file name suggested for a title that is a Windows device name', () => {
  it('is one the rename takes, as a new post of that title is named', () => {
    expect(fileNameFromTitle('old.md', 'CON')).toBe('con-2.md');
    expect(fileNameFromTitle('_posts/2024-01-05-old.md', 'Aux')).toBe('2024-01-05-aux.md');
    expect(fileNameFromTitle('old.md', 'Console')).toBe('console.md');
  });
});

describe('a path generated from a title without a letter or digit', () => {
  it('never empties the last segment into the section’s own page (`/blog/`) or a double slash', () => {
    expect(pathFromTitle('/blog/old', '🎉🎉')).toBe('/blog/untitled');
    expect(pathFromTitle('/blog/old/', '!!!')).toBe('/blog/untitled/');
    expect(pathFromTitle('old', '…')).toBe('untitled');
  });
});

/**
 * The post list: every Markdown file summarised from its front matter, newest first. A file
 * that cannot be read is still listed, with the reason in `problem`, so nothing disappears.
 */
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import type { PostSummary } from '../../../shared/api/contract';
import { decodePost, summarizePost } from '../frontmatter/index';
import type { IndexCache } from './index-cache';
import { readLimited } from './io';
import { mapLimit } from './limit';
import { locatePost } from './paths';
import { walkPosts } from './walk';

/** How many posts are read at once while listing. */
export const LIST_CONCURRENCY = 16;

const BUNDLE_INDEX = /^(index|_index|readme)\.(md|markdown)$/i;

/** Whether a post id names the index file of a page bundle (`hello/index.md`). */
export function isBundleIndex(id: string): boolean {
  return id.includes('/') && BUNDLE_INDEX.test(path.posix.basename(id));
}

/** The title shown when the front matter has none: the bundle folder humanised, else the file name. */
export function fallbackTitle(id: string): string {
  const base = path.posix.basename(id);
  if (isBundleIndex(id)) return humanise(path.posix.basename(path.posix.dirname(id)));
  return base.replace(/\.(md|markdown)$/i, '');
}

function humanise(name: string): string {
  const words = name.replace(/[-_]+/g, ' ').trim();
  return words.length === 0 ? name : words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Every post below `root`, summarised and sorted newest first. Throws if `root` is unreadable.
 * With a `cache`, files whose size and modification time are unchanged are not read again.
 */
export async function listPosts(root: string, maxFileBytes: number, cache?: IndexCache): Promise<PostSummary[]> {
  const ids = await walkPosts(root);
  const summaries = await mapLimit(ids, LIST_CONCURRENCY, async (id) => {
    const known = cache === undefined ? undefined : await remembered(root, id, cache);
    if (known !== undefined) return known;
    const summary = await summarise(root, id, maxFileBytes);
    if (summary.readable) cache?.set(summary.post);
    return summary.post;
  });
  if (cache !== undefined) {
    cache.retain(new Set(ids));
    await cache.flush();
  }
  return summaries.sort(compareSummaries);
}

/**
 * The cached summary of a plain file, checked with one `lstat`: the walk never enters linked
 * folders and `root` is real, so a regular file with an ASCII id is its own real path. Links and
 * other names take the full path through locatePost.
 */
async function remembered(root: string, id: string, cache: IndexCache): Promise<PostSummary | undefined> {
  if (!/^[\x20-\x7e]*$/.test(id)) return undefined;
  try {
    const stats = await lstat(path.join(root, ...id.split('/')));
    return stats.isFile() ? cache.get(id, stats.size, stats.mtimeMs) : undefined;
  } catch {
    return undefined;
  }
}

async function summarise(
  root: string,
  id: string,
  maxFileBytes: number,
): Promise<{ post: PostSummary; readable: boolean }> {
  const unreadable = (problem: string, size = 0, mtimeMs = 0) => ({
    post: { ...emptySummary(id), problem, size, mtimeMs },
    readable: false,
  });
  const location = await locatePost(root, id);
  if (!location.ok) return unreadable(location.error.message, ...(await linkStats(root, id)));
  const read = await readLimited(location.value.real, maxFileBytes, 'read this post');
  if (!read.ok) return unreadable(read.error.message, ...(await linkStats(root, id)));
  const { bytes, stats } = read.value;
  const summary = summarizePost(decodePost(bytes).text);
  const title = summary.title?.trim() ?? '';
  const result: PostSummary = {
    id,
    title: title.length > 0 ? title : fallbackTitle(id),
    date: summary.date,
    sortKey: summary.sortKey,
    draft: summary.draft,
    path: summary.path,
    tags: summary.tags,
    size: stats.size,
    mtimeMs: stats.mtimeMs,
  };
  if (summary.problem !== undefined) result.problem = summary.problem;
  if (summary.fields !== undefined) result.fields = summary.fields;
  if (summary.fieldDates !== undefined) result.fieldDates = summary.fieldDates;
  // Only the stats of the real file read: a link's own stats would not change with its target.
  return { post: result, readable: !location.value.isLink };
}

function emptySummary(id: string): PostSummary {
  return {
    id,
    title: fallbackTitle(id),
    date: null,
    sortKey: null,
    draft: false,
    path: null,
    tags: [],
    size: 0,
    mtimeMs: 0,
  };
}

async function linkStats(root: string, id: string): Promise<[number, number]> {
  try {
    const stats = await lstat(path.resolve(root, ...id.split('/')));
    return [stats.size, stats.mtimeMs];
  } catch {
    return [0, 0];
  }
}

/** Newest first by sort key; undated posts after, by title, then by id so the order is stable. */
export function compareSummaries(a: PostSummary, b: PostSummary): number {
  if (a.sortKey !== null && b.sortKey !== null && a.sortKey !== b.sortKey) return a.sortKey < b.sortKey ? 1 : -1;
  if (a.sortKey === null && b.sortKey !== null) return 1;
  if (a.sortKey !== null && b.sortKey === null) return -1;
  const byTitle = a.title.localeCompare(b.title, undefined, { sensitivity: 'base', numeric: true });
  if (byTitle !== 0) return byTitle;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

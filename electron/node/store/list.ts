/**
 * The post list: every Markdown file summarised from its front matter, newest first. A file
 * that cannot be read is still listed, with the reason in `problem`, so nothing disappears.
 */
import { lstatSync } from 'node:fs';
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import type { PostSummary } from '../../../shared/api/contract';
import { inDraftsFolder } from '../../../shared/api/drafts';
import { dateSortKey, fileNameDate, fileNameSlug } from '../../../shared/markdown/sortDate';
import { decodePost, summarizePost } from '../frontmatter/index';
import type { IndexCache } from './index-cache';
import { readLimited, readPlainSync, type FileBytes } from './io';
import { mapLimit, timeSlices } from './limit';
import { quickParse } from './quick-yaml';
import { locatePost } from './paths';
import { directPath, walkPostFiles, type PostFile } from './walk';

/** How many posts are read at once while listing. */
export const LIST_CONCURRENCY = 16;

const BUNDLE_INDEX = /^(index|_index|readme)\.(md|markdown)$/i;

/** Whether a post id names the index file of a page bundle (`hello/index.md`). */
export function isBundleIndex(id: string): boolean {
  return id.includes('/') && BUNDLE_INDEX.test(path.posix.basename(id));
}

/**
 * The title shown when the front matter has none: the bundle folder humanised, the slug of a dated
 * name humanised (`2019-01-01-hello-world.md`: "Hello world", as Jekyll titles it), else the file name.
 */
export function fallbackTitle(id: string): string {
  const base = path.posix.basename(id);
  if (isBundleIndex(id)) return humanise(path.posix.basename(path.posix.dirname(id)));
  const slug = fileNameSlug(id);
  if (slug !== null) return humanise(slug);
  return base.replace(/\.(md|markdown)$/i, '');
}

/**
 * The date a post is listed by: its front matter's, else (none written at all) the one its file
 * name starts with, by which Jekyll and Hexo date it.
 */
export function listedDate(
  id: string,
  date: string | null,
  sortKey: string | null,
): { date: string | null; sortKey: string | null } {
  if (date !== null) return { date, sortKey };
  const named = fileNameDate(id);
  return named === null ? { date, sortKey } : { date: named, sortKey: dateSortKey(named) };
}

/**
 * A post's date and draft state as the list reads them, and the site export after it: a Jekyll or
 * Hexo file name dates a post whose front matter does not, and a post in `_drafts/` is a draft.
 */
export function asListed(
  id: string,
  read: { date: string | null; sortKey: string | null; draft: boolean },
): { date: string | null; sortKey: string | null; draft: boolean } {
  return { ...listedDate(id, read.date, read.sortKey), draft: read.draft || inDraftsFolder(id) };
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
  const [, files] = await Promise.all([cache?.load(), walkPostFiles(root)]);
  const direct = await summariseDirect(root, files, maxFileBytes, cache);
  const work = files.map((file, index) => ({ file, done: direct[index] }));
  const summaries = await mapLimit(work, LIST_CONCURRENCY, async ({ file, done }) => {
    if (done !== undefined) return done;
    const summary = await summarise(root, file, maxFileBytes);
    if (summary.ctimeMs !== undefined) cache?.set(summary.post, summary.ctimeMs);
    // Read in full at every listing, and remembered only so that a remembered list has it too.
    else cache?.show(summary.post);
    return summary.post;
  });
  if (cache !== undefined) {
    cache.retain(new Set(files.map((file) => file.id)));
    // The answer does not wait for the index file: it only speeds up the next start (and a folder
    // whose data folder cannot be written is still listed). It is written once the answer is on its way.
    cache.flush().catch(() => undefined);
  }
  return summaries.sort(compareSummaries);
}

/** The index's summary of a plain file whose size, modification time and ctime have not changed (one `lstat`). */
function fromIndex(id: string, abs: string, cache: IndexCache): PostSummary | undefined {
  try {
    const stats = lstatSync(abs);
    return stats.isFile() ? cache.get(id, stats.size, stats.mtimeMs, stats.ctimeMs) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The summaries of the plain files, from the index when their size and modification time are
 * unchanged, else read and summarised; undefined for what must take the full path (links, refused
 * names, anything that failed: summarise() says why). Synchronous calls in time slices: for
 * 10,000 posts several times cheaper than as many promises (which cost more than the reading
 * itself), and the event loop still turns every few milliseconds. On a cold disk the reads queue
 * one by one, a cost the index then spares every later opening.
 */
async function summariseDirect(
  root: string,
  files: PostFile[],
  maxFileBytes: number,
  cache: IndexCache | undefined,
): Promise<(PostSummary | undefined)[]> {
  const done: (PostSummary | undefined)[] = [];
  const slices = timeSlices();
  for (const file of files) {
    if (slices.due()) await slices.pause();
    const abs = directPath(root, file);
    done.push(abs === null ? undefined : summaryFromDisk(file.id, abs, maxFileBytes, cache));
  }
  return done;
}

function summaryFromDisk(
  id: string,
  abs: string,
  maxFileBytes: number,
  cache: IndexCache | undefined,
): PostSummary | undefined {
  // Nothing remembered (a first listing): the open file's own stats are enough, no `lstat` first.
  const remembered = cache?.has(id) === true ? fromIndex(id, abs, cache) : undefined;
  if (remembered !== undefined) return remembered;
  const read = readPlainSync(abs, maxFileBytes);
  if (read === undefined) return undefined;
  const summary = summaryOf(id, read);
  cache?.set(summary, read.stats.ctimeMs);
  return summary;
}

async function summarise(
  root: string,
  file: PostFile,
  maxFileBytes: number,
): Promise<{ post: PostSummary; ctimeMs?: number }> {
  const { id } = file;
  const direct = directPath(root, file);
  if (direct !== null) {
    const read = await readLimited(direct, maxFileBytes, 'read this post');
    if (read.ok) return { post: summaryOf(id, read.value), ctimeMs: read.value.stats.ctimeMs };
  }
  // Links, refused names and failed reads: the full checks, for their reasons (never remembered).
  const unreadable = (problem: string, size = 0, mtimeMs = 0) => ({
    post: { ...emptySummary(id), problem, size, mtimeMs },
  });
  const location = await locatePost(root, id);
  if (!location.ok) return unreadable(location.error.message, ...(await linkStats(root, id)));
  const read = await readLimited(location.value.real, maxFileBytes, 'read this post');
  if (!read.ok) return unreadable(read.error.message, ...(await linkStats(root, id)));
  // Only the stats of the real file read: a link's own stats would not change with its target.
  const post = summaryOf(id, read.value);
  return location.value.isLink ? { post } : { post, ctimeMs: read.value.stats.ctimeMs };
}

const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The text a summary (or the search) is made from. Without a byte-order mark it is what decodePost gives (which
 * also proves the bytes round-trip, for editing; a list does not need that, and skipping it was a
 * third of the cost of listing a large folder).
 */
export function textOf(bytes: Uint8Array): string {
  const first = bytes[0];
  return first === 0xef || first === 0xff || first === 0xfe ? decodePost(bytes).text : UTF8.decode(bytes);
}

function summaryOf(id: string, { bytes, stats }: FileBytes): PostSummary {
  const summary = summarizePost(textOf(bytes), quickParse);
  const title = summary.title?.trim() ?? '';
  const result: PostSummary = {
    id,
    title: title.length > 0 ? title : fallbackTitle(id),
    ...asListed(id, summary),
    path: summary.path,
    tags: summary.tags,
    size: stats.size,
    mtimeMs: stats.mtimeMs,
  };
  if (summary.problem !== undefined) result.problem = summary.problem;
  if (summary.fields !== undefined) result.fields = summary.fields;
  if (summary.fieldDates !== undefined) result.fieldDates = summary.fieldDates;
  return result;
}

function emptySummary(id: string): PostSummary {
  return {
    id,
    title: fallbackTitle(id),
    ...asListed(id, { date: null, sortKey: null, draft: false }),
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

/** As `localeCompare` with these options, without building a collator per comparison (sorting 10,000 posts). */
const TITLE_ORDER = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Newest first by sort key; undated posts after, by title, then by id so the order is stable. */
export function compareSummaries(a: PostSummary, b: PostSummary): number {
  if (a.sortKey !== null && b.sortKey !== null && a.sortKey !== b.sortKey) return a.sortKey < b.sortKey ? 1 : -1;
  if (a.sortKey === null && b.sortKey !== null) return 1;
  if (a.sortKey !== null && b.sortKey === null) return -1;
  const byTitle = TITLE_ORDER.compare(a.title, b.title);
  if (byTitle !== 0) return byTitle;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

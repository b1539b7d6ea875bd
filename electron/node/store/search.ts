/**
 * Full-text search over the titles and bodies of every post. Posts are read once and kept while
 * their size, modification time and ctime stay the same, so typing a query does not re-read the blog.
 */
import { lstatSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { ok, type Result, type SearchHit } from '../../../shared/api/contract';
import { queryWordPatterns } from '../../../shared/search/fold';
import { summarizePost } from '../frontmatter/index';
import type { StoreContext } from './context';
import { ioFailure } from './errors';
import { readLimited, readPlainSync, type FileBytes } from './io';
import { mapLimit, timeSlices } from './limit';
import { fallbackTitle, listedDate, textOf } from './list';
import { locatePost } from './paths';
import { quickParse } from './quick-yaml';
import { directPath, walkPostFiles, type PostFile } from './walk';

/** Most posts one search returns. */
export const MAX_HITS = 50;
/** Most matching lines shown per post. */
export const MAX_LINES_PER_HIT = 3;
/** Longest excerpt of a matching line, in characters. */
export const EXCERPT_LENGTH = 160;

interface Indexed {
  mtimeMs: number;
  size: number;
  /** The file's status-change time: a rewrite whose size and mtime were put back still changes it. */
  ctimeMs: number;
  title: string;
  sortKey: string | null;
  /** The post's body; split into lines only for the hits shown. */
  body: string;
}

/** A searcher over one posts folder, with its own cache. */
export type Searcher = (query: string, within?: readonly string[]) => Promise<Result<SearchHit[]>>;

/** Creates a searcher whose cache lives as long as it does. */
export function createSearcher(ctx: Pick<StoreContext, 'root' | 'maxFileBytes'>, maxHits = MAX_HITS): Searcher {
  const cache = new Map<string, Indexed>();
  return async (query, within) => {
    const patterns = queryPatterns(query);
    if (patterns.length === 0) return ok([]);
    let files: PostFile[];
    try {
      files = await walkPostFiles(ctx.root);
    } catch (error) {
      return ioFailure(error, 'read the posts folder');
    }
    const all = files;
    if (within !== undefined) {
      const only = new Set(within);
      files = files.filter((file) => only.has(file.id));
    }
    const direct = await indexDirect(ctx, cache, files);
    const work = files.map((file, index) => ({ file, known: direct[index] }));
    const entries = await mapLimit(work, 16, ({ file, known }) =>
      known === undefined ? indexed(ctx, cache, file) : Promise.resolve(known),
    );
    // What the cache may forget: posts gone from the folder (not those a filter left out).
    const present = new Set(all.map((file) => file.id));
    for (const id of [...cache.keys()]) if (!present.has(id)) cache.delete(id);
    const found: Found[] = [];
    entries.forEach((entry, index) => {
      const id = files[index]?.id;
      if (entry === null || id === undefined) return;
      const inTitle = matchesAll(entry, patterns);
      if (inTitle !== null) found.push({ id, entry, inTitle });
    });
    found.sort(rank);
    // Only the hits returned are cut into lines and excerpts (a common word matches every post).
    return ok(found.slice(0, maxHits).map(({ id, entry }) => hitOf(id, entry, patterns)));
  };
}

interface Found {
  id: string;
  entry: Indexed;
  inTitle: boolean;
}

/** Title matches first, then newest first. */
function rank(a: Found, b: Found): number {
  const byTitle = Number(b.inTitle) - Number(a.inTitle);
  if (byTitle !== 0) return byTitle;
  return (b.entry.sortKey ?? '').localeCompare(a.entry.sortKey ?? '');
}

/**
 * The entries of plain files: cached ones whose size and modification time are unchanged (one
 * `lstat`), the others read and indexed, synchronously in time slices as the listing reads
 * (10,000 promises cost more than the reads: a first search of 10,000 posts took ~2.8 s of CPU).
 * Undefined for what takes the full path (links, refused names, failed reads).
 */
async function indexDirect(
  ctx: Pick<StoreContext, 'root' | 'maxFileBytes'>,
  cache: Map<string, Indexed>,
  files: PostFile[],
): Promise<(Indexed | undefined)[]> {
  const found: (Indexed | undefined)[] = [];
  const slices = timeSlices();
  for (const file of files) {
    if (slices.due()) await slices.pause();
    const abs = directPath(ctx.root, file);
    if (abs === null) {
      found.push(undefined);
      continue;
    }
    const cached = cache.get(file.id);
    const known = cached === undefined ? undefined : unchanged(abs, cached);
    found.push(known ?? readDirect(ctx, cache, file.id, abs));
  }
  return found;
}

function readDirect(
  ctx: Pick<StoreContext, 'maxFileBytes'>,
  cache: Map<string, Indexed>,
  id: string,
  abs: string,
): Indexed | undefined {
  const read = readPlainSync(abs, ctx.maxFileBytes);
  return read === undefined ? undefined : remember(cache, id, read);
}

function sameFile(stats: Pick<Indexed, 'mtimeMs' | 'size' | 'ctimeMs'>, cached: Indexed): boolean {
  return stats.mtimeMs === cached.mtimeMs && stats.size === cached.size && stats.ctimeMs === cached.ctimeMs;
}

function unchanged(abs: string, cached: Indexed): Indexed | undefined {
  try {
    const stats = lstatSync(abs);
    return stats.isFile() && sameFile(stats, cached) ? cached : undefined;
  } catch {
    return undefined;
  }
}

async function indexed(
  ctx: Pick<StoreContext, 'root' | 'maxFileBytes'>,
  cache: Map<string, Indexed>,
  file: PostFile,
): Promise<Indexed | null> {
  const { id } = file;
  let real = directPath(ctx.root, file);
  if (real === null) {
    const location = await locatePost(ctx.root, id);
    if (!location.ok) return null;
    real = location.value.real;
    try {
      const stats = await stat(real);
      const cached = cache.get(id);
      if (cached !== undefined && sameFile(stats, cached)) return cached;
    } catch {
      // Gone between the walk and now: it simply is not found.
      return null;
    }
  }
  // Read without following a final link (a plain file swapped for a link since the walk is refused).
  const read = await readLimited(real, ctx.maxFileBytes, 'read this post');
  return read.ok ? remember(cache, id, read.value) : null;
}

function remember(cache: Map<string, Indexed>, id: string, { bytes, stats }: FileBytes): Indexed {
  const text = textOf(bytes);
  const parsed = quickParse(text);
  const facts = summarizePost(text, () => parsed);
  const title = facts.title?.trim() ?? '';
  const entry: Indexed = {
    mtimeMs: stats.mtimeMs,
    size: stats.size,
    ctimeMs: stats.ctimeMs,
    title: title === '' ? fallbackTitle(id) : title,
    sortKey: listedDate(id, facts.date, facts.sortKey).sortKey,
    body: parsed.body,
  };
  cache.set(id, entry);
  return entry;
}

/**
 * One pattern per word of the query (at most ten), blind to case and accents however they are
 * encoded (shared/search/fold.ts): `cafe` finds `Café`, `café` finds a decomposed `café`.
 */
export function queryPatterns(query: string): RegExp[] {
  return queryWordPatterns(query, 10);
}

/** The [start, end) ranges where any pattern matches `text`, sorted and merged. */
export function matchRanges(text: string, patterns: readonly RegExp[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) ranges.push([match.index, match.index + match[0].length]);
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last !== undefined && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/**
 * Whether every word of the query occurs in the post's title or body: null when not, else whether
 * any occurs in the title. A word has no whitespace, so a match never spans lines: the body is
 * tested whole, not line by line.
 */
export function matchesAll(entry: Pick<Indexed, 'title' | 'body'>, patterns: readonly RegExp[]): boolean | null {
  let inTitle = false;
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    if (pattern.test(entry.title)) {
      inTitle = true;
      continue;
    }
    pattern.lastIndex = 0;
    if (!pattern.test(entry.body)) return null;
  }
  return inTitle;
}

/** The hit for a post that matches: its title's matches and its first matching lines. */
export function hitOf(id: string, entry: Pick<Indexed, 'title' | 'body'>, patterns: readonly RegExp[]): SearchHit {
  const lines: SearchHit['lines'] = [];
  for (const [index, line] of entry.body.split('\n').entries()) {
    if (lines.length >= MAX_LINES_PER_HIT) break;
    const ranges = matchRanges(line, patterns);
    if (ranges.length > 0) lines.push({ line: index + 1, ...excerpt(line, ranges) });
  }
  return { id, title: entry.title, titleRanges: matchRanges(entry.title, patterns), lines };
}

/**
 * At most this many characters lead into a line's first match: the results show one line of a
 * narrow sidebar, and a longer lead-in pushed the match itself out of sight.
 */
export const LEAD_IN = 18;

/**
 * A window of a line around its first match, with the ranges shifted into it: a few words before
 * the match (starting at a word), then as much as fits.
 */
export function excerpt(line: string, ranges: [number, number][]): { text: string; ranges: [number, number][] } {
  const first = ranges[0];
  if (first === undefined || (first[0] <= LEAD_IN && line.length <= EXCERPT_LENGTH)) return { text: line, ranges };
  let start = Math.max(0, first[0] - LEAD_IN);
  // From the start of a word, when one begins within the lead-in.
  const space = line.slice(start, first[0]).search(/\s\S/);
  if (start > 0 && space >= 0) start += space + 1;
  // Never cut a surrogate pair in half.
  if (start > 0 && isLowSurrogate(line, start)) start -= 1;
  let end = Math.min(line.length, start + EXCERPT_LENGTH);
  if (end < line.length && isLowSurrogate(line, end)) end += 1;
  const prefix = start > 0 ? '…' : '';
  const suffix = end < line.length ? '…' : '';
  const shift = prefix.length - start;
  const kept = ranges
    .filter(([s]) => s >= start && s < end)
    .map(([s, e]): [number, number] => [s + shift, Math.min(e, end) + shift]);
  return { text: prefix + line.slice(start, end) + suffix, ranges: kept };
}

function isLowSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff;
}

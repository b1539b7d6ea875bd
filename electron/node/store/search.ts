/**
 * Full-text search over the titles and bodies of every post. Posts are read once and kept while
 * their size and modification time stay the same, so typing a query does not re-read the blog.
 */
import { lstatSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ok, type Result, type SearchHit } from '../../../shared/api/contract';
import { idProblem } from '../../../shared/api/ids';
import { decodePost, summarizePost } from '../frontmatter/index';
import type { StoreContext } from './context';
import { ioFailure } from './errors';
import { readLimited } from './io';
import { mapLimit } from './limit';
import { fallbackTitle } from './list';
import { locatePost } from './paths';
import { quickParse } from './quick-yaml';
import { walkPostFiles, type PostFile } from './walk';

/** Most posts one search returns. */
export const MAX_HITS = 50;
/** Most matching lines shown per post. */
export const MAX_LINES_PER_HIT = 3;
/** Longest excerpt of a matching line, in characters. */
export const EXCERPT_LENGTH = 160;

interface Indexed {
  mtimeMs: number;
  size: number;
  title: string;
  sortKey: string | null;
  lines: string[];
}

/** A searcher over one posts folder, with its own cache. */
export type Searcher = (query: string) => Promise<Result<SearchHit[]>>;

/** Creates a searcher whose cache lives as long as it does. */
export function createSearcher(ctx: Pick<StoreContext, 'root' | 'maxFileBytes'>, maxHits = MAX_HITS): Searcher {
  const cache = new Map<string, Indexed>();
  return async (query) => {
    const patterns = queryPatterns(query);
    if (patterns.length === 0) return ok([]);
    let files: PostFile[];
    try {
      files = await walkPostFiles(ctx.root);
    } catch (error) {
      return ioFailure(error, 'read the posts folder');
    }
    const remembered = await fromCache(ctx.root, cache, files);
    const work = files.map((file, index) => ({ file, known: remembered[index] }));
    const entries = await mapLimit(work, 16, ({ file, known }) =>
      known === undefined ? indexed(ctx, cache, file) : Promise.resolve(known),
    );
    const present = new Set(files.map((file) => file.id));
    for (const id of [...cache.keys()]) if (!present.has(id)) cache.delete(id);
    const hits: { hit: SearchHit; sortKey: string | null }[] = [];
    entries.forEach((entry, index) => {
      const id = files[index]?.id;
      if (entry === null || id === undefined) return;
      const hit = matchPost(id, entry, patterns);
      if (hit !== null) hits.push({ hit, sortKey: entry.sortKey });
    });
    hits.sort(rank);
    return ok(hits.slice(0, maxHits).map(({ hit }) => hit));
  };
}

/** Title matches first, then newest first. */
function rank(a: { hit: SearchHit; sortKey: string | null }, b: { hit: SearchHit; sortKey: string | null }): number {
  const byTitle = Number(b.hit.titleRanges.length > 0) - Number(a.hit.titleRanges.length > 0);
  if (byTitle !== 0) return byTitle;
  return (b.sortKey ?? '').localeCompare(a.sortKey ?? '');
}

/** A plain file's own path (as the listing reads it), or null for links and refused names. */
function directPath(root: string, file: PostFile): string | null {
  return file.link || idProblem(file.id) !== null ? null : path.join(root, ...file.rel.split('/'));
}

/** How long the cache check may hold the event loop before letting other work run, in ms. */
const SLICE_MS = 8;

/**
 * The cached entries of plain files whose size and modification time are unchanged, one
 * synchronous `lstat` each in time slices (10,000 promises cost more than the checks).
 */
async function fromCache(
  root: string,
  cache: Map<string, Indexed>,
  files: PostFile[],
): Promise<(Indexed | undefined)[]> {
  const found: (Indexed | undefined)[] = [];
  let slice = performance.now();
  for (const file of files) {
    if (performance.now() - slice > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      slice = performance.now();
    }
    const cached = cache.get(file.id);
    const abs = cached === undefined ? null : directPath(root, file);
    found.push(abs === null || cached === undefined ? undefined : unchanged(abs, cached));
  }
  return found;
}

function unchanged(abs: string, cached: Indexed): Indexed | undefined {
  try {
    const stats = lstatSync(abs);
    return stats.isFile() && stats.mtimeMs === cached.mtimeMs && stats.size === cached.size ? cached : undefined;
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
      if (cached !== undefined && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) return cached;
    } catch {
      // Gone between the walk and now: it simply is not found.
      return null;
    }
  }
  // Read without following a final link (a plain file swapped for a link since the walk is refused).
  const read = await readLimited(real, ctx.maxFileBytes, 'read this post');
  if (!read.ok) return null;
  const text = decodePost(read.value.bytes).text;
  const parsed = quickParse(text);
  const facts = summarizePost(text, () => parsed);
  const title = facts.title?.trim() ?? '';
  const entry: Indexed = {
    mtimeMs: read.value.stats.mtimeMs,
    size: read.value.stats.size,
    title: title === '' ? fallbackTitle(id) : title,
    sortKey: facts.sortKey,
    lines: parsed.body.split('\n'),
  };
  cache.set(id, entry);
  return entry;
}

/** One case-insensitive, Unicode-aware pattern per word of the query. */
export function queryPatterns(query: string): RegExp[] {
  const words = [
    ...new Set(
      query
        .normalize('NFC')
        .split(/\s+/u)
        .filter((word) => word !== ''),
    ),
  ].slice(0, 10);
  return words.map((word) => new RegExp(word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'), 'giu'));
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

/** The hit for one post when every word of the query occurs in its title or body, else null. */
export function matchPost(
  id: string,
  entry: Pick<Indexed, 'title' | 'lines'>,
  patterns: readonly RegExp[],
): SearchHit | null {
  const found = patterns.map((pattern) => {
    pattern.lastIndex = 0;
    return pattern.test(entry.title) || entry.lines.some((line) => ((pattern.lastIndex = 0), pattern.test(line)));
  });
  if (!found.every(Boolean)) return null;
  const lines: SearchHit['lines'] = [];
  for (const [index, line] of entry.lines.entries()) {
    if (lines.length >= MAX_LINES_PER_HIT) break;
    const ranges = matchRanges(line, patterns);
    if (ranges.length > 0) lines.push({ line: index + 1, ...excerpt(line, ranges) });
  }
  return { id, title: entry.title, titleRanges: matchRanges(entry.title, patterns), lines };
}

/** A window of a long line around its first match, with the ranges shifted into it. */
export function excerpt(line: string, ranges: [number, number][]): { text: string; ranges: [number, number][] } {
  const first = ranges[0];
  if (line.length <= EXCERPT_LENGTH || first === undefined) return { text: line, ranges };
  let start = Math.max(0, first[0] - 40);
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

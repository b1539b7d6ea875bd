/**
 * Reading every post of a folder for export: decoded, parsed and summarised. A post whose front
 * matter does not parse is reported with its file and line and left out, never half-exported.
 */
import path from 'node:path';
import { decodePost, summarizePost, type ParsedPost, type PostFacts } from '../frontmatter/index';
import { DEFAULT_MAX_FILE_BYTES } from '../store/context';
import { readLimited, readPlainSync } from '../store/io';
import { timeSlices } from '../store/limit';
import { asListed, fallbackTitle } from '../store/list';
import { locatePost } from '../store/paths';
import { quickParse } from '../store/quick-yaml';
import { directPath, walkPostFiles, type PostFile } from '../store/walk';
import { orderKey } from './dates';

/** One post read for export. */
export interface SourcePost {
  id: string;
  /** The real path of the file. */
  real: string;
  title: string;
  facts: PostFacts;
  parsed: ParsedPost;
  mtimeMs: number;
}

/** The posts that can be exported, and one line for each that cannot. */
export interface Collected {
  posts: SourcePost[];
  problems: string[];
}

/**
 * Reads every Markdown file below `postsRoot` (a real path). Throws if the folder is unreadable.
 * Plain files are read with synchronous calls in time slices, as the listing reads them: a promise
 * per open, stat, read and close cost about twice the reading itself. Anything else (links,
 * refused names, a file that is not plain or changes while read) takes the full path, which
 * also says why it cannot be exported.
 */
export async function collectPosts(postsRoot: string): Promise<Collected> {
  const files = await walkPostFiles(postsRoot);
  const posts: SourcePost[] = [];
  const problems: string[] = [];
  const slices = timeSlices();
  for (const file of files) {
    if (slices.due()) await slices.pause();
    const item = readPlain(postsRoot, file) ?? (await readFound(postsRoot, file));
    if ('problem' in item) problems.push(item.problem);
    else posts.push(item);
  }
  return { posts, problems };
}

/** A plain file found by the walk, read at once as the listing reads it; undefined for anything readFound must handle. */
function readPlain(postsRoot: string, file: PostFile): SourcePost | { problem: string } | undefined {
  const real = directPath(postsRoot, file);
  if (real === null) return undefined;
  const read = readPlainSync(real, DEFAULT_MAX_FILE_BYTES);
  return read === undefined
    ? undefined
    : sourceFromText(file.id, real, decodePost(read.bytes).text, read.stats.mtimeMs);
}

/**
 * The walk never enters linked folders and `postsRoot` is real, so a regular file it found is its
 * own real path, read directly (readLimited refuses a file swapped for a link since), as the
 * listing reads it. Links and refused names take the full path through locatePost.
 */
async function readFound(postsRoot: string, file: PostFile): Promise<SourcePost | { problem: string }> {
  const real = directPath(postsRoot, file);
  if (real === null) return readSource(postsRoot, file.id);
  const read = await readLimited(real, DEFAULT_MAX_FILE_BYTES, 'read this post');
  if (!read.ok) return { problem: `${file.id}: ${read.error.message}` };
  return sourceFromText(file.id, real, decodePost(read.value.bytes).text, read.value.stats.mtimeMs);
}

/** Reads one post for export, or says (with its file and line) why it cannot be exported. */
export async function readSource(postsRoot: string, id: string): Promise<SourcePost | { problem: string }> {
  const location = await locatePost(postsRoot, id);
  if (!location.ok) return { problem: `${id}: ${location.error.message}` };
  const file = await readLimited(location.value.real, DEFAULT_MAX_FILE_BYTES, 'read this post');
  if (!file.ok) return { problem: `${id}: ${file.error.message}` };
  return sourceFromText(id, location.value.real, decodePost(file.value.bytes).text, file.value.stats.mtimeMs);
}

/** A post from its text, or its front-matter error as `file:line: message`. */
export function sourceFromText(
  id: string,
  real: string,
  text: string,
  mtimeMs: number,
): SourcePost | { problem: string } {
  // The listing's quick reader gives what parsePost gives (or is parsePost), parsed once for both uses.
  const parsed: ParsedPost = quickParse(text);
  const error = parsed.frontMatter.error;
  if (error !== undefined) {
    // The error's line counts within the block; a fenced block starts one line into the file.
    const fenced = parsed.frontMatter.format === 'yaml' || parsed.frontMatter.format === 'toml';
    const line = error.line === undefined ? '' : `:${error.line + (fenced ? 1 : 0)}`;
    return { problem: `${id}${line}: the front matter does not parse (${error.message}); the post was not exported` };
  }
  const summary = summarizePost(text, () => parsed);
  // As the post list reads it (../store/list.ts): a Jekyll or Hexo file name dates a post whose front
  // matter does not, and a post in a `_drafts/` folder is a draft, never published by mistake.
  const facts = { ...summary, ...asListed(id, summary) };
  return { id, real, title: facts.title ?? fallbackTitle(id), facts, parsed, mtimeMs };
}

export { textField } from '../../../shared/api/fields';

/** The real folder a post's relative images are resolved against. */
export function folderOf(post: SourcePost): string {
  return path.dirname(post.real);
}

/**
 * Newest first by date (by the instant when the date has an offset: 23:30 at -08:00 is after 01:00
 * at +01:00 the next day); undated posts last; then by title and id, so the order is stable.
 */
export function compareNewestFirst(a: SourcePost, b: SourcePost): number {
  const ka = orderKey(a.facts.date, a.facts.sortKey);
  const kb = orderKey(b.facts.date, b.facts.sortKey);
  if (ka !== null && kb !== null && ka !== kb) return ka < kb ? 1 : -1;
  if ((ka === null) !== (kb === null)) return ka === null ? 1 : -1;
  const byTitle = a.title.localeCompare(b.title, undefined, { sensitivity: 'base', numeric: true });
  return byTitle !== 0 ? byTitle : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

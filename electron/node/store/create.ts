/**
 * Creating a post from a title, shaped like the blog's existing posts: in the folder where most
 * posts live, as `<slug>.md` or as a page bundle `<slug>/index.md`, with a date prefix when the
 * blog names files that way (Jekyll), and front matter in the folder's own style.
 */
import { mkdir, rmdir } from 'node:fs/promises';
import path from 'node:path';
import {
  fail,
  ok,
  type CreateRequest,
  type PostDoc,
  type PostSummary,
  type Result,
} from '../../../shared/api/contract';
import { idProblem, MAX_NAME_BYTES, slugify } from '../../../shared/api/ids';
import { decodePost, encodePost, inferFolderStyle, newPostText } from '../frontmatter/index';
import { localDate, type StoreContext } from './context';
import { docFromBytes } from './doc';
import { errnoCode, ioFailure } from './errors';
import { readLimited, writeFileExclusive } from './io';
import { isBundleIndex, listPosts } from './list';
import { collisionKey, pageFileForPath } from '../export/paths';
import { containedJoin, locatePost } from './paths';

/** How many of the newest posts decide the front-matter style of a new one. */
export const STYLE_SAMPLES = 20;

/** Where and how a new post is named. */
export interface PostShape {
  /** The folder, `/`-separated relative to the posts folder; '' for the posts folder itself. */
  folder: string;
  /** A page bundle `<name>/index.md` rather than `<name>.md`. */
  bundle: boolean;
  /** Names start with the date (`2024-05-01-hello.md`), as Jekyll requires. */
  datePrefix: boolean;
  extension: '.md' | '.markdown';
}

const DATE_PREFIX = /^\d{4}-\d{2}-\d{2}-/;

/** The shape most existing posts share; an empty blog gets `<slug>.md` in the posts folder. */
export function chooseShape(ids: readonly string[]): PostShape {
  const bundles = ids.filter(isBundleIndex);
  const bundle = bundles.length * 2 > ids.length;
  const pool = bundle ? bundles : ids.filter((id) => !isBundleIndex(id));
  const containerOf = (id: string): string => dirOf(bundle ? dirOf(id) : id);
  const folder = mostCommon(pool.map(containerOf)) ?? '';
  const here = pool.filter((id) => containerOf(id) === folder);
  const datePrefix =
    here.filter((id) => DATE_PREFIX.test(path.posix.basename(bundle ? dirOf(id) : id))).length * 2 > here.length;
  const markdown = here.filter((id) => id.toLowerCase().endsWith('.markdown')).length;
  return { folder, bundle, datePrefix, extension: markdown * 2 > here.length ? '.markdown' : '.md' };
}

function dirOf(id: string): string {
  const dir = path.posix.dirname(id);
  return dir === '.' ? '' : dir;
}

/** The most frequent value; ties go to the shallowest, then the first in sort order. */
function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  const depth = (value: string): number => (value === '' ? 0 : value.split('/').length);
  return [...counts.entries()].sort(
    ([a, countA], [b, countB]) => countB - countA || depth(a) - depth(b) || (a < b ? -1 : 1),
  )[0]?.[0];
}

/** Creates a post titled `request.title`, never overwriting an existing file. */
export async function createPost(ctx: StoreContext, request: CreateRequest): Promise<Result<PostDoc>> {
  const title = request.title.trim();
  // eslint-disable-next-line no-control-regex -- a title is one line of text
  if (/[\u0000-\u001f\u007f]/.test(title)) return fail('INVALID_ARGUMENT', 'A title is a single line of text.');
  const titleSlug = slugify(title);
  if (titleSlug === '') return fail('INVALID_ARGUMENT', 'Give the post a title with at least one letter or digit.');
  let posts: PostSummary[];
  try {
    posts = await listPosts(ctx.root, ctx.maxFileBytes);
  } catch (error) {
    return ioFailure(error, 'read the posts folder');
  }
  const date = localDate(ctx.now());
  const style = inferFolderStyle(await newestTexts(ctx, posts));
  const shape = chooseShape(posts.map((post) => post.id));
  const slug = fitSlug(titleSlug, shape);
  const taken = new Set(posts.map((post) => post.id.toLowerCase()));
  // The page a post claims by its `path` must be its own too (two posts on one page stop the site export).
  const pages = new Set(posts.flatMap((post) => (post.path === null ? [] : [pageKey(post.path)])));
  // The second "Weekly notes" is `weekly-notes-2`, in its file name and its path alike.
  const text = (suffix: string): Uint8Array | null => {
    const path = style.pathPrefix === null ? null : style.pathPrefix + slug + suffix + style.pathSuffix;
    if (path !== null && pages.has(pageKey(path))) return null;
    return encodePost(newPostText(style, { title, slug: slug + suffix, date }), { charset: 'utf-8', bom: false });
  };
  const made = await writeUnique(ctx.root, shape, shape.datePrefix ? `${date}-${slug}` : slug, text, taken);
  return made.ok ? ok(docFromBytes(made.value.id, made.value.bytes)) : made;
}

/**
 * `slug` cut (by characters) so that the file or folder name made of it fits in the 255 bytes a name
 * holds on ext4 and APFS, with room for the date prefix, a number (`-1000`) and the extension. A
 * title in Japanese slugs to 240 bytes, which a Jekyll `2024-05-17-….markdown` name overflows.
 */
function fitSlug(slug: string, shape: PostShape): string {
  const room =
    MAX_NAME_BYTES -
    (shape.datePrefix ? 'YYYY-MM-DD-'.length : 0) -
    `-${MAX_ATTEMPTS}`.length -
    (shape.bundle ? 0 : shape.extension.length);
  let kept = '';
  let bytes = 0;
  for (const character of slug) {
    bytes += Buffer.byteLength(character);
    if (bytes > room) break;
    kept += character;
  }
  return kept.replace(/-+$/, '');
}

/**
 * A `path` as the page the site export writes for it (`/blog/x`, `blog/x/`, `/Blog/X` and
 * `/blog/x/index.html` are one page), keyed as the export tells two pages apart; the path itself
 * when the export would refuse it anyway.
 */
function pageKey(urlPath: string): string {
  const file = pageFileForPath(urlPath);
  return file.ok ? collisionKey(file.value) : urlPath.trim();
}

async function newestTexts(ctx: StoreContext, posts: readonly PostSummary[]): Promise<string[]> {
  const texts: string[] = [];
  for (const post of posts) {
    if (texts.length >= STYLE_SAMPLES) break;
    if (post.problem !== undefined) continue;
    const location = await locatePost(ctx.root, post.id);
    if (!location.ok) continue;
    const read = await readLimited(location.value.real, ctx.maxFileBytes, 'read this post');
    if (read.ok) texts.push(decodePost(read.value.bytes).text);
  }
  return texts;
}

const MAX_ATTEMPTS = 1000;

/**
 * Writes the first free name of `base`, `base-2`, `base-3`…, whose text (`text` of its suffix, or
 * null when that suffix's page is taken) it takes.
 */
async function writeUnique(
  root: string,
  shape: PostShape,
  base: string,
  text: (suffix: string) => Uint8Array | null,
  taken: ReadonlySet<string>,
): Promise<Result<{ id: string; bytes: Uint8Array }>> {
  const prefix = shape.folder === '' ? '' : `${shape.folder}/`;
  for (let n = 1; n <= MAX_ATTEMPTS; n++) {
    const suffix = n === 1 ? '' : `-${n}`;
    const name = base + suffix;
    const id = shape.bundle ? `${prefix}${name}/index${shape.extension}` : `${prefix}${name}${shape.extension}`;
    // A title like "CON" slugs to a Windows device name: take the next free name instead.
    if (taken.has(id.toLowerCase()) || idProblem(id) !== null) continue;
    const bytes = text(suffix);
    if (bytes === null) continue;
    const written = await tryWrite(root, id, shape.bundle, bytes);
    if (written === 'taken') continue;
    return written === 'written' ? ok({ id, bytes }) : written;
  }
  return fail('EXISTS', `Could not find a free file name for "${base}".`, 'Rename some of the existing posts.');
}

async function tryWrite(
  root: string,
  id: string,
  bundle: boolean,
  bytes: Uint8Array,
): Promise<'written' | 'taken' | Result<never>> {
  const abs = containedJoin(root, id);
  if (abs === null) return fail('INVALID_ID', 'The new post would land outside the posts folder.');
  const folder = path.dirname(abs);
  try {
    if (bundle) await mkdir(folder);
  } catch (error) {
    return errnoCode(error) === 'EEXIST' ? 'taken' : ioFailure(error, 'create the post folder');
  }
  try {
    await writeFileExclusive(abs, bytes);
    return 'written';
  } catch (error) {
    if (bundle) await rmdir(folder).catch(() => undefined);
    return errnoCode(error) === 'EEXIST' ? 'taken' : ioFailure(error, 'create this post');
  }
}

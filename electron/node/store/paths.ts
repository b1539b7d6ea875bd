/**
 * Resolving untrusted names (post ids, asset paths) to real paths that stay inside the posts
 * folder: syntax first, then `path.resolve` + `path.relative` containment, then the real path
 * of the existing file re-checked, so a symbolic link cannot lead out.
 */
import { lstat, readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { fail, ok, type Result } from '../../../shared/api/contract';
import { idProblem } from '../../../shared/api/ids';
import { errnoCode, ioFailure } from './errors';
import { servedCandidates } from './served';
import { lstatSync } from 'node:fs';

/** Where a post id leads on disk. */
export interface PostLocation {
  id: string;
  /** The path the id names (inside the root, possibly a symbolic link). */
  abs: string;
  /** The real path of the file (inside the root). */
  real: string;
  /** The id names a symbolic link: readable when it stays inside, never written through. */
  isLink: boolean;
}

/** Whether `target` is `root` itself or lies below it (both absolute, already resolved). */
export function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  if (rel === '') return true;
  // On Windows a path on another drive comes back absolute.
  if (path.isAbsolute(rel)) return false;
  return rel !== '..' && !rel.startsWith(`..${path.sep}`);
}

/** `root` joined with a `/`-separated relative path, or null when the result leaves the root. */
export function containedJoin(root: string, rel: string): string | null {
  const abs = path.resolve(root, ...rel.split('/'));
  return isInside(root, abs) && abs !== root ? abs : null;
}

/** Validates a post id and finds the existing file it names, refusing links that lead out. */
export async function locatePost(root: string, id: string): Promise<Result<PostLocation>> {
  const problem = idProblem(id);
  if (problem !== null) return fail('INVALID_ID', `This post name is refused: ${problem}.`);
  const named = containedJoin(root, id);
  if (named === null) return fail('INVALID_ID', 'This post name leads outside the posts folder.');
  const clash = await normalisationClash(root, id);
  if (clash !== null) {
    return fail(
      'INVALID_ID',
      `Two files or folders here are named “${clash}”, written two ways in Unicode, and Postwright cannot tell which one is meant.`,
      'Rename one of them outside Postwright (in a file manager or a terminal).',
    );
  }
  const abs = (await matchNormalisation(root, id)) ?? named;
  let real: string;
  let isLink: boolean;
  try {
    isLink = (await lstat(abs)).isSymbolicLink();
    real = await realpath(abs);
  } catch (error) {
    return ioFailure(error, 'open this post');
  }
  if (!isInside(root, real)) {
    return fail(
      'INVALID_ID',
      'This post is a link to a file outside the posts folder.',
      'Postwright only opens files inside the posts folder.',
    );
  }
  return ok({ id, abs, real, isLink });
}

/**
 * The first part of `id` that two names on disk share in NFC (`café` composed beside `café`
 * decomposed, which Linux keeps apart), or null. Such an id could open one file and save the other.
 */
async function normalisationClash(root: string, id: string): Promise<string | null> {
  if (/^[\x20-\x7e]*$/.test(id)) return null;
  let current = root;
  for (const segment of id.split('/')) {
    const entries = await readdir(current).catch(() => [] as string[]);
    const same = entries.filter((entry) => entry.normalize('NFC') === segment);
    if (same.length > 1) return segment;
    const [only] = same;
    if (only === undefined) return null;
    current = path.join(current, only);
  }
  return null;
}

/**
 * Ids are NFC; a name written to disk in another normalisation (NFD from an old Mac) is found by
 * comparing the NFC form of each folder entry. Null when the id is found as written or not at all.
 */
async function matchNormalisation(root: string, id: string): Promise<string | null> {
  if (/^[\x20-\x7e]*$/.test(id)) return null;
  try {
    await lstat(path.resolve(root, ...id.split('/')));
    return null;
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') return null;
  }
  let current = root;
  for (const segment of id.split('/')) {
    const entries = await readdir(current).catch(() => [] as string[]);
    const match = entries.find((entry) => entry.normalize('NFC') === segment);
    if (match === undefined) return null;
    current = path.join(current, match);
  }
  return current;
}

/** Extensions a post may reference as images or media. */
export const ASSET_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'svg', 'ico', 'bmp'] as const;

// Opening `CON.png` or `aux/x.png` on Windows opens a device, not a file (same list as post ids).
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** Why an asset path is refused, or null when its syntax is acceptable. */
export function assetProblem(rel: unknown): string | null {
  if (typeof rel !== 'string' || rel.length === 0) return 'the asset path is empty';
  if (rel.length > 4096) return 'the asset path is too long';
  // eslint-disable-next-line no-control-regex -- NUL and control characters are what we refuse
  if (/[\u0000-\u001f\u007f]/.test(rel)) return 'the asset path contains control characters';
  if (rel.includes('\\')) return 'the asset path contains a backslash';
  if (rel.startsWith('/') || /^[a-z]:/i.test(rel)) return 'the asset path must be relative to the posts folder';
  // On Windows a colon names a drive or an alternate data stream of another file.
  if (rel.includes(':')) return 'the asset path contains ":"';
  for (const segment of rel.split('/')) {
    if (segment === '' || segment === '.' || segment === '..')
      return 'the asset path has an empty, "." or ".." segment';
    if (WINDOWS_DEVICE.test(segment)) return `"${segment}" is a device name on Windows`;
  }
  const ext = path.posix.extname(rel).slice(1).toLowerCase();
  if (!(ASSET_EXTENSIONS as readonly string[]).includes(ext)) return `".${ext}" files are not served as images`;
  return null;
}

/**
 * The file a site-root path `rel` (posts-folder-relative, no leading `/`) names, as an absolute path:
 * in the posts folder itself, else in the folder the site serves at its root (./served.ts); null
 * when there is an entry at neither. The preview and the export both find images by it.
 */
export function servedFile(root: string, rel: string): string | null {
  for (const candidate of servedCandidates(root, rel)) {
    const abs = containedJoin(root, candidate);
    if (abs !== null && lstatSync(abs, { throwIfNoEntry: false }) !== undefined) return abs;
  }
  return null;
}

/** The real path of an existing image or media file inside the posts folder. */
export async function locateAsset(root: string, rel: string): Promise<Result<string>> {
  const problem = assetProblem(rel);
  if (problem !== null) return fail('INVALID_ID', `This image path is refused: ${problem}.`);
  const abs = containedJoin(root, rel);
  if (abs === null) return fail('INVALID_ID', 'This image path leads outside the posts folder.');
  try {
    // Not in the posts folder itself: a site-root path (`/images/cat.png`) of a file the site serves
    // from `static/` or `public/` (./served.ts).
    const real = await realpath(servedFile(root, rel) ?? abs);
    if (!isInside(root, real)) return fail('INVALID_ID', 'This image is a link to a file outside the posts folder.');
    const stats = await lstat(real);
    if (!stats.isFile()) return fail('NOT_A_FILE', 'This image path is not a regular file.');
    return ok(real);
  } catch (error) {
    return ioFailure(error, 'open this image');
  }
}

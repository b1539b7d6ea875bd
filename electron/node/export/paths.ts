/**
 * Where each page of an exported site lives. Output paths are `/`-separated and relative to the
 * output folder; a front-matter `path` (`/blog/x`) becomes `blog/x/index.html`, and every name
 * is checked so that no post can write outside the output folder or over the site's own files.
 */
import path from 'node:path';
import { fail, ok, type Result } from '../../../shared/api/contract';
import { idProblem, overNameBytes, slugify } from '../../../shared/api/ids';
import { EXPORT_MARKER } from './ownership';

/** Top-level names the site itself uses; no post may take them. */
export const RESERVED_NAMES = ['assets', 'tags', 'index.html', 'feed.xml', 'sitemap.xml', EXPORT_MARKER] as const;

const BUNDLE_INDEX = /^(index|_index|readme)$/i;
const PAGE_FILE = /\.html?$/i;

/**
 * The text without the slashes at either end, in a loop: `/^\/+|\/+$/g` read a run of slashes to
 * its end from each of its places (a path of 100,000 slashes held an export 10 s).
 */
export function trimSlashes(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === '/') start++;
  while (end > start && text[end - 1] === '/') end--;
  return text.slice(start, end);
}

/** The output file a front-matter `path` asks for, or why it is refused. */
export function pageFileForPath(urlPath: string): Result<string> {
  const trimmed = urlPath.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//')) {
    return fail('INVALID_ARGUMENT', `its path "${trimmed}" is a full URL, not a path on the site`);
  }
  if (/[?#]/.test(trimmed)) return fail('INVALID_ARGUMENT', `its path "${trimmed}" contains "?" or "#"`);
  const decoded = decodePath(trimSlashes(trimmed));
  if (decoded === null) return fail('INVALID_ARGUMENT', `its path "${trimmed}" has a broken %-escape`);
  if (decoded === '') return fail('INVALID_ARGUMENT', `its path "${trimmed}" is the site's home page`);
  const problem = idProblem(decoded, { requireMarkdown: false });
  if (problem !== null) return fail('INVALID_ARGUMENT', `its path "${trimmed}" is refused: ${problem}`);
  // ext4 and APFS take 255 bytes a name (NTFS 255 UTF-16 units, which idProblem checks): a longer
  // one would fail the whole export when its folder is made.
  if (process.platform !== 'win32' && decoded.split('/').some(overNameBytes)) {
    return fail(
      'INVALID_ARGUMENT',
      `its path "${trimmed}" is refused: a part of it is longer than a file name may be (255 bytes)`,
    );
  }
  const first = decoded.split('/')[0] ?? '';
  if ((RESERVED_NAMES as readonly string[]).includes(first.toLowerCase())) {
    return fail('INVALID_ARGUMENT', `its path "${trimmed}" uses "${first}", which the exported site needs for itself`);
  }
  return ok(PAGE_FILE.test(decoded) ? decoded : `${decoded}/index.html`);
}

function decodePath(text: string): string | null {
  try {
    return decodeURIComponent(text).normalize('NFC');
  } catch {
    return null;
  }
}

/**
 * The output file of a post without a `path`: its folders and its `slug` (else its file name) as
 * slugs, e.g. `2020/My Post.md` → `2020/my-post/index.html`.
 */
export function derivedPageFile(id: string, slug?: string): string {
  const folders = id.split('/');
  const stem = (folders.pop() ?? '').replace(/\.(md|markdown)$/i, '');
  // A page bundle (`hello/index.md`) is named by its folder.
  const own = BUNDLE_INDEX.test(stem) && folders.length > 0 ? (folders.pop() ?? stem) : stem;
  const segments = [...folders, slug ?? own];
  const slugs = segments.map((segment) => slugify(segment) || 'post');
  const first = slugs[0] ?? 'post';
  if ((RESERVED_NAMES as readonly string[]).includes(first)) slugs[0] = `${first}-post`;
  return `${slugs.join('/')}/index.html`;
}

/** The same output file with `-2`, `-3`… added to its folder, for derived names that collide. */
export function numberedPageFile(file: string, n: number): string {
  return file.replace(/\/index\.html$/, `-${n}/index.html`);
}

/** The key under which two output files are the same file on a case-insensitive disk. */
export function collisionKey(file: string): string {
  return file.normalize('NFC').toLowerCase();
}

/** A relative URL from one output file to another, each segment %-encoded, that works from disk. */
export function relativeHref(fromFile: string, toFile: string): string {
  return relativePath(fromFile, toFile)
    .split('/')
    .map((segment) => (segment === '..' ? segment : encodeURIComponent(segment)))
    .join('/');
}

/** A path with an empty, `.` or `..` segment, or none at all: one `path.posix.relative` must read. */
const UNUSUAL_PATH = /^$|^\/|\/$|\/\/|(^|\/)\.\.?(\/|$)/;

/**
 * `path.posix.relative(path.posix.dirname(fromFile), toFile)`, for the plain relative paths an
 * export's files have, without resolving both against the working folder first: an export of
 * 1,000 posts asks this some 10,000 times (each page's tags, neighbours and list entries).
 */
function relativePath(fromFile: string, toFile: string): string {
  if (UNUSUAL_PATH.test(fromFile) || UNUSUAL_PATH.test(toFile)) {
    return path.posix.relative(path.posix.dirname(fromFile), toFile);
  }
  const from = fromFile.split('/');
  from.pop();
  const to = toFile.split('/');
  let same = 0;
  while (same < from.length && same < to.length && from[same] === to[same]) same += 1;
  const up = from.length - same;
  const rest = to.slice(same).join('/');
  if (up === 0) return rest;
  const ups = '../'.repeat(up);
  return rest === '' ? ups.slice(0, -1) : ups + rest;
}

/** The public URL of an output file under the site's URL (`…/blog/x/index.html` → `…/blog/x/`). */
export function publicUrl(siteUrl: string, file: string): string {
  const encoded = file
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  return siteUrl + encoded.replace(/(^|\/)index\.html$/, '$1');
}

/** Paths and file names from titles, and the live check that no two posts share a path. */
import type { PostSummary } from '../../shared/api/contract';
import { idProblem, MAX_NAME_BYTES, slugify } from '../../shared/api/ids';

/** The post's path with its last segment replaced by the title's slug (prefix and trailing slash kept). */
export function pathFromTitle(current: string, title: string): string {
  // A title of emoji or punctuation alone has no slug: an empty segment would make the path the
  // section's own page (`/blog/`) or `/blog//`. Named as a file of that title is (fileNameFromTitle).
  const slug = slugify(title) || 'untitled';
  const trailing = current.endsWith('/') && current.length > 1 ? '/' : '';
  const trimmed = trailing === '' ? current : current.slice(0, -1);
  const cut = trimmed.lastIndexOf('/');
  const prefix = cut === -1 ? '' : trimmed.slice(0, cut + 1);
  return `${prefix}${slug}${trailing}`;
}

/** The form two paths are compared in: no surrounding spaces, no trailing slash, no case. */
export function pathKey(path: string): string {
  const trimmed = path.trim().replace(/\/+$/, '');
  return trimmed.normalize('NFC').toLowerCase();
}

/** Another post (not `id`) whose path is the same as `path`, or null. */
export function duplicatePath(posts: readonly PostSummary[], id: string, path: string): PostSummary | null {
  const key = pathKey(path);
  if (key === '') return null;
  return posts.find((post) => post.id !== id && post.path !== null && pathKey(post.path) === key) ?? null;
}

/**
 * The file name a post would get from its title, keeping its extension (`my-title.md`) and the
 * date its name starts with (Jekyll publishes only `_posts/YYYY-MM-DD-title.md`), within the 255
 * bytes a file name holds.
 */
export function fileNameFromTitle(id: string, title: string): string {
  const base = id.split('/').pop() ?? id;
  const ext = /\.(md|markdown)$/i.exec(base)?.[0] ?? '.md';
  const date = /^\d{4}-\d{2}-\d{2}-/.exec(base)?.[0] ?? '';
  const slug = slugify(title);
  // A title like "CON" slugs to a Windows device name, refused as a file name: the new post of that
  // title would be named `con-2.md` too.
  const free = slug === '' ? 'untitled' : idProblem(`${date}${slug}${ext}`) === null ? slug : `${slug}-2`;
  return `${date}${fitBytes(free, MAX_NAME_BYTES - date.length - ext.length)}${ext}`;
}

/** `text` cut between characters to at most `room` UTF-8 bytes, no dash left at its end. */
function fitBytes(text: string, room: number): string {
  const utf8 = new TextEncoder();
  let kept = '';
  let bytes = 0;
  for (const character of text) {
    bytes += utf8.encode(character).length;
    if (bytes > room) break;
    kept += character;
  }
  return kept.replace(/-+$/, '');
}

/** The id of post `id` renamed to `fileName` in the same folder. */
export function renamedId(id: string, fileName: string): string {
  const cut = id.lastIndexOf('/');
  return cut === -1 ? fileName : `${id.slice(0, cut + 1)}${fileName}`;
}

/** The file name part of an id. */
export function fileNameOf(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1);
}

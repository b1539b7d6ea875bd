/** Paths and file names from titles, and the live check that no two posts share a path. */
import type { PostSummary } from '../../shared/api/contract';
import { slugify } from '../../shared/api/ids';

/** The post's path with its last segment replaced by the title's slug (prefix and trailing slash kept). */
export function pathFromTitle(current: string, title: string): string {
  const slug = slugify(title);
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

/** The file name a post would get from its title, keeping its extension (`my-title.md`). */
export function fileNameFromTitle(id: string, title: string): string {
  const base = id.split('/').pop() ?? id;
  const ext = /\.(md|markdown)$/i.exec(base)?.[0] ?? '.md';
  const slug = slugify(title);
  return `${slug === '' ? 'untitled' : slug}${ext}`;
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

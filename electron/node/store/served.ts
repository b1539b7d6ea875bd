/**
 * Where a site serves a path from its root. Hugo, Zola and Docusaurus publish the files of `static/`
 * at the site's root, Astro and Eleventy setups those of `public/`: an image kept in
 * `static/images/cat.png` is `/images/cat.png` on the built site, and a post must say so (a path
 * relative to the post's file breaks once the post is a page at its own URL). The preview and the
 * export read such a root path from those folders when the posts folder has no file there itself.
 */
import path from 'node:path';

/** Folders (of the posts folder) whose files the site serves at its root, in the order they are looked in. */
export const SERVED_FOLDERS = ['static', 'public'] as const;

/** The posts-folder-relative paths a site-root path `rel` (no leading `/`) may name: itself, then inside each served folder. */
export function servedCandidates(rel: string): string[] {
  return [rel, ...SERVED_FOLDERS.map((folder) => `${folder}/${rel}`)];
}

/**
 * The site-root path (`/images/cat.png`) of a file at `rel` (posts-folder-relative, `/`-separated)
 * inside a served folder, or null when it is in none.
 */
export function servedPath(rel: string): string | null {
  for (const folder of SERVED_FOLDERS) {
    if (rel.startsWith(`${folder}/`)) return `/${rel.slice(folder.length + 1)}`;
  }
  return null;
}

/** A posts-folder-relative path as `/`-separated text, from an absolute one. */
export function relativeTo(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}

/**
 * Where a site serves a path from its root. Hugo, Zola, Docusaurus and Gatsby publish the files of
 * `static/` at the site's root, Astro and Next.js those of `public/` (Hugo's own `public/` is its
 * build output, never looked in): an image kept in `static/images/cat.png` is `/images/cat.png` on
 * the built site, and a post must say so (a path relative to the post's file breaks once the post
 * is a page at its own URL). Which folder, if any, is told by the site's configuration file beside
 * the posts; Jekyll (`_config.yml`) serves every folder under its own name. The preview and the
 * export read such a root path from that folder when the posts folder has no file there itself.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Configuration files of generators that serve `static/` at the site's root. */
const SERVES_STATIC = [
  'hugo.toml',
  'hugo.yaml',
  'hugo.yml',
  'hugo.json',
  // Hugo before 0.110, and Zola.
  'config.toml',
  'docusaurus.config.js',
  'docusaurus.config.ts',
  'docusaurus.config.mjs',
  'gatsby-config.js',
  'gatsby-config.ts',
  'gatsby-config.mjs',
];
/** Configuration files of generators that serve `public/` at the site's root. */
const SERVES_PUBLIC = [
  'astro.config.mjs',
  'astro.config.js',
  'astro.config.ts',
  'astro.config.mts',
  'next.config.js',
  'next.config.mjs',
  'next.config.ts',
];

/** The folder of `root` the site serves at its root, by its configuration file, or null (none known, or Jekyll's). */
export function servedFolderOf(root: string): 'static' | 'public' | null {
  const has = (name: string): boolean => existsSync(path.join(root, name));
  if (has('_config.yml') || has('_config.yaml')) return null;
  if (SERVES_STATIC.some(has)) return 'static';
  if (SERVES_PUBLIC.some(has)) return 'public';
  return null;
}

/** The posts-folder-relative paths a site-root path `rel` (no leading `/`) may name in `root`: itself, then inside the served folder. */
export function servedCandidates(root: string, rel: string): string[] {
  const folder = servedFolderOf(root);
  return folder === null ? [rel] : [rel, `${folder}/${rel}`];
}

/**
 * The site-root path (`/images/cat.png`) of a file at `rel` (posts-folder-relative, `/`-separated)
 * inside the folder `root`'s site serves at its root, or null when it is not in one.
 */
export function servedPath(root: string, rel: string): string | null {
  const folder = servedFolderOf(root);
  return folder !== null && rel.startsWith(`${folder}/`) ? `/${rel.slice(folder.length + 1)}` : null;
}

/** A posts-folder-relative path as `/`-separated text, from an absolute one. */
export function relativeTo(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}

/**
 * Which output file each post becomes. A front-matter `path` is the author's claim: two posts
 * claiming one page is an error naming both files. Posts without one get a name derived from
 * their file, numbered when two derive the same name.
 */
import path from 'node:path';
import { readableDate } from '../../../shared/markdown/dates';
import { fail, ok, type Result } from '../../../shared/api/contract';
import { textField, type SourcePost } from './collect';
import { collisionKey, derivedPageFile, numberedPageFile, pageFileForPath, relativeHref, trimSlashes } from './paths';

/** A post and the output file it is written to. */
export interface PlannedPost {
  post: SourcePost;
  file: string;
}

/** The pages of a site, and notes about posts left out or renamed. */
export interface SitePlan {
  pages: PlannedPost[];
  warnings: string[];
}

/** Assigns an output file to each post; fails when two posts claim the same page. */
export function planPages(posts: readonly SourcePost[]): Result<SitePlan> {
  const taken = new Map<string, PlannedPost>();
  const warnings: string[] = [];
  const clashes: string[] = [];
  const sorted = [...posts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const post of sorted) {
    if (post.facts.path === null) continue;
    const file = pageFileForPath(post.facts.path);
    if (!file.ok) {
      warnings.push(`${post.id}: not exported: ${file.error.message}`);
      continue;
    }
    const other = taken.get(collisionKey(file.value));
    if (other !== undefined) clashes.push(`${other.post.id} and ${post.id} both claim the path "${post.facts.path}"`);
    else taken.set(collisionKey(file.value), { post, file: file.value });
  }
  for (const post of sorted) if (post.facts.path === null) placeDerived(post, taken, warnings);
  clashes.push(...folderClashes([...taken.values()]));
  if (clashes.length > 0)
    return fail('EXISTS', `Two posts claim the same page: ${clashes.join('; ')}.`, 'Give each post its own path.');
  return ok({ pages: [...taken.values()], warnings });
}

function placeDerived(post: SourcePost, taken: Map<string, PlannedPost>, warnings: string[]): void {
  const base = derivedPageFile(post.id, textField(post.parsed.frontMatter.fields, ['slug']));
  let file = base;
  for (let n = 2; taken.has(collisionKey(file)); n += 1) file = numberedPageFile(base, n);
  if (file !== base) warnings.push(`${post.id}: exported as ${file} because another post already uses ${base}`);
  taken.set(collisionKey(file), { post, file });
}

/** A page file whose name is also another page's folder (`a.html` and `a.html/b/index.html`). */
function folderClashes(pages: readonly PlannedPost[]): string[] {
  const byKey = new Map(pages.map((page) => [collisionKey(page.file), page]));
  const clashes: string[] = [];
  for (const page of pages) {
    const segments = page.file.split('/');
    for (let i = 1; i < segments.length; i += 1) {
      const owner = byKey.get(collisionKey(segments.slice(0, i).join('/')));
      if (owner !== undefined) clashes.push(`${owner.post.id} is a file where ${page.post.id} needs a folder`);
    }
  }
  return clashes;
}

/** What a link needs to know about a page: plain data, so a worker thread can receive it. */
export interface PageLink {
  id: string;
  file: string;
  /** The post's front-matter `path`, if any. */
  path: string | null;
  /** Its title, for the links to it from the posts beside it. */
  title: string;
  /** The day its page shows (`YYYY-MM-DD`, as written), null when it shows none. */
  day: string | null;
}

/** The link facts of planned pages. */
export function pageLinks(pages: readonly PlannedPost[]): PageLink[] {
  return pages.map(({ post, file }) => ({
    id: post.id,
    file,
    path: post.facts.path,
    title: post.title,
    day: post.facts.date === null ? null : (readableDate(post.facts.date)?.iso ?? null),
  }));
}

/** Builds the link resolver of one page: links to other posts (by file or by path) become relative page links. */
export function linkResolver(pages: readonly PageLink[]): (from: PageLink) => (href: string) => string | null {
  const byId = new Map(pages.map((page) => [page.id, page.file]));
  const byPath = new Map<string, string>();
  for (const page of pages) if (page.path !== null) byPath.set(pathKey(page.path), page.file);
  return (from) => (href) => {
    const hash = href.indexOf('#');
    const beforeHash = hash === -1 ? href : href.slice(0, hash);
    const fragment = hash === -1 ? '' : href.slice(hash + 1);
    // A query (`post.md?ref=x`) names the same post; the page keeps it.
    const mark = beforeHash.indexOf('?');
    const base = mark === -1 ? beforeHash : beforeHash.slice(0, mark);
    const query = mark === -1 ? '' : beforeHash.slice(mark);
    const target = base.startsWith('/') ? byPath.get(pathKey(base)) : byId.get(postIdOf(from.id, base));
    if (target === undefined) return null;
    // The target page's ids are plain (./anchors.ts): the fragment is the author's, as written.
    return relativeHref(from.file, target) + query + (fragment === '' ? '' : `#${fragment}`);
  };
}

/** A site path as a lookup key: %-decoded, without surrounding slashes. */
function pathKey(urlPath: string): string {
  return trimSlashes(decode(urlPath.trim()));
}

/** The post id a relative `.md` link names, from the linking post's folder. */
function postIdOf(fromId: string, href: string): string {
  if (!/\.(md|markdown)$/i.test(href)) return '';
  return path.posix.normalize(path.posix.join(path.posix.dirname(fromId), decode(href)));
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text).normalize('NFC');
  } catch {
    return text;
  }
}

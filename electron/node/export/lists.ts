/**
 * The list pages of an exported site: the index (newest first), one page per tag and a page of
 * all tags, plus the Atom feed and sitemap when the site's URL is known.
 */
import { slugify } from '../../../shared/api/ids';
import { dateWarning, instantOf, machineTime } from './dates';
import { absoluteUrls, renderAtomFeed, renderSitemap, type FeedEntry } from './feed';
import { renderListPage, type ListEntry } from './page';
import { publicUrl, relativeHref } from './paths';
import type { PlannedPost } from './plan';

/** A post page as the lists need it. */
export interface WrittenPost {
  page: PlannedPost;
  summary: string;
  /** The post's HTML body for the feed. */
  html: string;
}

/** The site-wide settings of the lists. */
export interface ListSettings {
  siteTitle: string;
  siteUrl?: string;
}

/** Output-relative file → contents. */
export type Files = Map<string, string>;

/** Each tag's output file, unique even when two tags slugify alike (`C#` and `C`). */
export function tagFiles(posts: readonly PlannedPost[]): Map<string, string> {
  const files = new Map<string, string>();
  const used = new Set<string>();
  const names = [...new Set(posts.flatMap((p) => p.post.facts.tags))].sort((a, b) => a.localeCompare(b));
  for (const name of names) {
    const base = slugify(name) || 'tag';
    let slug = base;
    for (let n = 2; used.has(slug); n += 1) slug = `${base}-${n}`;
    used.add(slug);
    files.set(name, `tags/${slug}/index.html`);
  }
  return files;
}

/** The index, tag pages, feed and sitemap of posts given newest first, and what the author should know of them. */
export function listFiles(
  posts: readonly WrittenPost[],
  tags: Map<string, string>,
  settings: ListSettings,
): { files: Files; warnings: string[] } {
  const files: Files = new Map();
  const warnings: string[] = [];
  const feedHref = (from: string) => (settings.siteUrl === undefined ? undefined : relativeHref(from, 'feed.xml'));
  const nav = (from: string) => ({
    home: relativeHref(from, 'index.html'),
    ...(tags.size > 0 ? { tags: relativeHref(from, 'tags/index.html') } : {}),
  });
  const common = (from: string) => ({
    siteTitle: settings.siteTitle,
    nav: nav(from),
    feedHref: feedHref(from),
    canonicalUrl: settings.siteUrl === undefined ? undefined : publicUrl(settings.siteUrl, from),
  });
  files.set(
    'index.html',
    renderListPage({
      title: settings.siteTitle,
      entries: entries(posts, 'index.html'),
      home: true,
      ...common('index.html'),
    }),
  );
  if (tags.size > 0) {
    const tagEntries = [...tags].map(([name, file]) => ({ title: name, href: relativeHref('tags/index.html', file) }));
    files.set('tags/index.html', renderListPage({ title: 'Tags', entries: tagEntries, ...common('tags/index.html') }));
  }
  for (const [name, file] of tags) {
    const tagged = posts.filter((p) => p.page.post.facts.tags.includes(name));
    const intro = `${tagged.length} ${tagged.length === 1 ? 'post' : 'posts'}`;
    files.set(
      file,
      renderListPage({ title: `Tagged “${name}”`, intro, entries: entries(tagged, file), ...common(file) }),
    );
  }
  if (settings.siteUrl !== undefined) warnings.push(...addFeeds(files, posts, settings.siteTitle, settings.siteUrl));
  return { files, warnings };
}

function entries(posts: readonly WrittenPost[], from: string): ListEntry[] {
  return posts.map(({ page, summary }) => ({
    title: page.post.title,
    href: relativeHref(from, page.file),
    ...(page.post.facts.date === null ? {} : { date: page.post.facts.date }),
    ...(summary === '' ? {} : { summary }),
  }));
}

/**
 * How many of the newest posts the feed carries in full. Readers fetch a feed again and again, and a
 * feed of a whole blog grows without end (1,000 posts: 5 MB); Jekyll's feed keeps 10, most readers show 20.
 */
export const FEED_ENTRIES = 20;

/** Writes the feed and the sitemap; returns the note on posts the feed leaves out, if any. */
function addFeeds(files: Files, posts: readonly WrittenPost[], title: string, siteUrl: string): string[] {
  // An entry must say when it was written: a post without a date a feed can carry (none, or one no
  // calendar has) is left out, not dated by its file, which every checkout or copy makes new.
  const dated: { post: WrittenPost; updated: string }[] = [];
  const undated: string[] = [];
  for (const post of posts) {
    const updated = machineTime(post.page.post.facts.date, post.page.post.facts.sortKey);
    if (updated !== null) dated.push({ post, updated });
    // A date no calendar has is warned of with the post's page (./dates.ts dateWarning).
    else if (dateWarning(post.page.post.facts.date) === undefined) undated.push(post.page.post.id);
  }
  const feedEntries: FeedEntry[] = dated.slice(0, FEED_ENTRIES).map(({ post: { page, summary, html }, updated }) => {
    const url = publicUrl(siteUrl, page.file);
    // Many readers ignore xml:base and would resolve the page's relative links against the feed.
    return { title: page.post.title, url, updated, summary, html: absoluteUrls(html, url) };
  });
  files.set('feed.xml', renderAtomFeed({ title, siteUrl, feedUrl: `${siteUrl}feed.xml`, entries: feedEntries }));
  const pages = [...files.keys()].filter((file) => file.endsWith('.html'));
  const lists = pages.map((file) => ({ url: publicUrl(siteUrl, file) }));
  const posted = posts.map(({ page }) => {
    const url = publicUrl(siteUrl, page.file);
    // The day as written, or the instant when an offset is written; nothing for a date no calendar has.
    const { date, sortKey } = page.post.facts;
    const lastmod = (date === null ? null : instantOf(date)) ?? machineTime(date, sortKey)?.slice(0, 10);
    return lastmod === undefined ? { url } : { url, lastmod };
  });
  files.set('sitemap.xml', renderSitemap([...lists, ...posted]));
  return undated.length === 0 ? [] : [undatedNote(undated)];
}

/** Said of the posts (ids) a feed leaves out for want of a date, naming the first few. */
export function undatedNote(ids: readonly string[]): string {
  const one = ids.length === 1;
  const shown = ids.slice(0, 3).join(', ');
  const more = ids.length > 3 ? ` and ${String(ids.length - 3)} more` : '';
  return `${one ? '1 post has' : `${String(ids.length)} posts have`} no date a feed can carry (${shown}${more}), so the feed leaves ${one ? 'it' : 'them'} out; a date in the front matter puts ${one ? 'it' : 'them'} in.`;
}

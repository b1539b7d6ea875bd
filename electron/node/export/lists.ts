/**
 * The list pages of an exported site: the index (newest first), one page per tag and a page of
 * all tags, plus the Atom feed and sitemap when the site's URL is known.
 */
import { slugify } from '../../../shared/api/ids';
import { instantOf, machineTime } from './dates';
import { atomTime, renderAtomFeed, renderSitemap, type FeedEntry } from './feed';
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

/** The index, tag pages, feed and sitemap of posts given newest first. */
export function listFiles(posts: readonly WrittenPost[], tags: Map<string, string>, settings: ListSettings): Files {
  const files: Files = new Map();
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
  if (settings.siteUrl !== undefined) addFeeds(files, posts, settings.siteTitle, settings.siteUrl);
  return files;
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

function addFeeds(files: Files, posts: readonly WrittenPost[], title: string, siteUrl: string): void {
  const feedEntries: FeedEntry[] = posts.slice(0, FEED_ENTRIES).map(({ page, summary, html }) => ({
    title: page.post.title,
    url: publicUrl(siteUrl, page.file),
    updated: atomTime(page.post.facts.date, page.post.facts.sortKey, page.post.mtimeMs),
    summary,
    html,
  }));
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
}

/**
 * The list pages of an exported site: the index (newest first), one page per tag and a page of
 * all tags, plus the Atom feed and sitemap when the site's URL is known.
 */
import { slugify } from '../../../shared/api/ids';
import { dateWarning, instantOf, machineTime } from './dates';
import { plainAnchors } from './anchors';
import { absoluteUrls, renderAtomFeed, renderSitemap, type FeedEntry } from './feed';
import { renderListPage, type ListEntry } from './page';
import { publicUrl, relativeHref } from './paths';
import type { PlannedPost } from './plan';
import type { SourcePost } from './collect';
import { dateSortKey } from '../../../shared/markdown/sortDate';

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

/**
 * Each tag's output file (every spelling of it a post uses maps to its file). Tags that differ
 * only in case are one tag (`CSS` and `css`, written years apart), as Hugo makes them; its page
 * is named after the spelling most posts use. A `+` or `#` ending a word is spelled out
 * (`C++` is `c-plus-plus`, `C#` `c-sharp`): a tag's page keeps its name when another tag
 * arrives. Names that still slugify alike get numbers, in alphabetical order.
 */
export function tagFiles(posts: readonly PlannedPost[]): Map<string, string> {
  const groups = new Map<string, Map<string, number>>();
  for (const name of posts.flatMap((p) => p.post.facts.tags)) {
    const key = tagKey(name);
    const spellings = groups.get(key) ?? new Map<string, number>();
    spellings.set(name, (spellings.get(name) ?? 0) + 1);
    groups.set(key, spellings);
  }
  const named = [...groups.values()].map((spellings) => ({ name: tagName(spellings), spellings }));
  named.sort((a, b) => a.name.localeCompare(b.name));
  const files = new Map<string, string>();
  const used = new Set<string>();
  for (const { name, spellings } of named) {
    const base = tagSlug(name);
    let slug = base;
    for (let n = 2; used.has(slug); n += 1) slug = `${base}-${n}`;
    used.add(slug);
    // The page's own name first: the tag index and the pages list each file once, by it.
    files.set(name, `tags/${slug}/index.html`);
    for (const spelling of spellings.keys()) files.set(spelling, `tags/${slug}/index.html`);
  }
  return files;
}

/** What makes two tags one: their text in one Unicode form and case. */
function tagKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** A tag's name among its spellings: the one most posts use, then the first in alphabetical order. */
function tagName(spellings: ReadonlyMap<string, number>): string {
  let best = '';
  let most = 0;
  for (const [spelling, count] of spellings) {
    if (count > most || (count === most && spelling.localeCompare(best) < 0)) {
      best = spelling;
      most = count;
    }
  }
  return best;
}

/** A tag's folder name: `+` and `#` after a letter or digit spelled out, then slugified. */
export function tagSlug(name: string): string {
  const spelled = name.replace(/(?<=[\p{L}\p{N}+])\+/gu, ' plus ').replace(/(?<=[\p{L}\p{N}])#/gu, ' sharp ');
  return slugify(spelled) || 'tag';
}

/** Each tag page's file → its name: the first spelling that leads to it (tagFiles puts the page's own name first). */
function tagPages(tags: ReadonlyMap<string, string>): Map<string, string> {
  const pages = new Map<string, string>();
  for (const [spelling, file] of tags) if (!pages.has(file)) pages.set(file, spelling);
  return pages;
}

/**
 * Each tag page's file → its posts, in the order given and each once (a post may carry two spellings
 * of one tag): one pass over the posts' tags, where a filter of every post for every tag page took
 * 100 ms for 1,000 posts and 56 tags.
 */
function taggedPosts(posts: readonly WrittenPost[], tags: ReadonlyMap<string, string>): Map<string, WrittenPost[]> {
  const byFile = new Map<string, WrittenPost[]>();
  for (const post of posts) {
    for (const tag of post.page.post.facts.tags) {
      const file = tags.get(tag);
      if (file === undefined) continue;
      const list = byFile.get(file);
      if (list === undefined) byFile.set(file, [post]);
      else if (list.at(-1) !== post) list.push(post);
    }
  }
  return byFile;
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
  const tagged = taggedPosts(posts, tags);
  const pages = [...tagPages(tags)].map(([file, name]) => ({ file, name, tagged: tagged.get(file) ?? [] }));
  const counted = (count: number): string => `${String(count)} ${count === 1 ? 'post' : 'posts'}`;
  if (pages.length > 0) {
    const tagEntries = pages.map(({ file, name, tagged }) => ({
      title: name,
      href: relativeHref('tags/index.html', file),
      summary: counted(tagged.length),
    }));
    files.set('tags/index.html', renderListPage({ title: 'Tags', entries: tagEntries, ...common('tags/index.html') }));
  }
  for (const { file, name, tagged } of pages) {
    files.set(
      file,
      renderListPage({
        title: `Tagged “${name}”`,
        intro: counted(tagged.length),
        entries: entries(tagged, file),
        ...common(file),
      }),
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
  const dated: { post: WrittenPost; published: string; updated: string }[] = [];
  const undated: string[] = [];
  for (const post of posts) {
    const published = machineTime(post.page.post.facts.date, post.page.post.facts.sortKey);
    if (published !== null) dated.push({ post, published, updated: laterOf(published, changedTime(post.page.post)) });
    // A date no calendar has is warned of with the post's page (./dates.ts dateWarning).
    else if (dateWarning(post.page.post.facts.date) === undefined) undated.push(post.page.post.id);
  }
  const feedEntries: FeedEntry[] = dated
    .slice(0, FEED_ENTRIES)
    .map(({ post: { page, summary, html }, published, updated }) => {
      const url = publicUrl(siteUrl, page.file);
      // Many readers ignore xml:base and would resolve the page's relative links against the feed.
      // Its links to its own anchors lead to the page, whose ids are plain; its ids keep their prefix (./anchors.ts).
      return { title: page.post.title, url, published, updated, summary, html: absoluteUrls(plainAnchors(html), url) };
    });
  files.set('feed.xml', renderAtomFeed({ title, siteUrl, feedUrl: `${siteUrl}feed.xml`, entries: feedEntries }));
  const pages = [...files.keys()].filter((file) => file.endsWith('.html'));
  const lists = pages.map((file) => ({ url: publicUrl(siteUrl, file) }));
  const posted = posts.map(({ page }) => {
    const url = publicUrl(siteUrl, page.file);
    // The day as written, or the instant when an offset is written; nothing for a date no calendar has.
    const { date, sortKey } = page.post.facts;
    const written = (date === null ? null : instantOf(date)) ?? machineTime(date, sortKey)?.slice(0, 10);
    const changed = changedTime(page.post);
    const lastmod = written === undefined ? undefined : laterOf(written, changed);
    return lastmod === undefined ? { url } : { url, lastmod };
  });
  files.set('sitemap.xml', renderSitemap([...lists, ...posted]));
  return undated.length === 0 ? [] : [undatedNote(undated)];
}

/** The front-matter fields that say when a post was last changed, as Zola, Hugo, Jekyll plugins and Astro name them. */
const CHANGED_KEYS = ['updated', 'lastmod', 'last_modified_at', 'modified', 'updated_at', 'updateddate'];

/** When a post says it was last changed (its instant, or its day read as UTC), or null. */
function changedTime(post: SourcePost): string | null {
  for (const field of post.parsed.frontMatter.fields) {
    if (!CHANGED_KEYS.includes(field.key.toLowerCase())) continue;
    if ((field.kind !== 'date' && field.kind !== 'text') || typeof field.value !== 'string') continue;
    const time = machineTime(field.value, dateSortKey(field.value));
    if (time !== null) return time;
  }
  return null;
}

/** `written`, or `changed` when that is later (both RFC 3339, or a day; compared as the same instant's text). */
function laterOf(written: string, changed: string | null): string {
  if (changed === null) return written;
  const instant = (time: string): number => Date.parse(time.length === 10 ? `${time}T00:00:00Z` : time);
  return instant(changed) > instant(written) ? (written.length === 10 ? changed.slice(0, 10) : changed) : written;
}

/** Said of the posts (ids) a feed leaves out for want of a date, naming the first few. */
export function undatedNote(ids: readonly string[]): string {
  const one = ids.length === 1;
  const shown = ids.slice(0, 3).join(', ');
  const more = ids.length > 3 ? ` and ${String(ids.length - 3)} more` : '';
  return `${one ? '1 post has' : `${String(ids.length)} posts have`} no date a feed can carry (${shown}${more}), so the feed leaves ${one ? 'it' : 'them'} out; a date in the front matter puts ${one ? 'it' : 'them'} in.`;
}

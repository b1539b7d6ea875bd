/**
 * Exported pages: one post, and the lists (the index, a tag's posts, all tags). Front-matter
 * values (title, description, date, tags) are escaped as text; the body is already sanitized
 * HTML from the one Markdown pipeline.
 */
import { afterOpeningH1 } from '../../../shared/markdown/title';
import { dateHtml } from './dates';
import { escapeHtml, renderDocument, siteBar } from './html';
import { plainIds } from './anchors';
import { focusableScrollers } from './scrollers';

/** A post linked from the one beside it on the index. */
export interface Neighbour {
  title: string;
  /** The relative URL of its page. */
  href: string;
  /** What the link says it is: "Newer post" or "Older post" when the days the pages show say so, else "Previous post" or "Next post". */
  label: string;
}

/** The posts before (newer) and after (older) a post on the site's index, newest first. */
export interface PostNeighbours {
  newer?: Neighbour;
  older?: Neighbour;
}

/** What a post page shows. */
export interface PostPageInput {
  title: string;
  description?: string;
  /** The date exactly as the author wrote it. */
  date?: string;
  /** Sanitized HTML from renderMarkdown. */
  bodyHtml: string;
  siteTitle?: string;
  canonicalUrl?: string;
  /** An absolute URL for og:image. */
  image?: string;
  cssHref?: string;
  nav?: { home: string };
  /** The posts before and after it on the site's index, linked under it. */
  neighbours?: PostNeighbours;
  /** The post's tags, each with the relative URL of its tag page. */
  tags?: { name: string; href: string }[];
  /** False when the page shows no title heading of its own (shared/markdown/title.ts titleLayout). */
  heading?: boolean;
  /** True when the body opens with the title as its own H1: the date goes right under it. */
  metaAfterBodyH1?: boolean;
  feedHref?: string;
  /** The post's language and direction (./lang.ts). */
  lang?: string;
  dir?: 'rtl';
}

/** A standalone HTML5 page for one post. */
export function renderPostPage(input: PostPageInput): string {
  const date = input.date === undefined ? '' : `<p class="post-date">${dateHtml(input.date, input.lang)}</p>`;
  let article = focusableScrollers(plainIds(input.bodyHtml));
  const under = input.metaAfterBodyH1 === true && date !== '' ? afterOpeningH1(article, date) : null;
  if (under !== null) article = under;
  const header = [
    input.heading === false ? '' : `<h1>${escapeHtml(input.title)}</h1>`,
    under === null ? date : '',
  ].join('');
  const body = `${siteBar(input.siteTitle, input.nav?.home)}
<main>
<article>
${header === '' ? '' : `<header class="post-header">${header}</header>`}
${article}
</article>
${tagLinks(input.tags ?? [])}
${neighbourLinks(input.neighbours)}
</main>`;
  return renderDocument(
    {
      title: input.title,
      type: 'article',
      description: input.description,
      siteTitle: input.siteTitle,
      canonicalUrl: input.canonicalUrl,
      image: input.image,
      cssHref: input.cssHref,
      alternateFeed: input.feedHref,
      ...(input.lang === undefined ? {} : { lang: input.lang }),
      ...(input.dir === undefined ? {} : { dir: input.dir }),
    },
    body,
  );
}

/** One entry of a list page. */
export interface ListEntry {
  title: string;
  href: string;
  date?: string;
  summary?: string;
}

/** What a list page (index, tag) shows. */
export interface ListPageInput {
  title: string;
  /** Shown under the heading. */
  intro?: string;
  entries: ListEntry[];
  siteTitle?: string;
  canonicalUrl?: string;
  nav?: { home: string; tags?: string };
  feedHref?: string;
  cssHref?: string;
  /** The site's home page: its heading is the site's name, so no bar above it names the site again (and links to itself). */
  home?: boolean;
}

/** A standalone HTML5 page listing posts or tags. */
export function renderListPage(input: ListPageInput): string {
  const items = input.entries.map(listItem).join('\n');
  const list = items === '' ? '<p>Nothing here yet.</p>' : `<ul class="post-list">\n${items}\n</ul>`;
  const tags =
    input.nav?.tags === undefined ? '' : `<p class="tags"><a href="${escapeHtml(input.nav.tags)}">All tags</a></p>`;
  const intro = input.intro === undefined ? '' : `<p class="meta">${escapeHtml(input.intro)}</p>`;
  const bar = input.home === true ? '' : siteBar(input.siteTitle, input.nav?.home);
  const body = `${bar}
<main>
<h1>${escapeHtml(input.title)}</h1>
${intro}
${list}
${tags}
</main>`;
  return renderDocument(
    {
      title: input.title,
      type: 'website',
      siteTitle: input.siteTitle,
      canonicalUrl: input.canonicalUrl,
      alternateFeed: input.feedHref,
      cssHref: input.cssHref,
    },
    body,
  );
}

function listItem(entry: ListEntry): string {
  const date = entry.date === undefined ? '' : `<p class="meta">${dateHtml(entry.date)}</p>`;
  const summary = entry.summary === undefined ? '' : `<p>${escapeHtml(entry.summary)}</p>`;
  return `<li><h2><a href="${escapeHtml(entry.href)}">${escapeHtml(entry.title)}</a></h2>${date}${summary}</li>`;
}

/**
 * The links to the posts beside this one, as readers go on from the end of a post: the newer at the
 * start, the older at the end. A title is isolated from the text around it (bdi), since it may be
 * written in another direction than the page.
 */
function neighbourLinks(neighbours: PostNeighbours | undefined): string {
  const links = (['newer', 'older'] as const).flatMap((side) => {
    const post = neighbours?.[side];
    if (post === undefined) return [];
    const label = `<span class="post-nav-label">${escapeHtml(post.label)}</span>`;
    return [`<a class="${side}" href="${escapeHtml(post.href)}">${label} <bdi>${escapeHtml(post.title)}</bdi></a>`];
  });
  return links.length === 0 ? '' : `<nav class="post-nav" aria-label="More posts">${links.join('\n')}</nav>`;
}

function tagLinks(tags: { name: string; href: string }[]): string {
  if (tags.length === 0) return '';
  const links = tags.map((tag) => `<a href="${escapeHtml(tag.href)}">#${escapeHtml(tag.name)}</a>`).join(' ');
  return `<footer><p class="tags">${links}</p></footer>`;
}

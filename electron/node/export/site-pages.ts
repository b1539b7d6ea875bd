/**
 * Rendering the post pages of a site export, one post at a time, from plain data only: the same
 * code runs in the exporting thread and in the worker threads that share the work (./pool.ts).
 */
import { threadId } from 'node:worker_threads';
import { renderArticle } from './article';
import type { Neighbour, PostNeighbours } from './page';
import { assetSink, takeCopies, type FileCopy } from './assets';
import type { SourcePost } from './collect';
import { publicUrl, relativeHref } from './paths';
import { linkResolver, type PageLink } from './plan';
import type { CachedBody } from './render-cache';

/** What every post page of one export shares; plain data, so a worker thread can receive it. */
export interface SiteSetup {
  /** The posts folder's real path. */
  postsRoot: string;
  siteTitle: string;
  siteUrl: string | undefined;
  /** Every page of the site, newest first; a post is rendered by its index here. */
  pages: PageLink[];
  /** Each tag → its output-relative page. */
  tags: [string, string][];
}

/** One post page, rendered: what to write, what the lists need, and the image copies it made. */
export interface RenderedPage {
  html: string;
  /** The sanitized body alone, for the feed. */
  bodyHtml: string;
  summary: string;
  warnings: string[];
  /** Output-relative path → the file of each copy first named by this page (in this thread). */
  copies: Map<string, FileCopy>;
  /** The thread that rendered it (0: the exporting thread). */
  thread: number;
  /** The body's render and its questions, for the render cache. */
  cache: CachedBody;
  /** Whether the body's render was reused from the cache. */
  reused: boolean;
}

/** Renders page `index` from `post`, reusing `cached` (an earlier render of its body) if still right. */
export type PageRender = (post: SourcePost, index: number, cached?: CachedBody) => RenderedPage;

/** A renderer of the site's post pages; images copied once per renderer. */
export function pageRenderer(setup: SiteSetup): PageRender {
  const sink = assetSink('copy', setup.postsRoot, 'assets');
  const links = linkResolver(setup.pages);
  const tags = new Map(setup.tags);
  const siteUrl = setup.siteUrl;
  return (post, index, cached) => {
    const page = setup.pages[index];
    if (page?.id !== post.id) throw new Error(`Page ${String(index)} is not ${post.id}`);
    const article = renderArticle(post, {
      sink,
      pageFile: page.file,
      resolveLink: links(page),
      siteTitle: setup.siteTitle,
      canonicalUrl: siteUrl === undefined ? undefined : publicUrl(siteUrl, page.file),
      home: relativeHref(page.file, 'index.html'),
      tagHref: (tag) => relativeHref(page.file, tags.get(tag) ?? 'tags/index.html'),
      feedHref: siteUrl === undefined ? undefined : relativeHref(page.file, 'feed.xml'),
      neighbours: neighboursOf(setup.pages, index),
      ...(cached === undefined ? {} : { cached }),
    });
    return {
      html: article.html,
      bodyHtml: article.bodyHtml,
      summary: article.summary,
      warnings: article.warnings,
      copies: takeCopies(sink),
      thread: threadId,
      cache: article.cache,
      reused: article.reused,
    };
  };
}

/**
 * The posts beside the one at `index` in the index's order (newest first). A link says "Newer post"
 * or "Older post" only when the days the two pages show say so too; posts of the same day (ordered
 * by title), a date with an offset that orders it across midnight, and undated posts (after every
 * dated one, by title) are the "Previous post" and "Next post" on the index.
 */
export function neighboursOf(pages: readonly PageLink[], index: number): PostNeighbours {
  const page = pages[index];
  const neighbours: PostNeighbours = {};
  if (page === undefined) return neighbours;
  const newer = pages[index - 1];
  const older = pages[index + 1];
  if (newer !== undefined)
    neighbours.newer = linkTo(page, newer, earlierDay(page, newer) ? 'Newer post' : 'Previous post');
  if (older !== undefined) neighbours.older = linkTo(page, older, earlierDay(older, page) ? 'Older post' : 'Next post');
  return neighbours;
}

/** Whether page `a` shows an earlier day than page `b` (both show one). */
function earlierDay(a: PageLink, b: PageLink): boolean {
  return a.day !== null && b.day !== null && a.day < b.day;
}

function linkTo(from: PageLink, to: PageLink, label: string): Neighbour {
  return { title: to.title, href: relativeHref(from.file, to.file), label };
}

/** A post whose page could not be rendered, naming its file; `cause` is the error it met. */
export class PageError extends Error {
  constructor(
    readonly postId: string,
    cause: unknown,
  ) {
    super(`${postId}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'PageError';
  }
}

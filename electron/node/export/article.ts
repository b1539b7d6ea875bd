/**
 * One post rendered for export: the body goes through the one Markdown pipeline once, which asks
 * about each image it keeps (found and queued for copying, or inlined, on the spot), inside a post page.
 */
import { excerptOf } from '../../../shared/markdown/excerpt';
import { TITLE_KEYS } from '../../../shared/api/fields';
import { titleLayoutOfHtml } from '../../../shared/markdown/title';
import { unresolvedImageWarning } from '../../../shared/markdown/url-policy';
import { postImages, type AssetSink } from './assets';
import { pageLanguage } from '../../../shared/markdown/lang';
import { postLinks } from './links';
import { folderOf, textField, type SourcePost } from './collect';
import { dateWarning } from './dates';
import { renderPostPage, type PostNeighbours } from './page';
import { relativeHref } from './paths';
import { renderBodyCached, type CachedBody } from './render-cache';

/** Where a post page sits and what it links to. */
export interface ArticleContext {
  sink: AssetSink;
  /** The page's output-relative file. */
  pageFile: string;
  resolveLink?: (href: string) => string | null;
  siteTitle?: string;
  /** The page's public URL, when the site's URL is known. */
  canonicalUrl?: string;
  /** Relative URLs of the index page, of each tag page, and of the feed. */
  home?: string;
  tagHref?: (tag: string) => string;
  feedHref?: string;
  /** The posts before and after it on the site's index (./page.ts PostNeighbours). */
  neighbours?: PostNeighbours;
  /** An earlier render of this body, reused if its image and link answers are all still the same. */
  cached?: CachedBody;
}

/** A rendered post page with what the lists need to know about it. */
export interface Article {
  html: string;
  /** The sanitized body alone, for the feed. */
  bodyHtml: string;
  /** How many images were copied or inlined. */
  images: number;
  /** The description from front matter, else the first paragraph's text. */
  summary: string;
  warnings: string[];
  /** The body's render and the questions it asked, for the render cache. */
  cache: CachedBody;
  /** Whether the body's render was reused from `cached`. */
  reused: boolean;
}

const DESCRIPTION_KEYS = ['description', 'summary', 'excerpt', 'subtitle'];
const IMAGE_KEYS = ['image', 'cover', 'og_image', 'thumbnail'];

/** Renders one post to a standalone page; its image copies wait in the sink's `pending` (or are inlined). */
export function renderArticle(post: SourcePost, context: ArticleContext): Article {
  const body = renderBody(post, context);
  const fields = post.parsed.frontMatter.fields;
  const description = textField(fields, DESCRIPTION_KEYS);
  const summary = description ?? excerptOf(body.html);
  // The same rule as the preview's, read from the body as rendered: a body opening with an H1 is
  // titled by it, the date under it.
  const layout = titleLayoutOfHtml(body.html, textField(fields, TITLE_KEYS) !== undefined);
  const html = renderPostPage({
    title: post.title,
    description: summary === '' ? undefined : summary,
    date: post.facts.date ?? undefined,
    bodyHtml: body.html,
    siteTitle: context.siteTitle,
    canonicalUrl: context.canonicalUrl,
    image: remoteImage(textField(fields, IMAGE_KEYS)),
    nav: context.home === undefined ? undefined : { home: context.home },
    ...(context.neighbours === undefined ? {} : { neighbours: context.neighbours }),
    tags:
      context.tagHref === undefined
        ? []
        : post.facts.tags.map((name) => ({ name, href: context.tagHref?.(name) ?? '' })),
    ...pageLanguage(fields, post.id, `${post.title}\n${post.parsed.body}`),
    heading: layout.heading,
    metaAfterBodyH1: layout.metaAfterBodyH1,
    feedHref: context.feedHref,
  });
  return {
    html,
    bodyHtml: body.html,
    images: body.images,
    summary,
    warnings: [dateWarning(post.facts.date), ...body.warnings].flatMap((w) =>
      w === undefined ? [] : [`${post.id}: ${w}`],
    ),
    cache: body.cache,
    reused: body.reused,
  };
}

interface Body {
  html: string;
  images: number;
  warnings: string[];
  cache: CachedBody;
  reused: boolean;
}

function renderBody(post: SourcePost, context: ArticleContext): Body {
  const images = postImages(folderOf(post), context.sink);
  const links = postLinks({
    postFolder: folderOf(post),
    pageFile: context.pageFile,
    sink: context.sink,
    ...(context.resolveLink === undefined ? {} : { pages: context.resolveLink }),
  });
  const options = {
    resolveImage: (src: string) => {
      const target = images.resolve(src);
      if (target === null) return null;
      return target.startsWith('data:') ? target : relativeHref(context.pageFile, target);
    },
    resolveLink: links.resolve,
  };
  const { result: rendered, entry, reused } = renderBodyCached(post.parsed.body, options, context.cached);
  // The asset step knows why an image was left out; the pipeline's generic note would repeat it.
  const generic = new Set([...images.refused].map(unresolvedImageWarning));
  return {
    html: rendered.html,
    images: images.targets.size,
    warnings: [...images.warnings, ...links.warnings(), ...rendered.warnings.filter((w) => !generic.has(w))],
    cache: entry,
    reused,
  };
}

function remoteImage(value: string | undefined): string | undefined {
  return value !== undefined && /^https:\/\/[^\s"<>]+$/i.test(value) ? value : undefined;
}

/**
 * The shell every exported page shares: a strict Content-Security-Policy (no scripts at all),
 * the theme inline, and escaped metadata. Front-matter values are attacker text: every value
 * reaches the page through escapeHtml, never as markup.
 */
import { escapeHtml } from '../../../shared/markdown/escape';
import { THEME_CSS } from './theme';

/** The policy of an exported page: no script source at all; images from the site, data: and https. */
export function pageCsp(selfStyles: boolean): string {
  const styles = selfStyles ? "'self' 'unsafe-inline'" : "'unsafe-inline'";
  return `default-src 'none'; style-src ${styles}; img-src 'self' data: https:; base-uri 'none'; form-action 'none'`;
}

/** What the `<head>` of a page says about it. */
export interface PageHead {
  title: string;
  description?: string;
  siteTitle?: string;
  canonicalUrl?: string;
  image?: string;
  /** 'article' for a post, 'website' for lists. */
  type: 'article' | 'website';
  /** An extra stylesheet of the author's, linked after the built-in theme. */
  cssHref?: string;
  /** The site's Atom feed, announced to feed readers. */
  alternateFeed?: string;
  /** The page's language (a BCP 47 tag; `en` when not given) and, for right-to-left text, its direction. */
  lang?: string;
  dir?: 'rtl';
}

/** Escapes text for HTML content and double-quoted attribute values. */
export { escapeHtml };

/** A complete HTML5 document around some body markup. */
export function renderDocument(head: PageHead, bodyHtml: string): string {
  return `<!DOCTYPE html>
<html lang="${escapeHtml(head.lang ?? 'en')}"${head.dir === undefined ? '' : ` dir="${head.dir}"`}>
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${pageCsp(head.cssHref !== undefined)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(fullTitle(head))}</title>
${metaTags(head).join('\n')}
<style>${THEME_CSS}</style>
</head>
<body>
${bodyHtml}
</body>
</html>
`;
}

function fullTitle(head: PageHead): string {
  if (head.siteTitle === undefined || head.siteTitle === '' || head.siteTitle === head.title) return head.title;
  return `${head.title} · ${head.siteTitle}`;
}

function metaTags(head: PageHead): string[] {
  const tags: string[] = [];
  const meta = (attr: 'name' | 'property', key: string, value: string | undefined) => {
    if (value !== undefined && value !== '') tags.push(`<meta ${attr}="${key}" content="${escapeHtml(value)}">`);
  };
  meta('name', 'description', head.description);
  meta('property', 'og:title', head.title);
  meta('property', 'og:type', head.type);
  meta('property', 'og:description', head.description);
  meta('property', 'og:site_name', head.siteTitle);
  meta('property', 'og:url', head.canonicalUrl);
  meta('property', 'og:image', head.image);
  if (head.canonicalUrl !== undefined) tags.push(`<link rel="canonical" href="${escapeHtml(head.canonicalUrl)}">`);
  if (head.alternateFeed !== undefined) {
    tags.push(`<link rel="alternate" type="application/atom+xml" href="${escapeHtml(head.alternateFeed)}">`);
  }
  if (head.cssHref !== undefined) tags.push(`<link rel="stylesheet" href="${escapeHtml(head.cssHref)}">`);
  return tags;
}

/** The bar at the top of every page: the site's name, linking home. */
export function siteBar(siteTitle: string | undefined, home: string | undefined): string {
  const name = escapeHtml(siteTitle === undefined || siteTitle === '' ? 'Home' : siteTitle);
  if (home === undefined) return '';
  return `<header class="site"><a href="${escapeHtml(home)}">${name}</a></header>`;
}

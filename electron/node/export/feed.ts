/**
 * The Atom feed and the sitemap of an exported site (written only when the site's URL is known,
 * since both need absolute URLs). Every value is XML-escaped; post HTML travels as escaped text.
 */
import { machineTime } from './dates';

/** One post in the feed. */
export interface FeedEntry {
  title: string;
  url: string;
  /** RFC 3339. */
  updated: string;
  summary: string;
  html: string;
}

const XML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};
// Characters XML 1.0 forbids outright are dropped rather than escaped (they cannot be escaped).
// eslint-disable-next-line no-control-regex -- these are exactly the characters XML refuses
const XML_SPECIAL = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Escapes text for XML content and attribute values (one pass: the feed carries every post's HTML). */
export function escapeXml(text: string): string {
  return text.replace(XML_SPECIAL, (c) => XML_ESCAPES[c] ?? '');
}

/**
 * An RFC 3339 time for a post: the instant when its date has an offset, its wall clock read as UTC
 * when it has none, else (no date, or one no calendar has) the file's modification time.
 */
export function atomTime(date: string | null, sortKey: string | null, fallbackMs: number): string {
  return machineTime(date, sortKey) ?? new Date(fallbackMs).toISOString();
}

/** An Atom 1.0 feed of the given entries (newest first). */
export function renderAtomFeed(input: {
  title: string;
  siteUrl: string;
  feedUrl: string;
  entries: FeedEntry[];
}): string {
  const updated = input.entries.reduce(
    (latest, e) => (e.updated > latest ? e.updated : latest),
    '1970-01-01T00:00:00Z',
  );
  const entries = input.entries.map(
    (e) => `  <entry>
    <title>${escapeXml(e.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(e.url)}"/>
    <id>${escapeXml(e.url)}</id>
    <updated>${escapeXml(e.updated)}</updated>
    <summary>${escapeXml(e.summary)}</summary>
    <content type="html" xml:base="${escapeXml(e.url)}">${escapeXml(e.html)}</content>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${escapeXml(input.title)}</title>
  <link rel="alternate" type="text/html" href="${escapeXml(input.siteUrl)}"/>
  <link rel="self" type="application/atom+xml" href="${escapeXml(input.feedUrl)}"/>
  <id>${escapeXml(input.siteUrl)}</id>
  <updated>${escapeXml(updated)}</updated>
  <author><name>${escapeXml(input.title)}</name></author>
${entries.join('\n')}
</feed>
`;
}

/** A sitemap (sitemaps.org 0.9) of the given page URLs. */
export function renderSitemap(urls: readonly { url: string; lastmod?: string }[]): string {
  const items = urls.map(({ url, lastmod }) => {
    const mod = lastmod === undefined ? '' : `<lastmod>${escapeXml(lastmod)}</lastmod>`;
    return `  <url><loc>${escapeXml(url)}</loc>${mod}</url>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${items.join('\n')}
</urlset>
`;
}

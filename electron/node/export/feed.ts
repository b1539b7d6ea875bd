/**
 * The Atom feed and the sitemap of an exported site (written only when the site's URL is known,
 * since both need absolute URLs). Every value is XML-escaped; post HTML travels as escaped text.
 */
/** One post in the feed. */
export interface FeedEntry {
  title: string;
  url: string;
  /** RFC 3339: when it was last changed (its `updated` field), else `published`. */
  updated: string;
  /** RFC 3339: its date. */
  published: string;
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

/** A tag of the serializer's output: attribute values hold no `<` or `>` (shared/markdown/attributes.ts), nor does text a `<`. */
const TAG = /<[a-z][^>]*>/gi;
/** A URL attribute the sanitizer keeps (links, images, quotes' sources), double-quoted as the serializer writes them. */
const URL_ATTRIBUTE = / (href|src|cite)="([^"]*)"/g;
/** A URL with a scheme (`https:`, `mailto:`, `data:`): left exactly as written. */
const HAS_SCHEME = /^[a-z][a-z\d+.-]*:/i;
/** The character references the serializer writes in attribute values (it writes no named ones). */
const REFERENCE = /&#(x[\da-f]+|\d+);/gi;

/**
 * A post's HTML with its relative URLs (in links, images and quotes' sources) made absolute against
 * `pageUrl`, for a feed: readers that ignore `xml:base` would read them against the feed's own URL.
 * Takes the pipeline's serialized, sanitized HTML only (its tags and quoting are known).
 */
export function absoluteUrls(html: string, pageUrl: string): string {
  return html.replace(TAG, (tag) =>
    tag.replace(URL_ATTRIBUTE, (whole, name: string, value: string) => {
      const url = value.replace(REFERENCE, (reference, code: string) => {
        const point = code.startsWith('x') || code.startsWith('X') ? parseInt(code.slice(1), 16) : Number(code);
        return point <= 0x10ffff ? String.fromCodePoint(point) : reference;
      });
      if (HAS_SCHEME.test(url)) return whole;
      let absolute: string;
      try {
        absolute = new URL(url, pageUrl).href;
      } catch {
        return whole;
      }
      // The URL parser percent-encodes `"`, `<` and `>`: only `&` needs a reference again.
      return ` ${name}="${absolute.replaceAll('&', '&#x26;')}"`;
    }),
  );
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
    <published>${escapeXml(e.published)}</published>
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

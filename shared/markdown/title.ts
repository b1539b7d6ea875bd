/**
 * Where a post's title and date go, decided once for the preview and the export alike. The rule a
 * writer expects: when the body opens with a level-one heading, that heading is the page's title
 * (no second title above it) and the date sits right under it. Otherwise the front matter's title
 * (or, with neither, the file's name) is shown as the title, with the date under it; a body
 * without a front-matter title whose first H1 comes later shows no extra title, only the date.
 */

/** Where the title and the date go on a post page. */
export interface TitleLayout {
  /** Whether a title heading is shown above the body (the front matter's title, or the file's name). */
  heading: boolean;
  /** Whether the date goes right after the body's opening H1 (else it goes in the header above the body). */
  metaAfterBodyH1: boolean;
}

/** An opening tag of a level-one heading in the pipeline's HTML (text and attributes have `<` escaped). */
const H1_TAG = /<h1[\s>]/;

/**
 * The one rule, read from the body as rendered (the sanitized HTML of shared/markdown/render.ts,
 * whole or as the preview's blocks in order), so it agrees with the page by construction: a
 * setext heading over several lines, an `===` that only continues a list item, a heading after a
 * link definition or a raw `<h1>` are all read as the pipeline reads them.
 */
export function titleLayoutOfHtml(bodyHtml: string | readonly string[], hasOwnTitle: boolean): TitleLayout {
  const blocks = typeof bodyHtml === 'string' ? [bodyHtml] : bodyHtml;
  // A comment or a link definition before the heading leaves only a line break.
  const first = blocks.find((block) => block.trim() !== '')?.trimStart();
  if (first !== undefined && first.startsWith('<h1') && H1_TAG.test(first.slice(0, 4))) {
    return { heading: false, metaAfterBodyH1: true };
  }
  if (hasOwnTitle) return { heading: true, metaAfterBodyH1: false };
  return { heading: !blocks.some((block) => H1_TAG.test(block)), metaAfterBodyH1: false };
}

/** Puts `meta` (HTML) right after the first `</h1>` of a body that opens with one; null if it does not. */
export function afterOpeningH1(bodyHtml: string, meta: string): string | null {
  const start = bodyHtml.length - bodyHtml.trimStart().length;
  if (!bodyHtml.startsWith('<h1', start)) return null;
  const end = bodyHtml.indexOf('</h1>', start);
  if (end === -1) return null;
  const cut = end + '</h1>'.length;
  return `${bodyHtml.slice(0, cut)}\n${meta}${bodyHtml.slice(cut)}`;
}

/**
 * Where a post's title and date go, decided once for the preview and the export alike. The rule a
 * writer expects: when the body opens with a level-one heading, that heading is the page's title
 * (no second title above it) and the date sits right under it. Otherwise the front matter's title
 * (or, with neither, the file's name) is shown as the title, with the date under it; a body
 * without a front-matter title whose first H1 comes later shows no extra title, only the date.
 */

const ATX_H1 = /^ {0,3}#(?:[ \t]|$)/;
const SETEXT_H1 = /^ {0,3}=+[ \t]*$/;
const FENCE = /^ {0,3}(```|~~~)/;

/** True when the body's first block is a level-one heading (then the title would show twice). */
export function bodyStartsWithH1(markdown: string): boolean {
  let start = 0;
  // Only the first non-blank line and the one after it matter: no split of the whole text.
  for (;;) {
    const end = markdown.indexOf('\n', start);
    const line = end === -1 ? markdown.slice(start) : markdown.slice(start, end);
    if (line.trim() !== '') {
      if (ATX_H1.test(line)) return true;
      if (end === -1) return false;
      const nextEnd = markdown.indexOf('\n', end + 1);
      return SETEXT_H1.test(nextEnd === -1 ? markdown.slice(end + 1) : markdown.slice(end + 1, nextEnd));
    }
    if (end === -1) return false;
    start = end + 1;
  }
}

/** True when a level-one heading (ATX or setext) appears anywhere outside fenced code. */
export function bodyHasH1(markdown: string): boolean {
  let inFence = false;
  let previous = '';
  for (const line of markdown.split('\n')) {
    if (FENCE.test(line)) inFence = !inFence;
    else if (!inFence) {
      if (ATX_H1.test(line)) return true;
      if (previous.trim() !== '' && !/^ {4}/.test(previous) && SETEXT_H1.test(line)) return true;
    }
    previous = inFence ? '' : line;
  }
  return false;
}

/** Where the title and the date go on a post page. */
export interface TitleLayout {
  /** Whether a title heading is shown above the body (the front matter's title, or the file's name). */
  heading: boolean;
  /** Whether the date goes right after the body's opening H1 (else it goes in the header above the body). */
  metaAfterBodyH1: boolean;
}

/** The one rule, for a body and whether its front matter names a title. */
export function titleLayout(body: string, hasOwnTitle: boolean): TitleLayout {
  if (bodyStartsWithH1(body)) return { heading: false, metaAfterBodyH1: true };
  if (hasOwnTitle) return { heading: true, metaAfterBodyH1: false };
  return { heading: !bodyHasH1(body), metaAfterBodyH1: false };
}

/** Puts `meta` (HTML) right after the first `</h1>` of a body that opens with one; null if it does not. */
export function afterOpeningH1(bodyHtml: string, meta: string): string | null {
  if (!bodyHtml.startsWith('<h1')) return null;
  const end = bodyHtml.indexOf('</h1>');
  if (end === -1) return null;
  const cut = end + '</h1>'.length;
  return `${bodyHtml.slice(0, cut)}\n${meta}${bodyHtml.slice(cut)}`;
}

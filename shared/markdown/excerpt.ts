/**
 * Plain text from the pipeline's own sanitized HTML, for list excerpts and feeds. Only our
 * output is read here: its text `<` is always escaped, so stripping tags cannot expose markup.
 */

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes numeric and common named character references. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    const code =
      ref.startsWith('#x') || ref.startsWith('#X')
        ? parseInt(ref.slice(2), 16)
        : ref.startsWith('#')
          ? parseInt(ref.slice(1), 10)
          : NaN;
    if (Number.isNaN(code)) return NAMED[ref.toLowerCase()] ?? whole;
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
  });
}

/** A paragraph's markup as plain text, on one line. */
function plainText(paragraph: string): string {
  return decodeEntities(paragraph.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The first paragraph of rendered HTML that has text, as plain text, cut at a word boundary near
 * `max` characters. A post often opens with a paragraph holding only an image: it says nothing.
 */
export function excerptOf(html: string, max = 200): string {
  let text = '';
  for (const [, paragraph = ''] of html.matchAll(/<p>([\s\S]*?)<\/p>/g)) {
    text = plainText(paragraph);
    if (text !== '') break;
  }
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.!?-]+$/, '')}…`;
}

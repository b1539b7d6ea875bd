/**
 * rehype-stringify leaves `<` and `>` raw inside quoted attribute values (`title="<img onerror=…>"`).
 * That is inert where our HTML goes, but escaping them too means the output stays inert even if
 * someone later pastes it into a raw-text context (noscript, textarea) or scans it naively.
 */

const LT = 0x3c;
const GT = 0x3e;

/** Escapes `<` and `>` inside double-quoted attribute values of serializer output. */
export function escapeAttributeBrackets(html: string): string {
  // This runs on every render, over the whole HTML: it jumps from one character that matters to the
  // next with indexOf and reads only attribute values character by character (a tenth of the time
  // of a loop over every character). The serializer escapes `<` in text and quotes every attribute
  // value with `"`: outside a tag only `<` matters, inside one only `"` and `>`.
  let quote = html.indexOf('"');
  if (quote === -1) return html;
  let gt = html.indexOf('>');
  let out = '';
  let copied = 0;
  let tagStart = html.indexOf('<');
  while (tagStart !== -1) {
    // In a tag from `at`. `quote` and `gt` are the first `"` and `>` after some place before `at`:
    // found again only once passed, so each is searched for once over the whole text.
    let at = tagStart + 1;
    for (;;) {
      if (quote !== -1 && quote < at) quote = html.indexOf('"', at);
      if (gt !== -1 && gt < at) gt = html.indexOf('>', at);
      if (quote === -1 || (gt !== -1 && gt < quote)) break;
      // A value, from the quote after `quote` to its closing quote (or the end).
      const close = html.indexOf('"', quote + 1);
      const end = close === -1 ? html.length : close;
      for (let i = quote + 1; i < end; i++) {
        const code = html.charCodeAt(i);
        if (code !== LT && code !== GT) continue;
        out += html.slice(copied, i) + (code === LT ? '&#x3C;' : '&#x3E;');
        copied = i + 1;
      }
      if (close === -1) return out + html.slice(copied);
      at = close + 1;
    }
    // The tag ends at `gt`; without one, it runs to the end and nothing more can be escaped.
    tagStart = gt === -1 ? -1 : html.indexOf('<', gt + 1);
  }
  return copied === 0 ? html : out + html.slice(copied);
}

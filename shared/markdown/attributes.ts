/**
 * rehype-stringify leaves `<` and `>` raw inside quoted attribute values (`title="<img onerror=…>"`).
 * That is inert where our HTML goes, but escaping them too means the output stays inert even if
 * someone later pastes it into a raw-text context (noscript, textarea) or scans it naively.
 */

/** Escapes `<` and `>` inside double-quoted attribute values of serializer output. */
export function escapeAttributeBrackets(html: string): string {
  let out = '';
  let inTag = false;
  let inValue = false;
  for (const ch of html) {
    if (inValue) {
      if (ch === '"') inValue = false;
      out += ch === '<' ? '&#x3C;' : ch === '>' ? '&#x3E;' : ch;
      continue;
    }
    // The serializer escapes `<` in text and quotes every attribute value with `"`.
    if (ch === '<') inTag = true;
    else if (inTag && ch === '"') inValue = true;
    else if (inTag && ch === '>') inTag = false;
    out += ch;
  }
  return out;
}

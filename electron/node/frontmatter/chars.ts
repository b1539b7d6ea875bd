/**
 * Character tests for quoting, by code point rather than control-character regexes.
 */

/** True for a C0 control character or DEL. */
export function isControl(c: string): boolean {
  const code = c.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
}

/** True when the text holds a control character other than those in `allowed`. */
export function hasControl(text: string, allowed = ''): boolean {
  for (const c of text) if (isControl(c) && !allowed.includes(c)) return true;
  return false;
}

/**
 * True for characters that YAML (1.1 or 1.2) only accepts escaped in double quotes: controls,
 * the Unicode line breaks NEL/LS/PS, the BOM, lone surrogates and the non-characters FFFE/FFFF.
 */
export function needsYamlEscape(c: string): boolean {
  const code = c.codePointAt(0) ?? 0;
  if (c === '\t') return false;
  if (isControl(c) || code === 0x85 || code === 0x2028 || code === 0x2029 || code === 0xfeff) return true;
  return (code >= 0xd800 && code <= 0xdfff) || code === 0xfffe || code === 0xffff;
}

/** True when some character of the text needs escaping in YAML (see needsYamlEscape). */
export function hasYamlEscapes(text: string): boolean {
  for (const c of text) if (needsYamlEscape(c)) return true;
  return false;
}

/** The text with each character for which `needs` holds replaced by `escape(c)`. */
export function escapeWhere(text: string, needs: (c: string) => boolean, escape: (c: string) => string): string {
  let out = '';
  for (const c of text) out += needs(c) ? escape(c) : c;
  return out;
}

/**
 * Matching as a writer expects a search box to: blind to case and to accents (`cafe` finds `café`
 * and `Café`, `zurich` finds `Zürich`), and to how an accent is encoded (`é` as one character, or
 * `e` and a combining accent, as files written on macOS often hold it). Only the accents of Latin
 * and Greek letters are folded: `й`, `が` and the vowel signs of Indic scripts are letters of their
 * own, never folded away.
 */

/** The combining accents (U+0300 to U+036F) folded away. */
const ACCENTS = /[\u0300-\u036f]/gu;

const NON_ASCII = /\P{ASCII}/u;

/** Where the accented letters folded live: Latin-1, Latin Extended A and B, Greek, Latin Extended Additional. */
const FOLDED_RANGES: readonly [number, number][] = [
  [0x00c0, 0x024f],
  [0x0370, 0x03ff],
  [0x1e00, 0x1fff],
];

let tables: { base: Map<string, string>; variants: Map<string, string> } | null = null;

/** Accented letter → its base letter, and base letter → every accented form of it (both cases), built once. */
function foldTables(): { base: Map<string, string>; variants: Map<string, string> } {
  if (tables !== null) return tables;
  const base = new Map<string, string>();
  const variants = new Map<string, string>();
  for (const [from, to] of FOLDED_RANGES) {
    for (let code = from; code <= to; code++) {
      const char = String.fromCodePoint(code);
      const parts = char.normalize('NFD');
      const letter = parts.charAt(0);
      if (parts.length < 2 || parts.slice(1).replace(ACCENTS, '') !== '') continue;
      const lower = letter.toLowerCase();
      base.set(char, lower);
      variants.set(lower, (variants.get(lower) ?? '') + char);
    }
  }
  tables = { base, variants };
  return tables;
}

/** `text` lower-cased, without the accents of its Latin and Greek letters, however they are encoded. */
export function foldText(text: string): string {
  // Most titles, paths and tags are ASCII: nothing to fold but the case.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  const { base } = foldTables();
  let out = '';
  for (const char of text.normalize('NFC')) out += base.get(char) ?? char;
  return out.replace(ACCENTS, '').toLowerCase();
}

/** The words of a query, folded, without repeats. */
export function foldedWords(query: string): string[] {
  return [...new Set(foldText(query).split(/\s+/u))].filter((word) => word !== '');
}

/**
 * The source of a regular expression (for the flags `giu`) matching `word` in unfolded text as
 * foldText compares it: each letter in any case and with any accent, precomposed or combining.
 */
export function wordPatternSource(word: string): string {
  const { variants } = foldTables();
  let source = '';
  for (const char of foldText(word)) {
    const accented = variants.get(char);
    source += accented === undefined ? char.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&') : `[${char}${accented}]`;
    source += '[\\u0300-\\u036f]*';
  }
  return source;
}

/** A pattern per word of `query` (at most `limit`), matching as wordPatternSource says. */
export function queryWordPatterns(query: string, limit = 10): RegExp[] {
  return foldedWords(query)
    .slice(0, limit)
    .map((word) => new RegExp(wordPatternSource(word), 'giu'));
}

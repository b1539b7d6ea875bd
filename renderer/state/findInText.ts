/**
 * Find and replace in a post's text, without a DOM: the matches of a query (case, whole word), the
 * next and previous one from a place in the text, and the text with every match replaced. Matches
 * never overlap: after one, the search goes on from its end ("aa" is found twice in "aaaa"), so
 * replacing them all replaces what the count said. Offsets are UTF-16 code units, as a textarea's.
 */

/** How the query is matched. */
export interface FindOptions {
  matchCase: boolean;
  wholeWord: boolean;
}

/** One match: [start, end) of the text. */
export interface TextMatch {
  start: number;
  end: number;
}

/** The matches found, at most `cap` of them; `capped` when there are more. */
export interface FoundMatches {
  matches: TextMatch[];
  capped: boolean;
}

/** How many matches are counted before the count says "10,000+". */
export const MATCH_CAP = 10_000;

/** A letter, a digit, a combining mark or a connector (`_`): what a word is made of, in any script. */
const WORD_CHAR = String.raw`[\p{L}\p{N}\p{M}\p{Pc}]`;
const IS_WORD_CHAR = new RegExp(`^${WORD_CHAR}$`, 'u');

/**
 * `text` as a pattern matching itself. Only the syntax characters are escaped: with the `u` flag an
 * escape of anything else (`\-`, `\'`) is a syntax error, not the character.
 */
function escape(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/** The first and last code points of `text`. */
function ends(text: string): [string, string] {
  const points = Array.from(text);
  return [points[0] ?? '', points.at(-1) ?? ''];
}

/**
 * The expression that finds `query` (global, Unicode; case folded unless `matchCase`). A whole
 * word is only asked of the sides that are word characters: "#tag" still needs no letter right
 * after it, but may follow one.
 */
export function queryPattern(query: string, options: FindOptions): RegExp | null {
  if (query === '') return null;
  let source = escape(query);
  if (options.wholeWord) {
    const [first, last] = ends(query);
    if (IS_WORD_CHAR.test(first)) source = `(?<!${WORD_CHAR})${source}`;
    if (IS_WORD_CHAR.test(last)) source = `${source}(?!${WORD_CHAR})`;
  }
  try {
    return new RegExp(source, options.matchCase ? 'gu' : 'giu');
  } catch {
    // Never: every query is escaped into a valid pattern. Were one not, it matches nothing
    // rather than throwing while the bar renders (which blanked the whole app).
    return /(?!)/gu;
  }
}

/** The matches of `query` in `text`, from the start, at most `cap`. */
export function findMatches(text: string, query: string, options: FindOptions, cap = MATCH_CAP): FoundMatches {
  const pattern = queryPattern(query, options);
  const matches: TextMatch[] = [];
  if (pattern === null) return { matches, capped: false };
  for (let found = pattern.exec(text); found !== null; found = pattern.exec(text)) {
    if (matches.length === cap) return { matches, capped: true };
    matches.push({ start: found.index, end: found.index + found[0].length });
  }
  return { matches, capped: false };
}

/** The first match starting at or after `from`, wrapping to the first of the text; null when none. */
export function matchFrom(text: string, given: RegExp, from: number): TextMatch | null {
  // A copy: the caller's expression (a memoised value) keeps its own place.
  const pattern = new RegExp(given);
  const at = (position: number): TextMatch | null => {
    pattern.lastIndex = position;
    const found = pattern.exec(text);
    return found === null ? null : { start: found.index, end: found.index + found[0].length };
  };
  return (from > 0 && from <= text.length ? at(from) : null) ?? at(0);
}

/** The last match starting before `before` (searching from the start), wrapping to the text's last; null when none. */
export function matchBefore(text: string, given: RegExp, before: number): TextMatch | null {
  const pattern = new RegExp(given);
  let last: TextMatch | null = null;
  let lastBefore: TextMatch | null = null;
  pattern.lastIndex = 0;
  for (let found = pattern.exec(text); found !== null; found = pattern.exec(text)) {
    last = { start: found.index, end: found.index + found[0].length };
    if (last.start < before) lastBefore = last;
  }
  return lastBefore ?? last;
}

/** Whether `match` is still a match of `pattern` in `text` (the text may have changed since it was found). */
export function stillMatches(text: string, pattern: RegExp, match: TextMatch): boolean {
  const found = matchFrom(text, pattern, match.start);
  return found?.start === match.start && found.end === match.end;
}

/** The index of the match starting at `start` in `matches` (sorted), or -1. */
export function indexOfMatch(matches: readonly TextMatch[], start: number): number {
  let low = 0;
  let high = matches.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const here = matches[middle]?.start ?? 0;
    if (here === start) return middle;
    if (here < start) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** What replacing every match makes: [from, to) of the text becomes `insert`; null when nothing matches. */
export interface ReplaceAllEdit {
  from: number;
  to: number;
  insert: string;
  count: number;
}

/** Every match of `query` replaced by `replacement` (taken literally: no `$1`), as one edit. */
export function replaceAllEdit(
  text: string,
  query: string,
  options: FindOptions,
  replacement: string,
): ReplaceAllEdit | null {
  const pattern = queryPattern(query, options);
  if (pattern === null) return null;
  const pieces: string[] = [];
  let from = -1;
  let to = -1;
  let count = 0;
  for (let found = pattern.exec(text); found !== null; found = pattern.exec(text)) {
    if (from === -1) from = found.index;
    else pieces.push(text.slice(to, found.index));
    pieces.push(replacement);
    to = found.index + found[0].length;
    count += 1;
  }
  return count === 0 ? null : { from, to, insert: pieces.join(''), count };
}

/** What the find bar's live region says, and what it was said for. */
export interface Announcement {
  /** The query, the switches and the writer's last move, in one string. */
  key: string;
  text: string;
}

/**
 * What the live region says now: the status when the writer changed the query or a switch, or
 * moved (a new `key`), else what it said before, so typing in the post (which changes the count
 * shown) is not read out at every pause.
 */
export function announcement(last: Announcement | null, key: string, status: string): Announcement {
  return last?.key === key ? last : { key, text: status };
}

/** The status read out: "3 of 12", "10,000+ matches", "No matches". */
export function matchStatus(index: number, found: FoundMatches): string {
  const total = found.matches.length;
  if (total === 0) return 'No matches';
  const all = `${total.toLocaleString('en-US')}${found.capped ? '+' : ''}`;
  if (index < 0) return `${all} ${total === 1 && !found.capped ? 'match' : 'matches'}`;
  return `${(index + 1).toLocaleString('en-US')} of ${all}`;
}

/** A selection worth searching for: short and on one line. */
export function findSeed(selected: string): string | null {
  if (selected === '' || selected.length > 100 || /[\r\n]/.test(selected)) return null;
  return selected;
}

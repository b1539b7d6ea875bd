/**
 * Counting a post the way a reader meets it. The rules, applied to the body (front matter is never
 * passed in):
 * - Markdown syntax is not text: link and image targets, whole images (alt text is not read
 *   aloud to most readers), reference definitions, footnote markers, HTML tags and comments,
 *   generator template tags (`{{< … >}}`, `{% … %}`, `{{ … }}`), emphasis, heading, quote and list
 *   markers, table pipes and rules. Link text, footnote text and inline code are counted.
 * - Fenced code blocks are not counted: a page of YAML is not prose, and would inflate the
 *   reading time. Indented code is (telling it from a list's continuation needs a full parse).
 * - A word is a run of non-space characters holding a letter or digit ("don't", "e.g.",
 *   "over-think", "1,450" and a URL are one word each). Han and kana are written without spaces,
 *   so each of their characters is one word, as Word and most editors count them; Korean is
 *   written with spaces between words, so Hangul is counted by spaces like Latin text. Thai, Lao,
 *   Khmer and Burmese runs are split by the platform's dictionary (Intl.Segmenter).
 * - Characters are what is left, spaces included, each run of spaces and line breaks counting
 *   as one; an accented letter or an emoji (with its skin tone or family joiners) counts once.
 * - Reading time: 230 words a minute, and 500 a minute for Han and kana characters.
 * Syntax goes by a few regular expressions (each skipped when its needle is absent); counting is one
 * pass over the characters with a table of what each is.
 */

/** The counts shown in the status bar. */
export interface TextStats {
  words: number;
  characters: number;
  /** Of the words, how many are Han or kana characters (read faster than words, per character). */
  ideographs: number;
}

/** Words read per minute, for text written with spaces. */
export const WORDS_PER_MINUTE = 230;
/** Han and kana characters read per minute. */
export const IDEOGRAPHS_PER_MINUTE = 500;

/** A fenced code block: from its fence to a closing one (same character, at least as long) or to the end. */
const fence = (opening: string, marker: string): RegExp =>
  new RegExp(
    `^[ \\t]*(${opening})[^\\n]*(?:\\n(?![ \\t]*\\1${marker}*[ \\t]*(?:\\n|$))[^\\n]*)*(?:\\n[ \\t]*\\1${marker}*[ \\t]*(?=\\n|$))?`,
    'gm',
  );

/**
 * Markdown that is not text, each replaced by what the reader sees of it (nothing, a space, its
 * text). Each applies only when the text holds its needle: a cheap test that skips most passes.
 */
const NOT_TEXT: readonly (readonly [needle: string, pattern: RegExp, replacement: string])[] = [
  // A backtick fence's info string holds no backtick (else the line is inline code).
  ['```', fence('`{3,}(?=[^`\\n]*$)', '`'), ''],
  ['~~~', fence('~{3,}', '~'), ''],
  ['<!--', /<!--[\s\S]*?(?:-->|$)/g, ' '],
  ['{{', /\{\{[^{}]*\}\}/g, ' '],
  ['{%', /\{%[^%]*%\}/g, ' '],
  ['![', /!\[[^\]\n]*\](?:\((?:[^()\n]|\([^()\n]*\))*\)|\[[^\]\n]*\])?/g, ' '],
  [']:', /^ {0,3}\[(?!\^)[^\]\n]+\]:[^\n]*$/gm, ''],
  ['](', /\]\((?:[^()\n]|\([^()\n]*\))*\)/g, ']'],
  ['][', /\]\[[^\]\n]*\]/g, ']'],
  ['[^', /\[\^[^\]\s]+\]/g, ''],
  ['<', /<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s@]+)>/g, '$1'],
  ['<', /<br\s*\/?>/gi, ' '],
  ['<', /<\/?[a-zA-Z][^<>]*>/g, ''],
  ['&', /&(?:nbsp|#160|#xa0);/gi, ' '],
  ['&', /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/gi, '·'],
  // Lines of rules, setext underlines and table delimiter rows; then heading, quote and list markers.
  ['', /^[ \t]*[-=*_|:][-=*_|: \t]*$/gm, ''],
  ['', /^(?=[ \t]*[-+*>#\d])[ \t>]*(?:#{1,6}(?=[ \t]|$)|(?:[-+*]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\](?=[ \t]))?)?/gm, ''],
  // Underscores at the edges of words are emphasis; inside (snake_case) they are text.
  ['_', /(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu, ''],
];

/**
 * The text a reader sees of `markdown`, by the rules above, but for inline markers: emphasis,
 * code and link brackets, escapes and table pipes are passed over by the count itself.
 */
export function proseText(markdown: string): string {
  let text = markdown;
  for (const [needle, pattern, replacement] of NOT_TEXT) {
    if (text.includes(needle)) text = text.replace(pattern, replacement);
  }
  return text;
}

/** Words, characters and ideographs of `markdown`. */
export function textStats(markdown: string): TextStats {
  return countText(proseText(markdown));
}

/** Minutes to read text with these counts (unrounded). */
export function readingMinutes(stats: TextStats): number {
  return (stats.words - stats.ideographs) / WORDS_PER_MINUTE + stats.ideographs / IDEOGRAPHS_PER_MINUTE;
}

/** "4 min read"; at least a minute for any text, nothing for none. */
export function readingLabel(stats: TextStats): string | null {
  if (stats.words === 0) return null;
  return `${Math.max(1, Math.round(readingMinutes(stats))).toLocaleString('en')} min read`;
}

/** "1,450 words", or "120 of 1,450 words" when `part` (the selection) is given. */
export function countLabel(total: number, part: number | null, noun: 'word' | 'character'): string {
  const whole = `${total.toLocaleString('en')} ${total === 1 ? noun : `${noun}s`}`;
  return part === null ? whole : `${part.toLocaleString('en')} of ${whole}`;
}

// What a character is, for counting.
const SPACE = 1;
/** A letter or digit of a script written with spaces. */
const LETTER = 2;
/** A Han or kana letter: a word by itself. */
const IDEOGRAPH = 3;
/** A letter of Thai, Lao, Khmer or Burmese, whose words only a dictionary can find. */
const UNSPACED = 4;
/** Part of the character before it: a combining mark, variation selector or skin tone. */
const MARK = 5;
/** The zero-width joiner: merges the characters either side into one. */
const JOINER = 6;
/** Half of a flag. */
const REGIONAL = 7;
/** Punctuation, symbols, emoji. */
const OTHER = 8;
/** Inline Markdown (`*`, `~`, backtick, `[`, `]`): not text, and no break between words. */
const SYNTAX = 9;
/** A backslash: escapes the punctuation after it, which then counts as itself. */
const ESCAPE = 10;

function classify(char: string): number {
  // A table's pipes separate cells as spaces do.
  if (/[\s|]/.test(char)) return SPACE;
  if (/[*~`[\]]/.test(char)) return SYNTAX;
  if (char === '\\') return ESCAPE;
  if (char === '\u200D') return JOINER;
  if (/\p{M}|[\u{1F3FB}-\u{1F3FF}]/u.test(char)) return MARK;
  if (/[\u{1F1E6}-\u{1F1FF}]/u.test(char)) return REGIONAL;
  if (/(?=\p{L})[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}]/u.test(char)) return IDEOGRAPH;
  if (/[\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u.test(char)) return UNSPACED;
  return /[\p{L}\p{N}]/u.test(char) ? LETTER : OTHER;
}

/** Kinds of the Basic Multilingual Plane, filled in as met (0: not met yet); others are kept in a map. */
const BMP_KINDS = new Uint8Array(0x10000);
const ASTRAL_KINDS = new Map<number, number>();

function kindOf(code: number): number {
  if (code < 0x10000) {
    let kind = BMP_KINDS[code] ?? 0;
    if (kind === 0) {
      kind = classify(String.fromCharCode(code));
      BMP_KINDS[code] = kind;
    }
    return kind;
  }
  let kind = ASTRAL_KINDS.get(code);
  if (kind === undefined) {
    kind = classify(String.fromCodePoint(code));
    ASTRAL_KINDS.set(code, kind);
  }
  return kind;
}

/** Counts of one pass in progress. */
interface Tally {
  words: number;
  ideographs: number;
  characters: number;
  /** Where the current run of non-space characters starts, or -1 between runs. */
  runStart: number;
  runHasLetter: boolean;
  runIsUnspaced: boolean;
  /** Runs of unspaced scripts, for the dictionary. */
  unspaced: string[];
}

function endRun(tally: Tally, text: string, end: number): void {
  if (tally.runStart === -1) return;
  if (tally.runHasLetter) tally.words += 1;
  if (tally.runIsUnspaced) tally.unspaced.push(text.slice(tally.runStart, end));
  tally.runStart = -1;
  tally.runHasLetter = false;
  tally.runIsUnspaced = false;
}

/** One pass over the text, a character at a time: no regular expression runs over the whole text. */
function countText(text: string): TextStats {
  const tally: Tally = {
    words: 0,
    ideographs: 0,
    characters: 0,
    runStart: -1,
    runHasLetter: false,
    runIsUnspaced: false,
    unspaced: [],
  };
  let spaceBefore = false;
  let joined = false;
  let regionals = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const point = code >= 0xd800 && code < 0xdc00 ? (text.codePointAt(i) ?? code) : code;
    const at = i;
    if (point > 0xffff) i += 1;
    let kind = kindOf(point);
    if (kind === SYNTAX) continue;
    if (kind === ESCAPE && /[!-/:-@[-`{-~]/.test(text[i + 1] ?? '')) {
      i += 1;
      kind = OTHER;
    }
    if (kind === SPACE) {
      endRun(tally, text, at);
      spaceBefore = tally.characters > 0;
    } else if (kind === JOINER) {
      joined = true;
    } else if (kind !== MARK && !joined && (kind !== REGIONAL || ++regionals % 2 === 1)) {
      // A run of spaces counts once, between characters.
      if (spaceBefore) tally.characters += 1;
      spaceBefore = false;
      tally.characters += 1;
      if (kind === IDEOGRAPH) {
        endRun(tally, text, at);
        tally.words += 1;
        tally.ideographs += 1;
      } else {
        if (tally.runStart === -1) tally.runStart = at;
        tally.runHasLetter ||= kind === LETTER || kind === UNSPACED;
        tally.runIsUnspaced ||= kind === UNSPACED;
      }
    } else {
      joined = false;
    }
  }
  endRun(tally, text, text.length);
  return {
    words: tally.words + unspacedExtra(tally.unspaced),
    characters: tally.characters,
    ideographs: tally.ideographs,
  };
}

/** What the dictionary finds beyond one word in each run of an unspaced script. */
function unspacedExtra(runs: readonly string[]): number {
  if (runs.length === 0 || typeof Intl.Segmenter !== 'function') return 0;
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
  let extra = 0;
  for (const run of runs) {
    let words = 0;
    for (const segment of segmenter.segment(run)) if (segment.isWordLike === true) words += 1;
    extra += Math.max(1, words) - 1;
  }
  return extra;
}

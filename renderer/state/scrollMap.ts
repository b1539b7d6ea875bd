/**
 * Scroll sync's map between the Markdown and its preview, anchored on blocks. The source side is a
 * line scan for where each top-level block starts and what it is (heading level, paragraph, list,
 * code…): CommonMark's block rules, simplified. The preview side is the kinds of the rendered
 * top-level elements. The two sequences are aligned by kind, resynchronising after anything that
 * renders differently (raw HTML, a sanitized-away block), so one odd block never shifts the rest.
 * Positions are then interpolated between the two anchors around the reader's place.
 */
import { isDelimiterRow } from '../../shared/markdown/table-row';

/** What a top-level block is, as the source and the preview both can tell. */
export type BlockKind =
  | 'h1'
  | 'h2'
  | 'h3'
  | 'h4'
  | 'h5'
  | 'h6'
  | 'p'
  | 'ul'
  | 'ol'
  | 'pre'
  | 'quote'
  | 'table'
  | 'hr'
  /** Raw HTML in the source, or an element the source scan cannot name: never an anchor. */
  | 'other';

/** A top-level block of the source: where it starts (a UTF-16 offset) and what it is. */
export interface SourceBlock {
  offset: number;
  kind: BlockKind;
}

const FENCE = /^ {0,3}(`{3,}(?=[^`]*$)|~{3,})/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]|$)/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE = /^ {0,3}>/;
const BULLET = /^ {0,3}([-+*])(?:[ \t]|$)/;
const ORDERED = /^ {0,3}(\d{1,9})([.)])(?:[ \t]|$)/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const DEFINITION = /^ {0,3}\[[^\]]+\]:/;
/** Raw HTML blocks that may interrupt a paragraph (CommonMark's kinds 1 to 6), and what ends each. */
const HTML_STARTS: readonly (readonly [RegExp, RegExp | null])[] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![a-zA-Z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
  [
    /^ {0,3}<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[\s/>]|\/>|$)/i,
    null,
  ],
];
/** A line holding only an opening or closing tag (kind 7, which cannot interrupt a paragraph). */
const HTML_TAG_LINE = /^ {0,3}(?:<[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?\/?>|<\/[a-zA-Z][a-zA-Z0-9-]*\s*>)[ \t]*$/;
const BLANK = /^[ \t]*$/;

/** The block being read: its kind and how the next line may continue it. */
interface Open {
  kind: BlockKind | 'definition';
  /** The list marker's character (`-`, `+`, `*`, `.` or `)`), for telling a new list from the same one. */
  marker?: string;
  /** Inside a fence: its opening run, which a closing fence must match. */
  fence?: string;
  /** Raw HTML that runs (through blank lines) to a line holding this. */
  end?: RegExp;
  /** The block is its first line only (a heading, a rule, raw HTML closed on the line it opens). */
  single?: boolean;
}

/** The raw HTML block `line` opens, if any; `afterParagraph` allows only those that may interrupt one. */
function htmlOpening(line: string, afterParagraph: boolean): Open | null {
  for (const [start, end] of HTML_STARTS) {
    if (!start.test(line)) continue;
    // A block whose end is on its first line is that line only.
    if (end === null) return { kind: 'other' };
    return end.test(line.replace(start, '')) ? { kind: 'other', single: true } : { kind: 'other', end };
  }
  return !afterParagraph && HTML_TAG_LINE.test(line) ? { kind: 'other' } : null;
}

function indentOf(line: string): number {
  let width = 0;
  for (const char of line) {
    if (char === ' ') width += 1;
    else if (char === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

/** Whether `line` starts a block that may interrupt a paragraph (so it is not a lazy continuation). */
function interrupts(line: string): boolean {
  if (FENCE.test(line) || ATX.test(line) || RULE.test(line) || QUOTE.test(line)) return true;
  if (htmlOpening(line, true) !== null) return true;
  const bullet = BULLET.exec(line);
  if (bullet !== null) return !BLANK.test(line.slice(bullet[0].length));
  const ordered = ORDERED.exec(line);
  return ordered !== null && ordered[1] === '1' && !BLANK.test(line.slice(ordered[0].length));
}

/** How `line` opens a new block, when it does not continue the open one. */
function opening(line: string, afterParagraph: boolean): Open {
  const fence = FENCE.exec(line);
  if (fence !== null) return { kind: 'pre', fence: fence[1] ?? '```' };
  const atx = ATX.exec(line);
  if (atx !== null) return { kind: `h${atx[1]?.length ?? 1}` as BlockKind, single: true };
  if (RULE.test(line)) return { kind: 'hr', single: true };
  if (QUOTE.test(line)) return { kind: 'quote' };
  const bullet = BULLET.exec(line);
  if (bullet !== null) return { kind: 'ul', marker: bullet[1] ?? '-' };
  const ordered = ORDERED.exec(line);
  if (ordered !== null) return { kind: 'ol', marker: ordered[2] ?? '.' };
  const html = htmlOpening(line, afterParagraph);
  if (html !== null) return html;
  if (!afterParagraph && DEFINITION.test(line)) return { kind: 'definition' };
  if (!afterParagraph && indentOf(line) >= 4) return { kind: 'pre' };
  return { kind: 'p' };
}

/** Whether the open block takes `line` in (lists and code through blank lines are decided by the caller). */
function continues(open: Open, line: string, afterBlank: boolean): boolean {
  switch (open.kind) {
    case 'p':
    case 'quote':
    case 'table':
      return !afterBlank && !interrupts(line);
    case 'ul':
    case 'ol': {
      if (indentOf(line) >= 2) return true;
      const same = open.kind === 'ul' ? BULLET.exec(line)?.[1] : ORDERED.exec(line)?.[2];
      if (same !== undefined) return same === open.marker;
      return !afterBlank && !interrupts(line);
    }
    case 'pre':
      return indentOf(line) >= 4;
    case 'definition':
      // A footnote's text continues on indented lines.
      return indentOf(line) >= 4 || (!afterBlank && !interrupts(line));
    case 'other':
      return !afterBlank;
    default:
      return false;
  }
}

/** The top-level blocks of `markdown`, in order (link definitions, which render nothing, left out). */
export function sourceBlocks(markdown: string): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  let open: Open | null = null;
  let afterBlank = false;
  let offset = 0;
  for (const line of markdown.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    if (open?.fence !== undefined) {
      if (closesFence(line, open.fence)) open = { kind: 'pre' };
      continue;
    }
    if (open?.end !== undefined) {
      if (open.end.test(line)) open = null;
      continue;
    }
    if (BLANK.test(line)) {
      afterBlank = true;
      continue;
    }
    const blank = afterBlank;
    afterBlank = false;
    if (open !== null && open.kind === 'p' && !blank) {
      const setext = SETEXT.exec(line);
      const last = blocks[blocks.length - 1];
      if (setext !== null && last !== undefined) {
        last.kind = setext[1]?.startsWith('=') ? 'h1' : 'h2';
        open = null;
        continue;
      }
      if (isDelimiterRow(line) && line.includes('|') && last !== undefined) {
        last.kind = 'table';
        open = { kind: 'table' };
        continue;
      }
    }
    if (open !== null && continues(open, line, blank)) continue;
    open = opening(line, open?.kind === 'p' && !blank);
    if (open.kind !== 'definition') blocks.push({ offset: start, kind: open.kind });
    if (open.single === true) open = null;
  }
  return blocks;
}

function closesFence(line: string, fence: string): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  const run = match?.[1];
  return run !== undefined && run[0] === fence[0] && run.length >= fence.length;
}

const TAG_KINDS: Readonly<Record<string, BlockKind>> = {
  H1: 'h1',
  H2: 'h2',
  H3: 'h3',
  H4: 'h4',
  H5: 'h5',
  H6: 'h6',
  P: 'p',
  UL: 'ul',
  OL: 'ol',
  PRE: 'pre',
  BLOCKQUOTE: 'quote',
  TABLE: 'table',
  HR: 'hr',
};

/** The kind of a rendered top-level element, by its tag name. */
export function elementKind(tagName: string): BlockKind {
  return TAG_KINDS[tagName.toUpperCase()] ?? 'other';
}

/** How many blocks ahead (on both sides together) to look for the next agreement after two disagree. */
const RESYNC_WINDOW = 24;
/** How many agreements in a row make a resynchronisation point certain enough. */
const RUN_WANTED = 6;

/**
 * Pairs of (source index, preview index) whose kinds agree, in order. Where the two disagree, the
 * next pair is the one within reach that starts the longest run of agreements (the nearest among
 * equals), so a heading missing on one side does not pair every later paragraph with the wrong one.
 */
export function alignBlocks(source: readonly BlockKind[], shown: readonly BlockKind[]): [number, number][] {
  const pairs: [number, number][] = [];
  // One element for many blocks (raw HTML wrapping the whole post, say): no pairing is trustworthy.
  if (shown.length === 1 && source.length > 1) return pairs;
  let i = 0;
  let j = 0;
  while (i < source.length && j < shown.length) {
    if (agree(source, shown, i, j)) {
      pairs.push([i, j]);
      i += 1;
      j += 1;
      continue;
    }
    const next = resync(source, shown, i, j);
    if (next === null) break;
    [i, j] = next;
  }
  return pairs;
}

function agree(source: readonly BlockKind[], shown: readonly BlockKind[], i: number, j: number): boolean {
  return i < source.length && j < shown.length && source[i] === shown[j] && source[i] !== 'other';
}

function runFrom(source: readonly BlockKind[], shown: readonly BlockKind[], i: number, j: number): number {
  let run = 0;
  while (run < RUN_WANTED && agree(source, shown, i + run, j + run)) run += 1;
  return run;
}

function resync(
  source: readonly BlockKind[],
  shown: readonly BlockKind[],
  i: number,
  j: number,
): [number, number] | null {
  let best: [number, number] | null = null;
  let bestRun = 0;
  for (let distance = 1; distance <= RESYNC_WINDOW && bestRun < RUN_WANTED; distance++) {
    for (let skipSource = 0; skipSource <= distance; skipSource++) {
      const run = runFrom(source, shown, i + skipSource, j + distance - skipSource);
      if (run > bestRun) {
        best = [i + skipSource, j + distance - skipSource];
        bestRun = run;
      }
    }
  }
  return best;
}

/** A point that is at `from` on the leading side and at `to` on the following side. */
export interface Anchor {
  from: number;
  to: number;
}

/**
 * The index of the last of `count` ascending positions at or before `y` (-1 when none is), found
 * by bisection so that only about log2(count) positions are ever measured.
 */
export function lastAtOrBefore(count: number, positionOf: (index: number) => number, y: number): number {
  let low = 0;
  let high = count - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (positionOf(middle) <= y) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** Where `y` on the leading side falls on the following side: linear between the anchors around it. */
export function between(before: Anchor, after: Anchor, y: number): number {
  const span = after.from - before.from;
  if (span <= 0) return before.to;
  const fraction = Math.min(1, Math.max(0, (y - before.from) / span));
  return before.to + fraction * (after.to - before.to);
}

/**
 * Budgets that keep a hostile or broken post from freezing the preview and the export. The
 * Markdown parser's cost grows faster than the text on a few shapes (measured, see SECURITY.md):
 * container nesting, long emphasis runs, many emphasis or strikethrough markers in one paragraph,
 * brackets (micromark's `]` looked back through its paragraph for an opening; nested images are worse),
 * and many separate block quotes, lists or footnote definitions in one document. One linear scan
 * measures each; no real post comes near these limits but the last, which a long post can reach:
 * such a post is cut into parts that each fit (budgetParts). A block over budget is shown as text.
 */
import { blockSpans, type Span } from './blocks';
import { scanContainerLine, startContainerScan, type ContainerScan } from './container-work';
import { isDelimiterRow } from './table-row';

/** Deepest container nesting (block quotes and list items) rendered as Markdown. */
export const MAX_NESTING = 32;

/** Longest run of emphasis delimiters (`*`, `_`) rendered as Markdown on a line with text. */
export const MAX_DELIMITER_RUN = 64;

/** Deepest bracket nesting (`[`, `![`) in one paragraph. */
export const MAX_BRACKET_DEPTH = 32;

/**
 * Sum over a paragraph's `]` of their distance from its start: a bound of what a label look-back
 * reads. Sized for micromark (10,000 `](a)` took it 7 s) until 2026-11-27; markdown-it, the parser
 * since, reads every bracket shape measured in linear time (24 shapes up to 32,000 brackets, a
 * gallery of 32,000 image lines, 2 MB, in 0.3 s), and 20 million turned away a photo post's
 * paragraph of 900 image lines as too complex. 50× that lets a paragraph of 5,000 images through.
 */
export const MAX_BRACKET_WORK = 1_000_000_000;

/** Emphasis and strikethrough markers (`*`, `~`, `_` at a word edge) in one paragraph. */
export const MAX_DELIMITERS = 2_000;

/**
 * `@` in one paragraph: each may be an e-mail address, made a link by a transform that splices
 * a paragraph's links in at once (its stack overflows near 65,000, sooner in a worker).
 */
export const MAX_AT_SIGNS = 2_000;

/**
 * Characters read after the `www.` and `http(s)://` of one paragraph up to the next space: our
 * literal-URL rule (./parse.ts) and GFM's URL transform (mdast-util-gfm-autolink-literal) each
 * read a candidate that far, and one they refuse (`www.a_`, an `_` in its domain) is read again
 * from just after its start, so `www.a_` repeated over 100 KB took 25 s. At the limit a paragraph
 * renders in about 0.3 s here (15 KB of `www.a_`).
 */
export const MAX_URL_WORK = 20_000_000;

/**
 * GFM fills a table's short rows with empty cells up to its header's width: a header of 180
 * columns over rows of one cell made 45 cells per byte (16 KB rendered in 7 s). A table may leave
 * at most two cells empty per character it has.
 */
const EMPTY_CELLS_PER_CHARACTER = 2;

/**
 * Characters a text's link definitions may put on the page: each use of a reference copies its
 * destination, so one 16 KB destination used from a 32 KB text took 5–8 s and 64 KB ran out of
 * memory. Bounded by the longest destination times the text's `]` (each use has one).
 */
export const MAX_REFERENCE_COPIES = 10_000_000;

/** What closing containers costs in one text: see ./container-work.ts. */
export const MAX_CONTAINER_WORK = 1_000_000;

/**
 * What one part of a text cut by budgetParts may cost. Each part costs a parse (~0.15 ms) plus its
 * work (~0.5 µs a unit): small parts keep the total near linear (8,000 separate quotes: 1.3 s
 * cut at 300, 3 s at 10,000, 48 s whole), and a part gathers far more than one block of prose.
 */
export const PART_WORK = 500;

const CONTAINER_MARKER = /^[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;
/** What a container marker starts with, after its indentation. */
const MARKER_START = /^[>\-+*\d]$/;
const DELIMITER_RUN = new RegExp(`[*_]{${MAX_DELIMITER_RUN + 1},}`);
const BLANK = /^[ \t]*$/;
/** Lines that always begin a new paragraph-level block: a non-empty bullet or `1.` item, a heading. */
const NEW_INLINE = /^ {0,3}(?:(?:[-+*]|1[.)])[ \t]+\S|#{1,6}(?:[ \t]|$))/;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const WORD = /[\p{L}\p{N}]/u;
/** A link reference definition (not a footnote's): its destination. */
const DEFINITION = /^ {0,3}\[(?!\^)(?:[^\]\\]|\\.)+\]:[ \t]*(\S+)/;

/** A table being scanned: its width, where it starts and the cells its rows leave empty so far. */
interface TableScan {
  columns: number;
  start: number;
  empty: number;
}

/** What a text has accumulated across its blocks: its containers, and its link definitions' reach. */
interface TextScan {
  containers: ContainerScan;
  /** The longest link definition destination so far. */
  destination: number;
  /** The `]` so far: each use of a definition has one. */
  closers: number;
}

function startTextScan(): TextScan {
  return { containers: startContainerScan(), destination: 0, closers: 0 };
}

/** What one paragraph (the text between resets) has accumulated. */
interface Inline {
  start: number;
  depth: number;
  maxDepth: number;
  work: number;
  delimiters: number;
  atSigns: number;
  urlWork: number;
}

function freshInline(start: number): Inline {
  return { start, depth: 0, maxDepth: 0, work: 0, delimiters: 0, atSigns: 0, urlWork: 0 };
}

/** Why a text is too pathological to render as Markdown, or null when it is within budget. */
export function overBudget(markdown: string): string | null {
  return scanSpan(markdown, 0, markdown.length, startTextScan());
}

/**
 * Adds the lines of `text[from, to]` to `scan` (`from` starts a line that begins a paragraph:
 * the start of a block or a blank line) and says why the text scanned so far is over, or null.
 */
function scanSpan(text: string, from: number, to: number, scan: TextScan): string | null {
  const { containers } = scan;
  let inline = freshInline(from);
  let table: TableScan | null = null;
  let previous: { start: number; line: string } | null = null;
  for (let at = from; at <= to;) {
    const nl = text.indexOf('\n', at);
    const end = nl === -1 || nl > to ? to : nl;
    const line = text.slice(at, end);
    const lineProblem = lineOverBudget(line);
    if (lineProblem !== null) return lineProblem;
    scanContainerLine(containers, line);
    if (BLANK.test(line) || NEW_INLINE.test(line)) inline = freshInline(at);
    const inlineProblem = scanInline(text, at, line, inline, scan);
    if (inlineProblem !== null) return inlineProblem;
    const destination = DEFINITION.exec(line)?.[1];
    if (destination !== undefined) scan.destination = Math.max(scan.destination, destination.length);
    table = scanTableLine(table, line, at, previous);
    if (table !== null && table.empty > (end - table.start) * EMPTY_CELLS_PER_CHARACTER) {
      return 'it has a table whose rows leave too many cells empty';
    }
    // A heading is a paragraph of its own: what follows starts afresh.
    if (HEADING.test(line)) inline = freshInline(end + 1);
    previous = { start: at, line };
    if (end === to) break;
    at = end + 1;
  }
  if (scan.destination * scan.closers > MAX_REFERENCE_COPIES) {
    return 'it uses a long link definition too many times';
  }
  return containers.work > MAX_CONTAINER_WORK ? 'it has too many separate block quotes, lists or footnotes' : null;
}

/**
 * The table after `line` (which starts at `at`): one begins at a delimiter row under a header
 * with a `|`, gains a row per line and ends at a blank line. An upper bound of what GFM makes a
 * row, which is all the budget needs.
 */
function scanTableLine(
  table: TableScan | null,
  line: string,
  at: number,
  previous: { start: number; line: string } | null,
): TableScan | null {
  if (BLANK.test(line)) return null;
  if (table !== null) {
    table.empty += Math.max(0, table.columns - cellsOf(line));
    return table;
  }
  if (previous === null || !previous.line.includes('|') || !isDelimiterRow(line)) return null;
  return { columns: cellsOf(line), start: previous.start, empty: 0 };
}

/** The cells of a table row: its `|`s not escaped, the row's outer ones aside. */
function cellsOf(line: string): number {
  const row = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  let cells = 1;
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '\\') i++;
    else if (row[i] === '|') cells++;
  }
  return cells;
}

/** The checks of one line on its own. */
function lineOverBudget(line: string): string | null {
  if (nestingOf(line) > MAX_NESTING) return `it nests block quotes or lists more than ${MAX_NESTING} levels deep`;
  if (DELIMITER_RUN.test(line) && /[^*_\s]/.test(line)) {
    return `it has a run of more than ${MAX_DELIMITER_RUN} emphasis markers`;
  }
  return null;
}

/** The characters the inline tally counts, and where a literal URL may start. */
const INLINE_MARK = /[[\]*~_@]|www\.|https?:\/\//gi;
/** What ends the URL transform's reading of a candidate: whitespace. */
const URL_END = /[\t\n\r ]/g;

/**
 * Adds the characters of `line` (which starts at `from` in `text`) to the paragraph's tally (and
 * its `]` to the text's); the reason once it is over.
 */
function scanInline(text: string, from: number, line: string, inline: Inline, scan: TextScan): string | null {
  // From one counted character to the next: this reads every line of every render, and most
  // characters are none of them (the search takes about half the time of a loop over each).
  INLINE_MARK.lastIndex = 0;
  // The next whitespace after the last URL start, found once for all the starts before it.
  let urlEnd = -1;
  for (let match = INLINE_MARK.exec(line); match !== null; match = INLINE_MARK.exec(line)) {
    const i = from + match.index;
    const c = match[0];
    if (c.length > 1) {
      if (urlEnd < match.index) {
        URL_END.lastIndex = match.index;
        urlEnd = URL_END.exec(line)?.index ?? line.length;
      }
      inline.urlWork += urlEnd - match.index;
    } else if (c === '[') {
      inline.depth++;
      inline.maxDepth = Math.max(inline.maxDepth, inline.depth);
    } else if (c === ']') {
      inline.depth = Math.max(0, inline.depth - 1);
      inline.work += i - inline.start;
      scan.closers++;
    } else if (c === '*' || c === '~' || (c === '_' && atWordEdge(text, i))) {
      inline.delimiters++;
    } else if (c === '@') {
      inline.atSigns++;
    }
  }
  if (inline.maxDepth > MAX_BRACKET_DEPTH)
    return `it nests brackets (links or images) more than ${MAX_BRACKET_DEPTH} deep`;
  if (inline.work > MAX_BRACKET_WORK) return 'it has too many brackets (links, images or footnotes) in one paragraph';
  if (inline.delimiters > MAX_DELIMITERS) {
    return `it has more than ${MAX_DELIMITERS.toLocaleString('en')} emphasis or strikethrough markers in one paragraph`;
  }
  if (inline.atSigns > MAX_AT_SIGNS) {
    return `it has more than ${MAX_AT_SIGNS.toLocaleString('en')} @ signs (e-mail addresses) in one paragraph`;
  }
  if (inline.urlWork > MAX_URL_WORK) return 'it has too many web addresses run together in one paragraph';
  return null;
}

/** `_` inside a word (snake_case) can neither open nor close emphasis and costs nothing. */
function atWordEdge(text: string, i: number): boolean {
  return !WORD.test(text[i - 1] ?? ' ') || !WORD.test(text[i + 1] ?? ' ');
}

/** A lower bound of the container depth a line opens: its markers plus its indentation. */
function nestingOf(line: string): number {
  // The indentation's width (a tab counts four) read by hand, and the markers looked for only
  // where one can start: most lines are text, and this reads every line of every render.
  let width = 0;
  let at = 0;
  for (; at < line.length; at++) {
    const c = line[at];
    if (c === ' ') width += 1;
    else if (c === '\t') width += 4;
    else break;
  }
  let depth = Math.floor(width / 4);
  if (!MARKER_START.test(line[at] ?? '')) return depth;
  let rest = line;
  for (let match = CONTAINER_MARKER.exec(rest); match !== null; match = CONTAINER_MARKER.exec(rest)) {
    depth += 1;
    rest = rest.slice(match[0].length);
    // Only markers count, and a line of bare markers is a thematic break (`- - -`), not nesting.
    if (depth > MAX_NESTING) return rest.trim() === '' ? 0 : depth;
  }
  return depth;
}

/** A piece of a text over budget: rendered as Markdown, or shown as text for the reason given. */
export interface BudgetPart {
  text: string;
  tooComplex: string | null;
}

/** The parts being gathered: where the current one lies and its container scan so far. */
interface Run {
  start: number;
  end: number;
  scan: TextScan;
}

/**
 * How to render a text: null when it is within budget (render it whole), else its parts in order.
 * Container work grows with the whole text parsed at once, so the text is cut into parts parsed
 * apart, each within budget: consecutive blocks (./blocks.ts, which parse the same alone) are
 * gathered while they fit, or where the text has definitions or raw HTML, the text between blank
 * lines outside fenced code. A block over budget on its own is shown as text. Each block is
 * scanned at most twice: once continuing the part before it, once alone.
 */
export function budgetParts(markdown: string): BudgetPart[] | null {
  if (overBudget(markdown) === null) return null;
  const parts: BudgetPart[] = [];
  let run: Run | null = null;
  for (const [start, end] of blockSpans(markdown) ?? chunksOf(markdown)) {
    if (run !== null) {
      const scan: TextScan = { ...run.scan, containers: { ...run.scan.containers } };
      if (scanSpan(markdown, run.end + 1, end, scan) === null && scan.containers.work <= PART_WORK) {
        run = { start: run.start, end, scan };
        continue;
      }
      parts.push({ text: markdown.slice(run.start, run.end), tooComplex: null });
      run = null;
    }
    const scan = startTextScan();
    const tooComplex = scanSpan(markdown, start, end, scan);
    if (tooComplex === null) run = { start, end, scan };
    else parts.push({ text: markdown.slice(start, end), tooComplex });
  }
  if (run !== null) parts.push({ text: markdown.slice(run.start, run.end), tooComplex: null });
  return parts;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** A text cut between blank lines outside fenced code, each piece to be rendered as Markdown. */
export function blankLineParts(markdown: string): BudgetPart[] {
  return chunksOf(markdown).map(([start, end]) => ({ text: markdown.slice(start, end), tooComplex: null }));
}

/** The [start, end) spans of the text between blank lines, keeping fenced code (blank lines and all) whole. */
function chunksOf(markdown: string): Span[] {
  const chunks: Span[] = [];
  let chunkStart = -1;
  let chunkEnd = -1;
  let fence: string | null = null;
  for (let at = 0; at <= markdown.length;) {
    const nl = markdown.indexOf('\n', at);
    const end = nl === -1 ? markdown.length : nl;
    const line = markdown.slice(at, end);
    if (fence === null && BLANK.test(line)) {
      if (chunkStart !== -1) chunks.push([chunkStart, chunkEnd]);
      chunkStart = -1;
    } else {
      if (chunkStart === -1) chunkStart = at;
      chunkEnd = end;
      fence = nextFence(line, fence);
    }
    if (nl === -1) break;
    at = nl + 1;
  }
  if (chunkStart !== -1) chunks.push([chunkStart, chunkEnd]);
  return chunks;
}

/** The fence open after `line`: opened (a backtick fence's info has no backtick), kept, or closed. */
function nextFence(line: string, open: string | null): string | null {
  const marker = FENCE.exec(line)?.[1];
  if (open === null) {
    if (
      marker === undefined ||
      (marker.startsWith('`') && line.slice(line.indexOf(marker) + marker.length).includes('`'))
    )
      return null;
    return marker;
  }
  if (marker === undefined || marker[0] !== open[0] || marker.length < open.length) return open;
  return BLANK.test(line.slice(line.indexOf(marker) + marker.length)) ? null : open;
}

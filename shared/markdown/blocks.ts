/**
 * Splitting Markdown into independently renderable blocks: the preview re-renders only the block
 * being typed in, and the Markdown budget (./limits.ts) cuts an over-budget post between them. A
 * split is made only where CommonMark guarantees independence: at blank lines, outside fenced
 * code, before a line that starts at column 0 and cannot continue what came before (no list item,
 * no indentation). Reference and footnote definitions split like any block: each block is parsed
 * with the whole post's definitions (../../renderer/preview/blockRender.ts, ./render.ts). Raw HTML
 * that could reach into the next block gets no split at all (the HTML parser sees every tag at
 * once, so an unclosed tag in one block reaches into the next).
 */

/** An opening fence; a backtick fence's info string may not hold a backtick. */
/** An opening fence at any indent: in a list item its indent may be up to the item's content indent plus three. */
const FENCE = /^ *(?:(`{3,})[^`]*$|(~{3,}))/;
const CLOSING_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const BLANK = /^[ \t]*$/;
const LONE_CR = /\r(?!\n)/;
/** A fence opened on a list item's marker line (`- ```js`), whose item the lines after may or may not continue. */
const MARKER_FENCE = /^[ \t]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)+(?:`{3,}|~{3,})/;
/** A fence indented with a tab, whose width depends on the column: read as the whole text reads it. */
const TAB_FENCE = /^ *\t[ \t]*(?:`{3,}|~{3,})/;
/** A line that opens an HTML block holding what follows up to a blank line (CommonMark's type 7): a lone `<br>`. */
const VOID_LINE = /^ {0,3}<(?:br|hr|wbr)[ \t]*\/?>[ \t]*$/i;
/** A line that could continue a list or an indented block, or open one that joins the block above. */
const CONTINUES = /^(?:[ \t]|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/;
/** Raw HTML, an autolink or a comment: `<` then a letter, `/`, `!` or `?`. */
const RAW_HTML = /<[A-Za-z/!?]/g;
/** CommonMark's autolinks, `<https://…>` and `<a@b.c>`: links, not HTML. */
const AUTOLINK = /^<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>/;
const EMAIL_AUTOLINK =
  /^<[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*>/;
/** Elements with no content and no end tag, without attributes: `<br>`, `<br/>`, `<hr />`, `<wbr>`. */
const VOID_TAG = /^<(?:br|hr|wbr)[ \t]*\/?>/i;

/**
 * Whether `line` holds HTML that could reach into the next block: anything after `<` but an
 * autolink, a comment closed on the line (`<!-- more -->`), or a `<br>`. Those leave the HTML
 * parser as they found it, so a post using them (Hexo's `<!-- more -->`, a line break, a bare
 * link) still renders block by block; an unclosed `<b>` or `<div>` does not.
 */
function mayLeak(line: string): boolean {
  RAW_HTML.lastIndex = 0;
  for (let match = RAW_HTML.exec(line); match !== null; match = RAW_HTML.exec(line)) {
    const at = match.index;
    const rest = line.slice(at, at + 600);
    if (rest.startsWith('<!--')) {
      const close = line.indexOf('-->', at + 4);
      if (close === -1) return true;
      RAW_HTML.lastIndex = close + 3;
      continue;
    }
    if (VOID_TAG.test(rest) || AUTOLINK.test(rest) || EMAIL_AUTOLINK.test(rest)) continue;
    return true;
  }
  return false;
}

/** A block's [start, end) offsets: from its first line's start to its last non-blank line's end. */
export type Span = [number, number];

/** The blocks of `markdown` in order (blank lines between them dropped), or null when it must render whole. */
export function splitBlocks(markdown: string): string[] | null {
  return blockSpans(markdown)?.map(([start, end]) => markdown.slice(start, end)) ?? null;
}

/** Where the blocks of splitBlocks lie in `markdown`, or null when it must render whole. */
export function blockSpans(markdown: string): Span[] | null {
  // markdown-it ends a line at a lone CR too; the lines here are read at LF only.
  if (LONE_CR.test(markdown)) return null;
  const spans: Span[] = [];
  let start = -1;
  let lastEnd = -1;
  let fence: string | null = null;
  let fenceIndent = 0;
  let sawBlank = false;
  // Inside an HTML block opened by a lone `<br>`: its lines are HTML, not fences.
  let htmlBlock = false;
  for (let at = 0; at <= markdown.length;) {
    const nl = markdown.indexOf('\n', at);
    // A CRLF line is read without its CR.
    const end = nl > at && markdown[nl - 1] === '\r' ? nl - 1 : nl === -1 ? markdown.length : nl;
    const line = markdown.slice(at, end);
    if (fence !== null) {
      if (!BLANK.test(line)) {
        // A line less indented than the fence's opening: in a list item it ends the item (and the
        // fence), at the top level it is the fence's code. Only the whole text says which.
        if (indentOf(line) < fenceIndent) return null;
        if (closesFence(line.slice(fenceIndent), fence)) fence = null;
        lastEnd = end;
      }
    } else {
      // Even inside backticks: a whole render is always right, just slower.
      if (mayLeak(line) || MARKER_FENCE.test(line) || TAB_FENCE.test(line)) return null;
      if (BLANK.test(line)) {
        sawBlank = start !== -1;
        htmlBlock = false;
      } else {
        if (start === -1) start = at;
        else if (sawBlank && !CONTINUES.test(line)) {
          spans.push([start, lastEnd]);
          start = at;
        }
        sawBlank = false;
        lastEnd = end;
        const open = FENCE.exec(line);
        if (open !== null && htmlBlock) return null;
        if (open !== null) {
          fence = open[1] ?? open[2] ?? null;
          fenceIndent = indentOf(line);
        }
        if (VOID_LINE.test(line)) htmlBlock = true;
      }
    }
    if (nl === -1) break;
    at = nl + 1;
  }
  // A fence left open runs to the end of the text, blank lines and all (they are in its code).
  if (start !== -1) spans.push([start, fence === null ? lastEnd : markdown.length]);
  return spans;
}

/** The spaces before a line's first other character. */
function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** Whether `line` closes a fence opened with `marker` (same character, at least as long, nothing after). */
function closesFence(line: string, marker: string): boolean {
  const run = CLOSING_FENCE.exec(line)?.[1];
  return run !== undefined && run[0] === marker[0] && run.length >= marker.length;
}

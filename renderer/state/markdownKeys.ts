/**
 * What Enter, Tab and Shift+Tab do to Markdown in the editor, as writers expect from every
 * Markdown editor: Enter carries a list item or a quote on to the next line, and ends the list (or
 * the quote) on an empty one; Tab indents a list item or the lines selected, Shift+Tab takes the
 * indentation back and never inserts anything. Pure: ../preview/markdownKeys glue applies the edit.
 */

/** [from, to) of the text becomes `insert`; then the selection is [start, end). */
export interface KeyEdit {
  from: number;
  to: number;
  insert: string;
  start: number;
  end: number;
}

/** One level of indentation: what Tab has always put in here (a nested list item, or code). */
export const INDENT = '    ';

/** A list item's start: indentation, bullet or number, spacing, and a task box. */
const LIST_ITEM = /^([ \t]*)(?:([-*+])|(\d{1,9})([.)]))([ \t]+)(\[[ xX]\][ \t]+)?/;
/** A quote's markers (nested quotes too). */
const QUOTE = /^[ \t]{0,3}(?:>[ \t]?)+/;
/** A thematic break (`* * *`, `- - -`) reads like a list item but is not one. */
const BREAK = /^[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
/** A fence line, at any indentation (a list item's code is indented): its run, and what follows it. */
const FENCE = /^[ \t]*(`{3,}|~{3,})(.*)$/;

function lineStartAt(text: string, at: number): number {
  return at <= 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
}

function lineEndAt(text: string, at: number): number {
  const end = text.indexOf('\n', at);
  return end < 0 ? text.length : end;
}

/**
 * The whole lines the selection [start, end) touches, from the start of the first to the end of the
 * last (without its line break). A selection ending at the start of a line does not take that line.
 */
export function linesOf(text: string, start: number, end: number): { start: number; end: number } {
  const last = end > start && text[end - 1] === '\n' ? end - 1 : end;
  return { start: lineStartAt(text, start), end: lineEndAt(text, last) };
}

/** `insert` typed over [from, to), the caret after it. */
function typed(from: number, to: number, insert: string): KeyEdit {
  return { from, to, insert, start: from + insert.length, end: from + insert.length };
}

/**
 * Whether the line starting at `lineStart` is inside a fenced code block (where `- ` is code). A
 * backtick fence's info string has no backtick (```` ```x``` ```` is inline code, not a fence); a
 * fence is closed by a run of its character at least as long, with nothing after it.
 */
export function inFence(text: string, lineStart: number): boolean {
  let open: string | null = null;
  let at = 0;
  while (at < lineStart) {
    const end = lineEndAt(text, at);
    const line = text.slice(at, end);
    const fence = line.includes('``') || line.includes('~~') ? FENCE.exec(line) : null;
    const run = fence?.[1];
    const after = fence?.[2] ?? '';
    if (run !== undefined) {
      if (open === null) {
        if (run[0] === '~' || !after.includes('`')) open = run;
      } else if (run[0] === open[0] && run.length >= open.length && after.trim() === '') {
        open = null;
      }
    }
    at = end + 1;
  }
  return open !== null;
}

/** What Enter does with the selection [start, end): a list or quote carried on or ended, or null (a plain line break). */
export function enterEdit(text: string, start: number, end: number): KeyEdit | null {
  const lineStart = lineStartAt(text, start);
  const lineEnd = lineEndAt(text, end);
  const before = text.slice(lineStart, start);
  const rest = text.slice(end, lineEnd);
  const line = text.slice(lineStart, lineEnd);
  if (BREAK.test(line) || (!LIST_ITEM.test(before) && !QUOTE.test(before)) || inFence(text, lineStart)) return null;
  // A list item, or a list item inside a quote (its markers before the item's).
  const quote = QUOTE.exec(before)?.[0] ?? '';
  const item = LIST_ITEM.exec(before.slice(quote.length));
  const markers = quote === '' || quote.endsWith(' ') ? quote : `${quote} `;
  if (item !== null && (quote === '' || (item[1] ?? '') === '')) {
    // An empty item ends (a selection is replaced first: Enter over it carries the list on); in a
    // quote it leaves the list, not the quote.
    const empty = start === end && before.slice(quote.length + item[0].length).trim() === '' && rest.trim() === '';
    if (empty && quote === '') return endItem(text, lineStart, lineEnd, item[1] ?? '');
    if (empty) return typed(lineStart, lineEnd, markers);
    const marker = item[2] ?? `${Number(item[3]) + 1}${item[4] ?? '.'}`;
    return typed(
      start,
      end,
      `\n${markers}${item[1] ?? ''}${marker}${item[5] ?? ' '}${item[6] === undefined ? '' : '[ ] '}`,
    );
  }
  if (start === end && before.slice(quote.length).trim() === '' && rest.trim() === '') {
    // An empty quoted line ends the quote: its markers go, and a blank line keeps what follows out of it.
    return typed(lineStart, lineEnd, '\n');
  }
  return typed(start, end, `\n${markers}`);
}

/**
 * Enter on an empty list item: a nested one moves out a level; a top-level one stops being an item,
 * and a blank line after the list keeps the next words out of it (a line right under an item would
 * carry its paragraph on).
 */
function endItem(text: string, lineStart: number, lineEnd: number, indent: string): KeyEdit {
  if (indent !== '') {
    const drop = indent.length - parentIndent(text, lineStart, indent).length;
    const caret = lineEnd - drop;
    return { from: lineStart, to: lineStart + drop, insert: '', start: caret, end: caret };
  }
  return typed(lineStart, lineEnd, '\n');
}

/** How far back a parent list item is looked for. */
const PARENT_SEARCH_LINES = 500;

/**
 * The indentation of the list item a nested item at `lineStart` (indented `indent`) belongs under:
 * the nearest item above it indented less, so a list indented by two spaces outdents by two. With
 * none found, one step of `outdentWidth` less.
 */
function parentIndent(text: string, lineStart: number, indent: string): string {
  let end = lineStart - 1;
  for (let lines = 0; end >= 0 && lines < PARENT_SEARCH_LINES; lines += 1) {
    const start = lineStartAt(text, end);
    const above = LIST_ITEM.exec(text.slice(start, end))?.[1];
    if (above !== undefined && above.length < indent.length) return above;
    end = start - 1;
  }
  return indent.slice(outdentWidth(indent));
}

/** How much of `indent` (a line's leading spaces and tabs) one outdent takes: a tab, or up to four spaces. */
function outdentWidth(indent: string): number {
  if (indent.startsWith('\t')) return 1;
  let width = 0;
  while (width < INDENT.length && indent[width] === ' ') width += 1;
  return width;
}

/**
 * What Tab (or Shift+Tab, `outdent`) does with the selection [start, end): an indent at the caret,
 * or the lines touched (a list item under the caret, or a selection) indented or outdented as a
 * whole. Null when nothing changes (Shift+Tab on a line with no indentation).
 */
export function indentEdit(text: string, start: number, end: number, outdent: boolean): KeyEdit | null {
  const { start: lineStart, end: blockEnd } = linesOf(text, start, end);
  const block = text.slice(lineStart, blockEnd);
  const item = LIST_ITEM.exec(block);
  if (outdent && item !== null && !block.includes('\n') && (item[1] ?? '') !== '') {
    // A nested item goes out to its parent's level, however the list is indented.
    const drop = (item[1] ?? '').length - parentIndent(text, lineStart, item[1] ?? '').length;
    const caret = (at: number): number => Math.max(lineStart, at - drop);
    return { from: lineStart, to: lineStart + drop, insert: '', start: caret(start), end: caret(end) };
  }
  const wholeLines = start !== end || outdent || item !== null;
  if (!wholeLines) return typed(start, end, INDENT);
  const lines = block.split('\n');
  let delta = 0;
  let firstDelta = 0;
  const changed = lines.map((line, index) => {
    let next = line;
    if (outdent) next = line.slice(outdentWidth(line.slice(0, INDENT.length)));
    else if (line.trim() !== '' || lines.length === 1) next = INDENT + line;
    if (index === 0) firstDelta = next.length - line.length;
    delta += next.length - line.length;
    return next;
  });
  if (delta === 0 && firstDelta === 0) return null;
  const insert = changed.join('\n');
  const newStart = Math.max(lineStart, start + firstDelta);
  return { from: lineStart, to: blockEnd, insert, start: newStart, end: Math.max(newStart, end + delta) };
}

/** The kinds of list the toolbar's list buttons make. */
export type ListKind = 'bullet' | 'number' | 'task';

const MARKER: Record<ListKind, RegExp> = {
  task: /^([ \t]*)[-*+][ \t]+\[[ xX]\][ \t]+/,
  bullet: /^([ \t]*)[-*+][ \t]+(?!\[[ xX]\][ \t])/,
  number: /^([ \t]*)\d{1,9}[.)][ \t]+/,
};

/**
 * A list button on the selection [start, end): every written line of it (the caret's line when
 * nothing is selected) becomes an item of `kind`, or, when all already are, stops being one. Blank
 * lines stay blank; another kind of marker is replaced; a blank line keeps the paragraphs around
 * the list out of it.
 */
export function toggleList(text: string, start: number, end: number, kind: ListKind): KeyEdit {
  const { start: lineStart, end: blockEnd } = linesOf(text, start, end);
  const lines = text.slice(lineStart, blockEnd).split('\n');
  const written = lines.filter((line) => line.trim() !== '');
  const remove = written.length > 0 && written.every((line) => MARKER[kind].test(line));
  let number = 0;
  const changed = lines.map((line) => {
    if (line.trim() === '') return line;
    const bare = line.replace(MARKER.task, '$1').replace(MARKER.bullet, '$1').replace(MARKER.number, '$1');
    if (remove) return bare;
    const indent = /^[ \t]*/.exec(bare)?.[0] ?? '';
    number += 1;
    const marker = kind === 'number' ? `${number}. ` : kind === 'task' ? '- [ ] ' : '- ';
    return indent + marker + bare.slice(indent.length);
  });
  const prose = (line: string | undefined): boolean =>
    line !== undefined && line.trim() !== '' && !LIST_ITEM.test(line) && !remove;
  const above = lineStart === 0 ? undefined : text.slice(lineStartAt(text, lineStart - 1), lineStart - 1);
  const below = blockEnd >= text.length ? undefined : text.slice(blockEnd + 1, lineEndAt(text, blockEnd + 1));
  const lead = prose(above) ? '\n' : '';
  const body = changed.join('\n');
  const insert = lead + body + (prose(below) ? '\n' : '');
  return {
    from: lineStart,
    to: blockEnd,
    insert,
    start: lineStart + lead.length,
    end: lineStart + lead.length + body.length,
  };
}

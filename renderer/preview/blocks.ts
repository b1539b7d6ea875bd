/**
 * Splitting Markdown into independently renderable blocks, so the preview re-renders only the
 * block being typed in. A split is made only where CommonMark guarantees independence: at blank
 * lines, outside fenced code, before a line that starts at column 0 and cannot continue what came
 * before (no list item, no indentation). Whatever needs the whole document gets no split at all:
 * reference and footnote definitions (`]:`) and raw HTML (the HTML parser sees every tag at once,
 * so an unclosed tag in one block reaches into the next).
 */

/** An opening fence; a backtick fence's info string may not hold a backtick. */
const FENCE = /^ {0,3}(?:(`{3,})[^`]*$|(~{3,}))/;
const BLANK = /^[ \t]*$/;
/** A line that could continue a list or an indented block, or open one that joins the block above. */
const CONTINUES = /^(?:[ \t]|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/;
/** Raw HTML, an autolink or a comment: `<` then a letter, `/`, `!` or `?`. */
const RAW_HTML = /<[A-Za-z/!?]/;

/** The blocks of `markdown` in order (blank lines between them dropped), or null when it must render whole. */
export function splitBlocks(markdown: string): string[] | null {
  if (markdown.includes(']:')) return null;
  const lines = markdown.split('\n');
  const blocks: string[] = [];
  let start = -1;
  let fence: string | null = null;
  let sawBlank = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (fence !== null) {
      if (closesFence(line, fence)) fence = null;
      continue;
    }
    // Even inside backticks: a whole render is always right, just slower.
    if (RAW_HTML.test(line)) return null;
    if (BLANK.test(line)) {
      sawBlank = start !== -1;
      continue;
    }
    if (start === -1) start = i;
    else if (sawBlank && !CONTINUES.test(line)) {
      blocks.push(trimBlank(lines, start, i));
      start = i;
    }
    sawBlank = false;
    const open = FENCE.exec(line);
    if (open !== null) fence = open[1] ?? open[2] ?? null;
  }
  if (start !== -1) blocks.push(trimBlank(lines, start, lines.length));
  return blocks;
}

/** Whether `line` closes a fence opened with `marker` (same character, at least as long, nothing after). */
function closesFence(line: string, marker: string): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  const run = match?.[1];
  return run !== undefined && run[0] === marker[0] && run.length >= marker.length;
}

function trimBlank(lines: string[], start: number, end: number): string {
  let last = end;
  while (last > start && BLANK.test(lines[last - 1] ?? '')) last -= 1;
  return lines.slice(start, last).join('\n');
}

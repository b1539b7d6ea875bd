/**
 * Budgets that keep a hostile or broken post from freezing the preview: the Markdown parser's
 * cost grows steeply with container nesting and with long emphasis runs (10,000 nested list
 * markers take minutes). No real post comes near these limits; a post that does is shown as text.
 */

/** Deepest container nesting (block quotes and list items) rendered as Markdown. */
export const MAX_NESTING = 32;

/** Longest run of emphasis delimiters (`*`, `_`) rendered as Markdown on a line with text. */
export const MAX_DELIMITER_RUN = 64;

const CONTAINER_MARKER = /^[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;
const DELIMITER_RUN = new RegExp(`[*_]{${MAX_DELIMITER_RUN + 1},}`);

/** Why a text is too pathological to render as Markdown, or null when it is within budget. */
export function overBudget(markdown: string): string | null {
  for (const line of markdown.split('\n')) {
    if (nestingOf(line) > MAX_NESTING) return `it nests block quotes or lists more than ${MAX_NESTING} levels deep`;
    if (DELIMITER_RUN.test(line) && /[^*_\s]/.test(line)) {
      return `it has a run of more than ${MAX_DELIMITER_RUN} emphasis markers`;
    }
  }
  return null;
}

/** A lower bound of the container depth a line opens: its markers plus its indentation. */
function nestingOf(line: string): number {
  const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
  let depth = Math.floor(indent.replace(/\t/g, '    ').length / 4);
  let rest = line;
  for (let match = CONTAINER_MARKER.exec(rest); match !== null; match = CONTAINER_MARKER.exec(rest)) {
    depth += 1;
    rest = rest.slice(match[0].length);
    // Only markers count, and a line of bare markers is a thematic break (`- - -`), not nesting.
    if (depth > MAX_NESTING) return rest.trim() === '' ? 0 : depth;
  }
  return depth;
}

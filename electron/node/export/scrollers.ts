/**
 * Code blocks and tables scroll sideways when wider than the page (theme.ts: overflow-x: auto). A
 * region that scrolls must take the keyboard's focus, or a reader without a mouse cannot scroll it
 * (WCAG 2.1.1; axe's scrollable-region-focusable). The sanitizer removes every tabindex an author
 * writes, so the export adds `tabindex="0"` to the post page's own blocks, only to those likely to
 * scroll on a phone: an extra Tab stop on every short block would only slow a keyboard reader down.
 * The page's body is our pipeline's sanitized output, so its tags are read as text here.
 */
import { decodeEntities } from '../../../shared/markdown/excerpt';

/**
 * The characters a line may have before a block scrolls on a 390 px phone: about 330 px of text
 * (the page's and the block's padding taken off) in a monospace font of about 10 px a character.
 */
export const PHONE_LINE = 32;

const BLOCK = /<(pre|table)(\s[^>]*)?>([\s\S]*?)<\/\1>/g;

/** The body with `tabindex="0"` on each code block and table wider than a phone's line. */
export function focusableScrollers(bodyHtml: string): string {
  return bodyHtml.replace(BLOCK, (whole: string, tag: string, attributes: string | undefined, inner: string) => {
    const width = tag === 'pre' ? longestLine(inner) : widestRow(inner);
    return width > PHONE_LINE
      ? `<${tag} tabindex="0"${attributes ?? ''}>${whole.slice(whole.indexOf('>') + 1)}`
      : whole;
  });
}

function textOf(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ''));
}

function longestLine(html: string): number {
  return textOf(html)
    .split('\n')
    .reduce((most, line) => Math.max(most, line.length), 0);
}

/** The widest row's characters, with room for each cell's padding and border (about two characters). */
function widestRow(html: string): number {
  return html
    .split(/<tr\b/)
    .slice(1)
    .reduce((most, row) => Math.max(most, rowWidth(row)), 0);
}

function rowWidth(row: string): number {
  const cells = row.split(/<t[dh]\b/).slice(1);
  return cells.reduce((sum, cell) => sum + textOf(cell.slice(cell.indexOf('>') + 1)).trim().length + 2, 0);
}

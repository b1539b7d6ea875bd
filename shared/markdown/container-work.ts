/**
 * What closing block quotes, list items and footnote definitions costs the Markdown parser. Each
 * time a container closes before its text ends, or a line continues a paragraph lazily (without
 * the container's marker), micromark copies every event of the document so far: a text of many
 * separate quotes (`> a` and a blank line, 4,000 times) takes half a minute. A line that may do
 * that costs its line number; the lines that measurably do not are free: the next item of a
 * tight list, a line indented into the item above, the next line of the same block quote.
 */

const CONTAINER_LINE = /^[ \t]*(?:>|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|\[\^[^\]\n]*\]:)/;
const BLANK = /^[ \t]*$/;
const QUOTE_PREFIX = /^(?:[ \t]*>)+/;
/** A list item whose text is not itself a container: indentation, marker, spacing, text. */
const SIMPLE_ITEM = /^( *)([-+*]|\d{1,9}[.)])( {1,4})(?![ \t]*(?:>|[-+*][ \t]|\d{1,9}[.)][ \t]|\[\^))(?=\S)/;

/** The list item the lines just above belong to, while they are its simple continuation. */
interface Item {
  indent: number;
  marker: string;
  contentColumn: number;
}

/** The state of the scan between lines. */
export interface ContainerScan {
  work: number;
  lines: number;
  /** Whether a container line came since the last blank line (a text line may then be lazy). */
  inRun: boolean;
  item: Item | null;
  /** The `>` prefix of the line above when it was a quote line with text, else null. */
  quote: string | null;
}

/** A scan at the start of a text. */
export function startContainerScan(): ContainerScan {
  return { work: 0, lines: 0, inRun: false, item: null, quote: null };
}

/** Adds one line (without its line break) to the scan. */
export function scanContainerLine(scan: ContainerScan, line: string): void {
  const index = scan.lines++;
  const previousItem = scan.item;
  const previousQuote = scan.quote;
  scan.item = null;
  scan.quote = null;
  if (BLANK.test(line)) {
    scan.inRun = false;
    return;
  }
  const container = CONTAINER_LINE.test(line);
  let free: boolean;
  const item = simpleItem(line);
  if (item !== null) {
    free = previousItem?.indent === item.indent && previousItem.marker === item.marker;
    scan.item = item;
  } else if (!container && previousItem !== null && spacesBefore(line) >= previousItem.contentColumn) {
    free = true;
    scan.item = previousItem;
  } else {
    scan.quote = simpleQuotePrefix(line);
    free = scan.quote !== null && scan.quote === previousQuote;
  }
  if ((container || scan.inRun) && !free) scan.work += index;
  if (container) scan.inRun = true;
}

function simpleItem(line: string): Item | null {
  const match = SIMPLE_ITEM.exec(line);
  if (match === null) return null;
  const [whole, indent = '', marker = ''] = match;
  return { indent: indent.length, marker: /^\d/.test(marker) ? marker.slice(-1) : marker, contentColumn: whole.length };
}

/** The indentation of a line in spaces; a tab makes it unknown (-1), so the line is never free. */
function spacesBefore(line: string): number {
  const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
  return indent.includes('\t') ? -1 : indent.length;
}

/** The `>` prefix of a quote line whose text is neither blank nor another container, else null. */
function simpleQuotePrefix(line: string): string | null {
  const prefix = QUOTE_PREFIX.exec(line)?.[0];
  if (prefix === undefined) return null;
  const inner = line.slice(prefix.length);
  return BLANK.test(inner) || CONTAINER_LINE.test(inner) ? null : prefix;
}

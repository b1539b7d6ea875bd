/**
 * A block list (`- a` lines) edited in place: the lines of items the author kept stay as written,
 * with their comments, and so do the comment and blank lines between them; only the lines of
 * removed items go and the lines of new items come in, where the new order puts them.
 */
import { diffArrays } from 'diff';
import { isSeq } from 'yaml';
import type { ParsedNode } from 'yaml';
import { isSimpleScalar } from './yaml-doc';

/** One change to the block's text: `text` (LF) replaces `start` to `end`. */
export interface ListSplice {
  start: number;
  end: number;
  text: string;
}

interface ItemLine {
  start: number;
  end: number;
  value: string;
}

/**
 * The splices that turn the block list `old` into `items`, newest position first, given each new
 * item's rendered line (`lines[i]` for `items[i]`, without its break); null when the list is not
 * one simple item per line (nested lists, maps, multi-line items), which is rewritten whole instead.
 */
export function blockListSplices(
  raw: string,
  old: ParsedNode | null,
  items: readonly string[],
  lines: readonly string[],
): ListSplice[] | null {
  if (!isSeq(old) || old.flow === true || old.items.length === 0 || items.length === 0) return null;
  const kept: ItemLine[] = [];
  for (const item of old.items) {
    if (!isSimpleScalar(item)) return null;
    const node = item;
    const start = raw.lastIndexOf('\n', node.range[0] - 1) + 1;
    const end = lineEnd(raw, node.range[1]);
    // The item alone on its line (`  - value  # note`), its value on that line only.
    if (
      !/^[ \t]*-[ \t]+$/.test(raw.slice(start, node.range[0])) ||
      raw.slice(node.range[0], node.range[1]).includes('\n')
    )
      return null;
    const previous = kept[kept.length - 1];
    if (previous !== undefined && previous.end > start) return null;
    kept.push({ start, end, value: String((node as { value: unknown }).value) });
  }
  const splices: ListSplice[] = [];
  let at = 0;
  let added = 0;
  const last = kept[kept.length - 1];
  for (const change of diffArrays(
    kept.map((line) => line.value),
    [...items],
  )) {
    const count = change.value.length;
    if (change.added) {
      const next = kept[at];
      const position = next?.start ?? last?.end ?? raw.length;
      const lead = next === undefined && position > 0 && raw[position - 1] !== '\n' ? '\n' : '';
      const text = lines.slice(added, added + count).join('\n');
      splices.push({
        start: position,
        end: position,
        text: next === undefined ? `${lead}${text}${lead === '' ? '\n' : ''}` : `${text}\n`,
      });
      added += count;
    } else if (change.removed) {
      for (const line of kept.slice(at, at + count)) splices.push({ start: line.start, end: line.end, text: '' });
      at += count;
    } else {
      at += count;
      added += count;
    }
  }
  return splices.sort((a, b) => b.start - a.start || b.end - a.end);
}

/** The offset past the line break that ends the line holding `pos` (or the text's end). */
function lineEnd(raw: string, pos: number): number {
  const nl = raw.indexOf('\n', pos);
  return nl === -1 ? raw.length : nl + 1;
}

/**
 * A folded value (`>` block, or plain text over several lines) edited from the form, where it
 * shows as one line: the author's own line breaks are kept wherever the text around them is
 * unchanged, and only the lines the edit touched are joined. Without this, changing one word
 * re-wrapped a hand-wrapped description onto one line.
 */
import { parseDocument } from 'yaml';
import type { ParsedNode } from 'yaml';
import { isSimpleScalar } from './yaml-doc';
import { trimEndSpaces } from '../../../shared/markdown/spaces';

/**
 * The scalar's new source, or null when it is not a simple fold (blank or more-indented lines,
 * another chomping, a new line break in the text) or the refolded text would not read back as
 * `text`: the caller then writes the value as it would any other.
 */
export function refold(raw: string, old: ParsedNode | null, text: string): string | null {
  if (!isSimpleScalar(old) || typeof old.value !== 'string') return null;
  if (old.type !== 'BLOCK_FOLDED' && old.type !== 'PLAIN') return null;
  const source = raw.slice(old.range[0], old.range[1]);
  const folded = old.type === 'BLOCK_FOLDED';
  const headerEnd = folded ? source.indexOf('\n') + 1 : 0;
  if (folded && headerEnd === 0) return null;
  const lines = source
    .slice(headerEnd)
    .replace(/\r?\n$/, '')
    .split(/\r?\n/);
  if (lines.length < 2) return null;
  const parts = lines.map(lineParts);
  const indents = parts.map((part) => part[1] ?? '');
  const contents = parts.map((part) => part[2] ?? '');
  // Blank lines are paragraph breaks and more-indented lines keep their breaks: not a simple fold.
  // (A plain value's first line starts after its key, so only the lines below count.)
  const below = folded ? indents : indents.slice(1);
  const base = below[0] ?? '';
  if (contents.some((c) => c === '') || below.some((indent) => indent !== base)) return null;
  const joined = contents.join(' ');
  const tail = old.value.slice(joined.length);
  if (!old.value.startsWith(joined) || !/^\n*$/.test(tail) || !text.endsWith(tail)) return null;
  const next = text.slice(0, text.length - tail.length);
  if (/[\r\n]/.test(next) || next === joined) return null;
  const renewed = relined(contents, joined, next);
  if (renewed === null) return null;
  const out =
    // Line breaks as LF: the caller writes them as the block's own.
    source.slice(0, headerEnd).replace(/\r\n$/, '\n') +
    renewed.map((line, i) => (i === 0 && !folded ? line : `${base}${line}`)).join('\n') +
    (/\r?\n$/.test(source) ? '\n' : '');
  return readsAs(out, text) ? out : null;
}

/**
 * The new text cut into the old lines: lines wholly before or after the changed span are kept as
 * they were, the lines it touches become one. Null when a kept line would change.
 */
function relined(contents: readonly string[], joined: string, next: string): string[] | null {
  let head = 0;
  while (head < joined.length && head < next.length && joined[head] === next[head]) head++;
  let tail = 0;
  while (
    tail < joined.length - head &&
    tail < next.length - head &&
    joined[joined.length - 1 - tail] === next[next.length - 1 - tail]
  )
    tail++;
  const changeEnd = joined.length - tail;
  const out: string[] = [];
  let at = 0;
  let middle: { from: number; to: number } | null = null;
  for (const line of contents) {
    const start = at;
    const end = at + line.length;
    at = end + 1;
    // Untouched: wholly before the change (its following space too) or wholly after it.
    if (end < head || start > changeEnd) {
      if (middle !== null) {
        out.push(next.slice(middle.from, middle.to + (next.length - joined.length)));
        middle = null;
      }
      out.push(line);
    } else middle = middle === null ? { from: start, to: end } : { from: middle.from, to: end };
  }
  if (middle !== null) out.push(next.slice(middle.from, middle.to + (next.length - joined.length)));
  const kept = out.filter((line) => line !== '');
  return kept.length === 0 || kept.some((line) => line !== line.trim()) ? null : kept;
}

function readsAs(source: string, expected: string): boolean {
  const doc = parseDocument(`k: ${source}`, { schema: 'core', uniqueKeys: false, prettyErrors: false });
  return doc.errors.length === 0 && doc.get('k') === expected;
}

/**
 * A line's indent and its text without the spaces and tabs around it, as `[line, indent, text]`
 * (a loop: the regex that did this was cubic on a long run of spaces before a U+2028); a line
 * holding a line separator gives an empty text, as the regex did.
 */
function lineParts(line: string): [string, string, string] {
  if (/[\r\u2028\u2029]/.test(line)) return ['', '', ''];
  const text = trimEndSpaces(line);
  let start = 0;
  while (text[start] === ' ' || text[start] === '\t') start++;
  return [line, text.slice(0, start), text.slice(start)];
}

/**
 * The house style of one YAML block, read from its own lines: what separates keys from values,
 * how strings are quoted, how far list items are indented. New lines are written in it.
 */
import { isCollection, isScalar, isSeq } from 'yaml';
import type { YamlPair } from './yaml-doc';

/** How a block writes its keys and values. */
export interface YamlBlockStyle {
  /** Between the key and a value on the same line, e.g. `:\t` or `: `. */
  separator: string;
  /** The column values start at when the block aligns them, else null. */
  alignColumn: number | null;
  quote: 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'PLAIN';
  /** The quotes to use when a plain value needs quoting. */
  fallbackQuote: 'QUOTE_DOUBLE' | 'QUOTE_SINGLE';
  /** The indent before `- ` of block list items under a key. */
  listIndent: string;
}

function mostCommon<T>(values: T[], fallback: T): T {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  // Ties go to the fallback (double quotes, `: `), the least surprising choice.
  let best = fallback;
  let bestCount = counts.get(fallback) ?? 0;
  for (const [v, n] of counts) {
    if (n > bestCount) {
      best = v;
      bestCount = n;
    }
  }
  return best;
}

function sameLineSeparators(raw: string, pairs: YamlPair[]): { sep: string; column: number }[] {
  const out: { sep: string; column: number }[] = [];
  for (const pair of pairs) {
    if (!isScalar(pair.key) || pair.value === null) continue;
    const sep = raw.slice(pair.key.range[1], pair.value.range[0]);
    if (!/^:[ \t]+$/.test(sep)) continue;
    const lineStart = raw.lastIndexOf('\n', pair.key.range[0] - 1) + 1;
    out.push({ sep, column: pair.value.range[0] - lineStart });
  }
  return out;
}

function alignColumn(found: { sep: string; column: number }[]): number | null {
  if (found.length < 2 || !found.every((f) => /^: +$/.test(f.sep))) return null;
  const first = found[0]?.column;
  const varied = new Set(found.map((f) => f.sep)).size > 1;
  return varied && found.every((f) => f.column === first) ? (first ?? null) : null;
}

function scalarQuote(node: unknown): YamlBlockStyle['quote'] | null {
  if (!isScalar(node)) return null;
  if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') return node.type;
  return node.type === 'PLAIN' && typeof node.value === 'string' ? 'PLAIN' : null;
}

/** The quoting of every string value and list item at the top level. */
function quoteStyles(pairs: YamlPair[]): YamlBlockStyle['quote'][] {
  const nodes = pairs.flatMap((pair) => (isSeq(pair.value) ? pair.value.items : [pair.value]));
  return nodes.map(scalarQuote).filter((q): q is YamlBlockStyle['quote'] => q !== null);
}

function listIndent(raw: string, pairs: YamlPair[]): string {
  for (const pair of pairs) {
    const v = pair.value;
    if (!isCollection(v) || v.flow === true || !('items' in v)) continue;
    const lineStart = raw.lastIndexOf('\n', v.range[0] - 1) + 1;
    const lead = raw.slice(lineStart, v.range[0]);
    if (/^ *$/.test(lead) && raw.slice(v.range[0]).startsWith('-')) return lead;
  }
  return '  ';
}

/** Reads the style of a block from its pairs. */
export function yamlBlockStyle(raw: string, pairs: YamlPair[]): YamlBlockStyle {
  const found = sameLineSeparators(raw, pairs);
  const quotes = quoteStyles(pairs);
  const quoted = quotes.filter((q): q is 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' => q !== 'PLAIN');
  return {
    separator: mostCommon(
      found.map((f) => f.sep),
      ': ',
    ),
    alignColumn: alignColumn(found),
    quote: mostCommon(quotes, 'QUOTE_DOUBLE'),
    fallbackQuote: mostCommon(quoted, 'QUOTE_DOUBLE'),
    listIndent: listIndent(raw, pairs),
  };
}

/** The separator to write after `key` so that its value lines up with the block's. */
export function separatorFor(key: string, style: YamlBlockStyle): string {
  if (style.alignColumn === null) return style.separator;
  return `:${' '.repeat(Math.max(1, style.alignColumn - key.length - 1))}`;
}

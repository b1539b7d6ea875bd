/**
 * The form's view of a YAML block: one field per top-level key, each value as the author wrote
 * it (dates as their source text, numbers as their digits).
 */
import { isAlias, isCollection, isScalar, isSeq } from 'yaml';
import type { ParsedNode, Scalar } from 'yaml';
import type { FrontMatterField } from '../../../shared/api/contract';
import { asListField } from '../../../shared/api/fields';
import { calendarWarning, looksLikeDate } from './dates';
import { isSimpleScalar, pairKey, parseYamlBlock, topLevelPairs, valueStart } from './yaml-doc';
import type { YamlPair } from './yaml-doc';
import { listableItems } from './list-items';

/** What the form shows of a YAML block. */
export interface YamlFields {
  fields: FrontMatterField[];
  editable: boolean;
  note?: string;
  error?: { message: string; line?: number };
}

function dateField(key: string, text: string): FrontMatterField {
  const warning = calendarWarning(text);
  return warning === undefined ? { key, kind: 'date', value: text } : { key, kind: 'date', value: text, warning };
}

function scalarField(key: string, node: Scalar.Parsed, raw: string): FrontMatterField {
  const value: unknown = node.value;
  const source = raw.slice(node.range[0], node.range[1]);
  if (node.type === 'PLAIN') {
    if (typeof value === 'boolean') return { key, kind: 'boolean', value };
    if (typeof value === 'number') return { key, kind: 'number', value: source };
    if (value === null) return { key, kind: 'text', value: '' };
  }
  const text = String(value);
  const isBlock = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
  return !isBlock && looksLikeDate(text) ? dateField(key, text) : { key, kind: 'text', value: text };
}

function listItems(node: ParsedNode): string[] | null {
  if (!isSeq(node)) return null;
  const items: string[] = [];
  for (const item of node.items) {
    if (!isSimpleScalar(item)) return null;
    const value: unknown = item.value;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return null;
    items.push(String(value));
  }
  return items;
}

/** The YAML text of a value: flow values as written, block values dedented. */
export function valueSource(raw: string, pair: YamlPair, node: ParsedNode): string {
  const [start, end] = node.range;
  if (!isCollection(node) || node.flow === true)
    return raw.slice(valueStart(raw, pair, node), end).replace(/\r?\n$/, '');
  const lineStart = raw.lastIndexOf('\n', start - 1) + 1;
  const lines = raw
    .slice(lineStart, end)
    .replace(/\r?\n$/, '')
    .split(/\r?\n/);
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)?.[0].length ?? 0));
  return lines.map((l) => l.slice(indent)).join('\n');
}

/**
 * A list key left empty or given one word, as a list of none or one: typing `a, b` into it then
 * saves two items, not the text "a, b". A multi-line text (a block scalar) stays text.
 */
function asList(field: FrontMatterField, node: ParsedNode | null): FrontMatterField {
  if (node !== null && isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED')) return field;
  return asListField(field);
}

function pairField(pair: YamlPair, raw: string): FrontMatterField | null {
  const key = pairKey(pair);
  if (key === null) return null;
  const node = pair.value;
  if (node === null) return asList({ key, kind: 'text', value: '' }, null);
  if (isSimpleScalar(node)) return asList(scalarField(key, node, raw), node);
  const items = isAlias(node) ? null : listItems(node);
  if (
    items !== null &&
    listableItems(items) &&
    (node.anchor === undefined || node.anchor === null) &&
    node.tag === undefined
  ) {
    return { key, kind: 'list', value: items };
  }
  return { key, kind: 'raw', value: valueSource(raw, pair, node) };
}

/** Reads the fields of a YAML block's text (any line endings). Never throws. */
export function readYamlFields(raw: string): YamlFields {
  const { doc, error } = parseYamlBlock(raw);
  const pairs = topLevelPairs(doc);
  if (pairs === null) {
    const note = 'This front matter is not a list of keys and values; edit it as text.';
    return error === undefined ? { fields: [], editable: false, note } : { fields: [], editable: false, note, error };
  }
  const fields = pairs.map((pair) => pairField(pair, raw)).filter((f): f is FrontMatterField => f !== null);
  if (error !== undefined) {
    const note = 'The front matter has an error; fix it as text (the fields are read-only until it parses).';
    return { fields, editable: false, note, error };
  }
  return { fields, editable: true };
}

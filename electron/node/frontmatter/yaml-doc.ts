/**
 * Reading a YAML front-matter block with the `yaml` package: the document with source ranges,
 * under the YAML 1.2 core schema so that unquoted dates stay strings and `<<` is an ordinary key.
 */
import { LineCounter, isMap, isScalar, parseDocument, visit } from 'yaml';
import type { YAMLMap } from 'yaml';
import type { Document, Pair, ParsedNode, Scalar } from 'yaml';

/** A parsed YAML block, or the first error with its 1-based line in the block. */
export interface YamlBlock {
  doc: Document.Parsed;
  error?: { message: string; line?: number };
}

/** One top-level key of a block mapping, with its node. */
export type YamlPair = Pair<ParsedNode, ParsedNode | null>;

/** The first alias (`*name`) whose anchor does not exist: other YAML readers reject the whole block. */
function danglingAlias(doc: Document.Parsed, lineCounter: LineCounter): YamlBlock['error'] {
  let found: YamlBlock['error'];
  visit(doc, {
    Alias(_key, node) {
      if (node.resolve(doc) !== undefined) return undefined;
      const line = node.range ? lineCounter.linePos(node.range[0]).line : undefined;
      found = {
        message: `The alias *${node.source} refers to no anchor &${node.source}`,
        ...(line === undefined ? {} : { line }),
      };
      return visit.BREAK;
    },
  });
  return found;
}

/** Where the first key repeated in a map is, in the block's text (as the `yaml` package compares keys). */
function firstDuplicateKey(doc: Document.Parsed): number | undefined {
  let first: number | undefined;
  const seenIn = (map: YAMLMap.Parsed) => {
    const seen = new Set<unknown>();
    for (const pair of map.items) {
      // Scalars with equal values are the same key; `.nan` never equals itself; collections are never equal.
      if (!isScalar(pair.key) || Number.isNaN(pair.key.value)) continue;
      if (seen.has(pair.key.value)) return pair.key.range[0];
      seen.add(pair.key.value);
    }
    return undefined;
  };
  visit(doc, {
    Map(_key, map) {
      const at = seenIn(map as YAMLMap.Parsed);
      if (at !== undefined && (first === undefined || at < first)) first = at;
    },
  });
  return first;
}

/** The first error of a document: the parser's, or a repeated key if it comes earlier in the text. */
function firstError(doc: Document.Parsed, lineCounter: LineCounter): YamlBlock['error'] {
  const first = doc.errors[0];
  const duplicate = firstDuplicateKey(doc);
  if (duplicate !== undefined && (first === undefined || duplicate < first.pos[0])) {
    return { message: 'Map keys must be unique', line: lineCounter.linePos(duplicate).line };
  }
  if (first === undefined) return danglingAlias(doc, lineCounter);
  const message = writersWords(first.message.split('\n')[0] ?? first.message);
  return first.pos[0] < 0 ? { message } : { message, line: lineCounter.linePos(first.pos[0]).line };
}

/** The parser's message, except the engine's own stack overflow, which means nothing to a writer. */
function writersWords(message: string): string {
  return /call stack/i.test(message) ? 'Its lists or maps are nested too deeply to read' : message;
}

/** Parses a block's text; never throws. */
export function parseYamlBlock(raw: string): YamlBlock {
  const lineCounter = new LineCounter();
  // uniqueKeys compares each key with every earlier one (32,000 keys took 7 s): duplicates are found
  // with a Set instead. prettyErrors copies the whole line into every error: 128,000 `]` on one
  // line took two minutes. The line of the first error is all that is shown.
  const doc = parseDocument(raw, {
    keepSourceTokens: true,
    lineCounter,
    prettyErrors: false,
    schema: 'core',
    merge: false,
    uniqueKeys: false,
  });
  const error = firstError(doc, lineCounter);
  return error === undefined ? { doc } : { doc, error };
}

/** The top-level pairs of a block, or null when its top level is not a mapping (nor empty). */
export function topLevelPairs(doc: Document.Parsed): YamlPair[] | null {
  const contents = doc.contents;
  if (contents === null) return [];
  if (!isMap(contents)) return null;
  return contents.items;
}

/** The key of a pair as the author spelled it, or null for a complex (non-scalar) key. */
export function pairKey(pair: YamlPair): string | null {
  const key = pair.key;
  if (!isScalar(key)) return null;
  const value: unknown = key.value;
  return typeof value === 'string' ? value : String(value);
}

/** The first pair with the given key. */
export function findPair(pairs: YamlPair[], key: string): YamlPair | undefined {
  return pairs.find((pair) => pairKey(pair) === key);
}

/** True for a scalar without tag or anchor, which can be shown and edited as a plain value. */
export function isSimpleScalar(node: ParsedNode | null): node is Scalar.Parsed {
  return isScalar(node) && node.tag === undefined && node.anchor === undefined;
}

/** Where a pair's key ends in the block's text. */
export function keyEnd(pair: YamlPair): number {
  return isScalar(pair.key) ? pair.key.range[1] : 0;
}

/** Where a value's text starts on the key's line, anchor and tag included (`&a x`, `!!str 3`). */
export function valueStart(raw: string, pair: YamlPair, value: ParsedNode): number {
  const colon = raw.indexOf(':', keyEnd(pair)) + 1;
  const between = raw.slice(colon, value.range[0]);
  const props = /^[ \t]+([&!][^\n#]*)$/.exec(between);
  return props?.[1] === undefined ? value.range[0] : value.range[0] - props[1].length;
}

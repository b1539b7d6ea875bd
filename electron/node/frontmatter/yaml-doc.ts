/**
 * Reading a YAML front-matter block with the `yaml` package: the document with source ranges,
 * under the YAML 1.2 core schema so that unquoted dates stay strings and `<<` is an ordinary key.
 */
import { LineCounter, isMap, isScalar, parseDocument, visit } from 'yaml';
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

/** Parses a block's text; never throws. */
export function parseYamlBlock(raw: string): YamlBlock {
  const lineCounter = new LineCounter();
  const doc = parseDocument(raw, {
    keepSourceTokens: true,
    lineCounter,
    prettyErrors: true,
    schema: 'core',
    merge: false,
    uniqueKeys: true,
  });
  const first = doc.errors[0];
  if (first === undefined) {
    const alias = danglingAlias(doc, lineCounter);
    return alias === undefined ? { doc } : { doc, error: alias };
  }
  const message = first.message.split('\n')[0] ?? first.message;
  const line = first.linePos?.[0].line;
  return {
    doc,
    error: line === undefined ? { message } : { message: message.replace(/ at line \d+, column \d+:$/, ''), line },
  };
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

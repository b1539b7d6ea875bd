/**
 * Writing one YAML scalar in a chosen style. Every rendering is checked by parsing it back, so a
 * value is only ever written in a form that reads back as exactly the string the author typed.
 */
import { isScalar, isSeq, parseDocument } from 'yaml';
import { escapeWhere, hasYamlEscapes, needsYamlEscape } from './chars';

/** The source styles a scalar can be written in. */
export type ScalarStyle = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

const NAMED_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\t': '\\t',
  '\r': '\\r',
  '\0': '\\0',
  '\u0085': '\\N',
  '\u2028': '\\L',
  '\u2029': '\\P',
};

function escapeChar(c: string): string {
  const named = NAMED_ESCAPES[c];
  if (named !== undefined) return named;
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** A double-quoted scalar on one line. */
export function doubleQuoted(value: string): string {
  return `"${escapeWhere(value, (c) => c === '\\' || c === '"' || c === '\t' || needsYamlEscape(c), escapeChar)}"`;
}

/** A single-quoted scalar, or null when the value cannot be one on a single line. */
export function singleQuoted(value: string): string | null {
  if (hasYamlEscapes(value) || value.includes('\n')) return null;
  return `'${value.replace(/'/g, "''")}'`;
}

/** The one scalar `source` is as a value (or, `inFlow`, as a flow list's only item) in YAML `version`, or null. */
function scalarOf(source: string, inFlow: boolean, version: '1.1' | '1.2'): { value: unknown } | null {
  const text = inFlow ? `k: [${source}]` : `k: ${source}`;
  const doc = parseDocument(text, {
    ...(version === '1.1' ? { version: '1.1' } : { schema: 'core' }),
    uniqueKeys: false,
    prettyErrors: false,
  });
  if (doc.errors.length > 0) return null;
  const node: unknown = doc.get('k', true);
  const scalar = inFlow && isSeq(node) && node.items.length === 1 ? node.items[0] : node;
  return isScalar(scalar) ? scalar : null;
}

function resolvesTo(source: string, expected: string | number | boolean, inFlow: boolean): boolean {
  const scalar = scalarOf(source, inFlow, '1.2');
  if (scalar === null) return false;
  return typeof expected === 'number' ? typeof scalar.value === 'number' : scalar.value === expected;
}

/** True when the source is one plain scalar that reads back as a number. */
export function isPlainNumber(source: string): boolean {
  return source !== '' && !/[\n\r]/.test(source) && resolvesTo(source, 0, false);
}

/**
 * Whether a plain scalar a YAML 1.1 reader (Jekyll's Ruby, MkDocs' and Pelican's Python) takes for
 * a boolean, a number or null: `no`, `off`, `12:30` (sexagesimal), `1_000`, `0b101`, `~`. The
 * 1.2 core schema reads them as text; a site built by such a reader would not.
 */
function scalarIn11(source: string, inFlow: boolean): boolean {
  // The spec's y and n: neither Ruby's nor Python's reader takes them for booleans, and quoting a tag `y` would surprise.
  if (/^[yYnN]$/.test(source)) return false;
  const value = scalarOf(source, inFlow, '1.1')?.value;
  return value === undefined || value === null || typeof value === 'boolean' || typeof value === 'number';
}

/**
 * The value written plain, or null when plain text would read back as something else: in YAML 1.2
 * (this app's reading) or as a boolean, number or null in YAML 1.1, so `title: No` is never written
 * for a Jekyll site to read as false.
 */
export function plainIfSafe(value: string, inFlow: boolean): string | null {
  if (value === '' || value !== value.trim() || /[\n\r\t]/.test(value) || hasYamlEscapes(value)) return null;
  return resolvesTo(value, value, inFlow) && !scalarIn11(value, inFlow) ? value : null;
}

/** A block scalar (`|` or `>`) with the given content indent, or null when it cannot hold the value. */
export function blockScalar(value: string, style: 'BLOCK_LITERAL' | 'BLOCK_FOLDED', indent: string): string | null {
  const eol = '\n';
  if (value === '' || /^[ \t]/.test(value) || hasYamlEscapes(value.replace(/\n/g, ''))) return null;
  const trailing = /\n*$/.exec(value)?.[0].length ?? 0;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const content = value.slice(0, value.length - trailing);
  const lines =
    style === 'BLOCK_LITERAL' ? content.split('\n') : content.split('\n').flatMap((l, i) => (i === 0 ? [l] : ['', l]));
  if (style === 'BLOCK_FOLDED' && lines.some((l) => /^[ \t]/.test(l))) return null;
  const header = `${style === 'BLOCK_LITERAL' ? '|' : '>'}${chomp}`;
  const body = lines.map((l) => (l === '' ? '' : indent + l)).join(eol);
  const extra = trailing > 1 ? eol.repeat(trailing - 1) : '';
  const text = `${header}${eol}${body}${eol}${extra}`;
  return resolvesBlock(text, value) ? text : null;
}

function resolvesBlock(source: string, expected: string): boolean {
  const doc = parseDocument(`k: ${source}`, { schema: 'core', uniqueKeys: false, prettyErrors: false });
  return doc.errors.length === 0 && doc.get('k') === expected;
}

/** Renders a string in the preferred style, falling back to `fallback` quotes, then double quotes. */
export function renderString(
  value: string,
  style: ScalarStyle,
  fallback: 'QUOTE_DOUBLE' | 'QUOTE_SINGLE',
  inFlow: boolean,
): string {
  if (style === 'PLAIN') {
    const plain = plainIfSafe(value, inFlow);
    if (plain !== null) return plain;
    return renderString(value, fallback, 'QUOTE_DOUBLE', inFlow);
  }
  if (style === 'QUOTE_SINGLE') return singleQuoted(value) ?? doubleQuoted(value);
  return doubleQuoted(value);
}

/**
 * The simple lines of a TOML block: top-level `key = value` lines before the first table, each
 * with the exact span of its value, so that one value can be replaced without touching the rest.
 */

/** One top-level `key = value` line of a TOML block. */
export interface TomlLine {
  key: string;
  /** Offsets in the block's text. */
  lineStart: number;
  lineEnd: number;
  valueStart: number;
  valueEnd: number;
  /** The value as written. */
  source: string;
}

const KEY = String.raw`[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*'`;
const VALUE = String.raw`"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|\[[^#\n]*\]|\{[^#\n]*\}|[^\s#"'\[\]{}][^#\n]*?`;
const SIMPLE_LINE = new RegExp(String.raw`^([ \t]*)(${KEY})([ \t]*=[ \t]*)(${VALUE})([ \t]*(?:#.*)?)\r?$`);

function unquoteKey(key: string): string {
  if (key.startsWith("'")) return key.slice(1, -1);
  if (key.startsWith('"')) {
    try {
      return JSON.parse(key) as string;
    } catch {
      return key;
    }
  }
  return key;
}

/** The simple top-level lines of a TOML block's text, in order. */
export function tomlLines(raw: string): TomlLine[] {
  const out: TomlLine[] = [];
  for (let at = 0; at < raw.length;) {
    const nl = raw.indexOf('\n', at);
    const end = nl === -1 ? raw.length : nl + 1;
    const text = raw.slice(at, nl === -1 ? raw.length : nl);
    if (/^[ \t]*\[/.test(text)) break;
    const m = SIMPLE_LINE.exec(text);
    if (m !== null) {
      const [, indent = '', key = '', eq = '', value = ''] = m;
      const valueStart = at + indent.length + key.length + eq.length;
      out.push({
        key: unquoteKey(key),
        lineStart: at,
        lineEnd: end,
        valueStart,
        valueEnd: valueStart + value.length,
        source: value,
      });
    }
    at = end;
  }
  return out;
}

/** The offset where the top-level key lines end (the first table header, or the end of the block). */
export function tomlTopEnd(raw: string): number {
  const m = /^[ \t]*\[/m.exec(raw);
  return m === null ? raw.length : m.index;
}

/** A line that starts a key's value: `key =`, `"key" =`, `'key' =`. */
const KEY_LINE = new RegExp(String.raw`^[ \t]*(${KEY})[ \t]*=`);
/** A table header, `[a.b]` or `[[a]]`, with the first key of its name captured. */
const HEADER = new RegExp(
  String.raw`^[ \t]*\[\[?[ \t]*(${KEY})(?:[ \t]*\.[ \t]*(?:${KEY}))*[ \t]*\]\]?[ \t]*(?:#.*)?\r?$`,
);

/**
 * The text of each top-level value that is not a simple line, for showing as raw: the tables
 * named `key` (and their sub-tables), or the lines of a value that spans several lines
 * (`key = [` … `]`). One pass over the block, so that thousands of tables stay linear.
 */
export function tomlRawSources(raw: string): Map<string, string> {
  const sections = new Map<string, string[]>();
  const values = new Map<string, string[]>();
  let current: string[] | null = null;
  let inTables = false;
  for (const line of raw.split(/\r?\n/)) {
    const header = HEADER.exec(line)?.[1];
    const key = inTables || header !== undefined ? undefined : KEY_LINE.exec(line)?.[1];
    if (header !== undefined) {
      inTables = true;
      current = listFor(sections, unquoteKey(header));
    } else if (key !== undefined) {
      const name = unquoteKey(key);
      current = values.has(name) ? null : listFor(values, name);
    }
    current?.push(line);
  }
  const sources = new Map<string, string>();
  for (const [name, lines] of values) sources.set(name, withoutTrailingBreaks(lines.join('\n')));
  for (const [name, lines] of sections) sources.set(name, withoutTrailingBreaks(lines.join('\n')));
  return sources;
}

function listFor(map: Map<string, string[]>, key: string): string[] {
  const found = map.get(key);
  if (found !== undefined) return found;
  const list: string[] = [];
  map.set(key, list);
  return list;
}

// A loop, not /\n+$/: that regex is quadratic on long runs of line breaks not at the end.
function withoutTrailingBreaks(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '\n') end--;
  return text.slice(0, end);
}

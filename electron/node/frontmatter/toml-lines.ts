/**
 * The simple lines of a TOML block: top-level `key = value` lines before the first table, each
 * with the exact span of its value, so that one value can be replaced without touching the rest.
 */
import { trimEndSpaces } from '../../../shared/markdown/spaces';

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
/** A line's key and `=`: indent, key, and the `=` with the spaces around it. */
const KEY_PART = new RegExp(String.raw`^([ \t]*)(${KEY})([ \t]*=[ \t]*)`);
const QUOTED_VALUE = /^(?:"(?:[^"\\\n]|\\.)*"|'[^'\n]*')/;

/**
 * A simple `key = value` line as [indent, key, `=` with its spaces, value], the value a quoted
 * string, an array or inline table up to a comment, or a bare value up to a comment, then only
 * spaces and a comment; or null. Read in steps, not by one regex: a bare value and the spaces
 * after it could each take the spaces between them, which made a long run of them quadratic.
 */
function simpleLine(line: string): [string, string, string, string] | null {
  const head = KEY_PART.exec(line);
  if (head === null) return null;
  const [matched, indent = '', key = '', eq = ''] = head;
  const rest = line.slice(matched.length);
  let value: string;
  const quoted = QUOTED_VALUE.exec(rest);
  if (quoted !== null) value = quoted[0];
  else {
    const hash = rest.indexOf('#');
    value = trimEndSpaces(hash === -1 ? rest : rest.slice(0, hash));
    const first = value[0];
    if (first === undefined || /[\s"']/.test(first)) return null;
    if (first === '[' || first === '{') {
      if (!value.endsWith(first === '[' ? ']' : '}')) return null;
    } else if (/[[\]{}]/.test(first)) return null;
  }
  const after = rest.slice(value.length);
  const afterText = trimEndSpaces(after).replace(/^[ \t]+/, '');
  if (afterText !== '' && !afterText.startsWith('#')) return null;
  return [indent, key, eq, value];
}

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

/**
 * One statement of a TOML block: a key's line, a table header, a comment or a blank line, with
 * every line of a value that spans several (a multi-line string or array). Offsets in the block's
 * text; `end` is past the statement's line break.
 */
interface Statement {
  start: number;
  end: number;
  /** The statement's first line, without its line break. */
  firstLine: string;
  /** Whether the statement goes on past its first line. */
  spans: boolean;
}

/**
 * The statements of a TOML block, in one pass: a line break ends a statement only outside strings
 * and brackets, so that `key = value` written inside a multi-line string is never taken for a key.
 */
function statements(raw: string): Statement[] {
  const out: Statement[] = [];
  let start = 0;
  let depth = 0;
  let spans = false;
  let firstEnd = -1;
  // The next line break at or after the scan, looked up once a line (not once a string).
  let nextBreak = -1;
  const breakFrom = (at: number): number => {
    if (nextBreak < at && nextBreak !== raw.length) {
      const nl = raw.indexOf('\n', at);
      nextBreak = nl === -1 ? raw.length : nl;
    }
    return nextBreak;
  };
  const close = (end: number, breakAt: number) => {
    const lineEnd = firstEnd === -1 ? breakAt : firstEnd;
    out.push({ start, end, firstLine: raw.slice(start, lineEnd).replace(/\r$/, ''), spans });
    start = end;
    depth = 0;
    spans = false;
    firstEnd = -1;
  };
  for (let at = 0; at < raw.length; at++) {
    const c = raw[at];
    if (c === '\n') {
      if (depth === 0) close(at + 1, at);
      else {
        if (firstEnd === -1) firstEnd = at;
        spans = true;
      }
    } else if (c === '#') {
      at = breakFrom(at) - 1;
    } else if (c === '[' || c === '{') depth += 1;
    else if ((c === ']' || c === '}') && depth > 0) depth -= 1;
    else if (c === '"' || c === "'") {
      const end = stringEnd(raw, at);
      const nl = breakFrom(at);
      if (nl < end) {
        if (firstEnd === -1) firstEnd = nl;
        spans = true;
      }
      at = end - 1;
    }
  }
  if (start < raw.length) close(raw.length, raw.length);
  return out;
}

/** The offset past the string that opens at `at` (`"`, `'`, `"""` or `'''`), or the block's end. */
function stringEnd(raw: string, at: number): number {
  const quote = raw[at] ?? '"';
  const basic = quote === '"';
  if (raw.startsWith(quote.repeat(3), at)) {
    const fence = quote.repeat(3);
    for (let i = at + 3; i < raw.length; i++) {
      if (basic && raw[i] === '\\') i += 1;
      else if (raw.startsWith(fence, i)) {
        // Up to two more quotes belong to the string (`""""` closes after one quote of content).
        let end = i + 3;
        while (end < i + 5 && raw[end] === quote) end += 1;
        return end;
      }
    }
    return raw.length;
  }
  for (let i = at + 1; i < raw.length; i++) {
    const c = raw[i];
    if (basic && c === '\\') i += 1;
    else if (c === quote || c === '\n') return c === quote ? i + 1 : i;
  }
  return raw.length;
}

function isHeader(line: string): boolean {
  return /^[ \t]*\[/.test(line);
}

/** The simple top-level lines of a TOML block's text, in order. */
export function tomlLines(raw: string): TomlLine[] {
  const out: TomlLine[] = [];
  for (const statement of statements(raw)) {
    if (isHeader(statement.firstLine)) break;
    if (statement.spans) continue;
    const m = simpleLine(statement.firstLine);
    if (m === null) continue;
    const [indent, key, eq, value] = m;
    const valueStart = statement.start + indent.length + key.length + eq.length;
    out.push({
      key: unquoteKey(key),
      lineStart: statement.start,
      lineEnd: statement.end,
      valueStart,
      valueEnd: valueStart + value.length,
      source: value,
    });
  }
  return out;
}

/**
 * The top-level keys whose value spans several lines (`key = [` … `]`, `key = """` … `"""`),
 * each with the exact span of its value (comments after it excluded), so that it can be replaced
 * as a one-line value is.
 */
export function tomlSpanningLines(raw: string): TomlLine[] {
  const out: TomlLine[] = [];
  for (const statement of statements(raw)) {
    if (isHeader(statement.firstLine)) break;
    if (!statement.spans) continue;
    const m = KEY_PART.exec(statement.firstLine);
    if (m === null) continue;
    const valueStart = statement.start + m[0].length;
    const valueEnd = valueEndIn(raw, valueStart, statement.end);
    if (valueEnd === null) continue;
    out.push({
      key: unquoteKey(m[2] ?? ''),
      lineStart: statement.start,
      lineEnd: statement.end,
      valueStart,
      valueEnd,
      source: raw.slice(valueStart, valueEnd),
    });
  }
  return out;
}

/** The offset past the string, array or inline table that opens at `at` (before `end`), or null. */
function valueEndIn(raw: string, at: number, end: number): number | null {
  const first = raw[at];
  if (first === '"' || first === "'") {
    const close = stringEnd(raw, at);
    return close <= end ? close : null;
  }
  if (first !== '[' && first !== '{') return null;
  let depth = 0;
  for (let i = at; i < end; i++) {
    const c = raw[i];
    if (c === '#') {
      const nl = raw.indexOf('\n', i);
      i = (nl === -1 || nl > end ? end : nl) - 1;
    } else if (c === '"' || c === "'") i = stringEnd(raw, i) - 1;
    else if (c === '[' || c === '{') depth += 1;
    else if (c === ']' || c === '}') {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  return null;
}

/**
 * Where the tables named `key` (`[key]`, `[key.sub]`, `[[key]]`) are written, when they follow one
 * another: from the first one's header to the next other table's header (or the block's end). Null
 * when there is none, or when another table comes between two of them.
 */
export function tomlTableSpan(raw: string, key: string): { start: number; end: number } | null {
  let span: { start: number; end: number } | null = null;
  let open = false;
  for (const statement of statements(raw)) {
    const header = HEADER.exec(statement.firstLine)?.[1];
    if (header !== undefined) {
      const mine = unquoteKey(header) === key;
      if (mine && span !== null && !open) return null;
      if (mine && span === null) span = { start: statement.start, end: statement.end };
      open = mine;
    }
    if (open && span !== null) span.end = statement.end;
  }
  return span;
}

/** The offset where the top-level key lines end (the first table header, or the end of the block). */
export function tomlTopEnd(raw: string): number {
  return statements(raw).find((statement) => isHeader(statement.firstLine))?.start ?? raw.length;
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
  for (const statement of statements(raw)) {
    const line = statement.firstLine;
    const header = HEADER.exec(line)?.[1];
    const key = inTables || header !== undefined ? undefined : KEY_LINE.exec(line)?.[1];
    if (header !== undefined) {
      inTables = true;
      current = listFor(sections, unquoteKey(header));
    } else if (key !== undefined) {
      const name = unquoteKey(key);
      current = values.has(name) ? null : listFor(values, name);
    }
    current?.push(
      ...raw
        .slice(statement.start, statement.end)
        .replace(/\r?\n$/, '')
        .split(/\r?\n/),
    );
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

/**
 * The items of a one-line TOML array as written (`[1, 'a', "b"]` → `1`, `'a'`, `"b"`), or null
 * when it is not one array of plain items (nested arrays, inline tables, comments). With `lines`,
 * the array may span several lines (its items one to a line, say).
 */
export function tomlArrayItems(source: string, lines = false): string[] | null {
  if (!source.startsWith('[') || !source.endsWith(']')) return null;
  const items: string[] = [];
  let itemStart = 1;
  for (let at = 1; at < source.length - 1; at++) {
    const c = source[at];
    if (c === '"' || c === "'") at = stringEnd(source, at) - 1;
    else if (c === '[' || c === '{' || c === '#' || (c === '\n' && !lines)) return null;
    else if (c === ',') {
      items.push(source.slice(itemStart, at).trim());
      itemStart = at + 1;
    }
  }
  const last = source.slice(itemStart, -1).trim();
  if (last !== '') items.push(last);
  return items.every((item) => item !== '') ? items : null;
}

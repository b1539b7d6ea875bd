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

/** The lines of a top-level value that spans several lines (`key = [` … `]`), for showing as raw. */
export function tomlMultiline(raw: string, key: string): string | null {
  const lines = raw.split(/\r?\n/);
  const start = lines.findIndex((l) => new RegExp(String.raw`^[ \t]*["']?${escapeRegExp(key)}["']?[ \t]*=`).test(l));
  if (start === -1) return null;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => /^[ \t]*([A-Za-z0-9_"'-]+[ \t]*=|\[)/.test(l));
  return [lines[start], ...rest.slice(0, end === -1 ? rest.length : end)].join('\n').replace(/\n+$/, '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The text of the tables named `key` (and their sub-tables), for showing as raw. */
export function tomlSection(raw: string, key: string): string {
  const lines = raw.split(/\r?\n/);
  const out: string[] = [];
  let inside = false;
  for (const line of lines) {
    const header = /^[ \t]*\[\[?[ \t]*([^\]]+?)[ \t]*\]\]?/.exec(line);
    if (header !== null) inside = header[1] === key || header[1]?.startsWith(`${key}.`) === true;
    if (inside) out.push(line);
  }
  return out.join('\n').replace(/\n+$/, '');
}

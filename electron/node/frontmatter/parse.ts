/**
 * The data of TOML and JSON blocks, read the way gray-matter reads them (the same text to the same
 * engines: smol-toml, and JSON.parse) but without calling gray-matter: its comment-stripping regex
 * is quadratic on blank lines (40,000 took 3 s). Locating blocks and editing them are done on the
 * text itself (see split.ts). gray-matter itself is never loaded by the app: it is the reference
 * the tests compare this split with (gray-matter-reference.ts).
 */
import { parse as parseToml } from 'smol-toml';

/** The TOML engine gray-matter is given (gray-matter-reference.ts), and what TOML blocks are read with here. */
export function tomlEngine(input: string): Record<string, unknown> {
  return parseToml(input);
}

/** The JSON engine: an object, or an error. */
export function jsonEngine(input: string): Record<string, unknown> {
  const value: unknown = JSON.parse(input);
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new Error('The JSON front matter is not an object.');
  return value as Record<string, unknown>;
}

/** A parse error with its 1-based line within the block, when the parser gave one. */
export interface DataError {
  message: string;
  line?: number;
}

function errorOf(e: unknown): DataError {
  // JSON.parse quotes the whole input in its message; one line of it is enough.
  const text = e instanceof Error ? e.message : String(e);
  const line = typeof e === 'object' && e !== null && 'line' in e && typeof e.line === 'number' ? e.line : undefined;
  // A TOML error's message goes on with a code excerpt; the line number says where.
  const first = line === undefined ? text : (text.split('\n')[0] ?? text);
  const message = first.replace(/\s+/g, ' ').trim().slice(0, 200);
  // gray-matter hands the engine the text from the opening fence's line break on: one line early.
  return line === undefined ? { message } : { message, line: Math.max(1, line - 1) };
}

/** The data of a block, or the parser's error. */
export type BlockData = { ok: true; data: Record<string, unknown> } | { ok: false; error: DataError };

/** What gray-matter hands its engine for `fence\nbody fence\n`: from the first line break to the first closing fence. */
function engineInput(fence: string, body: string): string {
  const text = `\n${body}${fence}\n`;
  return text.slice(0, text.indexOf(`\n${fence}`));
}

/** gray-matter reads no data from a block of blank lines and `#` comments (`/^\s*#[^\n]+/gm`, then trim). */
function onlyComments(block: string): boolean {
  return block.split('\n').every((line) => {
    const text = line.trimStart();
    return text === '' || (text.startsWith('#') && text.length > 1);
  });
}

/** Parses the text of a TOML or JSON block (without fences) as gray-matter would. Never throws. */
export function parseBlockData(format: 'toml' | 'json', raw: string): BlockData {
  const fence = format === 'toml' ? '+++' : '---';
  // gray-matter cuts the block at "\n+++", which would leave a lone CR on a CRLF block's last line.
  const lf = raw.replace(/\r\n/g, '\n');
  const body = lf.endsWith('\n') || lf === '' ? lf : `${lf}\n`;
  const block = engineInput(fence, body);
  try {
    const data: unknown = onlyComments(block) ? {} : (format === 'toml' ? tomlEngine : jsonEngine)(block);
    return { ok: true, data: data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : {} };
  } catch (e) {
    return { ok: false, error: errorOf(e) };
  }
}

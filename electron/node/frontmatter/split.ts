/**
 * Finds the front-matter block of a post by its lines, so that `head + raw + tail + body` is
 * always exactly the original text and nothing outside an edited region is ever rewritten.
 */
import { isMap, isScalar, parseDocument } from 'yaml';
import type { FrontMatterFormat } from '../../../shared/api/contract';
import type { SplitPost } from './types';
import { trimEndSpaces } from '../../../shared/markdown/spaces';

interface Line {
  /** The line without its line break. */
  text: string;
  start: number;
  /** The index just after the line break (or the end of the text). */
  end: number;
}

/** Keys that make leading `key: value` lines a Hexo front-matter block without an opening fence. */
const HEXO_KEYS = new Set(['title', 'date', 'updated', 'tags', 'categories', 'layout', 'permalink', 'comments']);

function lineAt(text: string, start: number): Line {
  const nl = text.indexOf('\n', start);
  const end = nl === -1 ? text.length : nl + 1;
  const withoutLf = nl === -1 ? text.slice(start) : text.slice(start, nl);
  return { text: withoutLf.endsWith('\r') ? withoutLf.slice(0, -1) : withoutLf, start, end };
}

function* linesFrom(text: string, start: number): Generator<Line> {
  for (let at = start; at < text.length;) {
    const line = lineAt(text, at);
    yield line;
    at = line.end;
  }
}

function none(text: string): SplitPost {
  return { format: 'none', language: '', head: '', raw: '', tail: '', body: text };
}

function block(text: string, format: FrontMatterFormat, language: string, open: Line | null, close: Line): SplitPost {
  const rawStart = open === null ? 0 : open.end;
  return {
    format,
    language,
    head: text.slice(0, rawStart),
    raw: text.slice(rawStart, close.start),
    tail: text.slice(close.start, close.end),
    body: text.slice(close.end),
  };
}

function dashFormat(language: string): FrontMatterFormat | null {
  if (language === '' || language === 'yaml' || language === 'yml') return 'yaml';
  if (language === 'json') return 'json';
  if (language === 'toml') return 'toml';
  if (language === 'js' || language === 'javascript') return 'js';
  return null;
}

function findClose(text: string, from: number, fences: readonly string[], maxLines = Infinity): Line | null {
  let count = 0;
  for (const line of linesFrom(text, from)) {
    if (fences.includes(trimEndSpaces(line.text))) return line;
    if (++count >= maxLines) return null;
  }
  return null;
}

function splitDashes(text: string, open: Line): SplitPost | null {
  const language = open.text.slice(3).trim().toLowerCase();
  // `----` is a thematic break, not a fence (gray-matter agrees).
  if (open.text.startsWith('----')) return null;
  const format = dashFormat(language);
  if (format === null) return null;
  const close = findClose(text, open.end, format === 'yaml' ? ['---', '...'] : ['---']);
  return close === null ? null : block(text, format, language, open, close);
}

function splitPluses(text: string, open: Line): SplitPost | null {
  if (trimEndSpaces(open.text) !== '+++') return null;
  const close = findClose(text, open.end, ['+++']);
  return close === null ? null : block(text, 'toml', 'toml', open, close);
}

/** The index just after the `}` that closes the object opening at index 0, or -1. */
function jsonObjectEnd(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

function splitJsonObject(text: string): SplitPost | null {
  const end = jsonObjectEnd(text);
  if (end === -1) return null;
  const rest = lineAt(text, end);
  if (rest.text.trim() !== '') return null;
  const close: Line = { text: '', start: rest.end, end: rest.end };
  return block(text, 'json', 'json', null, close);
}

function looksLikeHexoBlock(raw: string): boolean {
  if (!/^[A-Za-z_][\w-]*:(\s|$)/.test(raw)) return false;
  // Errors are only counted: prettyErrors would copy the whole line into each (quadratic).
  const doc = parseDocument(raw, { schema: 'core', uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return false;
  // Keys only: turning the block into JS values could expand aliases.
  return doc.contents.items.some((pair) => isScalar(pair.key) && HEXO_KEYS.has(String(pair.key.value).toLowerCase()));
}

/** Hexo front matter is a handful of lines; looking further would parse whole bodies as YAML. */
const HEXO_MAX_LINES = 200;

function splitHexo(text: string): SplitPost | null {
  const close = findClose(text, 0, ['---'], HEXO_MAX_LINES);
  if (close === null || close.start === 0) return null;
  return looksLikeHexoBlock(text.slice(0, close.start)) ? block(text, 'yaml', '', null, close) : null;
}

/** Splits a post's text (without BOM) into its front-matter block and body. Never throws. */
export function splitPost(text: string): SplitPost {
  if (!text.includes('\n')) return none(text);
  const first = lineAt(text, 0);
  if (text.startsWith('---')) return splitDashes(text, first) ?? none(text);
  if (text.startsWith('+++')) return splitPluses(text, first) ?? none(text);
  // A JSON object opens with a key (or is empty); `{% raw %}` and `{{< shortcode >}}` do not.
  if (/^\{\s*["}]/.test(text)) return splitJsonObject(text) ?? none(text);
  return splitHexo(text) ?? none(text);
}

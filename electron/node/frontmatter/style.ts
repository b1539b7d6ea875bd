/**
 * A posts folder's house style, voted by its existing posts, and the front matter of a new
 * post written in it. With no posts to learn from, a plain YAML default is used.
 */
import type { FrontMatterField } from '../../../shared/api/contract';
import { sampleStyle } from './style-sample';
import type { SampleStyle } from './style-sample';
import type { FolderStyle, QuoteStyle } from './types';
import { doubleQuoted, plainIfSafe, singleQuoted } from './yaml-scalar';

const FILLED_KEYS = new Set(['title', 'date', 'path', 'slug', 'draft']);

const DEFAULT_STYLE: FolderStyle = {
  format: 'yaml',
  keys: ['title', 'date', 'draft'],
  emptyValues: {},
  separator: ': ',
  quote: 'double',
  dateQuote: 'double',
  dateSuffix: '',
  pathPrefix: null,
  pathSuffix: '',
  lineEnding: 'lf',
};

function vote<T>(values: (T | null)[], fallback: T): T {
  const counts = new Map<T, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = fallback;
  let bestCount = 0;
  for (const [v, n] of counts) {
    if (n > bestCount) {
      best = v;
      bestCount = n;
    }
  }
  return best;
}

/** Keys that more than half of the posts have, ordered by their average position. */
function commonKeys(samples: SampleStyle[]): string[] {
  const positions = new Map<string, number[]>();
  for (const s of samples)
    s.keys.forEach((k, i) => positions.set(k, [...(positions.get(k) ?? []), i / Math.max(1, s.keys.length)]));
  const average = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return [...positions]
    .filter(([, at]) => at.length * 2 > samples.length)
    .sort(([, a], [, b]) => average(a) - average(b))
    .map(([key]) => key);
}

function emptyValue(field: FrontMatterField | undefined, quote: QuoteStyle, format: 'yaml' | 'toml'): string | null {
  if (field === undefined) return null;
  if (field.kind === 'list') return '[]';
  if (field.kind === 'boolean') return 'false';
  if (field.kind === 'text') return format === 'yaml' ? yamlString('', quote) : tomlString('', quote);
  return null;
}

/** A text value shared by most posts (`layout: post`) is worth repeating; anything else starts empty. */
function sharedText(samples: SampleStyle[], key: string, quote: QuoteStyle, format: 'yaml' | 'toml'): string | null {
  const texts = samples.map((s) => s.fields.find((f) => f.key === key && f.kind === 'text')?.value);
  // Only short one-word values (`post`, `page`) are settings; longer text is one post's prose.
  const candidates = texts.map((t) => (typeof t === 'string' && /^\S{1,40}$/.test(t) ? t : null));
  const common = vote(candidates, '');
  if (common === '' || texts.filter((t) => t === common).length * 2 <= samples.length) return null;
  return format === 'yaml' ? yamlString(common, quote) : tomlString(common, quote);
}

function emptyValues(
  samples: SampleStyle[],
  keys: string[],
  quote: QuoteStyle,
  format: 'yaml' | 'toml',
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys.filter((k) => !FILLED_KEYS.has(k))) {
    const empties = samples.map((s) =>
      emptyValue(
        s.fields.find((f) => f.key === key),
        quote,
        format,
      ),
    );
    const value = sharedText(samples, key, quote, format) ?? vote(empties, '');
    if (value !== '') out[key] = value;
  }
  return out;
}

/** Infers a folder's front-matter style from the texts of its posts, newest first. */
export function inferFolderStyle(samples: string[]): FolderStyle {
  const styles = samples.map(sampleStyle).filter((s): s is SampleStyle => s !== null);
  if (styles.length === 0) return { ...DEFAULT_STYLE, lineEnding: vote(samples.map(lineEndingOf), 'lf') };
  const format = vote<'yaml' | 'toml'>(
    styles.map((s) => s.format),
    'yaml',
  );
  const same = styles.filter((s) => s.format === format);
  const keys = commonKeys(same);
  const quote = vote(
    same.map((s) => s.quote),
    'double',
  );
  const path = vote(
    same.map((s) => (s.path === null ? null : JSON.stringify(s.path))),
    'null',
  );
  const parsedPath = JSON.parse(path) as { prefix: string; suffix: string } | null;
  return {
    format,
    keys: keys.filter((k) => k !== 'path' || parsedPath !== null),
    emptyValues: emptyValues(same, keys, quote, format),
    separator: vote(
      same.map((s) => s.separator),
      ': ',
    ),
    quote,
    dateQuote: vote(
      same.map((s) => s.dateQuote),
      quote,
    ),
    dateSuffix: vote(
      same.map((s) => s.dateSuffix),
      '',
    ),
    pathPrefix: parsedPath?.prefix ?? null,
    pathSuffix: parsedPath?.suffix ?? '',
    lineEnding: vote(
      same.map((s) => s.lineEnding),
      'lf',
    ),
  };
}

function lineEndingOf(text: string): 'lf' | 'crlf' | null {
  const nl = text.indexOf('\n');
  if (nl === -1) return null;
  return text[nl - 1] === '\r' ? 'crlf' : 'lf';
}

function yamlString(value: string, quote: QuoteStyle): string {
  if (quote === 'plain') return plainIfSafe(value, false) ?? doubleQuoted(value);
  if (quote === 'single') return singleQuoted(value) ?? doubleQuoted(value);
  return doubleQuoted(value);
}

function tomlString(value: string, quote: QuoteStyle): string {
  if (quote === 'single' && !/['\n\r]/.test(value)) return `'${value}'`;
  return JSON.stringify(value);
}

function valueFor(key: string, style: FolderStyle, post: { title: string; slug: string; date: string }): string | null {
  const str = (v: string, q: QuoteStyle) => (style.format === 'toml' ? tomlString(v, q) : yamlString(v, q));
  if (key === 'title') return str(post.title, style.quote);
  if (key === 'date') {
    const date = post.date + style.dateSuffix;
    // A bare TOML date is a date literal, as the folder writes it.
    return style.format === 'toml' && style.dateQuote === 'plain' ? date : str(date, style.dateQuote);
  }
  if (key === 'path')
    return style.pathPrefix === null ? null : str(style.pathPrefix + post.slug + style.pathSuffix, style.quote);
  if (key === 'slug') return str(post.slug, style.quote);
  if (key === 'draft') return 'true';
  return style.emptyValues[key] ?? null;
}

function separatorFor(key: string, style: FolderStyle, width: number): string {
  if (style.format === 'toml') return ' = ';
  if (style.separator === 'aligned') return `:${' '.repeat(width - key.length + 1)}`;
  return style.separator;
}

/** The text of a new post (front matter and an empty body) in the folder's style. */
export function newPostText(style: FolderStyle, post: { title: string; slug: string; date: string }): string {
  const eol = style.lineEnding === 'crlf' ? '\r\n' : '\n';
  const keys = style.keys.includes('title') ? style.keys : ['title', ...style.keys];
  const entries = keys.flatMap((key) => {
    const value = valueFor(key, style, post);
    return value === null ? [] : [[key, value] as const];
  });
  const width = Math.max(...entries.map(([key]) => key.length));
  const lines = entries.map(([key, value]) => `${key}${separatorFor(key, style, width)}${value}`);
  const fence = style.format === 'toml' ? '+++' : '---';
  return [fence, ...lines, fence, '', ''].join(eol);
}

/**
 * The style of one existing post's front matter: the raw material from which a folder's house
 * style is voted (see style.ts).
 */
import { isScalar } from 'yaml';
import type { FrontMatterField } from '../../../shared/api/contract';
import { parsePost } from './post';
import { detectLineEnding } from './line-endings';
import { splitPost } from './split';
import { tomlLines } from './toml-lines';
import type { QuoteStyle } from './types';
import { findPair, pairKey, parseYamlBlock, topLevelPairs } from './yaml-doc';
import { yamlBlockStyle } from './yaml-style';

/** What one post says about the folder's style; null where it says nothing. */
export interface SampleStyle {
  format: 'yaml' | 'toml';
  keys: string[];
  fields: FrontMatterField[];
  separator: ':\t' | ': ' | 'aligned' | null;
  quote: QuoteStyle | null;
  /** How each top-level string value is quoted, by key (YAML; TOML strings are double or single). */
  keyQuotes: Record<string, QuoteStyle>;
  /** The key that holds the post's date (`date`, `pubDate`, `publishDate`…), as written. */
  dateKey: string | null;
  dateQuote: QuoteStyle | null;
  /** The date's shape with its parts as DATE_PART tokens and its time zeroed, e.g. `\u0001-\u0002-\u0003 00:00`. */
  dateShape: string | null;
  path: { prefix: string; suffix: string } | null;
  lineEnding: 'lf' | 'crlf';
}

/** Placeholders for the parts of a date in a date shape (control characters never occur in a date). */
export const DATE_PART = {
  year: '\u0001',
  month: '\u0002',
  day: '\u0003',
  dayUnpadded: '\u0004',
  monthShort: '\u0005',
  monthLong: '\u0006',
} as const;

/** Keys that name a post's date in the generators Postwright knows, lower-cased. */
const DATE_KEYS = new Set(['date', 'pubdate', 'publishdate', 'published', 'created']);

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const QUOTES: Record<string, QuoteStyle> = { QUOTE_DOUBLE: 'double', QUOTE_SINGLE: 'single', PLAIN: 'plain' };

/** The time part of a date with its digits zeroed, keeping its shape and offset. */
function timeShape(rest: string): string {
  return rest.replace(/^([T ]+)\d{1,2}:\d{2}(:\d{2})?(\.\d+)?/, (_all, sep: string, s?: string, f?: string) => {
    return `${sep}00:00${s === undefined ? '' : ':00'}${f === undefined ? '' : `.${'0'.repeat(f.length - 1)}`}`;
  });
}

/** `Jul 08 2022`, `July 8, 2022`: a month name, a day and a year, as Astro's starters write dates. */
function wordsShape(text: string): string | null {
  const m = /^([A-Za-z]{3,9})(\.? +)(\d{1,2})(,? +)(\d{4})$/.exec(text);
  if (m === null) return null;
  const [, month = '', sep1 = '', day = '', sep2 = ''] = m;
  const index = MONTHS.indexOf(month.slice(0, 3).toLowerCase());
  if (index === -1) return null;
  const name = month.length === 3 ? DATE_PART.monthShort : DATE_PART.monthLong;
  return `${name}${sep1}${day.length === 2 ? DATE_PART.day : DATE_PART.dayUnpadded}${sep2}${DATE_PART.year}`;
}

/** The shape of a written date, or null when the text is not one Postwright can write again. */
function dateShapeOf(text: string): string | null {
  const trimmed = text.trim();
  const iso = /^\d{4}-\d{1,2}-\d{1,2}(.*)$/.exec(trimmed);
  if (iso !== null) return `${DATE_PART.year}-${DATE_PART.month}-${DATE_PART.day}${timeShape(iso[1] ?? '')}`;
  return wordsShape(trimmed);
}

/** The post's date field: the first date key holding a date (or a map of dates, as MkDocs writes). */
function dateFieldOf(fields: FrontMatterField[]): FrontMatterField | undefined {
  return fields.find((f) => {
    if (!DATE_KEYS.has(f.key.toLowerCase()) || typeof f.value !== 'string') return false;
    return f.kind === 'date' || f.kind === 'raw' || (f.kind === 'text' && dateShapeOf(f.value) !== null);
  });
}

function pathParts(fields: FrontMatterField[]): SampleStyle['path'] {
  const path = fields.find((f) => f.key === 'path');
  if (path === undefined || typeof path.value !== 'string') return null;
  const m = /^(.*\/)?([^/]+)(\/?)$/.exec(path.value);
  return m === null ? null : { prefix: m[1] ?? '', suffix: m[3] ?? '' };
}

function yamlSeparator(raw: string): SampleStyle['separator'] {
  const { doc } = parseYamlBlock(raw);
  const pairs = topLevelPairs(doc) ?? [];
  const style = yamlBlockStyle(raw, pairs);
  if (style.alignColumn !== null) return 'aligned';
  return style.separator === ':\t' ? ':\t' : style.separator === ': ' ? ': ' : null;
}

type Quotes = Pick<SampleStyle, 'quote' | 'keyQuotes' | 'dateQuote'>;

function yamlQuotes(raw: string, dateKey: string | null): Quotes {
  const { doc } = parseYamlBlock(raw);
  const pairs = topLevelPairs(doc) ?? [];
  const style = yamlBlockStyle(raw, pairs);
  const keyQuotes: Record<string, QuoteStyle> = {};
  for (const pair of pairs) {
    const key = pairKey(pair);
    const value = pair.value;
    if (key === null || !isScalar(value) || typeof value.value !== 'string' || value.type === undefined) continue;
    const quote = QUOTES[value.type];
    if (quote !== undefined) keyQuotes[key] = quote;
  }
  const date = dateKey === null ? undefined : findPair(pairs, dateKey)?.value;
  const dateQuote = isScalar(date) && date.type !== undefined ? (QUOTES[date.type] ?? null) : null;
  return { quote: pairs.length === 0 ? null : (QUOTES[style.quote] ?? null), keyQuotes, dateQuote };
}

function tomlQuote(source: string): QuoteStyle {
  return source.startsWith('"') ? 'double' : source.startsWith("'") ? 'single' : 'plain';
}

function tomlQuotes(raw: string, dateKey: string | null): Quotes {
  const lines = tomlLines(raw);
  const strings = lines.filter((l) => /^["']/.test(l.source));
  const doubles = strings.filter((l) => l.source.startsWith('"')).length;
  const keyQuotes: Record<string, QuoteStyle> = {};
  for (const line of strings) keyQuotes[line.key] = tomlQuote(line.source);
  const date = dateKey === null ? undefined : lines.find((l) => l.key === dateKey);
  return {
    quote: strings.length === 0 ? null : doubles * 2 >= strings.length ? 'double' : 'single',
    keyQuotes,
    dateQuote: date === undefined ? null : tomlQuote(date.source),
  };
}

/** Reads the style of one post, or null when it has no YAML or TOML front matter. */
export function sampleStyle(text: string): SampleStyle | null {
  const split = splitPost(text);
  if (split.format !== 'yaml' && split.format !== 'toml') return null;
  const post = parsePost(text);
  if (!post.frontMatter.editable) return null;
  const fields = post.frontMatter.fields;
  const date = dateFieldOf(fields);
  const dateKey = date?.key ?? null;
  const quotes = split.format === 'yaml' ? yamlQuotes(split.raw, dateKey) : tomlQuotes(split.raw, dateKey);
  return {
    format: split.format,
    keys: fields.map((f) => f.key),
    fields,
    separator: split.format === 'yaml' ? yamlSeparator(split.raw) : null,
    ...quotes,
    dateKey,
    dateShape: date?.kind === 'raw' || typeof date?.value !== 'string' ? null : dateShapeOf(date.value),
    path: pathParts(fields),
    lineEnding: detectLineEnding(text),
  };
}

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
import { findPair, parseYamlBlock, topLevelPairs } from './yaml-doc';
import { yamlBlockStyle } from './yaml-style';

/** What one post says about the folder's style; null where it says nothing. */
export interface SampleStyle {
  format: 'yaml' | 'toml';
  keys: string[];
  fields: FrontMatterField[];
  separator: ':\t' | ': ' | 'aligned' | null;
  quote: QuoteStyle | null;
  dateQuote: QuoteStyle | null;
  dateSuffix: string | null;
  path: { prefix: string; suffix: string } | null;
  lineEnding: 'lf' | 'crlf';
}

const QUOTES: Record<string, QuoteStyle> = { QUOTE_DOUBLE: 'double', QUOTE_SINGLE: 'single', PLAIN: 'plain' };

/** The time part of a date with its digits zeroed, keeping its shape and offset. */
function dateSuffixOf(text: string): string | null {
  const m = /^\d{4}-\d{1,2}-\d{1,2}(.*)$/.exec(text.trim());
  if (m === null) return null;
  return (m[1] ?? '').replace(/^([T ]+)\d{1,2}:\d{2}(:\d{2})?(\.\d+)?/, (_all, sep: string, s?: string, f?: string) => {
    return `${sep}00:00${s === undefined ? '' : ':00'}${f === undefined ? '' : `.${'0'.repeat(f.length - 1)}`}`;
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

function yamlQuotes(raw: string): { quote: QuoteStyle | null; dateQuote: QuoteStyle | null } {
  const { doc } = parseYamlBlock(raw);
  const pairs = topLevelPairs(doc) ?? [];
  const style = yamlBlockStyle(raw, pairs);
  const date = findPair(pairs, 'date')?.value;
  const dateQuote = isScalar(date) && date.type !== undefined ? (QUOTES[date.type] ?? null) : null;
  return { quote: pairs.length === 0 ? null : (QUOTES[style.quote] ?? null), dateQuote };
}

function tomlQuotes(raw: string): { quote: QuoteStyle | null; dateQuote: QuoteStyle | null } {
  const lines = tomlLines(raw);
  const strings = lines.filter((l) => /^["']/.test(l.source));
  const doubles = strings.filter((l) => l.source.startsWith('"')).length;
  const date = lines.find((l) => l.key === 'date');
  const dateQuote: QuoteStyle | null =
    date === undefined
      ? null
      : date.source.startsWith('"')
        ? 'double'
        : date.source.startsWith("'")
          ? 'single'
          : 'plain';
  return { quote: strings.length === 0 ? null : doubles * 2 >= strings.length ? 'double' : 'single', dateQuote };
}

/** Reads the style of one post, or null when it has no YAML or TOML front matter. */
export function sampleStyle(text: string): SampleStyle | null {
  const split = splitPost(text);
  if (split.format !== 'yaml' && split.format !== 'toml') return null;
  const post = parsePost(text);
  if (!post.frontMatter.editable) return null;
  const fields = post.frontMatter.fields;
  const date = fields.find((f) => f.key === 'date');
  const quotes = split.format === 'yaml' ? yamlQuotes(split.raw) : tomlQuotes(split.raw);
  return {
    format: split.format,
    keys: fields.map((f) => f.key),
    fields,
    separator: split.format === 'yaml' ? yamlSeparator(split.raw) : null,
    ...quotes,
    dateSuffix: typeof date?.value === 'string' ? dateSuffixOf(date.value) : null,
    path: pathParts(fields),
    lineEnding: detectLineEnding(text),
  };
}

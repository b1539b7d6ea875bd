/**
 * Types of the front-matter codec: how a post's bytes become text, how the text splits into a
 * front-matter block and a body, and the facts the post list needs.
 */
import type { FrontMatterFormat, FrontMatterInfo } from '../../../shared/api/contract';

/** The character encoding a post was read in, so it can be written back the same way. */
export interface TextEncodingInfo {
  charset: 'utf-8' | 'utf-16le' | 'utf-16be';
  bom: boolean;
}

/** A post's bytes as text (never including the BOM). */
export interface DecodedText {
  text: string;
  encoding: TextEncodingInfo;
  /** Set when writing the text back could change bytes the author did not touch. */
  readOnly?: string;
}

/** A post's text split for editing. */
export interface ParsedPost {
  frontMatter: FrontMatterInfo;
  /** The body with LF line endings. */
  body: string;
  lineEnding: 'lf' | 'crlf';
}

/** What the post list needs to know about a post, read from its text. */
export interface PostFacts {
  title: string | null;
  /** The date as the author wrote it. */
  date: string | null;
  /** `YYYY-MM-DD` plus the time when present, zero-padded so that strings sort by time. */
  sortKey: string | null;
  draft: boolean;
  path: string | null;
  tags: string[];
  problem?: string;
}

/** How scalars are quoted. */
export type QuoteStyle = 'double' | 'single' | 'plain';

/** The house style of a posts folder, inferred from its existing posts. */
export interface FolderStyle {
  format: 'yaml' | 'toml';
  /** Keys in the order most posts use. */
  keys: string[];
  /** For keys other than title/date/path/slug/draft: the empty value to write (e.g. `[]`). */
  emptyValues: Record<string, string>;
  /** Between key and value: `:\t`, `: `, or `aligned` (values start in one column). */
  separator: ':\t' | ': ' | 'aligned';
  /** How string values are quoted. */
  quote: QuoteStyle;
  /** How the date value is quoted, which may differ from strings (`date: 2016-05-26`). */
  dateQuote: QuoteStyle;
  /** What follows `YYYY-MM-DD` in the folder's dates: '' or a time such as ` 00:00:00` or `T00:00:00+02:00`. */
  dateSuffix: string;
  /** The part of `path` values before the slug, e.g. `/blog/`, when posts have a `path` key. */
  pathPrefix: string | null;
  /** The part of `path` values after the slug, e.g. `/`. */
  pathSuffix: string;
  lineEnding: 'lf' | 'crlf';
}

/** The block a post's text was split into; `head + raw + tail + body` is the whole text. */
export interface SplitPost {
  format: FrontMatterFormat;
  /** The language word after the opening fence (`yaml`, `json`, `js`…), lower-cased, or ''. */
  language: string;
  /** The opening fence line, with its line break ('' when there is none, as for Hexo or JSON). */
  head: string;
  /** The block's lines, each with its line break. */
  raw: string;
  /** The closing fence line, with its line break when it has one. */
  tail: string;
  body: string;
}

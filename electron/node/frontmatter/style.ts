/**
 * A posts folder's house style, voted by its existing posts, and the front matter of a new
 * post written in it. With no posts to learn from, a plain YAML default is used.
 */
import type { FrontMatterField } from '../../../shared/api/contract';
import { DATE_PART, sampleStyle } from './style-sample';
import type { SampleStyle } from './style-sample';
import type { FolderStyle, QuoteStyle } from './types';
import { doubleQuoted, plainIfSafe, singleQuoted } from './yaml-scalar';
import { MONTH_NAMES } from './dates';

/** A folder's style with what a new post's values need: where its date goes and how each is quoted. */
export interface NewPostStyle extends FolderStyle {
  /** The key the folder's posts keep their date under (`date`, `pubDate`…). */
  dateKey: string;
  /** How the date is written, with DATE_PART placeholders (see style-sample.ts). */
  dateShape: string;
  /** The quoting of title, path and slug, each as the folder quotes that key. */
  keyQuotes: Record<string, QuoteStyle>;
  /** The flag the folder's posts mark drafts with, and the value that makes a new post one; null when they use none. */
  draft: DraftFlag | null;
}

/** A draft flag as a folder writes it: `draft` on (`draft: true`), or `published` off (`published: false`). */
export interface DraftFlag {
  /** The key as the posts spell it. */
  key: string;
  /** The value a new post starts with, as written in the block. */
  value: 'true' | 'false';
}

const FILLED_KEYS = new Set(['title', 'path', 'slug', 'draft']);

const ISO_DATE = `${DATE_PART.year}-${DATE_PART.month}-${DATE_PART.day}`;

const DEFAULT_STYLE: NewPostStyle = {
  dateKey: 'date',
  dateShape: ISO_DATE,
  keyQuotes: {},
  draft: { key: 'draft', value: 'true' },
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

/** Keys that more than half of the posts have (and the `must` keys), ordered by their average position. */
function commonKeys(samples: SampleStyle[], must: ReadonlySet<string>): string[] {
  const positions = new Map<string, number[]>();
  for (const s of samples)
    s.keys.forEach((k, i) => positions.set(k, [...(positions.get(k) ?? []), i / Math.max(1, s.keys.length)]));
  const average = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return [...positions]
    .filter(([key, at]) => at.length * 2 > samples.length || must.has(key))
    .sort(([, a], [, b]) => average(a) - average(b))
    .map(([key]) => key);
}

/** What a value holds, so that a new post's empty value has the same shape. */
function shapeOf(field: FrontMatterField, format: 'yaml' | 'toml'): 'list' | 'map' | 'scalar' {
  if (field.kind === 'list') return 'list';
  if (field.kind !== 'raw') return 'scalar';
  const source = String(field.value).trimStart();
  // A YAML sequence of maps (`authors:` with `- name: …`) or a TOML array of tables is still a list.
  const list = format === 'yaml' ? /^(-(\s|$)|\[)/.test(source) : source.startsWith('[[');
  return list ? 'list' : 'map';
}

function emptyValue(field: FrontMatterField | undefined, quote: QuoteStyle, format: 'yaml' | 'toml'): string | null {
  if (field === undefined) return null;
  if (field.kind === 'boolean') return 'false';
  if (field.kind === 'text') return format === 'yaml' ? yamlString('', quote) : tomlString('', quote);
  return null;
}

/**
 * Keys that file a post (under a category, a tag, a series): one shared by most posts is still this
 * post's to choose, so it starts empty rather than filed where the others were.
 */
const FILING_KEYS = new Set(['category', 'categories', 'tag', 'tags', 'keywords', 'series', 'topic', 'topics']);

/** A text value shared by most posts (`layout: post`) is worth repeating; anything else starts empty. */
function sharedText(samples: SampleStyle[], key: string, quote: QuoteStyle, format: 'yaml' | 'toml'): string | null {
  if (FILING_KEYS.has(key.toLowerCase())) return null;
  const texts = samples.map((s) => s.fields.find((f) => f.key === key && f.kind === 'text')?.value);
  // Only short one-word values (`post`, `page`) are settings; longer text is one post's prose.
  const candidates = texts.map((t) => (typeof t === 'string' && /^\S{1,40}$/.test(t) ? t : null));
  const common = vote(candidates, '');
  if (common === '' || texts.filter((t) => t === common).length * 2 <= samples.length) return null;
  return format === 'yaml' ? yamlString(common, quote) : tomlString(common, quote);
}

/**
 * The value a new post starts with for a key it has no value for. A key that holds a list in any
 * post starts as an empty flow list (a string there would be one odd tag or author, and `[]` is
 * what the form edits as a list); a key that holds a map is left out; a scalar starts empty.
 */
function startValue(samples: SampleStyle[], key: string, quote: QuoteStyle, format: 'yaml' | 'toml'): string | null {
  const fields = samples.map((s) => s.fields.find((f) => f.key === key));
  const shapes = fields.filter((f) => f !== undefined).map((f) => shapeOf(f, format));
  if (shapes.includes('list')) return '[]';
  if (shapes.includes('map')) return null;
  const value =
    sharedText(samples, key, quote, format) ??
    vote(
      fields.map((f) => emptyValue(f, quote, format)),
      '',
    );
  return value === '' ? null : value;
}

function emptyValues(samples: SampleStyle[], keys: string[], format: 'yaml' | 'toml'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys.filter((k) => !FILLED_KEYS.has(k))) {
    const value = startValue(samples, key, keyQuote(samples, key, 'double'), format);
    if (value !== null) out[key] = value;
  }
  return out;
}

function keyQuote(samples: SampleStyle[], key: string, fallback: QuoteStyle): QuoteStyle {
  return vote(
    samples.map((s) => s.keyQuotes[key] ?? null),
    fallback,
  );
}

/**
 * The key the folder keeps dates under: the most used one, ties going to the newest posts'.
 * Each post's own date key is renamed to it, so that the key order counts every dated post.
 */
function withDateKey(samples: SampleStyle[]): { dateKey: string | null; samples: SampleStyle[] } {
  const dateKey = vote(
    samples.map((s) => s.dateKey),
    '',
  );
  if (dateKey === '') return { dateKey: null, samples };
  const renamed = samples.map((s) => {
    const own = s.dateKey;
    if (own === null || own === dateKey || s.keys.includes(dateKey)) return s;
    return { ...s, keys: s.keys.map((k) => (k === own ? dateKey : k)) };
  });
  return { dateKey, samples: renamed };
}

/** The date's shape and quoting, voted by the posts that use the folder's date key (else by all). */
function dateStyle(samples: SampleStyle[], dateKey: string | null, quote: QuoteStyle) {
  const own = samples.filter((s) => s.dateKey === dateKey && s.dateShape !== null);
  const voters = own.length > 0 ? own : samples;
  const dateShape = vote(
    voters.map((s) => s.dateShape),
    ISO_DATE,
  );
  const dateQuote = vote(
    voters.filter((s) => s.dateShape === dateShape).map((s) => s.dateQuote),
    quote,
  );
  return { dateShape, dateQuote };
}

/** Whether a field holds a yes-or-no flag, as shared/api/drafts.ts reads one (`true`, `"false"`, `1`, `yes`). */
function isFlag(field: FrontMatterField): boolean {
  if (typeof field.value === 'boolean') return true;
  if ((field.kind !== 'text' && field.kind !== 'number') || typeof field.value !== 'string') return false;
  return ['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'].includes(field.value.trim().toLowerCase());
}

/**
 * The draft flag of a folder whose posts use one, even in a single post (a blog that marks drafts
 * marks only its unfinished posts): `draft`, else `published` written as a flag (not as a date). A
 * new post there starts as a draft, so that an export never publishes it half-written.
 */
function draftFlag(samples: SampleStyle[]): DraftFlag | null {
  const keyed = (name: string): string | null =>
    vote(
      samples.flatMap((s) => s.fields.filter((f) => f.key.toLowerCase() === name && isFlag(f)).map((f) => f.key)),
      '',
    ) || null;
  const draft = keyed('draft');
  if (draft !== null) return { key: draft, value: 'true' };
  const published = keyed('published');
  return published === null ? null : { key: published, value: 'false' };
}

/** Infers a folder's front-matter style from the texts of its posts, newest first. */
export function inferFolderStyle(samples: string[]): NewPostStyle {
  const styles = samples.map(sampleStyle).filter((s): s is SampleStyle => s !== null);
  if (styles.length === 0) return { ...DEFAULT_STYLE, lineEnding: vote(samples.map(lineEndingOf), 'lf') };
  const format = vote<'yaml' | 'toml'>(
    styles.map((s) => s.format),
    'yaml',
  );
  const { dateKey, samples: same } = withDateKey(styles.filter((s) => s.format === format));
  const flag = draftFlag(same);
  const draft = flag?.key === dateKey ? null : flag;
  // A title goes where the posts that have one put it, even when most posts take theirs from a heading;
  // a draft flag goes where the posts that have one put it.
  const must = [...(dateKey === null ? ['title'] : ['title', dateKey]), ...(draft === null ? [] : [draft.key])];
  const keys = commonKeys(same, new Set(must));
  const quote = vote(
    same.map((s) => s.quote),
    'double',
  );
  const path = vote(
    same.map((s) => (s.path === null ? null : JSON.stringify(s.path))),
    'null',
  );
  const parsedPath = JSON.parse(path) as { prefix: string; suffix: string } | null;
  const { dateShape, dateQuote } = dateStyle(same, dateKey, quote);
  return {
    format,
    keys: keys.filter((k) => k !== 'path' || parsedPath !== null),
    emptyValues: emptyValues(
      same,
      keys.filter((k) => k !== dateKey),
      format,
    ),
    separator: vote(
      same.map((s) => s.separator),
      ': ',
    ),
    quote,
    keyQuotes: Object.fromEntries(['title', 'path', 'slug'].map((k) => [k, keyQuote(same, k, quote)])),
    draft,
    dateKey: dateKey ?? 'date',
    dateShape,
    dateQuote,
    dateSuffix: dateShape.startsWith(ISO_DATE) ? dateShape.slice(ISO_DATE.length) : '',
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

/** A `YYYY-MM-DD` date written in a date shape. */
function formatDate(shape: string, date: string): string {
  const [year = '', month = '', day = ''] = date.split('-');
  const name = MONTH_NAMES[Number(month) - 1] ?? '';
  const parts: Record<string, string> = {
    [DATE_PART.year]: year,
    [DATE_PART.month]: month,
    [DATE_PART.day]: day,
    [DATE_PART.dayUnpadded]: String(Number(day)),
    [DATE_PART.monthShort]: name.slice(0, 3),
    [DATE_PART.monthLong]: name,
  };
  // eslint-disable-next-line no-control-regex -- the placeholders are control characters on purpose
  return shape.replace(/[\u0001-\u0006]/g, (part) => parts[part] ?? part);
}

type NewPost = { title: string; slug: string; date: string };

function valueFor(key: string, style: NewPostStyle, post: NewPost): string | null {
  const str = (v: string, q: QuoteStyle) => (style.format === 'toml' ? tomlString(v, q) : yamlString(v, q));
  const quoteOf = (k: string) => style.keyQuotes[k] ?? style.quote;
  if (key === 'title') return str(post.title, quoteOf('title'));
  if (key === style.dateKey) {
    const date = formatDate(style.dateShape, post.date);
    // A bare TOML date is a date literal, as the folder writes it.
    return style.format === 'toml' && style.dateQuote === 'plain' ? date : str(date, style.dateQuote);
  }
  if (key === 'path')
    return style.pathPrefix === null ? null : str(style.pathPrefix + post.slug + style.pathSuffix, quoteOf('path'));
  if (key === 'slug') return str(post.slug, quoteOf('slug'));
  if (style.draft !== null && key === style.draft.key) return style.draft.value;
  if (key === 'draft') return 'true';
  return style.emptyValues[key] ?? null;
}

function separatorFor(key: string, style: FolderStyle, width: number): string {
  if (style.format === 'toml') return ' = ';
  if (style.separator === 'aligned') return `:${' '.repeat(width - key.length + 1)}`;
  return style.separator;
}

/** The text of a new post (front matter and an empty body) in the folder's style. */
export function newPostText(style: NewPostStyle, post: NewPost): string {
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

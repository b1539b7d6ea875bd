/**
 * The facts the post list shows, read from a post's text: title, date as written, a sortable
 * date key, draft state, URL path and tags.
 */
import type { FrontMatterField } from '../../../shared/api/contract';
import { isDraftPost } from '../../../shared/api/drafts';
import { dateSortKey } from './dates';
import { parseBlockData } from './parse';
import { parsePost } from './post';
import { listFields, type ListFields } from './summary-fields';
import type { ParsedPost, PostFacts } from './types';

const DATE_KEYS = ['date', 'pubdate', 'published', 'publishdate', 'created'];

function fieldOf(fields: FrontMatterField[], names: string[]): FrontMatterField | undefined {
  for (const name of names) {
    const found = fields.find((f) => f.key.toLowerCase() === name);
    if (found !== undefined) return found;
  }
  return undefined;
}

function textOf(field: FrontMatterField | undefined): string | null {
  if (field === undefined || typeof field.value !== 'string') return null;
  if (field.kind !== 'text' && field.kind !== 'date' && field.kind !== 'number') return null;
  const text = field.value.trim();
  return text === '' ? null : text;
}

function firstHeading(body: string): string | null {
  let inFence = false;
  for (const line of body.split('\n')) {
    if (/^ {0,3}(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const heading = atxText(line);
    if (heading !== null) return heading;
  }
  return null;
}

/** The text of a level-one ATX heading line, by a linear scan (a regex here backtracked quadratically). */
function atxText(line: string): string | null {
  const open = /^ {0,3}#[ \t]+/.exec(line);
  if (open === null || /[\r\u2028\u2029]/.test(line)) return null;
  const start = open[0].length;
  const end = trimEndTabs(line, line.length);
  let hashes = end;
  while (hashes > start && line[hashes - 1] === '#') hashes--;
  // A closing run of `#` counts only after whitespace and when text remains before it.
  const beforeClose = trimEndTabs(line, hashes);
  const close = hashes < end && beforeClose < hashes && beforeClose > start;
  const last = close ? beforeClose : end;
  return last > start ? line.slice(start, last) : null;
}

function trimEndTabs(line: string, end: number): number {
  let i = end;
  while (i > 0 && (line[i - 1] === ' ' || line[i - 1] === '\t')) i--;
  return i;
}

/** A date written inside a map (`date: {created: …}`, MkDocs). */
function nestedDate(field: FrontMatterField | undefined): string | null {
  if (field?.kind !== 'raw' || typeof field.value !== 'string') return null;
  // Line by line, not one regex over the block: its `\s*` runs backtracked on each other (100 KB of
  // spaces after a key took 97 s).
  for (const line of field.value.split('\n')) {
    const key = /^[ \t\r\f\v]*(?:created|published|date)[ \t]*[:=]/i.exec(line);
    if (key === null) continue;
    const text = unquoted(line.slice(key[0].length).trim());
    if (text !== null) return text;
  }
  return null;
}

/** A date's text with at most one quote at either end, or null when it holds a quote or `#`, or nothing. */
function unquoted(value: string): string | null {
  let text = value;
  if (text.startsWith('"') || text.startsWith("'")) text = text.slice(1);
  if (text.endsWith('"') || text.endsWith("'")) text = text.slice(0, -1);
  text = text.trim();
  return text === '' || /["'#]/.test(text) ? null : text;
}

function dateOf(fields: FrontMatterField[]): { text: string; field: FrontMatterField } | null {
  for (const name of DATE_KEYS) {
    const field = fieldOf(fields, [name]);
    if (field === undefined || field.kind === 'boolean') continue;
    const text = textOf(field) ?? nestedDate(field);
    if (text !== null) return { text, field };
  }
  return null;
}

/** Zola keeps tags in a table: `[taxonomies]` with `tags = [...]`. */
function taxonomyTags(fields: FrontMatterField[]): string[] {
  const taxonomies = fieldOf(fields, ['taxonomies']);
  if (taxonomies?.kind !== 'raw' || typeof taxonomies.value !== 'string') return [];
  const parsed = parseBlockData('toml', taxonomies.value);
  if (!parsed.ok) return [];
  const table: unknown = parsed.data.taxonomies;
  const tags: unknown =
    table !== null && typeof table === 'object' ? (table as Record<string, unknown>).tags : undefined;
  return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [];
}

function tagsOf(fields: FrontMatterField[]): string[] {
  const tags = fieldOf(fields, ['tags']);
  if (tags === undefined) return taxonomyTags(fields);
  if (Array.isArray(tags.value)) return tags.value;
  if (tags.kind === 'text' && typeof tags.value === 'string' && tags.value.trim() !== '') return [tags.value.trim()];
  return [];
}

function problemOf(post: Pick<ParsedPost, 'frontMatter'>): string | undefined {
  const error = post.frontMatter.error;
  if (error === undefined) return undefined;
  return `The front matter could not be read: ${error.message}${error.line === undefined ? '' : ` (line ${error.line})`}`;
}

/** What a summary is read from: the fields and body of a parsed post. */
export type SummaryParse = (text: string) => Pick<ParsedPost, 'frontMatter' | 'body'>;

/**
 * Reads the list facts of a post, and its other front-matter values for sorting. Never throws.
 * `parse` may be a faster reader that gives what parsePost gives (the folder listing's).
 */
export function summarizePost(text: string, parse: SummaryParse = parsePost): PostFacts & ListFields {
  const post = parse(text);
  const fields = post.frontMatter.fields;
  const dated = dateOf(fields);
  const date = dated?.text ?? null;
  const shown = [
    fieldOf(fields, ['title', 'name']),
    dated?.field,
    fieldOf(fields, ['path']),
    fieldOf(fields, ['tags']),
  ];
  const facts: PostFacts & ListFields = {
    // A block that does not parse may have read several of its lines as one value: never a title.
    title: (post.frontMatter.error === undefined ? textOf(shown[0]) : null) ?? firstHeading(post.body),
    date,
    sortKey: date === null ? null : dateSortKey(date),
    draft: isDraftPost(post.frontMatter),
    path: textOf(shown[2]),
    tags: tagsOf(fields),
    // Values the summary already carries are not repeated.
    ...listFields(fields, new Set(shown.filter((field) => field !== undefined))),
  };
  const problem = problemOf(post);
  return problem === undefined ? facts : { ...facts, problem };
}

/**
 * A fast reader for the front matter most posts have: one `key: value` per line, the values plain
 * words, quoted strings without escapes, or flat `[a, b]` lists. It gives exactly what parsePost
 * gives (quick-yaml.test.ts proves it over the corpus) and declines anything else, which then takes
 * the full parse. Listing 10,000 posts spent most of its time building YAML documents for this.
 */
import type { FrontMatterField } from '../../../shared/api/contract';
import { asListField } from '../../../shared/api/fields';
import { calendarWarning, looksLikeDate } from '../frontmatter/dates';
import { listableItems } from '../frontmatter/list-items';
import { parsePost } from '../frontmatter/index';
import { splitPost } from '../frontmatter/split';
import type { ParsedPost } from '../frontmatter/types';

/** A key spelled so that YAML reads it as that very string. */
const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +([^\n]*))?$/;
/** Keys the core schema reads as null or a boolean (their text would change). */
const NOT_STRING_KEY = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
/** A plain value of letters, digits and harmless punctuation; `:` only inside (times), never before a space. */
const PLAIN = /^[\p{L}\p{N}_][\p{L}\p{N} _.,/+-]*(?::[\p{L}\p{N}_.+-][\p{L}\p{N} _.,/+-]*)*$/u;
/** A list item: as PLAIN, without `,` or `:`. */
const PLAIN_ITEM = /^[\p{L}\p{N}_][\p{L}\p{N} _./+-]*$/u;
/** Characters a quoted value may not hold here: the quote and escape, controls, and what YAML refuses. */
const QUOTED_BAD = /["\\\p{Cc}\u2028\u2029\ufeff\ufffe\uffff]/u;
const SINGLE_BAD = /['\p{Cc}\u2028\u2029\ufeff\ufffe\uffff]/u;
/** The core schema's null, boolean and number forms. */
const NULL = /^(?:~|null|Null|NULL)$/;
const BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
const NUMBER =
  /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

/** `text` as a text or date field, as the full reader makes it. */
function textField(key: string, text: string): FrontMatterField {
  if (!looksLikeDate(text)) return { key, kind: 'text', value: text };
  const warning = calendarWarning(text);
  return warning === undefined ? { key, kind: 'date', value: text } : { key, kind: 'date', value: text, warning };
}

/** The string a quoted value holds, or null when it is not a simple quoted value. */
function quoted(value: string): string | null {
  const quote = value[0];
  if (value.length < 2 || (quote !== '"' && quote !== "'") || value.at(-1) !== quote) return null;
  const inner = value.slice(1, -1);
  return (quote === '"' ? QUOTED_BAD : SINGLE_BAD).test(inner) ? null : inner;
}

/** The items of a flat list of plain or quoted strings, or null. */
function listItems(value: string): string[] | null {
  const inner = value.slice(1, -1).trim();
  if (inner === '') return [];
  const items: string[] = [];
  for (const part of inner.split(',')) {
    const item = part.trim();
    const text = quoted(item);
    if (text !== null) items.push(text);
    else if (PLAIN_ITEM.test(item) && plainKind(item) === 'string') items.push(item);
    else return null;
  }
  // A list the form could not edit item by item is a raw field: the full reader says so.
  return listableItems(items) ? items : null;
}

function plainKind(text: string): 'null' | 'boolean' | 'number' | 'string' {
  if (NULL.test(text)) return 'null';
  if (BOOL.test(text)) return 'boolean';
  return NUMBER.test(text) ? 'number' : 'string';
}

/** One line's field, or null when the line is not one this reader is sure of. */
function lineField(line: string): FrontMatterField | null {
  const match = KEY.exec(line);
  if (match === null) return null;
  const [, key = '', value = ''] = match;
  if (NOT_STRING_KEY.test(key)) return null;
  if (value === '') return { key, kind: 'text', value: '' };
  if (value !== value.trimEnd()) return null;
  if (value.startsWith('[')) {
    const items = value.endsWith(']') ? listItems(value) : null;
    return items === null ? null : { key, kind: 'list', value: items };
  }
  const text = quoted(value);
  if (text !== null) return textField(key, text);
  if (!PLAIN.test(value)) return null;
  switch (plainKind(value)) {
    case 'null':
      return { key, kind: 'text', value: '' };
    case 'boolean':
      return { key, kind: 'boolean', value: value.toLowerCase() === 'true' };
    case 'number':
      return { key, kind: 'number', value };
    case 'string':
      return textField(key, value);
  }
}

/** The fields of a simple YAML block (LF only, no blank or comment lines, no repeated key), or null. */
export function quickYamlFields(raw: string): FrontMatterField[] | null {
  if (raw.includes('\r') || raw.includes('\t')) return null;
  const lines = raw.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const fields: FrontMatterField[] = [];
  const keys = new Set<string>();
  for (const line of lines) {
    const read = lineField(line);
    const field = read === null ? null : asListField(read);
    if (field === null || keys.has(field.key)) return null;
    keys.add(field.key);
    fields.push(field);
  }
  return fields;
}

/** What parsePost gives for the fields and body of `text`, read fast when its front matter is simple. */
export function quickParse(text: string): Pick<ParsedPost, 'frontMatter' | 'body' | 'lineEnding'> {
  if (text.includes('\r')) return parsePost(text);
  const split = splitPost(text);
  if (split.format !== 'yaml') return parsePost(text);
  const fields = quickYamlFields(split.raw);
  if (fields === null) return parsePost(text);
  return {
    frontMatter: { format: 'yaml', raw: split.raw.replace(/\n$/, ''), editable: true, fields },
    body: split.body,
    // Without a CR there is only LF (what detectLineEnding would find, without splitting the text).
    lineEnding: 'lf',
  };
}

/**
 * The front-matter values the post list sorts by when the author picks a key other than date or
 * title: every top-level scalar as the author wrote it, kept short so that a list of 10,000 posts
 * stays small. Maps are left out (nothing sensible to sort them by).
 */
import type { FrontMatterField } from '../../../shared/api/contract';
import { dateSortKey } from './dates';

/** Values longer than this many characters are cut: sorting needs only the start. */
export const FIELD_VALUE_LIMIT = 200;

/** A post's sortable front-matter values, each map absent when empty. */
export interface ListFields {
  /** Key → value as written (lists joined with ", "). */
  fields?: Record<string, string>;
  /** Key → sortable date, for the values of `fields` that are dates written some other way. */
  fieldDates?: Record<string, string>;
}

/** `text` cut to `limit` code units without splitting a surrogate pair. */
function cut(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const end = /[\ud800-\udbff]/.test(text.charAt(limit - 1)) ? limit - 1 : limit;
  return text.slice(0, end);
}

/** Whole items joined with ", " up to the limit, so a cut never leaves half an item. */
function joinItems(items: readonly string[]): string {
  let joined = '';
  for (const raw of items) {
    const item = raw.trim();
    if (item === '') continue;
    const next = joined === '' ? item : `${joined}, ${item}`;
    if (next.length > FIELD_VALUE_LIMIT) return joined === '' ? cut(item, FIELD_VALUE_LIMIT) : joined;
    joined = next;
  }
  return joined;
}

function valueText(field: FrontMatterField): string | null {
  if (field.kind === 'raw') return null;
  if (typeof field.value === 'boolean') return String(field.value);
  if (Array.isArray(field.value)) return joinItems(field.value);
  return cut(field.value.trim(), FIELD_VALUE_LIMIT);
}

/** The sortable values of `fields`, leaving out those in `skip` (already in the summary). */
export function listFields(fields: readonly FrontMatterField[], skip: ReadonlySet<FrontMatterField>): ListFields {
  // No prototype: a key such as `__proto__` or `constructor` is a key like any other.
  const values = Object.create(null) as Record<string, string>;
  const dates = Object.create(null) as Record<string, string>;
  let any = false;
  let anyDate = false;
  for (const field of fields) {
    if (skip.has(field) || Object.hasOwn(values, field.key)) continue;
    const text = valueText(field);
    if (text === null || text === '') continue;
    values[field.key] = text;
    any = true;
    const key = field.kind === 'text' || field.kind === 'date' ? dateSortKey(text) : null;
    if (key !== null && key !== text) {
      dates[field.key] = key;
      anyDate = true;
    }
  }
  return { ...(any ? { fields: values } : {}), ...(anyDate ? { fieldDates: dates } : {}) };
}

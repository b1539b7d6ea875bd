/**
 * The form's view of a JSON block: fields shown, edits through Raw mode only (a JSON object has
 * no comments or quoting styles to keep, but its spacing and key order are the author's).
 */
import type { FrontMatterField } from '../../../shared/api/contract';
import { calendarWarning, looksLikeDate } from './dates';
import { parseBlockData } from './parse';
import type { YamlFields } from './yaml-fields';
import { listableItems } from './list-items';

const NOTE = 'JSON front matter is edited in Raw mode; the fields are shown read-only.';

function field(key: string, value: unknown): FrontMatterField {
  if (typeof value === 'boolean') return { key, kind: 'boolean', value };
  if (typeof value === 'number') return { key, kind: 'number', value: String(value) };
  if (typeof value === 'string') {
    if (!looksLikeDate(value)) return { key, kind: 'text', value };
    const warning = calendarWarning(value);
    return warning === undefined ? { key, kind: 'date', value } : { key, kind: 'date', value, warning };
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'string') && listableItems(value)) {
    return { key, kind: 'list', value };
  }
  return { key, kind: 'raw', value: jsonText(value) };
}

/** JSON text of a value; a structure nested too deeply to print is named, not printed. */
export function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2);
  } catch {
    return '(nested too deeply to show; use Raw mode)';
  }
}

/** Reads the fields of a JSON block's text. Never throws. */
export function readJsonFields(raw: string): YamlFields {
  const parsed = parseBlockData('json', raw);
  if (!parsed.ok) return { fields: [], editable: false, note: NOTE, error: parsed.error };
  return { fields: Object.keys(parsed.data).map((key) => field(key, parsed.data[key])), editable: false, note: NOTE };
}

/**
 * Whether a field, as the form shows it, already holds a value sent back from the form. Used to
 * skip edits that change nothing and to check every edit by reading it back.
 */
import type { FieldValue, FrontMatterField } from '../../../shared/api/contract';
import { LIST_KEYS } from '../../../shared/api/fields';

function sameItems(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** True when the field holds exactly this value (text and date are one kind: a string). */
export function holdsValue(field: FrontMatterField | undefined, value: FieldValue): boolean {
  if (field === undefined) return false;
  switch (value.kind) {
    case 'text':
    case 'date':
      // A list key read as a list of none or one (asListField) holds the text it was given.
      if (field.kind === 'list' && Array.isArray(field.value) && LIST_KEYS.has(field.key.toLowerCase()))
        return sameItems(field.value, value.text === '' ? [] : [value.text]);
      return (field.kind === 'text' || field.kind === 'date') && field.value === value.text;
    case 'number':
      return field.kind === 'number' && field.value === value.text.trim();
    case 'boolean':
      return field.kind === 'boolean' && field.value === value.value;
    case 'list':
      return field.kind === 'list' && Array.isArray(field.value) && sameItems(field.value, value.items);
    case 'raw':
      return field.kind === 'raw' && field.value === value.yaml;
  }
}

/** True when a freshly written value reads back as intended (raw YAML is checked by parsing only). */
export function readsBack(field: FrontMatterField | undefined, value: FieldValue): boolean {
  return value.kind === 'raw' ? field !== undefined : holdsValue(field, value);
}

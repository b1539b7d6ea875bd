/** Reading front-matter fields by name, one way for the preview, the export and the list. */
import type { FrontMatterField } from './contract';

/**
 * The trimmed text of the first field among `keys` that holds text (keys matched without case, as
 * Hugo reads them: `Title` is `title`); an empty one counts as missing.
 */
export function textField(fields: readonly FrontMatterField[], keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const field = fields.find((f) => f.key.toLowerCase() === key);
    if (field !== undefined && field.kind === 'text' && typeof field.value === 'string' && field.value.trim() !== '') {
      return field.value.trim();
    }
  }
  return undefined;
}

/** The keys a post's own title is read from, in order. */
export const TITLE_KEYS = ['title', 'name'] as const;

/**
 * Keys whose values are lists of words in every generator's front matter (matched without case):
 * the form edits them as lists even when the file leaves them empty (`tags:`, as `hexo new` writes)
 * or gives one word (`tags: notes`, which Eleventy reads as a list of one).
 */
export const LIST_KEYS: ReadonlySet<string> = new Set(['tags', 'categories', 'keywords', 'aliases']);

/** A list key's empty or one-word text field as a list of none or one (LIST_KEYS); any other field as it is. */
export function asListField(field: FrontMatterField): FrontMatterField {
  if (!LIST_KEYS.has(field.key.toLowerCase()) || (field.kind !== 'text' && field.kind !== 'date')) return field;
  const text = typeof field.value === 'string' ? field.value : '';
  return { key: field.key, kind: 'list', value: text === '' ? [] : [text] };
}

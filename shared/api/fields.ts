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

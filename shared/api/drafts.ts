/**
 * Whether a post is a draft, read one way by the post list, the site export and the writing hints:
 * `draft: true` or `published: false`, each flag written as a boolean, or as text or a number
 * (`draft: "true"`, `draft: 1`, `draft: yes`), as generators read them (Hugo's `true` and `1`,
 * YAML 1.1's `yes`). In doubt a draft: a post is never published by mistake.
 */
import type { FrontMatterField } from './contract';

function field(fields: readonly FrontMatterField[], key: string): FrontMatterField | undefined {
  return fields.find((candidate) => candidate.key.toLowerCase() === key);
}

/** A yes-or-no flag's value, or null when the field is missing or says neither. */
function flag(found: FrontMatterField | undefined): boolean | null {
  if (typeof found?.value === 'boolean') return found.value;
  if ((found?.kind !== 'text' && found?.kind !== 'number') || typeof found.value !== 'string') return null;
  const text = found.value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(text)) return true;
  return ['false', '0', 'no', 'off'].includes(text) ? false : null;
}

/** Whether the `draft` flag is on. */
export function draftFlagOn(fields: readonly FrontMatterField[]): boolean {
  return flag(field(fields, 'draft')) === true;
}

/** Whether the post is a draft: its `draft` flag on, or its `published` flag off. */
export function isDraft(fields: readonly FrontMatterField[]): boolean {
  return draftFlagOn(fields) || flag(field(fields, 'published')) === false;
}

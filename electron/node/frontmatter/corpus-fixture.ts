/**
 * Helpers for the corpus tests: the list of corpus posts, a line diff, and the values the form
 * would send back. Test support only; nothing in the app imports it.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FieldValue, FrontMatterField } from '../../../shared/api/contract';

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : name.endsWith('.md') ? [full] : [];
    });
}

/** Every Markdown file of the corpus: the real posts, then the author's seed posts. */
export function corpusFiles(corpus: string): string[] {
  return [...walk(join(corpus, 'real-posts')), ...walk(join(corpus, 'seed'))];
}

/** Lines of the original that are not in the result and lines of the result not in the original. */
export function lineDiff(before: string, after: string): { removed: string[]; added: string[]; at: number } {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { removed: a.slice(start, endA), added: b.slice(start, endB), at: start };
}

/** The title, or else the first one-line text field. */
export function editableTextField(fields: FrontMatterField[]): FrontMatterField | undefined {
  // A block scalar spans several lines; the one-line check needs a one-line value.
  const oneLine = fields.filter((f) => f.kind === 'text' && !String(f.value).includes('\n'));
  return oneLine.find((f) => f.key === 'title') ?? oneLine[0];
}

/** The value the form would send back for a field it did not change. */
export function asValue(field: FrontMatterField): FieldValue {
  const text = String(field.value);
  if (field.kind === 'boolean') return { kind: 'boolean', value: field.value === true };
  if (field.kind === 'list') return { kind: 'list', items: Array.isArray(field.value) ? field.value : [] };
  if (field.kind === 'raw') return { kind: 'raw', yaml: text };
  return { kind: field.kind, text };
}

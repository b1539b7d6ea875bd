/**
 * Whether a list's items can be edited in the form's list field, which shows them joined by ", " and
 * reads the text back split at commas and trimmed (renderer/state/suggestions.ts splitItems), in one
 * line of text. An item with a comma, a line break, spaces at either end, or nothing in it would come
 * back changed or gone, items the author never touched among them, so such a list is shown as its
 * source text instead (a raw field).
 */
export function listableItems(items: readonly string[]): boolean {
  return items.every((item) => item !== '' && !/[,\r\n]/.test(item) && item === item.trim());
}

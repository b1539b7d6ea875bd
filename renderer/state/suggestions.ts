/**
 * Suggestions for list fields (tags, categories, keywords, authors…): the values the blog already
 * uses for the same key, most used first, and the text edits of picking one while typing
 * "a, b, c" in the form's list box.
 */
import type { PostSummary } from '../../shared/api/contract';

/** One value used across the blog, and by how many posts. */
export interface Suggestion {
  value: string;
  count: number;
}

/** Finds the suggestions for a front-matter key (any letter case). */
export type SuggestionLookup = (key: string) => readonly Suggestion[];

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** The items a post has under `key` (lower-cased): its tags, or the list in its summary's fields. */
function itemsOf(post: PostSummary, lowerKey: string): string[] {
  if (lowerKey === 'tags') return post.tags;
  const items: string[] = [];
  if (post.fields === undefined) return items;
  for (const [key, value] of Object.entries(post.fields)) {
    // The summary joins list items with ", ".
    if (key.toLowerCase() === lowerKey && typeof value === 'string') items.push(...value.split(', '));
  }
  return items;
}

/** Every value used for `key` across `posts` with how many posts use it, most used first, then by name. */
export function valueCounts(posts: readonly PostSummary[], key: string): Suggestion[] {
  const lowerKey = key.toLowerCase();
  const counts = new Map<string, number>();
  for (const post of posts) {
    const items = new Set(itemsOf(post, lowerKey).map((item) => item.trim()));
    for (const item of items) if (item !== '') counts.set(item, (counts.get(item) ?? 0) + 1);
  }
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || collator.compare(a.value, b.value) || (a.value < b.value ? -1 : 1));
}

/** A lookup that counts each key's values the first time it is asked for. */
export function suggestionLookup(posts: readonly PostSummary[]): SuggestionLookup {
  const known = new Map<string, Suggestion[]>();
  return (key) => {
    const lowerKey = key.toLowerCase();
    let found = known.get(lowerKey);
    if (found === undefined) {
      found = valueCounts(posts, lowerKey);
      known.set(lowerKey, found);
    }
    return found;
  };
}

/** The items of a comma-separated list, trimmed, empty ones dropped. */
export function splitItems(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Where the item being typed starts: after the last comma. */
function itemStart(text: string): number {
  return text.lastIndexOf(',') + 1;
}

/** The suggestions for the item being typed in `text`: not already in the list, starts of words first. */
export function matchingSuggestions(suggestions: readonly Suggestion[], text: string, limit = 8): Suggestion[] {
  const start = itemStart(text);
  const query = text.slice(start).trim().toLocaleLowerCase();
  const present = new Set(splitItems(text.slice(0, start)).map((item) => item.toLocaleLowerCase()));
  const starts: Suggestion[] = [];
  const inside: Suggestion[] = [];
  for (const suggestion of suggestions) {
    const value = suggestion.value.toLocaleLowerCase();
    if (present.has(value)) continue;
    if (query === '' || value.startsWith(query)) starts.push(suggestion);
    else if (value.includes(query)) inside.push(suggestion);
    if (starts.length >= limit) break;
  }
  return [...starts, ...inside].slice(0, limit);
}

/** `text` with the item being typed replaced by `value`, ready for the next item ("a, value, "). */
export function acceptSuggestion(text: string, value: string): string {
  const start = itemStart(text);
  return `${text.slice(0, start)}${start > 0 ? ' ' : ''}${value}, `;
}

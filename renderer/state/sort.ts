/**
 * Sorting and filtering the post list: by date, title, path, file name, last change or any
 * front-matter key the folder uses; drafts; tags; categories.
 */
import type { PostSummary } from '../../shared/api/contract';

/** A front-matter key to sort by, written `field:<key>`. */
export type FieldSort = `field:${string}`;
/** What the list can be sorted by. */
export type SortField = 'date' | 'title' | 'modified' | 'path' | 'file' | FieldSort;
/** Ascending or descending. */
export type SortDirection = 'asc' | 'desc';
/** Which posts are shown by their draft flag. */
export type DraftFilter = 'all' | 'drafts' | 'published';

/** How the list is arranged. */
export interface ListView {
  sort: SortField;
  direction: SortDirection;
  show: DraftFilter;
  /** Only posts with this tag, or null for all. */
  tag: string | null;
  /** Only posts in this category (`categories` or `category`, as Jekyll, Hexo and MkDocs file them), or null for all. */
  category: string | null;
}

/** The list as it first appears: newest first, everything shown. */
export const DEFAULT_VIEW: Readonly<ListView> = Object.freeze({
  sort: 'date',
  direction: 'desc',
  show: 'all',
  tag: null,
  category: null,
});

/** The sort options with their labels, in menu order. */
export const SORT_FIELDS: readonly { value: SortField; label: string }[] = [
  { value: 'date', label: 'Date' },
  { value: 'title', label: 'Title' },
  { value: 'modified', label: 'Last modified' },
  { value: 'path', label: 'Path' },
  { value: 'file', label: 'File name' },
];

const FIELD_PREFIX = 'field:';

/** The sort by front-matter key `key`. */
export function fieldSort(key: string): FieldSort {
  return `${FIELD_PREFIX}${key}`;
}

/** The front-matter key a sort is by, or null for the built-in sorts. */
export function sortedKey(sort: SortField): string | null {
  return sort.startsWith(FIELD_PREFIX) ? sort.slice(FIELD_PREFIX.length) : null;
}

/** A post's value for a front-matter key as written, or null when it has none. */
export function fieldValue(post: PostSummary, key: string): string | null {
  const fields = post.fields;
  // Own keys only: `constructor` must not find Object's.
  if (fields === undefined || !Object.hasOwn(fields, key)) return null;
  const value = fields[key];
  return typeof value === 'string' ? value : null;
}

const DATE_LIKE = /^\d{4}-\d{1,2}-\d{1,2}(?:$|[T ])/;

function isDated(post: PostSummary, key: string, value: string): boolean {
  return (post.fieldDates !== undefined && Object.hasOwn(post.fieldDates, key)) || DATE_LIKE.test(value);
}

/** The direction a field is first sorted in: newest first for dates (and keys holding dates), else A to Z. */
export function naturalDirection(field: SortField, posts: readonly PostSummary[] = []): SortDirection {
  if (field === 'date' || field === 'modified') return 'desc';
  const key = sortedKey(field);
  if (key === null) return 'asc';
  let values = 0;
  let dates = 0;
  for (const post of posts) {
    const value = fieldValue(post, key);
    if (value === null) continue;
    values++;
    if (isDated(post, key, value)) dates++;
  }
  return values > 0 && dates * 2 > values ? 'desc' : 'asc';
}

/** Every front-matter key the folder's posts have besides title, date, path and tags, most used first. */
export function fieldKeys(posts: readonly PostSummary[]): { key: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const post of posts) {
    if (post.fields === undefined) continue;
    for (const key of Object.keys(post.fields)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || collator.compare(a.key, b.key) || (a.key < b.key ? -1 : 1));
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function key(post: PostSummary, field: SortField): string | number | null {
  switch (field) {
    case 'date':
      return post.sortKey;
    case 'title':
      return post.title;
    case 'modified':
      return post.mtimeMs;
    case 'path':
      return post.path;
    case 'file':
      return post.id;
    default:
      return fieldKey(post, sortedKey(field) ?? '');
  }
}

const NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i;

/** Numbers by value, dates by their sortable form, anything else as text. */
function fieldKey(post: PostSummary, key: string): string | number | null {
  const value = fieldValue(post, key);
  if (value === null) return null;
  const date = post.fieldDates !== undefined && Object.hasOwn(post.fieldDates, key) ? post.fieldDates[key] : undefined;
  if (typeof date === 'string') return date;
  return NUMBER.test(value) && Number.isFinite(Number(value)) ? Number(value) : value;
}

function compareKeys(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** `posts` sorted by `field`; posts without a value always come last; ties fall back to title, then id. */
export function sortPosts(posts: readonly PostSummary[], field: SortField, direction: SortDirection): PostSummary[] {
  const sign = direction === 'asc' ? 1 : -1;
  // Keys are worked out once per post, not once per comparison: lists run to 10,000 posts.
  const keyed = posts.map((post) => ({ post, key: key(post, field) }));
  keyed.sort(({ post: a, key: ka }, { post: b, key: kb }) => {
    if (ka === null || kb === null) {
      if (ka !== kb) return ka === null ? 1 : -1;
    } else {
      const byKey = compareKeys(ka, kb);
      if (byKey !== 0) return sign * byKey;
    }
    return collator.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
  return keyed.map(({ post }) => post);
}

/** How tags and categories are told apart: `Rust`, `rust` and ` rust ` are one (Hugo lower-cases them all). */
function tagKey(tag: string): string {
  return tag.trim().toLocaleLowerCase();
}

/** The keys a post's categories are filed under (Jekyll and Hexo `categories`, Jekyll and Gatsby `category`). */
const CATEGORY_KEYS = new Set(['categories', 'category']);

/** A post's categories: the items of its `categories` or `category` list (as listed, joined with ", "), or its one text. */
export function categoriesOf(post: PostSummary): string[] {
  const fields = post.fields;
  if (fields === undefined) return [];
  const found: string[] = [];
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (!CATEGORY_KEYS.has(key.toLowerCase()) || value === undefined) continue;
    for (const item of value.split(', ')) if (item.trim() !== '') found.push(item.trim());
  }
  return found;
}

function hasItem(items: readonly string[], wanted: string): boolean {
  const key = tagKey(wanted);
  return items.some((item) => tagKey(item) === key);
}

/** Whether `post` passes the draft, tag and category filters of `view` (a tag or category in any case). */
export function passesFilters(post: PostSummary, view: Pick<ListView, 'show' | 'tag' | 'category'>): boolean {
  if (view.show === 'drafts' && !post.draft) return false;
  if (view.show === 'published' && post.draft) return false;
  if (view.tag !== null && !hasItem(post.tags, view.tag)) return false;
  return view.category === null || hasItem(categoriesOf(post), view.category);
}

/** The posts of `view`: filtered, then sorted. */
export function arrangePosts(posts: readonly PostSummary[], view: ListView): PostSummary[] {
  const everyPost = view.show === 'all' && view.tag === null && view.category === null;
  return sortPosts(everyPost ? posts : posts.filter((post) => passesFilters(post, view)), view.sort, view.direction);
}

/**
 * Every tag used across the blog with how many posts have it, most used first, then by name. Tags
 * differing only in case or surrounding spaces are one, named as most of its uses spell it.
 */
export function tagCounts(posts: readonly PostSummary[]): { tag: string; count: number }[] {
  return itemCounts(posts, (post) => post.tags).map(({ item, count }) => ({ tag: item, count }));
}

/** Every category used across the blog with how many posts are in it, counted as tagCounts counts tags. */
export function categoryCounts(posts: readonly PostSummary[]): { category: string; count: number }[] {
  return itemCounts(posts, categoriesOf).map(({ item, count }) => ({ category: item, count }));
}

function itemCounts(
  posts: readonly PostSummary[],
  itemsOf: (post: PostSummary) => readonly string[],
): { item: string; count: number }[] {
  const byKey = new Map<string, { posts: number; spellings: Map<string, number> }>();
  for (const post of posts) {
    const seen = new Set<string>();
    for (const raw of itemsOf(post)) {
      const item = raw.trim();
      const key = tagKey(item);
      if (key === '') continue;
      let entry = byKey.get(key);
      if (entry === undefined) byKey.set(key, (entry = { posts: 0, spellings: new Map() }));
      entry.spellings.set(item, (entry.spellings.get(item) ?? 0) + 1);
      if (!seen.has(key)) entry.posts++;
      seen.add(key);
    }
  }
  return [...byKey.values()]
    .map(({ posts: count, spellings }) => ({ item: mostUsed(spellings), count }))
    .sort((a, b) => b.count - a.count || collator.compare(a.item, b.item) || (a.item < b.item ? -1 : 1));
}

/** The spelling used most (the first seen among equals). */
function mostUsed(spellings: ReadonlyMap<string, number>): string {
  let best = '';
  let most = 0;
  for (const [spelling, uses] of spellings) {
    if (uses > most) [best, most] = [spelling, uses];
  }
  return best;
}

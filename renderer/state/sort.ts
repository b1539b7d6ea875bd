/** Sorting and filtering the post list: by date, title, path, file name or last change; drafts; tags. */
import type { PostSummary } from '../../shared/api/contract';

/** What the list can be sorted by. */
export type SortField = 'date' | 'title' | 'modified' | 'path' | 'file';
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
}

/** The list as it first appears: newest first, everything shown. */
export const DEFAULT_VIEW: Readonly<ListView> = Object.freeze({
  sort: 'date',
  direction: 'desc',
  show: 'all',
  tag: null,
});

/** The sort options with their labels, in menu order. */
export const SORT_FIELDS: readonly { value: SortField; label: string }[] = [
  { value: 'date', label: 'Date' },
  { value: 'title', label: 'Title' },
  { value: 'modified', label: 'Last modified' },
  { value: 'path', label: 'Path' },
  { value: 'file', label: 'File name' },
];

/** The direction a field is first sorted in: newest first for dates, A to Z for text. */
export function naturalDirection(field: SortField): SortDirection {
  return field === 'date' || field === 'modified' ? 'desc' : 'asc';
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
  }
}

function compareKeys(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** `posts` sorted by `field`; posts without a value always come last; ties fall back to title, then id. */
export function sortPosts(posts: readonly PostSummary[], field: SortField, direction: SortDirection): PostSummary[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...posts].sort((a, b) => {
    const ka = key(a, field);
    const kb = key(b, field);
    if (ka === null || kb === null) {
      if (ka !== kb) return ka === null ? 1 : -1;
    } else {
      const byKey = compareKeys(ka, kb);
      if (byKey !== 0) return sign * byKey;
    }
    return collator.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}

/** Whether `post` passes the draft and tag filters of `view`. */
export function passesFilters(post: PostSummary, view: Pick<ListView, 'show' | 'tag'>): boolean {
  if (view.show === 'drafts' && !post.draft) return false;
  if (view.show === 'published' && post.draft) return false;
  return view.tag === null || post.tags.includes(view.tag);
}

/** The posts of `view`: filtered, then sorted. */
export function arrangePosts(posts: readonly PostSummary[], view: ListView): PostSummary[] {
  return sortPosts(
    posts.filter((post) => passesFilters(post, view)),
    view.sort,
    view.direction,
  );
}

/** Every tag used across the blog with how often, most used first, then by name. */
export function tagCounts(posts: readonly PostSummary[]): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const post of posts) for (const tag of new Set(post.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || collator.compare(a.tag, b.tag));
}

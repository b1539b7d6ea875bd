/** The post list's pure logic: filtering, labels and keyboard movement. */
import type { PostSummary } from '../../shared/api/contract';
import { foldedWords, foldText } from '../../shared/search/fold';

/** The text a post is found by: title, id, URL path and tags, folded as the query is. */
function haystack(post: PostSummary): string {
  return foldText([post.title, post.id, post.path ?? '', ...post.tags].join('\n'));
}

/** The posts matching every word of `query` in their title, path or tags (blind to case and accents), in list order. */
export function filterPosts(posts: readonly PostSummary[], query: string): PostSummary[] {
  const words = foldedWords(query);
  if (words.length === 0) return [...posts];
  return posts.filter((post) => {
    const text = haystack(post);
    return words.every((word) => text.includes(word));
  });
}

/** The name a post goes by in the list: its title, or its file name when it has none. */
export function postLabel(post: Pick<PostSummary, 'id' | 'title'>): string {
  return post.title.trim() === '' ? post.id : post.title;
}

/** The id `delta` steps from `current` in `ids` (clamped), or the first/last when none is current. */
export function moveSelection(ids: readonly string[], current: string | null, delta: number): string | null {
  if (ids.length === 0) return null;
  const index = current === null ? -1 : ids.indexOf(current);
  if (index === -1) return delta >= 0 ? (ids[0] ?? null) : (ids[ids.length - 1] ?? null);
  return ids[Math.max(0, Math.min(ids.length - 1, index + delta))] ?? null;
}

/** Rows a Page Up or Page Down moves by. */
const PAGE_ROWS = 10;

/**
 * Where a listbox's navigation key moves the focus (arrows, Home, End, Page Up/Down), as the post
 * list and the search results both move; undefined for a key that does not move it.
 */
export function listMove(key: string, ids: readonly string[], current: string | null): string | null | undefined {
  switch (key) {
    case 'ArrowDown':
      return moveSelection(ids, current, 1);
    case 'ArrowUp':
      return moveSelection(ids, current, -1);
    case 'Home':
      return ids[0] ?? null;
    case 'End':
      return ids.at(-1) ?? null;
    case 'PageDown':
      return moveSelection(ids, current, PAGE_ROWS);
    case 'PageUp':
      return moveSelection(ids, current, -PAGE_ROWS);
    default:
      return undefined;
  }
}

/** How long after a key the next one still adds to a type-ahead search, in ms (as file managers do). */
export const TYPE_AHEAD_MS = 700;

/**
 * Type-ahead in the list: the id of the next post whose name starts with `typed` (blind to case and
 * accents). The search starts after `current` when one key is typed, or the same key again (so `b b`
 * steps through the posts starting with B), and at `current` while a longer prefix is typed; it wraps.
 */
export function typeAheadMatch(
  posts: readonly Pick<PostSummary, 'id' | 'title'>[],
  current: string | null,
  typed: string,
): string | null {
  const folded = foldText(typed);
  if (folded === '' || posts.length === 0) return null;
  const repeat = /^(.)\1*$/su.exec(folded);
  const repeated = repeat !== null;
  const prefix = repeat?.[1] ?? folded;
  const at = current === null ? -1 : posts.findIndex((post) => post.id === current);
  const start = repeated || at === -1 ? at + 1 : at;
  for (let step = 0; step < posts.length; step++) {
    const post = posts[(start + step) % posts.length];
    if (post !== undefined && foldText(postLabel(post)).trimStart().startsWith(prefix)) return post.id;
  }
  return null;
}

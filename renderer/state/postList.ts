/** The post list's pure logic: filtering, labels and keyboard movement. */
import type { PostSummary } from '../../shared/api/contract';

/** The words of a filter query, lower-cased. */
function terms(query: string): string[] {
  return query
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter((term) => term !== '');
}

/** The text a post is found by: title, id, URL path and tags. */
function haystack(post: PostSummary): string {
  return [post.title, post.id, post.path ?? '', ...post.tags].join('\n').toLocaleLowerCase();
}

/** The posts matching every word of `query` in their title, path or tags, in list order. */
export function filterPosts(posts: readonly PostSummary[], query: string): PostSummary[] {
  const words = terms(query);
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

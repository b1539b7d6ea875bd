/** Search in the renderer: highlighting matches, and ranking posts by title (then file path) for quick open. */
import type { PostSummary } from '../../shared/api/contract';
import { foldedWords, foldText, queryWordPatterns } from '../../shared/search/fold';

/** A piece of text, marked when it is part of a match. */
export interface Segment {
  text: string;
  match: boolean;
}

/** `text` cut into plain and matching segments by [start, end) `ranges` (sorted, non-overlapping or not). */
export function highlightSegments(text: string, ranges: readonly (readonly [number, number])[]): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const [rawStart, rawEnd] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const start = Math.max(at, Math.min(rawStart, text.length));
    const end = Math.max(start, Math.min(rawEnd, text.length));
    if (start > at) segments.push({ text: text.slice(at, start), match: false });
    if (end > start) segments.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), match: false });
  return segments;
}

/** The [start, end) ranges of each word of `query` in `text`, blind to case and accents (as the search matches). */
export function wordRanges(text: string, query: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const pattern of queryWordPatterns(query)) {
    for (const match of text.matchAll(pattern)) {
      if (match[0] !== '') ranges.push([match.index, match.index + match[0].length]);
    }
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

/** How well `title` matches `query` for quick open: lower is better, null when it does not match. */
export function titleScore(title: string, query: string): number | null {
  const words = foldedWords(query);
  if (words.length === 0) return 0;
  const lower = foldText(title);
  let score = 0;
  for (const word of words) {
    const at = lower.indexOf(word);
    if (at === -1) return null;
    // A match at the start of the title or of a word beats one inside a word.
    score += at === 0 ? 0 : /[\s\p{P}]/u.test(lower.charAt(at - 1)) ? 1 : 2;
  }
  return score;
}

/** How far behind every title match a match found only in the file's path ranks. */
const PATH_ONLY = 1000;

/** The posts whose titles (or, ranked after them, file paths) match `query`, best first, at most `limit`. */
export function quickOpenMatches(posts: readonly PostSummary[], query: string, limit = 50): PostSummary[] {
  const scored: { post: PostSummary; score: number; index: number }[] = [];
  posts.forEach((post, index) => {
    const byTitle = titleScore(post.title, query);
    const byPath = byTitle === null ? titleScore(post.id, query) : null;
    const score = byTitle ?? (byPath === null ? null : PATH_ONLY + byPath);
    if (score !== null) scored.push({ post, score, index });
  });
  return scored
    .sort((a, b) => a.score - b.score || a.index - b.index)
    .slice(0, limit)
    .map(({ post }) => post);
}

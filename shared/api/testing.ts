/** Fixtures for tests on both sides of the contract (never imported by the app itself). */
import type { PostSummary } from './contract';

/** A post's summary as the list gives it: `id` as its title, no date, path or tags, size 1, and `extra` over that. */
export function summaryFor(id: string, extra: Partial<PostSummary> = {}): PostSummary {
  return {
    id,
    title: id,
    date: null,
    sortKey: null,
    draft: false,
    path: null,
    tags: [],
    size: 1,
    mtimeMs: 0,
    ...extra,
  };
}

/** The journal part of the BlogApi (placeholder until the journal lands). */
import { fail, type BlogApi } from '../../../shared/api/contract';
import type { PostStore } from '../store/store';

/** Journal methods over `store`, kept in `options.dir`. */
export function journalApi(
  _store: PostStore,
  _options: { dir: string | undefined; now: () => Date },
): Pick<BlogApi, 'writeJournal' | 'listJournal' | 'discardJournal'> {
  const unsupported = () => Promise.resolve(fail<never>('UNSUPPORTED', 'The journal is not available yet.'));
  return { writeJournal: unsupported, listJournal: unsupported, discardJournal: unsupported };
}

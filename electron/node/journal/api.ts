/** The journal part of the BlogApi: unsaved edits kept so that a crash loses nothing. */
import type { BlogApi } from '../../../shared/api/contract';
import type { PostStore } from '../store/store';
import { createJournal, type Journal, type JournalOptions } from './journal';

type JournalMethod = 'writeJournal' | 'listJournal' | 'discardJournal' | 'keepJournal' | 'discardKeptJournal';

/** The journal methods of the API over a journal. */
export function journalMethods(journal: Journal): Pick<BlogApi, JournalMethod> {
  return {
    writeJournal: (draft) => journal.write(draft),
    listJournal: () => journal.list(),
    discardJournal: (id) => journal.discard(id),
    keepJournal: (draft) => journal.keep(draft),
    discardKeptJournal: (id, slot) => journal.discardKept(id, slot),
  };
}

/** Journal methods over `store`, kept in `options.dir` (UNSUPPORTED when it is undefined). */
export function journalApi(store: PostStore, options: JournalOptions): Pick<BlogApi, JournalMethod> {
  return journalMethods(createJournal(store, options));
}

/** The journal part of the BlogApi: unsaved edits kept so that a crash loses nothing. */
import type { BlogApi } from '../../../shared/api/contract';
import type { PostStore } from '../store/store';
import { createJournal, type Journal, type JournalOptions } from './journal';

type JournalMethod = 'writeJournal' | 'listJournal' | 'discardJournal' | 'keepJournal' | 'discardKeptJournal';

/** The journal methods of the API over a journal. */
export function journalMethods(journal: Journal): Pick<BlogApi, JournalMethod> {
  return {
    writeJournal: (draft, session) => journal.write(draft, session),
    listJournal: () => journal.list(),
    discardJournal: (id, session) => journal.discard(id, session),
    keepJournal: (draft, session) => journal.keep(draft, session),
    discardKeptJournal: (id, slot) => journal.discardKept(id, slot),
  };
}

/** Journal methods over `store`, kept in `options.dir` (UNSUPPORTED when it is undefined). */
export function journalApi(store: PostStore, options: JournalOptions): Pick<BlogApi, JournalMethod> {
  return journalMethods(createJournal(store, options));
}

/**
 * Journal entries the author has not decided on are kept apart from the post's own journal file:
 * editing, saving or discarding that post never overwrites or deletes them, until the author
 * restores or discards each one. Framework-free, so it is tested without a DOM.
 */
import type { BlogApi, JournalDraft, JournalEntry, Result } from '../../shared/api/contract';

type JournalApi = Pick<BlogApi, 'keepJournal' | 'writeJournal' | 'discardJournal' | 'discardKeptJournal'>;

/** The edits of an entry, as a journal write or a save would send them. */
export function draftOf(entry: JournalDraft): JournalDraft {
  const { id, baseVersion, body, frontMatter } = entry;
  return { id, baseVersion, body, frontMatter };
}

/** Whether two entries are the same journal file (a post may have several kept apart). */
export function sameEntry(a: JournalEntry, b: JournalEntry): boolean {
  return a.id === b.id && a.slot === b.slot;
}

/** `entries` with `entry` in place of the same file's entry, or added first. */
export function withEntry(entries: JournalEntry[], entry: JournalEntry): JournalEntry[] {
  return [entry, ...entries.filter((other) => !sameEntry(other, entry))];
}

/**
 * Keeps apart every entry found at launch, so that opening, editing and saving its post in this
 * session cannot replace or forget it. An entry that cannot be moved is offered as it is.
 */
export async function keepApart(api: JournalApi, entries: JournalEntry[]): Promise<JournalEntry[]> {
  const kept: JournalEntry[] = [];
  for (const entry of entries) {
    if (entry.slot !== undefined) {
      kept.push(entry);
      continue;
    }
    const moved = await api.keepJournal(draftOf(entry));
    kept.push(moved.ok ? { ...moved.value, updatedAt: entry.updatedAt } : entry);
  }
  // The same edits kept twice land in one file (a crash between a restore's two steps, a second tab): offered once.
  return kept.filter((entry, index) => kept.findIndex((other) => sameEntry(other, entry)) === index);
}

/** Forgets an entry's file: the one kept apart, or the post's own. */
export function forgetEntry(api: JournalApi, entry: JournalEntry): Promise<Result<null>> {
  return entry.slot === undefined ? api.discardJournal(entry.id) : api.discardKeptJournal(entry.id, entry.slot);
}

/**
 * After a restore, the editor holds the entry's edits: they become the post's own journal (first,
 * so a crash in between loses nothing), then the copy kept apart is forgotten.
 */
export async function adoptEntry(api: JournalApi, entry: JournalEntry): Promise<Result<null>> {
  if (entry.slot === undefined) return { ok: true, value: null };
  const written = await api.writeJournal(draftOf(entry));
  if (!written.ok) return written;
  return api.discardKeptJournal(entry.id, entry.slot);
}

/**
 * After post `from` was renamed to `to`, the backend moved its journal entries: each entry offered
 * for `from` becomes the one now `listed` under `to` with the same edits. An entry that was not
 * moved (unreadable, or the move failed) stays as it was, so nothing offered disappears.
 */
export function afterRename(entries: JournalEntry[], from: string, to: string, listed: JournalEntry[]): JournalEntry[] {
  const renamed = entries.map((entry) => {
    if (entry.id !== from) return entry;
    const moved = listed.find(
      (other) =>
        other.id === to &&
        other.baseVersion === entry.baseVersion &&
        other.body === entry.body &&
        JSON.stringify(other.frontMatter) === JSON.stringify(entry.frontMatter),
    );
    return moved ?? entry;
  });
  // An entry moved onto one already offered for `to` (the same edits kept twice) is offered once.
  return renamed.filter((entry, index) => renamed.findIndex((other) => sameEntry(other, entry)) === index);
}

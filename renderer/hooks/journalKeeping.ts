/**
 * Journal entries the author has not decided on are kept apart from the post's own journal file:
 * editing, saving or discarding that post never overwrites or deletes them, until the author
 * restores or discards each one. Each page load is an editor session with an entry of its own per
 * post, so two tabs on one post never replace or forget each other's edits. Framework-free, so it
 * is tested without a DOM.
 */
import type { BlogApi, JournalDraft, JournalEntry, Result } from '../../shared/api/contract';

type JournalApi = Pick<BlogApi, 'keepJournal' | 'writeJournal' | 'discardJournal' | 'discardKeptJournal'>;

/** The edits of an entry, as a journal write or a save would send them. */
export function draftOf(entry: JournalDraft): JournalDraft {
  const { id, baseVersion, body, frontMatter, bodyEdited } = entry;
  return bodyEdited === false
    ? { id, baseVersion, body, frontMatter, bodyEdited }
    : { id, baseVersion, body, frontMatter };
}

/**
 * A new editor session id: 32 lowercase hex digits from the platform's random source. One is made
 * per page load (`editorSession`), so a reload after a crash is a new session and the old one's
 * entries are found, kept apart and offered like any other.
 */
export function newEditorSession(random: () => Uint8Array = () => crypto.getRandomValues(new Uint8Array(16))): string {
  return Array.from(random().subarray(0, 16), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

let pageSession: string | undefined;

/** The name of the lock a page holds for its editor session, for as long as it lives. */
const SESSION_LOCK = 'postwright-editor-session-';

/** The browser's Web Locks, where there are any (a secure page: 127.0.0.1, the app's own scheme). */
type SessionLocks = Pick<LockManager, 'request' | 'query'>;

function pageLocks(): SessionLocks | undefined {
  return typeof navigator === 'undefined' ? undefined : (navigator as { locks?: SessionLocks }).locks;
}

/**
 * This page load's editor session: made on first use, the same for every render until the page
 * reloads. The page holds a lock named after it until it closes or crashes, so another tab can
 * tell that this session's journal entries belong to a page still editing them.
 */
export function editorSession(locks: SessionLocks | undefined = pageLocks()): string {
  if (pageSession === undefined) {
    pageSession = newEditorSession();
    void locks
      ?.request(`${SESSION_LOCK}${pageSession}`, () => new Promise<never>(() => undefined))
      .catch(() => undefined);
  }
  return pageSession;
}

/** The editor sessions of pages open now (this browser, this origin): their entries are not found work. */
export async function liveSessions(locks: SessionLocks | undefined = pageLocks()): Promise<Set<string>> {
  if (locks === undefined) return new Set();
  const state = await locks.query().catch(() => ({ held: [] }));
  const names = (state.held ?? []).map((lock) => lock.name ?? '');
  return new Set(names.filter((name) => name.startsWith(SESSION_LOCK)).map((name) => name.slice(SESSION_LOCK.length)));
}

/** Whether two entries are the same journal file (a post may have several: kept apart, or of several tabs). */
export function sameEntry(a: JournalEntry, b: JournalEntry): boolean {
  return a.id === b.id && a.slot === b.slot && a.session === b.session;
}

/** `entries` with `entry` in place of the same file's entry, or added first. */
export function withEntry(entries: JournalEntry[], entry: JournalEntry): JournalEntry[] {
  return [entry, ...entries.filter((other) => !sameEntry(other, entry))];
}

/**
 * Keeps apart every entry found at launch, so that opening, editing and saving its post in this
 * session cannot replace or forget it. An entry that cannot be moved is offered as it is. The
 * entries of `live` sessions (another tab, still open and editing) are theirs: neither moved nor
 * offered, so this tab can neither take nor discard another tab's work in progress.
 */
export async function keepApart(
  api: JournalApi,
  entries: JournalEntry[],
  live: ReadonlySet<string> = new Set(),
): Promise<JournalEntry[]> {
  const kept: JournalEntry[] = [];
  for (const entry of entries) {
    if (entry.slot === undefined && entry.session !== undefined && live.has(entry.session)) continue;
    if (entry.slot !== undefined) {
      kept.push(entry);
      continue;
    }
    // Moved out of the file of the session that wrote it (the shared file for an earlier version's entry).
    const moved = await api.keepJournal(draftOf(entry), ...sessionArg(entry.session));
    kept.push(moved.ok ? { ...moved.value, updatedAt: entry.updatedAt } : entry);
  }
  // The same edits kept twice land in one file (a crash between a restore's two steps, a second tab): offered once.
  return kept.filter((entry, index) => kept.findIndex((other) => sameEntry(other, entry)) === index);
}

/** The session argument of a journal call: none for an entry an earlier version wrote (its shared file). */
function sessionArg(session: string | undefined): [] | [string] {
  return session === undefined ? [] : [session];
}

/** Forgets an entry's file: the one kept apart, or the post's own of the session that wrote it. */
export function forgetEntry(api: JournalApi, entry: JournalEntry): Promise<Result<null>> {
  return entry.slot === undefined
    ? api.discardJournal(entry.id, ...sessionArg(entry.session))
    : api.discardKeptJournal(entry.id, entry.slot);
}

/**
 * After a restore, the editor holds the entry's edits: they become the post's own journal of this
 * `session` (first, so a crash in between loses nothing), then the entry's file, kept apart or
 * another session's, is forgotten. Other entries of the same post are left alone.
 */
export async function adoptEntry(api: JournalApi, entry: JournalEntry, session: string): Promise<Result<null>> {
  if (entry.slot === undefined && entry.session === session) return { ok: true, value: null };
  const written = await api.writeJournal(draftOf(entry), session);
  if (!written.ok) return written;
  return forgetEntry(api, entry);
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

/**
 * Where an entry stands among the entries of the same post (two tabs had unsaved work in it, or
 * work was kept apart): "Newer of 2 unsaved versions of this post", or null when it is the only one.
 */
export function versionNote(entries: JournalEntry[], entry: JournalEntry): string | null {
  const same = entries
    .filter((other) => other.id === entry.id)
    // Newest first; the list's own order settles a tie.
    .map((other, index) => ({ other, index }))
    .sort((a, b) => b.other.updatedAt.localeCompare(a.other.updatedAt) || a.index - b.index)
    .map(({ other }) => other);
  if (same.length < 2) return null;
  const rank = same.indexOf(entry);
  const of = `of ${same.length} unsaved versions of this post`;
  if (same.length === 2) return `${rank === 0 ? 'Newer' : 'Older'} ${of}`;
  if (rank === 0) return `Newest ${of}`;
  if (rank === same.length - 1) return `Oldest ${of}`;
  return `Number ${rank + 1}, newest first, ${of}`;
}

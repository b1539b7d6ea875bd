/**
 * The journal of unsaved edits: one file per post and editor session (a page load: a browser tab,
 * the desktop window) in the app's data folder, written atomically, so that a crash, a killed
 * process or a power cut loses at most the last second of typing, and two tabs on one post never
 * replace or forget each other's edits. Calls without a session use the post's one shared file, as
 * earlier versions did for every call (their files are still listed after an upgrade).
 * Calls for one post run in the order they arrive, so a discard is never overtaken by a write.
 * Edits the author has not decided on (Take theirs, or found at launch) are kept apart, each in a
 * file of its own that the post's writes, saves and discards never touch.
 */
import { mkdir, readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import {
  fail,
  ok,
  type JournalDraft,
  type JournalEntry,
  type PostDoc,
  type Result,
  type SaveRequest,
} from '../../../shared/api/contract';
import { idProblem } from '../../../shared/api/ids';
import { errnoCode, ioFailure } from '../store/errors';
import { readLimited, writeFileAtomic } from '../store/io';
import type { PostStore } from '../store/store';
import { EDITOR_SESSION, KEPT_SLOT } from '../../../shared/api/validate';
import {
  entryFileName,
  isEntryFileName,
  isOwnFileOf,
  keptFileName,
  keptSlotOf,
  MAX_ENTRY_BYTES,
  ownFileName,
  parseEntry,
  sameEdits,
  serialiseEntry,
} from './entry';
import { journalTitle } from './title';

/** How a journal is opened. */
export interface JournalOptions {
  /** The journal folder of this posts folder; undefined where there is none (unit tests). */
  dir: string | undefined;
  now: () => Date;
  /** Told about journal files that cannot be read (they are kept, never deleted). */
  warn?: (message: string) => void;
}

/** The journal of one posts folder. */
export interface Journal {
  /** Replaces the entry of `session` for the post (its shared entry without a session). */
  write(draft: JournalDraft, session?: string): Promise<Result<null>>;
  list(): Promise<Result<JournalEntry[]>>;
  /** Forgets the entry of `session` for the post (its shared entry without one); other sessions' stay. */
  discard(id: string, session?: string): Promise<Result<null>>;
  /** Moves edits out of the post's own file (of `session`) into one kept apart, until `discardKept`. */
  keep(draft: JournalDraft, session?: string): Promise<Result<JournalEntry>>;
  /** Forgets one entry kept apart. */
  discardKept(id: string, slot: string): Promise<Result<null>>;
  /**
   * Moves every entry of post `id` (its own and those kept apart) to `newId`, after its file was
   * renamed, so they are still offered for the post. Each goes apart (a rename needs the post
   * saved, so any entry is work the author has not decided on): nothing `newId` has is overwritten,
   * and its next edits and saves never touch them.
   */
  renamed(id: string, newId: string): Promise<Result<null>>;
  /**
   * Runs a save of `request`, then forgets every own entry of the post (any session's) that holds
   * exactly the edits it made permanent; entries holding other edits stay (another tab's work).
   */
  saving(request: SaveRequest, save: () => Promise<Result<PostDoc>>): Promise<Result<PostDoc>>;
}

const NO_JOURNAL = fail(
  'UNSUPPORTED',
  'Unsaved edits cannot be kept here: this Postwright has no data folder for its journal.',
  'Save your edits to keep them.',
);

/** The journal over `store`, kept in `options.dir`. */
export function createJournal(store: PostStore, options: JournalOptions): Journal {
  const { dir } = options;
  if (dir === undefined) {
    return {
      write: () => Promise.resolve(NO_JOURNAL),
      list: () => Promise.resolve(NO_JOURNAL),
      discard: () => Promise.resolve(NO_JOURNAL),
      keep: () => Promise.resolve(NO_JOURNAL),
      discardKept: () => Promise.resolve(NO_JOURNAL),
      renamed: () => Promise.resolve(NO_JOURNAL),
      saving: (_request, save) => save(),
    };
  }
  const queues = new Map<string, Promise<unknown>>();
  const inOrder = <T>(id: string, task: () => Promise<T>): Promise<T> => {
    const next = (queues.get(id) ?? Promise.resolve()).then(task);
    const settled = next.catch(() => undefined);
    queues.set(id, settled);
    void settled.then(() => {
      if (queues.get(id) === settled) queues.delete(id);
    });
    return next;
  };
  const fileOf = (id: string, session: string | undefined) => path.join(dir, ownFileName(id, session));
  // The last save of each post: a journal write of exactly those edits that arrives after the
  // save (sent before the editor learnt it was saved) would bring back an entry for saved text.
  const saved = new Map<string, JournalDraft>();
  const alreadySaved = (draft: JournalDraft): boolean => {
    const last = saved.get(draft.id);
    return last !== undefined && last.baseVersion === draft.baseVersion && sameEdits(last, draft);
  };
  return {
    write(draft, session) {
      const problem = callProblem(draft.id, session);
      if (problem !== null) return Promise.resolve(problem);
      return inOrder(draft.id, () =>
        alreadySaved(draft)
          ? removeEntry(fileOf(draft.id, session))
          : writeEntry(store, dir, draft, options.now, { session }).then((written) =>
              written.ok ? ok(null) : written,
            ),
      );
    },
    keep(draft, session) {
      const problem = callProblem(draft.id, session);
      if (problem !== null) return Promise.resolve(problem);
      return inOrder(draft.id, async () => {
        const slot = keptSlotOf(draft);
        // Edits moved out of the post's own file keep the time they were written (the prompt shows it).
        const own = await entryHolding(fileOf(draft.id, session), draft, true);
        const written = own === null ? options.now : () => new Date(own.updatedAt);
        // And their title: the post's file may be gone since, and with it the title on disk.
        const kept = await writeEntry(store, dir, draft, written, { slot }, own?.title);
        if (!kept.ok) return kept;
        // Moved, not copied: the post's own file would otherwise offer the same edits twice.
        if (own !== null) await removeEntry(fileOf(draft.id, session));
        const disk = await store.read(draft.id);
        return ok({ ...draft, ...kept.value, diskVersion: disk.ok ? disk.value.version : null, slot });
      });
    },
    discardKept(id, slot) {
      const problem = idProblem(id);
      if (problem !== null) return Promise.resolve(fail('INVALID_ID', `This post name is refused: ${problem}.`));
      if (!KEPT_SLOT.test(slot)) return Promise.resolve(fail('INVALID_ID', 'This journal entry name is refused.'));
      return inOrder(id, () => removeEntry(path.join(dir, keptFileName(id, slot))));
    },
    list: () => listEntries(store, dir, options.warn),
    renamed(id, newId) {
      const problem = idProblem(id) ?? idProblem(newId);
      if (problem !== null) return Promise.resolve(fail('INVALID_ID', `This post name is refused: ${problem}.`));
      if (id === newId) return Promise.resolve(ok(null));
      // Both posts' queues, always taken in the same order, so two renames can never wait on each other.
      const [first, second] = id < newId ? [id, newId] : [newId, id];
      return inOrder(first, () => inOrder(second, () => moveEntries(store, dir, id, newId, options.warn)));
    },
    discard(id, session) {
      const problem = callProblem(id, session);
      if (problem !== null) return Promise.resolve(problem);
      return inOrder(id, () => removeEntry(fileOf(id, session)));
    },
    async saving(sent, save) {
      const result = await save();
      if (!result.ok) return result;
      // A save without a body left the file's: the edits it saved are that body and these fields.
      const request: JournalDraft = { ...sent, body: sent.body ?? result.value.body };
      saved.set(request.id, request);
      // The save does not say which session made it: only entries holding exactly the saved edits
      // go (the editor that saved forgets its own entry itself, with discard). A failure to forget
      // is harmless: the restore prompt shows the entry matches the disk.
      await inOrder(request.id, async () => {
        const names = await entryNames(dir, 'forget the saved edits');
        if (!names.ok) return;
        for (const name of names.value.filter((candidate) => isOwnFileOf(candidate, request.id))) {
          const file = path.join(dir, name);
          if (await holdsEdits(file, request)) await removeEntry(file);
        }
      });
      return result;
    },
  };
}

/** Why a call on post `id` by `session` is refused, as a failed result; null when both are fine. */
function callProblem(id: string, session: string | undefined): Result<never> | null {
  const problem = idProblem(id);
  if (problem !== null) return fail('INVALID_ID', `This post name is refused: ${problem}.`);
  if (session !== undefined && !EDITOR_SESSION.test(session))
    return fail('INVALID_ID', 'This editor session name is refused.');
  return null;
}

/** Where an entry is written: kept apart under `slot`, or the own entry of `session` (shared without one). */
type Place = { slot: string } | { session: string | undefined };

async function writeEntry(
  store: PostStore,
  dir: string,
  draft: JournalDraft,
  now: () => Date,
  place: Place,
  knownTitle?: string,
): Promise<Result<{ title: string; updatedAt: string }>> {
  const title = knownTitle ?? (await journalTitle(store, draft));
  const updatedAt = now().toISOString();
  const slot = 'slot' in place ? place.slot : undefined;
  const session = 'session' in place ? place.session : undefined;
  const text = serialiseEntry({
    draft,
    title,
    updatedAt,
    ...(slot === undefined ? {} : { slot }),
    ...(session === undefined ? {} : { session }),
  });
  const bytes = new TextEncoder().encode(text);
  if (bytes.length > MAX_ENTRY_BYTES) {
    return fail(
      'TOO_LARGE',
      `These unsaved edits are too large to keep in the journal (it keeps up to ${MAX_ENTRY_BYTES / 1024 / 1024} MiB per post).`,
      'Save the post to keep them.',
    );
  }
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const name = slot === undefined ? ownFileName(draft.id, session) : keptFileName(draft.id, slot);
    await writeFileAtomic(path.join(dir, name), bytes, 0o600);
  } catch (error) {
    return ioFailure(error, 'keep your unsaved edits in the journal');
  }
  return ok({ title, updatedAt });
}

/** Rewrites each readable entry of `id` as one of `newId`, kept apart, then removes the old file (see `Journal.renamed`). */
async function moveEntries(
  store: PostStore,
  dir: string,
  id: string,
  newId: string,
  warn: ((message: string) => void) | undefined,
): Promise<Result<null>> {
  const names = await entryNames(dir, 'move the unsaved edits to the new file name');
  if (!names.ok) return names;
  const own = entryFileName(id).slice(0, -'.json'.length);
  for (const name of names.value.filter((candidate) => candidate.startsWith(own))) {
    const file = path.join(dir, name);
    const parsed = await readEntryFile(file);
    if (!parsed.ok) {
      warn?.(`Left the journal file ${file} under the old name: ${parsed.reason}.`);
      continue;
    }
    const { title, updatedAt } = parsed.entry;
    const draft = { ...parsed.entry.draft, id: newId };
    // The slot is a digest of the edits: a file already there under it holds these very edits.
    const slot = parsed.entry.slot ?? keptSlotOf(draft);
    const written = await writeEntry(store, dir, draft, () => new Date(updatedAt), { slot }, title);
    if (!written.ok) return written;
    const removed = await removeEntry(file);
    if (!removed.ok) return removed;
  }
  return ok(null);
}

/** The names of the journal's entry files (none when the folder was never made). */
async function entryNames(dir: string, doing: string): Promise<Result<string[]>> {
  try {
    return ok((await readdir(dir)).filter(isEntryFileName));
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return ok([]);
    return ioFailure(error, doing);
  }
}

/** The entry journal file `file` holds, or why it holds none. */
async function readEntryFile(file: string): Promise<ReturnType<typeof parseEntry>> {
  const read = await readLimited(file, MAX_ENTRY_BYTES, 'read the journal');
  return read.ok ? parseEntry(path.basename(file), read.value.bytes) : { ok: false, reason: read.error.message };
}

async function removeEntry(file: string): Promise<Result<null>> {
  try {
    await unlink(file);
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') return ioFailure(error, 'forget the unsaved edits');
  }
  return ok(null);
}

/** Whether `file` holds these edits (made on the same version too, when `sameBase`). */
async function holdsEdits(file: string, request: JournalDraft, sameBase = false): Promise<boolean> {
  return (await entryHolding(file, request, sameBase)) !== null;
}

/** The entry in `file` when it holds these edits (made on the same version too, when `sameBase`), else null. */
async function entryHolding(
  file: string,
  request: JournalDraft,
  sameBase = false,
): Promise<{ updatedAt: string; title: string } | null> {
  const parsed = await readEntryFile(file);
  if (!parsed.ok || !sameEdits(parsed.entry.draft, request)) return null;
  return !sameBase || parsed.entry.draft.baseVersion === request.baseVersion ? parsed.entry : null;
}

async function listEntries(
  store: PostStore,
  dir: string,
  warn: ((message: string) => void) | undefined,
): Promise<Result<JournalEntry[]>> {
  const names = await entryNames(dir, 'read the journal of unsaved edits');
  if (!names.ok) return names;
  const entries: JournalEntry[] = [];
  for (const name of names.value.sort()) {
    const file = path.join(dir, name);
    const parsed = await readEntryFile(file);
    if (!parsed.ok) {
      warn?.(`Skipped the journal file ${file}: ${parsed.reason}. It is left in place.`);
      continue;
    }
    const { draft, title, updatedAt, slot, session } = parsed.entry;
    const disk = await store.read(draft.id);
    const entry: JournalEntry = { ...draft, title, updatedAt, diskVersion: disk.ok ? disk.value.version : null };
    if (slot !== undefined) entry.slot = slot;
    if (session !== undefined) entry.session = session;
    entries.push(entry);
  }
  return ok(entries.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0)));
}

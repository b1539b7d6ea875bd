/**
 * One journal file: a post's unsaved edits as JSON, checked as strictly on the way back in as an
 * API call, since anything may have happened to the file (a crash mid-copy, a sync tool, a person).
 */
import { createHash } from 'node:crypto';
import type { FrontMatterChange, JournalDraft } from '../../../shared/api/contract';
import { EDITOR_SESSION, KEPT_SLOT, VALIDATORS } from '../../../shared/api/validate';

/** The largest journal file written or read: 40 MiB (a 16-Mi-character body, JSON-escaped). */
export const MAX_ENTRY_BYTES = 40 * 1024 * 1024;

/** Marks the files as ours, so a stray JSON file is never mistaken for an author's text. */
const FORMAT = 'postwright-journal';
const FORMAT_VERSION = 1;

/** A journal file's content. */
export interface StoredEntry {
  draft: JournalDraft;
  title: string;
  updatedAt: string;
  /** Set when the entry is kept apart from the post's journal (see `keptFileName`). */
  slot?: string;
  /** Set on the own entry of one editor session (see `sessionFileName`); never with `slot`. */
  session?: string;
}

const hashOf = (id: string): string => createHash('sha256').update(id).digest('hex');

/**
 * The file name of a post's shared journal entry: the SHA-256 of its id (ids may hold any
 * character). Earlier versions kept every post's edits there; now only calls without a session do.
 */
export function entryFileName(id: string): string {
  return `${hashOf(id)}.json`;
}

/** The file name of the own entry of one editor session (a page load): each tab journals a post apart. */
export function sessionFileName(id: string, session: string): string {
  if (!EDITOR_SESSION.test(session)) throw new Error('An editor session is 32 lowercase hex digits.');
  return `${hashOf(id)}_${session}.json`;
}

/** The file of the post's own entry for `session`, or its shared entry without one. */
export function ownFileName(id: string, session: string | undefined): string {
  return session === undefined ? entryFileName(id) : sessionFileName(id, session);
}

/** Whether a journal file name is an own entry of post `id` (shared or of a session), not one kept apart. */
export function isOwnFileOf(name: string, id: string): boolean {
  const hash = hashOf(id);
  return name === `${hash}.json` || (name.startsWith(`${hash}_`) && isEntryFileName(name));
}

/** The slot of edits kept apart: a digest of the edits, so keeping the same edits twice keeps one file. */
export function keptSlotOf(draft: JournalDraft): string {
  const { baseVersion, body, frontMatter } = draft;
  return createHash('sha256')
    .update(JSON.stringify([baseVersion, body, frontMatter]))
    .digest('hex')
    .slice(0, 16);
}

/** The file name of edits kept apart: beside the post's own file, never written or removed by its edits and saves. */
export function keptFileName(id: string, slot: string): string {
  if (!KEPT_SLOT.test(slot)) throw new Error('A kept journal slot is 16 lowercase hex digits.');
  return `${hashOf(id)}-${slot}.json`;
}

/** Whether a folder entry name is a journal file (not a temporary or foreign file). */
export function isEntryFileName(name: string): boolean {
  return /^[0-9a-f]{64}(-[0-9a-f]{16}|_[0-9a-f]{32})?\.json$/.test(name);
}

/** The file name an entry belongs in. */
function fileNameOf(entry: StoredEntry): string {
  if (entry.slot !== undefined) return keptFileName(entry.draft.id, entry.slot);
  return ownFileName(entry.draft.id, entry.session);
}

/** The JSON text of an entry. */
export function serialiseEntry(entry: StoredEntry): string {
  const { id, baseVersion, body, frontMatter, bodyEdited } = entry.draft;
  return JSON.stringify({
    format: FORMAT,
    version: FORMAT_VERSION,
    id,
    baseVersion,
    body,
    frontMatter,
    ...(bodyEdited === false ? { bodyEdited } : {}),
    title: entry.title,
    updatedAt: entry.updatedAt,
    ...(entry.slot === undefined ? {} : { slot: entry.slot }),
    ...(entry.session === undefined ? {} : { session: entry.session }),
  });
}

/** Reads an entry back from the bytes of file `name`; the reason when they are not a valid entry. */
export function parseEntry(
  name: string,
  bytes: Uint8Array,
): { ok: true; entry: StoredEntry } | { ok: false; reason: string } {
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, reason: 'it is not valid JSON (the write may have been cut short)' };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return { ok: false, reason: 'it is not a JSON object' };
  const record = data as Record<string, unknown>;
  if (record.format !== FORMAT || record.version !== FORMAT_VERSION) {
    return { ok: false, reason: 'it is not a journal entry this version of Postwright reads' };
  }
  const { id, baseVersion, body, frontMatter, bodyEdited, title, updatedAt, slot, session } = record;
  const checked = VALIDATORS.writeJournal([
    { id, baseVersion, body, frontMatter, ...(bodyEdited === undefined ? {} : { bodyEdited }) },
  ]);
  if (!checked.ok) return { ok: false, reason: checked.message };
  const [draft] = checked.args;
  if (slot !== undefined && (typeof slot !== 'string' || !KEPT_SLOT.test(slot))) {
    return { ok: false, reason: 'its slot is not 16 hex digits' };
  }
  if (session !== undefined && (typeof session !== 'string' || !EDITOR_SESSION.test(session) || slot !== undefined)) {
    return { ok: false, reason: 'its editor session is not 32 hex digits, or it is also kept apart' };
  }
  if (typeof title !== 'string' || typeof updatedAt !== 'string' || Number.isNaN(Date.parse(updatedAt))) {
    return { ok: false, reason: 'its title or time is missing' };
  }
  const entry: StoredEntry = { draft, title, updatedAt };
  if (slot !== undefined) entry.slot = slot;
  if (session !== undefined) entry.session = session;
  if (fileNameOf(entry) !== name) return { ok: false, reason: 'its name does not match the post it holds' };
  return { ok: true, entry };
}

/** Whether two drafts hold the same edits (the text a save would write). */
export function sameEdits(
  a: { body: string; frontMatter: FrontMatterChange },
  b: { body: string; frontMatter: FrontMatterChange },
): boolean {
  return a.body === b.body && JSON.stringify(a.frontMatter) === JSON.stringify(b.frontMatter);
}

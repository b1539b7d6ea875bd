/**
 * One journal file: a post's unsaved edits as JSON, checked as strictly on the way back in as an
 * API call, since anything may have happened to the file (a crash mid-copy, a sync tool, a person).
 */
import { createHash } from 'node:crypto';
import type { FrontMatterChange, JournalDraft } from '../../../shared/api/contract';
import { KEPT_SLOT, VALIDATORS } from '../../../shared/api/validate';

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
}

/** The file name of a post's journal entry: the SHA-256 of its id (ids may hold any character). */
export function entryFileName(id: string): string {
  return `${createHash('sha256').update(id).digest('hex')}.json`;
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
  return `${createHash('sha256').update(id).digest('hex')}-${slot}.json`;
}

/** Whether a folder entry name is a journal file (not a temporary or foreign file). */
export function isEntryFileName(name: string): boolean {
  return /^[0-9a-f]{64}(-[0-9a-f]{16})?\.json$/.test(name);
}

/** The JSON text of an entry. */
export function serialiseEntry(entry: StoredEntry): string {
  const { id, baseVersion, body, frontMatter } = entry.draft;
  return JSON.stringify({
    format: FORMAT,
    version: FORMAT_VERSION,
    id,
    baseVersion,
    body,
    frontMatter,
    title: entry.title,
    updatedAt: entry.updatedAt,
    ...(entry.slot === undefined ? {} : { slot: entry.slot }),
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
  const { id, baseVersion, body, frontMatter, title, updatedAt, slot } = record;
  const checked = VALIDATORS.writeJournal([{ id, baseVersion, body, frontMatter }]);
  if (!checked.ok) return { ok: false, reason: checked.message };
  const [draft] = checked.args;
  if (slot !== undefined && (typeof slot !== 'string' || !KEPT_SLOT.test(slot))) {
    return { ok: false, reason: 'its slot is not 16 hex digits' };
  }
  if ((slot === undefined ? entryFileName(draft.id) : keptFileName(draft.id, slot)) !== name) {
    return { ok: false, reason: 'its name does not match the post it holds' };
  }
  if (typeof title !== 'string' || typeof updatedAt !== 'string' || Number.isNaN(Date.parse(updatedAt))) {
    return { ok: false, reason: 'its title or time is missing' };
  }
  return { ok: true, entry: slot === undefined ? { draft, title, updatedAt } : { draft, title, updatedAt, slot } };
}

/** Whether two drafts hold the same edits (the text a save would write). */
export function sameEdits(
  a: { body: string; frontMatter: FrontMatterChange },
  b: { body: string; frontMatter: FrontMatterChange },
): boolean {
  return a.body === b.body && JSON.stringify(a.frontMatter) === JSON.stringify(b.frontMatter);
}

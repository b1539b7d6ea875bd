/**
 * One journal file: a post's unsaved edits as JSON, checked as strictly on the way back in as an
 * API call, since anything may have happened to the file (a crash mid-copy, a sync tool, a person).
 */
import { createHash } from 'node:crypto';
import type { FrontMatterChange, JournalDraft } from '../../../shared/api/contract';
import { VALIDATORS } from '../../../shared/api/validate';

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
}

/** The file name of a post's journal entry: the SHA-256 of its id (ids may hold any character). */
export function entryFileName(id: string): string {
  return `${createHash('sha256').update(id).digest('hex')}.json`;
}

/** Whether a folder entry name is a journal file (not a temporary or foreign file). */
export function isEntryFileName(name: string): boolean {
  return /^[0-9a-f]{64}\.json$/.test(name);
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
  const { id, baseVersion, body, frontMatter, title, updatedAt } = record;
  const checked = VALIDATORS.writeJournal([{ id, baseVersion, body, frontMatter }]);
  if (!checked.ok) return { ok: false, reason: checked.message };
  const [draft] = checked.args;
  if (entryFileName(draft.id) !== name) return { ok: false, reason: 'its name does not match the post it holds' };
  if (typeof title !== 'string' || typeof updatedAt !== 'string' || Number.isNaN(Date.parse(updatedAt))) {
    return { ok: false, reason: 'its title or time is missing' };
  }
  return { ok: true, entry: { draft, title, updatedAt } };
}

/** Whether two drafts hold the same edits (the text a save would write). */
export function sameEdits(
  a: { body: string; frontMatter: FrontMatterChange },
  b: { body: string; frontMatter: FrontMatterChange },
): boolean {
  return a.body === b.body && JSON.stringify(a.frontMatter) === JSON.stringify(b.frontMatter);
}

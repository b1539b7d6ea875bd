/** Building the editor's view of a post from its bytes on disk. */
import { createHash } from 'node:crypto';
import { access, constants } from 'node:fs/promises';
import type { PostDoc } from '../../../shared/api/contract';
import { decodePost, parsePost } from '../frontmatter/index';

/** The version of a post: the SHA-256 of its bytes, in hex. */
export function versionOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Why a post opened through a symbolic link cannot be saved. */
export const LINK_READ_ONLY =
  'This post is a symbolic link; Postwright does not write through links, so it opens read-only.';

/** Why a file the author marked read-only (no write permission) cannot be saved. */
export const FILE_READ_ONLY =
  'This file is read-only on disk, so Postwright opens it read-only and will not change it.';

/**
 * Why post `real` must not be written, if it must not: reached through a link, or a file that may
 * not be written (no write bit at all, as a read-only attribute sets, or none for this user).
 */
export async function writeBlock(real: string, isLink: boolean, mode: number): Promise<string | undefined> {
  if (isLink) return LINK_READ_ONLY;
  if ((mode & 0o222) === 0) return FILE_READ_ONLY;
  return (await access(real, constants.W_OK).then(
    () => true,
    () => false,
  ))
    ? undefined
    : FILE_READ_ONLY;
}

/** The PostDoc of `bytes` read from post `id`; `block` says why it opens read-only, if it does. */
export function docFromBytes(id: string, bytes: Uint8Array, block?: string): PostDoc {
  const decoded = decodePost(bytes);
  const parsed = parsePost(decoded.text);
  const doc: PostDoc = {
    id,
    version: versionOf(bytes),
    frontMatter: parsed.frontMatter,
    body: parsed.body,
    lineEnding: parsed.lineEnding,
  };
  const readOnly = decoded.readOnly ?? block;
  if (readOnly !== undefined) doc.readOnly = readOnly;
  return doc;
}

/** Whether two byte arrays hold the same bytes. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

/** Building the editor's view of a post from its bytes on disk. */
import { createHash } from 'node:crypto';
import type { PostDoc } from '../../../shared/api/contract';
import { decodePost, parsePost } from '../frontmatter/index';

/** The version of a post: the SHA-256 of its bytes, in hex. */
export function versionOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Why a post opened through a symbolic link cannot be saved. */
export const LINK_READ_ONLY =
  'This post is a symbolic link; Postwright does not write through links, so it opens read-only.';

/** The PostDoc of `bytes` read from post `id`; `isLink` marks a post reached through a link. */
export function docFromBytes(id: string, bytes: Uint8Array, isLink: boolean): PostDoc {
  const decoded = decodePost(bytes);
  const parsed = parsePost(decoded.text);
  const doc: PostDoc = {
    id,
    version: versionOf(bytes),
    frontMatter: parsed.frontMatter,
    body: parsed.body,
    lineEnding: parsed.lineEnding,
  };
  const readOnly = decoded.readOnly ?? (isLink ? LINK_READ_ONLY : undefined);
  if (readOnly !== undefined) doc.readOnly = readOnly;
  return doc;
}

/** Whether two byte arrays hold the same bytes. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

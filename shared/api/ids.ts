/**
 * Post ids: the file's path relative to the posts folder, `/`-separated, NFC-normalised.
 * This is the syntactic check every entry point runs; the backend also resolves the real path
 * and checks that it stays inside the posts folder.
 */

/** Extensions Postwright edits. */
export const MARKDOWN_EXTENSIONS = ['.md', '.markdown'] as const;

/** Longest id accepted, in UTF-16 code units. */
export const MAX_ID_LENGTH = 1024;

/**
 * Longest single path segment accepted, in UTF-16 code units: a file name's limit on NTFS, HFS+
 * and exFAT, so a file one of them holds always has an id. ext4 and APFS count 255 UTF-8 bytes
 * instead; where that matters (names the app makes) the caller checks bytes too (overNameBytes).
 */
export const MAX_SEGMENT_LENGTH = 255;

/** The longest a file name may be in UTF-8 bytes on ext4 and APFS. */
export const MAX_NAME_BYTES = 255;

const utf8 = new TextEncoder();

/** Whether `name` is over 255 UTF-8 bytes (a UTF-16 unit is at most three, so short names are not encoded). */
export function overNameBytes(name: string): boolean {
  return name.length * 3 > MAX_NAME_BYTES && utf8.encode(name).length > MAX_NAME_BYTES;
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
// eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const FORBIDDEN_CHARS = /[\\:*?"<>|]/;

/** Why an id is refused, or null when it is well-formed. */
export function idProblem(id: unknown, options: { requireMarkdown?: boolean } = {}): string | null {
  if (typeof id !== 'string') return 'a post id must be a string';
  if (id.length === 0) return 'the post id is empty';
  if (id.length > MAX_ID_LENGTH) return 'the post id is too long';
  if (id !== id.normalize('NFC')) return 'the post id is not NFC-normalised';
  if (CONTROL.test(id)) return 'the post id contains control characters';
  if (FORBIDDEN_CHARS.test(id))
    return 'the post id contains a character that is not allowed in file names (\\ : * ? " < > |)';
  if (id.startsWith('/')) return 'the post id must be relative to the posts folder';
  if (/^[a-z]:/i.test(id)) return 'the post id must not name a drive';
  for (const segment of id.split('/')) {
    if (segment === '') return 'the post id has an empty path segment';
    if (segment === '.' || segment === '..') return 'the post id must not contain "." or ".." segments';
    if (segment.length > MAX_SEGMENT_LENGTH) return 'a path segment of the post id is too long';
    if (/[. ]$/.test(segment)) return 'a path segment ends with a dot or a space';
    if (WINDOWS_RESERVED.test(segment)) return `"${segment}" is a reserved name on Windows`;
  }
  if (options.requireMarkdown !== false && !isMarkdownName(id)) {
    return `a post must end in ${MARKDOWN_EXTENSIONS.join(' or ')}`;
  }
  return null;
}

/** Whether a file name has a Markdown extension Postwright edits. */
export function isMarkdownName(name: string): boolean {
  const lower = name.toLowerCase();
  return MARKDOWN_EXTENSIONS.some((ext) => lower.endsWith(ext) && lower.length > ext.length);
}

/** A slug from a title: lower case, Latin accents folded, punctuation dropped, letters of every script kept. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    // Latin accents are folded ("Crème" → "creme"); other scripts' marks are put back ("が", "й" stay).
    .replace(/([a-z])[\u0300-\u036f]+/gi, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/&/g, ' and ')
    // Letters and digits of every script are kept: a title in Japanese or Russian gets a name of its own.
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  // By characters, not UTF-16 units: a cut never splits one in two. At most 80 characters, and
  // 240 bytes (only characters of four bytes reach it): a number or an extension still fits in a
  // file name's 255.
  let kept = '';
  let bytes = 0;
  for (const character of Array.from(slug).slice(0, 80)) {
    bytes += utf8Length(character.codePointAt(0) ?? 0);
    if (bytes > 240) break;
    kept += character;
  }
  return kept.replace(/-+$/g, '');
}

/** The UTF-8 length of one code point (counted, not encoded: this runs as a title is typed). */
function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

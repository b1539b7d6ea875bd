/** Pasting images into Markdown: the alt text, the link, and where it goes in the text. */
import type { ApiError } from '../../shared/api/contract';

/** Image types the backend accepts (it checks the bytes too). */
export const PASTABLE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif'] as const;

/**
 * Whether a file looks like an image the backend will take: by its declared type, or by its
 * extension when it declares none (some systems give a dropped AVIF or WebP no type).
 */
export function isPastableImage(file: { type: string; name?: string }): boolean {
  if (file.type === '') return /\.(png|jpe?g|gif|webp|avif)$/i.test(file.name ?? '');
  return (PASTABLE_TYPES as readonly string[]).includes(file.type.toLowerCase());
}

/**
 * The largest image pasted: the backend's limit (MAX_IMAGE_BYTES in electron/node/store/images.ts).
 * Checked here too, so a larger file is never read and sent, only for the API's validator to refuse
 * it in words meant for programmers.
 */
export const MAX_PASTE_BYTES = 20 * 1024 * 1024;

/** What a file pasted or dropped is seen as. */
export interface GivenFile {
  name: string;
  type: string;
  size: number;
}

/**
 * Why some of `files` are not pasted (not an image the backend takes, or over MAX_PASTE_BYTES), as
 * the writer should read it; null when every one is pasted.
 */
export function refusedFiles(files: readonly GivenFile[]): ApiError | null {
  const other = files.find((file) => !isPastableImage(file));
  if (other !== undefined) {
    return {
      code: 'UNSUPPORTED',
      message: 'Only PNG, JPEG, GIF, WebP and AVIF images can be pasted.',
      hint: `“${other.name || 'This file'}” is not one of them.`,
    };
  }
  const large = files.find((file) => file.size > MAX_PASTE_BYTES);
  if (large === undefined) return null;
  return {
    code: 'TOO_LARGE',
    message: `“${large.name || 'This image'}” is larger than 20 MiB.`,
    hint: 'Resize or compress it, then paste it again.',
  };
}

/** Whether a file is pasted: an image the backend takes, within MAX_PASTE_BYTES. */
export function isPasted(file: GivenFile): boolean {
  return isPastableImage(file) && file.size <= MAX_PASTE_BYTES;
}

/** Alt text from a file name: extension dropped, dashes and underscores as spaces. */
export function altFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const words = base
    .replace(/\.[^.]*$/, '')
    .replace(/[-_]+/g, ' ')
    .replace(/[[\]\\]/g, '')
    .trim();
  return words === '' ? 'image' : words;
}

/** The Markdown of an image; a path with spaces or parentheses is wrapped in <>. */
export function markdownImage(alt: string, path: string): string {
  const target = /[\s()<>]/.test(path) ? `<${path.replace(/[<>]/g, encodeURIComponent)}>` : path;
  return `![${alt}](${target})`;
}

/** `text` with `insert` replacing [start, end), and where the cursor goes after it. */
export function insertAt(text: string, start: number, end: number, insert: string): { text: string; cursor: number } {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { text: text.slice(0, from) + insert + text.slice(to), cursor: from + insert.length };
}

/**
 * What stands in the Markdown for an image while it uploads (`![Uploading shot.png…]()`), unlike
 * any text already in `text`, so the link replaces this paste's own placeholder and no other.
 */
export function uploadPlaceholder(fileName: string, text: string): string {
  const base = (fileName.split(/[\\/]/).pop() ?? '').replace(/[[\]\\\r\n]/g, '').trim();
  const name = base === '' ? 'image' : base;
  for (let copy = 1; ; copy += 1) {
    const placeholder = `![Uploading ${name}${copy === 1 ? '' : ` (${copy})`}…]()`;
    if (!text.includes(placeholder)) return placeholder;
  }
}

/** Images pasted: the text with their placeholders over the selection, the caret after them, and each placeholder. */
export interface Placed {
  text: string;
  cursor: number;
  /** One per file, in order, each unlike any other in the text. */
  placeholders: string[];
}

/**
 * `text` with a placeholder for each of `fileNames`, side by side, replacing [start, end); each unlike
 * those in `taken` too (the placeholders of uploads still on their way, whether or not still in the text).
 */
export function insertPlaceholders(
  text: string,
  start: number,
  end: number,
  fileNames: readonly string[],
  taken: Iterable<string> = [],
): Placed {
  const placeholders: string[] = [];
  const others = [...taken].join('');
  for (const name of fileNames) placeholders.push(uploadPlaceholder(name, text + others + placeholders.join('')));
  return { ...insertAt(text, start, end, placeholders.join('')), placeholders };
}

/** A selection in a text: [start, end). */
export interface Selection {
  start: number;
  end: number;
}

/** A placeholder replaced: the new text, the range [from, to) replaced, and the selection moved with it. */
export interface Replaced extends Selection {
  text: string;
  from: number;
  to: number;
}

/**
 * `text` with its first `placeholder` replaced by `replacement`, and `selection` kept on the text
 * around it: shifted by the change in length from the placeholder's end on (a caret right after
 * the placeholder ends right after the link), stretched over the replacement when inside it. Null
 * when the placeholder is no longer in the text.
 */
export function replacePlaceholder(
  text: string,
  placeholder: string,
  replacement: string,
  selection: Selection,
): Replaced | null {
  const from = placeholder === '' ? -1 : text.indexOf(placeholder);
  if (from < 0) return null;
  const to = from + placeholder.length;
  const delta = replacement.length - placeholder.length;
  const start = selection.start >= to ? selection.start + delta : selection.start > from ? from : selection.start;
  const end =
    selection.end >= to ? selection.end + delta : selection.end > from ? from + replacement.length : selection.end;
  return { text: text.slice(0, from) + replacement + text.slice(to), from, to, start, end };
}

/** Base64 of bytes, in chunks so a large image does not overflow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  }
  return btoa(binary);
}

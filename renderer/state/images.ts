/** Pasting images into Markdown: the alt text, the link, and where it goes in the text. */

/** Image types the backend accepts (it checks the bytes too). */
export const PASTABLE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif'] as const;

/** Whether a file looks like an image the backend will take (by its declared type). */
export function isPastableImage(file: { type: string }): boolean {
  return (PASTABLE_TYPES as readonly string[]).includes(file.type.toLowerCase());
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

/** Base64 of bytes, in chunks so a large image does not overflow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  }
  return btoa(binary);
}

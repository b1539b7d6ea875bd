import { describe, expect, it } from 'vitest';
import {
  altFromFileName,
  bytesToBase64,
  insertAt,
  insertPlaceholders,
  isPastableImage,
  isPasted,
  markdownImage,
  MAX_PASTE_BYTES,
  refusedFiles,
  replacePlaceholder,
  uploadPlaceholder,
} from './images';

describe('pasting images', () => {
  it('makes alt text from the file name', () => {
    expect(altFromFileName('my_holiday-photo.PNG')).toBe('my holiday photo');
    expect(altFromFileName('.png')).toBe('image');
    expect(altFromFileName('C:\\x\\[weird].jpg')).toBe('weird');
  });

  it('writes the link, wrapping paths with spaces', () => {
    expect(markdownImage('a', 'images/a.png')).toBe('![a](images/a.png)');
    expect(markdownImage('a', 'my images/a (1).png')).toBe('![a](<my images/a (1).png>)');
  });

  it('inserts at the cursor or over the selection', () => {
    expect(insertAt('Hello world', 6, 6, 'X ')).toEqual({ text: 'Hello X world', cursor: 8 });
    expect(insertAt('Hello world', 6, 11, 'you')).toEqual({ text: 'Hello you', cursor: 9 });
    expect(insertAt('abc', 99, 99, '!')).toEqual({ text: 'abc!', cursor: 4 });
  });

  it('accepts raster images only and encodes bytes as base64', () => {
    expect(isPastableImage({ type: 'image/png' })).toBe(true);
    expect(isPastableImage({ type: 'image/svg+xml' })).toBe(false);
    const big = new Uint8Array(100_000).map((_, i) => i % 256);
    const back = Uint8Array.from(atob(bytesToBase64(big)), (c) => c.charCodeAt(0));
    expect(back).toEqual(big);
    expect(bytesToBase64(new Uint8Array([104, 105]))).toBe('aGk=');
  });

  it('names a placeholder after the file, unlike any already in the text', () => {
    expect(uploadPlaceholder('shot.png', 'Hello')).toBe('![Uploading shot.png…]()');
    expect(uploadPlaceholder('C:\\shots\\[a]\nb.png', '')).toBe('![Uploading ab.png…]()');
    expect(uploadPlaceholder('', '')).toBe('![Uploading image…]()');
    expect(uploadPlaceholder('shot.png', 'x ![Uploading shot.png…]() y')).toBe('![Uploading shot.png (2)…]()');
  });

  it('puts one placeholder per image over the selection, the caret after them', () => {
    const placed = insertPlaceholders('See THIS below', 4, 8, ['a.png', 'a.png']);
    expect(placed.placeholders).toEqual(['![Uploading a.png…]()', '![Uploading a.png (2)…]()']);
    expect(placed.text).toBe('See ![Uploading a.png…]()![Uploading a.png (2)…]() below');
    expect(placed.cursor).toBe(placed.text.indexOf(' below'));
  });

  it('gives a second paste a placeholder unlike those of uploads still on their way, even if gone from the text', () => {
    // The first paste's placeholder was undone away; its upload has not landed yet.
    const placed = insertPlaceholders('Text', 4, 4, ['image.png'], ['![Uploading image.png…]()']);
    expect(placed.placeholders).toEqual(['![Uploading image.png (2)…]()']);
    expect(placed.text).toBe('Text![Uploading image.png (2)…]()');
  });

  it('replaces the placeholder where typing moved it, never at the offset it was pasted at', () => {
    const placeholder = '![Uploading shot.png…]()';
    // Pasted at 4 over "THIS"; since then the author typed "Look: " before it and "the chart" after it.
    const typed = `Look: See ${placeholder}the chart below`;
    const caret = typed.indexOf(' below');
    const next = replacePlaceholder(typed, placeholder, '![shot](images/shot.png)', { start: caret, end: caret });
    expect(next?.text).toBe('Look: See ![shot](images/shot.png)the chart below');
    expect(next?.text.slice(0, next.start)).toBe('Look: See ![shot](images/shot.png)the chart');
    expect(next?.end).toBe(next?.start);
  });

  it('keeps a selection before the placeholder, moves one after it, and clamps one inside it', () => {
    const text = 'ab[P]cd';
    expect(replacePlaceholder(text, '[P]', 'LINK', { start: 0, end: 2 })).toEqual({
      text: 'abLINKcd',
      from: 2,
      to: 5,
      start: 0,
      end: 2,
    });
    expect(replacePlaceholder(text, '[P]', 'LINK', { start: 6, end: 7 })).toMatchObject({ start: 7, end: 8 });
    expect(replacePlaceholder(text, '[P]', 'LINK', { start: 5, end: 5 })).toMatchObject({ start: 6, end: 6 });
    expect(replacePlaceholder(text, '[P]', 'LINK', { start: 3, end: 4 })).toMatchObject({ start: 2, end: 6 });
    expect(replacePlaceholder(text, '[P]', 'LINK', { start: 1, end: 6 })).toMatchObject({ start: 1, end: 7 });
  });

  it('removes the placeholder of a failed upload, and does nothing once the placeholder is gone', () => {
    expect(replacePlaceholder('a [P] b', '[P]', '', { start: 7, end: 7 })).toMatchObject({ text: 'a  b', start: 4 });
    expect(replacePlaceholder('the author deleted it', '[P]', 'LINK', { start: 0, end: 0 })).toBeNull();
    expect(replacePlaceholder('anything', '', 'LINK', { start: 0, end: 0 })).toBeNull();
  });
});

describe('files that are not pasted', () => {
  const png = { name: 'shot.png', type: 'image/png', size: 1000 };
  it('says why in words for the writer: not an image taken, or over 20 MiB', () => {
    expect(refusedFiles([png])).toBeNull();
    expect(refusedFiles([png, { name: 'drawing.svg', type: 'image/svg+xml', size: 10 }])).toEqual({
      code: 'UNSUPPORTED',
      message: 'Only PNG, JPEG, GIF, WebP and AVIF images can be pasted.',
      hint: '“drawing.svg” is not one of them.',
    });
    const huge = { name: 'huge.png', type: 'image/png', size: MAX_PASTE_BYTES + 1 };
    expect(refusedFiles([huge])?.message).toBe('“huge.png” is larger than 20 MiB.');
    expect([png, huge].filter(isPasted)).toEqual([png]);
    expect(isPasted({ ...huge, size: MAX_PASTE_BYTES })).toBe(true);
  });
});

describe('an image dropped without a declared type', () => {
  it('is taken by its extension (the backend checks its bytes), never refused as "not an image"', () => {
    expect(isPastableImage({ type: '', name: 'photo.AVIF' })).toBe(true);
    expect(isPastableImage({ type: '', name: 'shot.jpeg' })).toBe(true);
    expect(isPastableImage({ type: '', name: 'notes.pdf' })).toBe(false);
    expect(isPastableImage({ type: '', name: 'drawing.svg' })).toBe(false);
    expect(isPastableImage({ type: 'application/pdf', name: 'fake.png' })).toBe(false);
  });
});

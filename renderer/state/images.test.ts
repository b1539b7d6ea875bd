import { describe, expect, it } from 'vitest';
import { altFromFileName, bytesToBase64, insertAt, isPastableImage, markdownImage } from './images';

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
});

import { describe, expect, it } from 'vitest';
import { pageLanguage } from './lang';

const hex = (unit: number): string => `U+${unit.toString(16).toUpperCase().padStart(4, '0')}`;

describe('pageLanguage for a post that names no language', () => {
  // The first and last code unit of each range counted as right to left (Hebrew, Arabic and the rest
  // of 0590–08FF, with their presentation forms), and the code units just outside them.
  const inside = [0x0590, 0x05ff, 0x0600, 0x06ff, 0x0700, 0x074f, 0x0750, 0x077f, 0x0780, 0x086f, 0x0870, 0x08ff];
  const forms = [0xfb1d, 0xfb4f, 0xfb50, 0xfdff, 0xfe70, 0xfeff];
  const outside = [0x058f, 0x0900, 0xfb1c, 0xfe00, 0xfe6f, 0xff00];

  it('is right to left for a text of any one code unit the direction counts, at either end of its range', () => {
    for (const unit of [...inside, ...forms]) {
      const text = String.fromCharCode(unit).repeat(8);
      expect({ unit: hex(unit), ...pageLanguage([], 'post.md', text) }).toMatchObject({ unit: hex(unit), dir: 'rtl' });
    }
  });

  it('stays the site’s left-to-right language for the code units just outside those ranges', () => {
    for (const unit of outside) {
      const text = String.fromCharCode(unit).repeat(8);
      expect({ unit: hex(unit), ...pageLanguage([], 'post.md', text) }).toEqual({ unit: hex(unit), lang: 'en' });
    }
  });

  it('finds one right-to-left word at the end of a long English post, and counts it against the English letters', () => {
    const english = 'A quiet morning with the editor. '.repeat(500);
    expect(pageLanguage([], 'post.md', `${english}שלום`)).toEqual({ lang: 'en' });
    expect(pageLanguage([], 'post.md', `Title\n${'שלום עולם '.repeat(20)}`)).toEqual({ lang: 'he', dir: 'rtl' });
    expect(pageLanguage([], 'post.md', `Title\n${'مرحبا بالعالم '.repeat(20)}`)).toEqual({ lang: 'ar', dir: 'rtl' });
  });
});

/** Post ids and slugs (./ids.ts) stay within what a file system takes: 255 bytes a name. */
import { describe, expect, it } from 'vitest';
import { idProblem, overNameBytes, slugify } from './ids';

const bytes = (text: string): number => new TextEncoder().encode(text).length;

describe('idProblem', () => {
  it('takes a name of up to 255 UTF-16 units whatever its bytes: NTFS, HFS+ and exFAT hold such files', () => {
    expect(idProblem(`${'a'.repeat(252)}.md`)).toBeNull();
    expect(idProblem(`${'a'.repeat(253)}.md`)).toMatch(/too long/);
    // 93 units, 273 bytes: a file NTFS holds (ext4 would not), which must still open, save and rename.
    expect(idProblem(`${'東'.repeat(90)}.md`)).toBeNull();
    expect(idProblem(`posts/${'東'.repeat(256)}/a.md`)).toMatch(/too long/);
  });
});

describe('overNameBytes', () => {
  it('counts UTF-8 bytes, as ext4 and APFS do', () => {
    expect(overNameBytes('a'.repeat(255))).toBe(false);
    expect(overNameBytes('a'.repeat(256))).toBe(true);
    expect(overNameBytes('日'.repeat(85))).toBe(false);
    expect(overNameBytes('日'.repeat(86))).toBe(true);
    expect(overNameBytes('\u{20000}'.repeat(64))).toBe(true);
  });
});

describe('slugify', () => {
  it('keeps letters of every script, cut at 80 characters and 240 bytes without splitting one', () => {
    expect(slugify('Crème brûlée & Tea')).toBe('creme-brulee-and-tea');
    expect(slugify('日本語のタイトル')).toBe('日本語のタイトル');
    expect(Array.from(slugify('a'.repeat(100)))).toHaveLength(80);
    // Three-byte letters keep all 80 (240 bytes): slugs made before the byte cap do not change.
    expect(slugify('日'.repeat(100))).toBe('日'.repeat(80));
    // U+20000, a CJK letter of four bytes: 80 of them would be 320 bytes.
    const wide = slugify('\u{20000}'.repeat(80));
    expect(bytes(wide)).toBe(240);
    expect(wide).toBe('\u{20000}'.repeat(60));
  });
});

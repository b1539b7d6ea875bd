/** Post ids and slugs (./ids.ts) stay within what a file system takes: 255 bytes a name. */
import { describe, expect, it } from 'vitest';
import { idProblem, slugify } from './ids';

const bytes = (text: string): number => new TextEncoder().encode(text).length;

describe('idProblem', () => {
  it('takes a name of 255 bytes and refuses 256, counting bytes in any script', () => {
    expect(idProblem(`${'a'.repeat(252)}.md`)).toBeNull();
    expect(idProblem(`${'a'.repeat(253)}.md`)).toMatch(/longer than 255 bytes/);
    // 84 characters of three bytes each, plus ".md": 255 bytes. One more character is 258.
    expect(idProblem(`${'日'.repeat(84)}.md`)).toBeNull();
    expect(idProblem(`${'日'.repeat(85)}.md`)).toMatch(/longer than 255 bytes/);
    expect(idProblem(`posts/${'日'.repeat(86)}/a.md`)).toMatch(/longer than 255 bytes/);
  });
});

describe('slugify', () => {
  it('keeps letters of every script, cut at 80 characters and 200 bytes without splitting one', () => {
    expect(slugify('Crème brûlée & Tea')).toBe('creme-brulee-and-tea');
    expect(slugify('日本語のタイトル')).toBe('日本語のタイトル');
    expect(Array.from(slugify('a'.repeat(100)))).toHaveLength(80);
    // U+20000, a CJK letter of four bytes: 80 of them would be 320 bytes.
    const wide = slugify('\u{20000}'.repeat(80));
    expect(bytes(wide)).toBeLessThanOrEqual(200);
    expect(wide).toBe('\u{20000}'.repeat(50));
    expect(bytes(slugify('日'.repeat(80)))).toBe(198);
  });
});

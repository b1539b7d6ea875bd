import { describe, expect, it } from 'vitest';
import { chunkStarts } from './useMatchHighlight';

/** The chunks themselves, from their starts. */
function chunks(text: string): string[] {
  const starts = chunkStarts(text);
  return starts.map((start, i) => text.slice(start, starts[i + 1] ?? text.length));
}

describe('chunkStarts', () => {
  it('cuts after each blank line, each chunk starting a line', () => {
    expect(chunks('one\ntwo\n\nthree\n\n\nfour')).toEqual(['one\ntwo\n\n', 'three\n\n', '\nfour']);
    expect(chunks('')).toEqual(['']);
    expect(chunks('no break')).toEqual(['no break']);
  });

  it('cuts a long paragraph at line ends, and an edit leaves the cuts before it where they were', () => {
    const line = `${'x'.repeat(99)}\n`;
    const text = `${line.repeat(100)}\n${line.repeat(3)}`;
    const parts = chunks(text);
    expect(parts.join('')).toBe(text);
    expect(parts.length).toBeGreaterThan(2);
    for (const start of chunkStarts(text).slice(1)) expect(text[start - 1]).toBe('\n');
    const edited = `${text.slice(0, 9000)}inserted${text.slice(9000)}`;
    const before = chunkStarts(text).filter((start) => start <= 9000);
    expect(chunkStarts(edited).slice(0, before.length)).toEqual(before);
  });
});

import { describe, expect, it } from 'vitest';
import { applyBlocksEdit, applyTextEdit, blocksEdit, textEdit } from './protocol';

/** A small seeded generator, so a failure repeats. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const PIECES = ['a', 'b', ' ', '\n', '\r\n', '😀', 'é', '#', '\u{1F469}\u200D\u{1F4BB}'];

function text(random: () => number, length: number): string {
  let out = '';
  while (out.length < length) out += PIECES[Math.floor(random() * PIECES.length)] ?? '';
  return out;
}

describe('text edits between the preview and its worker', () => {
  it('rebuild every text exactly, surrogate pairs cut or not, after crossing a structured clone', () => {
    const random = seeded(7);
    let before = text(random, 3_000);
    for (let round = 0; round < 300; round++) {
      const at = Math.floor(random() * before.length);
      const cut = Math.floor(random() * 4);
      const after = before.slice(0, at) + text(random, Math.floor(random() * 3)) + before.slice(at + cut);
      const edit = structuredClone(textEdit(before, after));
      expect(applyTextEdit(before, edit)).toBe(after);
      before = after;
    }
  });

  it('sends a keystroke in a long text as the key alone', () => {
    const before = 'x'.repeat(100_000);
    const after = `${before.slice(0, 50_000)}q${before.slice(50_000)}`;
    expect(textEdit(before, after).middle).toBe('q');
    expect(textEdit('', 'whole').middle).toBe('whole');
    expect(applyTextEdit('anything', { head: 0, tail: 0, middle: 'new' })).toBe('new');
  });
});

describe('block edits back from the worker', () => {
  it('carry only the changed blocks and rebuild the list', () => {
    const before = ['<h1>A</h1>', '<p>b</p>', '<p>c</p>', '<p>d</p>'];
    const after = ['<h1>A</h1>', '<p>b!</p>', '<p>new</p>', '<p>c</p>', '<p>d</p>'];
    const edit = blocksEdit(before, after);
    expect(edit.middle).toEqual(['<p>b!</p>', '<p>new</p>']);
    expect(applyBlocksEdit(before, edit)).toEqual(after);
    expect(applyBlocksEdit(after, blocksEdit(after, []))).toEqual([]);
    expect(applyBlocksEdit([], blocksEdit([], after))).toEqual(after);
  });
});

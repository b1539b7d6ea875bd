import { describe, expect, it } from 'vitest';
import { changedLines, compareRows } from './compare';

describe('compareRows', () => {
  it('aligns unchanged lines and pairs a changed line with its replacement', () => {
    const rows = compareRows('one\ntwo\nthree\n', 'one\nTWO\nthree\n');
    expect(rows.map((row) => [row.left.text, row.left.kind, row.right.text, row.right.kind])).toEqual([
      ['one', 'same', 'one', 'same'],
      ['two', 'removed', 'TWO', 'added'],
      ['three', 'same', 'three', 'same'],
    ]);
  });

  it('leaves a blank opposite lines only one side has', () => {
    const rows = compareRows('a\nb\n', 'a\nb\nc\nd\n');
    expect(rows.slice(2).map((row) => [row.left.kind, row.right.text])).toEqual([
      ['blank', 'c'],
      ['blank', 'd'],
    ]);
    const gone = compareRows('a\nb\nc\n', 'a\n');
    expect(gone.slice(1).map((row) => [row.left.text, row.right.kind])).toEqual([
      ['b', 'blank'],
      ['c', 'blank'],
    ]);
  });

  it('keeps a last line without a newline', () => {
    const rows = compareRows('x', 'x\ny');
    expect(rows.map((row) => row.right.text)).toEqual(['x', 'y']);
  });
});

describe('changedLines', () => {
  it('lists only what changes, marked, and counts what it leaves out', () => {
    expect(changedLines('a\nb\n', 'a\nc\n', 10)).toEqual({ lines: ['− b', '+ c'], more: 0 });
    expect(changedLines('', '1\n2\n3\n', 2)).toEqual({ lines: ['+ 1', '+ 2'], more: 1 });
  });
});

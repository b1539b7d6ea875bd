import { describe, expect, it } from 'vitest';
import { listWindow, ROW_HEIGHT, scrollToRow, WINDOW_ABOVE, windowParts } from './listWindow';

describe('listWindow', () => {
  it('renders every row of a short list', () => {
    expect(listWindow(WINDOW_ABOVE, 5000, 600)).toEqual({ start: 0, end: WINDOW_ABOVE });
  });

  it('renders the rows in view plus a margin of a long list, clamped to its ends', () => {
    expect(listWindow(10_000, 0, 600)).toEqual({ start: 0, end: 22 });
    expect(listWindow(10_000, 100 * ROW_HEIGHT, 600)).toEqual({ start: 90, end: 122 });
    expect(listWindow(10_000, 10_000 * ROW_HEIGHT, 600)).toEqual({ start: 9990, end: 10_000 });
  });

  it('scrolls a row into view only when it is outside it', () => {
    expect(scrollToRow(5, 0, 600)).toBeNull();
    expect(scrollToRow(100, 0, 600)).toBe(101 * ROW_HEIGHT - 600);
    expect(scrollToRow(2, 50 * ROW_HEIGHT, 600)).toBe(2 * ROW_HEIGHT);
  });

  it('keeps the focused row in the page wherever it is, with gaps for the rows not rendered', () => {
    expect(windowParts(1000, 100, 130, 110)).toEqual([
      { kind: 'gap', rows: 100 },
      { kind: 'rows', from: 100, to: 130 },
      { kind: 'gap', rows: 870 },
    ]);
    expect(windowParts(1000, 100, 130, 999)).toEqual([
      { kind: 'gap', rows: 100 },
      { kind: 'rows', from: 100, to: 130 },
      { kind: 'gap', rows: 869 },
      { kind: 'rows', from: 999, to: 1000 },
    ]);
    expect(windowParts(1000, 0, 30, -1)).toEqual([
      { kind: 'rows', from: 0, to: 30 },
      { kind: 'gap', rows: 970 },
    ]);
    expect(windowParts(1000, 500, 530, 3)).toEqual([
      { kind: 'gap', rows: 3 },
      { kind: 'rows', from: 3, to: 4 },
      { kind: 'gap', rows: 496 },
      { kind: 'rows', from: 500, to: 530 },
      { kind: 'gap', rows: 470 },
    ]);
  });
});

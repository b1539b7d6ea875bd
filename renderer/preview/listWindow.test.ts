import { describe, expect, it } from 'vitest';
import { listWindow, ROW_HEIGHT, scrollToRow, WINDOW_ABOVE } from './listWindow';

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
});

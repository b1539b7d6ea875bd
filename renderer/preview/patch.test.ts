import { describe, expect, it } from 'vitest';
import { PAUSED_STEP_BYTES, STEP_BYTES, stepBytes, stepTowards } from './patch';

const block = (i: number, size = 100): string => `<p>${String(i).padStart(size - 7, '.')}</p>`;
const blocks = (count: number, size = 100): string[] => Array.from({ length: count }, (_, i) => block(i, size));

describe('stepTowards', () => {
  it('shows a small change at once, as the target itself', () => {
    const target = blocks(50);
    expect(stepTowards([], target, 10_000)).toBe(target);
    const edited = [...target.slice(0, 20), '<p>edited</p>', ...target.slice(21)];
    expect(stepTowards(target, edited, 200)).toBe(edited);
  });

  it('shows a long first render a part at a time, each part within the budget, until all of it', () => {
    const target = blocks(1000);
    let shown: readonly string[] = [];
    let steps = 0;
    while (shown !== target) {
      const next = stepTowards(shown, target, 5_000);
      const added = next.length - shown.length;
      expect(added).toBeGreaterThan(0);
      // The budget is passed by one block at most.
      expect(added * 100).toBeLessThanOrEqual(5_000 + 100);
      expect(next).toEqual(target.slice(0, next.length));
      shown = next;
      steps += 1;
    }
    expect(steps).toBe(20);
  });

  it('keeps the unchanged start and end while a long middle arrives', () => {
    const before = blocks(10);
    const middle = blocks(200).map((html) => html.replace('<p>', '<p class="new">'));
    const target = [...before.slice(0, 5), ...middle, ...before.slice(5)];
    const first = stepTowards(before, target, 1_000);
    expect(first.slice(0, 5)).toEqual(before.slice(0, 5));
    expect(first.slice(-5)).toEqual(before.slice(5));
    expect(first.length).toBeLessThan(target.length);
    let shown = first;
    while (shown !== target) shown = stepTowards(shown, target, 1_000);
    expect(shown).toEqual(target);
  });

  it('removes blocks at once', () => {
    const before = blocks(1000);
    const target = [...before.slice(0, 10), ...before.slice(990)];
    expect(stepTowards(before, target, 100)).toBe(target);
  });
});

describe('stepBytes', () => {
  it('puts a long render on the page in parts four times as big while the author is not typing', () => {
    const target = blocks(2_000, 1_000);
    const stepsWith = (typing: boolean): number => {
      let shown: readonly string[] = [];
      let steps = 0;
      while (shown !== target) {
        shown = stepTowards(shown, target, stepBytes(typing));
        steps += 1;
      }
      return steps;
    };
    expect(stepBytes(true)).toBe(STEP_BYTES);
    expect(stepBytes(false)).toBe(PAUSED_STEP_BYTES);
    expect(stepsWith(true)).toBe(63);
    expect(stepsWith(false)).toBe(16);
  });
});

import { describe, expect, it } from 'vitest';
import { toolbarStep } from './toolbarKeys';

describe('toolbarStep', () => {
  it('moves left and right with wrapping, and to either end', () => {
    expect(toolbarStep('ArrowRight', 0, 2)).toBe(1);
    expect(toolbarStep('ArrowRight', 1, 2)).toBe(0);
    expect(toolbarStep('ArrowLeft', 0, 2)).toBe(1);
    expect(toolbarStep('Home', 1, 3)).toBe(0);
    expect(toolbarStep('End', 0, 3)).toBe(2);
  });

  it('leaves other keys, and an empty toolbar, alone', () => {
    expect(toolbarStep('Enter', 0, 2)).toBeNull();
    expect(toolbarStep('ArrowDown', 0, 2)).toBeNull();
    expect(toolbarStep('ArrowRight', 0, 0)).toBeNull();
  });
});

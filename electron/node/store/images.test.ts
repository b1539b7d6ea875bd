import { describe, expect, it } from 'vitest';
import { imageStem } from './images';
import { assetProblem } from './paths';

describe('imageStem', () => {
  it('never names an image after a Windows device, which the preview refuses and Windows cannot write', () => {
    for (const name of ['CON.png', 'aux.jpg', 'nul', 'Com1.gif', 'LPT9.webp', 'prn.PNG']) {
      const stem = imageStem(name);
      expect(assetProblem(`images/${stem}.png`), name).toBeNull();
      expect(assetProblem(`images/${stem}-2.png`), name).toBeNull();
    }
    expect(imageStem('console.png')).toBe('console');
  });

  it('cuts a long name between characters, never inside one', () => {
    // 𠮷 takes two UTF-16 units: a cut at 60 units after the "a" split the thirtieth in two, and the
    // link then named a file the disk had stored under another name (U+FFFD for the half).
    expect(imageStem(`a${'𠮷'.repeat(40)}.png`)).toBe(`a${'𠮷'.repeat(40)}`);
    expect(imageStem(`${'ab-'.repeat(30)}.png`)).toBe('ab-'.repeat(20).slice(0, -1));
  });
});

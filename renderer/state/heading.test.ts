import { describe, expect, it } from 'vitest';
import { bodyStartsWithH1 } from './heading';

describe('bodyStartsWithH1', () => {
  it('sees ATX and setext level-one headings after blank lines', () => {
    expect(bodyStartsWithH1('\n\n# About\n\nText')).toBe(true);
    expect(bodyStartsWithH1('About\n=====\n')).toBe(true);
    expect(bodyStartsWithH1('#\n')).toBe(true);
  });

  it('ignores other first blocks', () => {
    expect(bodyStartsWithH1('## About')).toBe(false);
    expect(bodyStartsWithH1('#hashtag first')).toBe(false);
    expect(bodyStartsWithH1('    # indented code')).toBe(false);
    expect(bodyStartsWithH1('Text\n\n# Later')).toBe(false);
    expect(bodyStartsWithH1('')).toBe(false);
  });
});

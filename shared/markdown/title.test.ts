import { describe, expect, it } from 'vitest';
import { afterOpeningH1, bodyHasH1, titleLayout } from './title';

describe('titleLayout: one rule for the preview and the export', () => {
  it('lets a body that opens with an H1 title the page, with the date under it', () => {
    expect(titleLayout('# Body\n\nText', true)).toEqual({ heading: false, metaAfterBodyH1: true });
    expect(titleLayout('\nBody\n====\n', false)).toEqual({ heading: false, metaAfterBodyH1: true });
  });

  it('shows the front-matter title otherwise, and the file name only when the body has no H1 at all', () => {
    expect(titleLayout('Text\n\n# Later', true)).toEqual({ heading: true, metaAfterBodyH1: false });
    expect(titleLayout('Text\n\n# Later', false)).toEqual({ heading: false, metaAfterBodyH1: false });
    expect(titleLayout('Text\n\n## Sub', false)).toEqual({ heading: true, metaAfterBodyH1: false });
  });

  it('finds H1s outside fenced code only', () => {
    expect(bodyHasH1('```\n# not\n```\n')).toBe(false);
    expect(bodyHasH1('Para\n\nSetext\n===\n')).toBe(true);
    expect(bodyHasH1('#hashtag')).toBe(false);
  });

  it('puts the meta after the opening H1 only', () => {
    expect(afterOpeningH1('<h1 id="a">A</h1>\n<p>x</p>', '<p>d</p>')).toBe('<h1 id="a">A</h1>\n<p>d</p>\n<p>x</p>');
    expect(afterOpeningH1('<p>x</p><h1>A</h1>', '<p>d</p>')).toBeNull();
  });
});

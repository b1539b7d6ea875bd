import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render';
import { afterOpeningH1, titleLayoutOfHtml } from './title';

describe('afterOpeningH1', () => {
  it('puts the meta after the opening H1 only', () => {
    expect(afterOpeningH1('<h1 id="a">A</h1>\n<p>x</p>', '<p>d</p>')).toBe('<h1 id="a">A</h1>\n<p>d</p>\n<p>x</p>');
    expect(afterOpeningH1('<p>x</p><h1>A</h1>', '<p>d</p>')).toBeNull();
    // After a comment the sanitizer removed, only a line break is left before the heading.
    expect(afterOpeningH1('\n<h1>A</h1>\n<p>x</p>', '<p>d</p>')).toBe('\n<h1>A</h1>\n<p>d</p>\n<p>x</p>');
  });
});

describe('titleLayoutOfHtml: the rule read from the rendered body, as the page shows it', () => {
  const layoutOf = (markdown: string, titled: boolean) => titleLayoutOfHtml(renderMarkdown(markdown).html, titled);
  const opensWithH1 = { heading: false, metaAfterBodyH1: true };
  const ownTitle = { heading: true, metaAfterBodyH1: false };

  it('takes every shape of an opening H1 for the title, as the pipeline reads it', () => {
    // A setext heading over several lines, with hard breaks, indented, or after a link definition.
    for (const markdown of [
      '# A',
      'A\n===',
      'A\nB\n===',
      'A\nB\nC\n=\nmore',
      '  A\n  B\n  ===',
      'A  \nB\n===',
      'A\\\nB\n===',
      'A\n    B\n===',
      '[x]: /u\n# A',
      '[x]: /u\nA\n===',
      '[^1]: note\n# A',
      '\n\n# A',
      '#\n',
      '#\tA',
      // A comment before the heading (the sanitizer drops it, leaving a line break).
      '<!-- note -->\n# A',
      '<!-- a -->\n\n<!-- b -->\nA\n===',
    ]) {
      expect(layoutOf(markdown, true), markdown).toEqual(opensWithH1);
      expect(layoutOf(markdown, false), markdown).toEqual(opensWithH1);
    }
  });

  it('does not take an `===` that only continues a list, a quote, code or HTML for a heading', () => {
    for (const markdown of [
      '- item\n===',
      '* a\n===',
      '1. one\n===',
      '> quote\n===',
      '    code\n===',
      '\tA\n===',
      '<div>\n===',
      '```\nA\n```\n===',
      'A\n---\n===',
      'A\n- b\n===',
      'A\n> b\n===',
      '| a | b |\n|---|---|\n===',
      '#hashtag first',
      '    # indented code',
      '## About',
    ]) {
      expect(layoutOf(markdown, true), markdown).toEqual(ownTitle);
      // No H1 anywhere: the file's name titles the page.
      expect(layoutOf(markdown, false), markdown).toEqual({ heading: true, metaAfterBodyH1: false });
    }
  });

  it('counts a later H1, a raw <h1> included, so an untitled page gets no second title', () => {
    for (const markdown of ['Text\n\nA\nB\n===', 'Text\n\n<h1>Raw</h1>', 'Text\n\n# Later']) {
      expect(layoutOf(markdown, false), markdown).toEqual({ heading: false, metaAfterBodyH1: false });
      expect(layoutOf(markdown, true), markdown).toEqual(ownTitle);
    }
    expect(layoutOf('Text with `<h1>` in code\n\n    <h1>', false)).toEqual({ heading: true, metaAfterBodyH1: false });
  });

  it('reads the preview blocks as the whole body', () => {
    expect(titleLayoutOfHtml(['', '<h1 id="a">A</h1>', '<p>x</p>'], true)).toEqual(opensWithH1);
    expect(titleLayoutOfHtml(['<p>x</p>', '<h1 id="a">A</h1>'], false)).toEqual({
      heading: false,
      metaAfterBodyH1: false,
    });
    expect(titleLayoutOfHtml(['<p>x</p>', '<h2>A</h2>', '<header>h1</header>'], false)).toEqual({
      heading: true,
      metaAfterBodyH1: false,
    });
    expect(titleLayoutOfHtml([], false)).toEqual({ heading: true, metaAfterBodyH1: false });
  });
});

import { describe, expect, it } from 'vitest';
import { MAX_TREE_DEPTH } from './depth';
import { renderMarkdown } from './render';

const nested = (levels: number) => `Before.\n\n${'<div>'.repeat(levels)}inside${'</div>'.repeat(levels)}\n`;

describe('the tree depth cap', () => {
  it('renders raw HTML nested up to the cap as HTML', () => {
    // The paragraph, the root and the text take three levels of their own.
    const { html, warnings } = renderMarkdown(nested(MAX_TREE_DEPTH - 3), {});
    expect(warnings).toEqual([]);
    expect(html).toContain(`${'<div>'.repeat(MAX_TREE_DEPTH - 3)}inside`);
  });

  it('shows raw HTML nested past the cap as text with a note, far below where a stack overflows', () => {
    const { html, warnings } = renderMarkdown(nested(MAX_TREE_DEPTH + 10), {});
    expect(warnings.join('\n')).toMatch(/nested too deeply to render/);
    expect(html).not.toContain('<div><div>');
    expect(html).toContain('&#x3C;div>&#x3C;div>');
  });

  it('shows only the too-deep stretch as text, in a whole post and in a post cut into parts', () => {
    const deep = nested(MAX_TREE_DEPTH + 10);
    const whole = renderMarkdown(`# Title\n\n${deep}\nAfter *it*.\n`, {});
    expect(whole.warnings.join('\n')).toMatch(/nested too deeply to render/);
    expect(whole.html).toContain('<h1 id="user-content-title">Title</h1>');
    expect(whole.html).toContain('<p>After <em>it</em>.</p>');
    expect(whole.html).not.toContain('<div><div>');
    const quotes = Array.from({ length: 3_000 }, (_, i) => `> quote ${String(i)}`).join('\n\n');
    const cut = renderMarkdown(`${quotes}\n\n${deep}`, {});
    expect(cut.html).toContain('<blockquote>\n<p>quote 2999</p>');
    expect(cut.html).not.toContain('<div><div>');
  });
});

import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../shared/markdown/render';
import { focusableScrollers } from './scrollers';

describe('focusableScrollers', () => {
  it('makes code blocks and tables wider than a phone focusable, and leaves short ones alone', () => {
    const wide = 'const message = "a line much wider than a phone can show";';
    const body = renderMarkdown(
      `\`\`\`js\n${wide}\n\`\`\`\n\n\`\`\`\nls\n\`\`\`\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n| name | what it is for |\n|---|---|\n| overflow | a long explanation of a column |\n`,
    ).html;
    const html = focusableScrollers(body);
    expect(html).toContain('<pre tabindex="0"><code class="hljs language-js">');
    expect(html).toContain('<pre><code>ls\n</code></pre>');
    expect(html.match(/<table>/g)).toHaveLength(1);
    expect(html.match(/<table tabindex="0">/g)).toHaveLength(1);
    expect(html.indexOf('<table>')).toBeLessThan(html.indexOf('<table tabindex="0">'));
    // Nothing else changes.
    expect(html.replace(/ tabindex="0"/g, '')).toBe(body);
  });

  it('measures text, not markup or entities', () => {
    expect(focusableScrollers('<pre><code><span class="hljs-keyword">let</span> a = &lt;b&gt;;</code></pre>')).toBe(
      '<pre><code><span class="hljs-keyword">let</span> a = &lt;b&gt;;</code></pre>',
    );
  });
});

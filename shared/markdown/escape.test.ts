import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escape';

describe('escapeHtml', () => {
  it('escapes each of the five characters wherever it stands, and leaves other text as it is', () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;',
    );
    const pairs: [string, string][] = [
      ['&', '&amp;'],
      ['<', '&lt;'],
      ['>', '&gt;'],
      ['"', '&quot;'],
      ["'", '&#39;'],
    ];
    for (const [special, escaped] of pairs) {
      expect(escapeHtml(special)).toBe(escaped);
      expect(escapeHtml(`A title ending in ${special}`)).toBe(`A title ending in ${escaped}`);
      expect(escapeHtml(`${special}${special} at the start`)).toBe(`${escaped}${escaped} at the start`);
    }
    expect(escapeHtml('&amp; stays text')).toBe('&amp;amp; stays text');
    expect(escapeHtml('Plain words, «quotes», and 日本語')).toBe('Plain words, «quotes», and 日本語');
    expect(escapeHtml('')).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { dateHtml } from './dates';

describe('dateHtml', () => {
  it('reads ISO dates as day, month and year, on the day written', () => {
    expect(dateHtml('2016-05-26')).toBe('<time datetime="2016-05-26">26 May 2016</time>');
    expect(dateHtml('2026-03-10T00:00:00.000Z')).toBe('<time datetime="2026-03-10">10 March 2026</time>');
    expect(dateHtml('2023-11-20T23:30:00-05:00')).toBe('<time datetime="2023-11-20">20 November 2023</time>');
    expect(dateHtml('2020-01-01 10:00')).toBe('<time datetime="2020-01-01">1 January 2020</time>');
  });

  it('shows anything else as written, escaped', () => {
    expect(dateHtml('Jul 08 2022')).toBe('Jul 08 2022');
    expect(dateHtml('<b>May</b> 26')).toBe('&lt;b&gt;May&lt;/b&gt; 26');
    expect(dateHtml('2020-13-01')).toBe('2020-13-01');
    expect(dateHtml('2020-05-26x')).toBe('2020-05-26x');
  });
});

import { describe, expect, it } from 'vitest';
import { dateHtml, instantOf, machineTime, orderKey } from './dates';

describe('dateHtml', () => {
  it('reads ISO dates as day, month and year, on the day written', () => {
    expect(dateHtml('2016-05-26')).toBe('<time datetime="2016-05-26">26 May 2016</time>');
    expect(dateHtml('2026-03-10T00:00:00.000Z')).toBe('<time datetime="2026-03-10">10 March 2026</time>');
    expect(dateHtml('2023-11-20T23:30:00-05:00')).toBe('<time datetime="2023-11-20">20 November 2023</time>');
    expect(dateHtml('2020-01-01 10:00')).toBe('<time datetime="2020-01-01">1 January 2020</time>');
  });

  it('shows anything else as written, escaped, with a machine-readable day when it has one', () => {
    // A date written for people keeps its words; machines get its day.
    expect(dateHtml('Jul 08 2022')).toBe('<time datetime="2022-07-08">Jul 08 2022</time>');
    expect(dateHtml('<b>May</b> 26')).toBe('&lt;b&gt;May&lt;/b&gt; 26');
    expect(dateHtml('2020-13-01')).toBe('2020-13-01');
    expect(dateHtml('2020-05-26x')).toBe('2020-05-26x');
  });

  it('gives a date no calendar has no machine reading', () => {
    expect(dateHtml('2017-02-29 11:00:00')).toBe('2017-02-29 11:00:00');
    expect(dateHtml('2021-04-31')).toBe('2021-04-31');
    expect(dateHtml('2020-02-29')).toBe('<time datetime="2020-02-29">29 February 2020</time>');
  });
});

describe('feed times and order', () => {
  it('reads a date with an offset as its instant, in UTC', () => {
    expect(instantOf('2021-03-04T23:30:00-08:00')).toBe('2021-03-05T07:30:00Z');
    expect(instantOf('2021-03-04 23:30 +0530')).toBe('2021-03-04T18:00:00Z');
    expect(instantOf('2021-03-04T23:30:00.25Z')).toBe('2021-03-04T23:30:00.25Z');
    expect(instantOf('2020-12-31T23:00:00-02')).toBe('2021-01-01T01:00:00Z');
    // No offset, no time, no date, no such day: no instant.
    for (const none of ['2021-03-04T23:30:00', '2021-03-04', 'Jul 08 2022', '2017-02-29T11:00:00Z']) {
      expect(instantOf(none), none).toBeNull();
    }
  });

  it('writes the feed time of the instant, of a date without a time as written, and none for no date', () => {
    expect(machineTime('2021-03-04T23:30:00-08:00', '2021-03-04T23:30:00')).toBe('2021-03-05T07:30:00Z');
    expect(machineTime('2021-03-04', '2021-03-04')).toBe('2021-03-04T00:00:00Z');
    expect(machineTime('2021-03-04 10:00', '2021-03-04T10:00:00')).toBe('2021-03-04T10:00:00Z');
    expect(machineTime('2017-02-29 11:00:00', '2017-02-29T11:00:00')).toBeNull();
    expect(machineTime(null, null)).toBeNull();
  });

  it('orders by the instant when an offset is written, else by the wall clock', () => {
    expect(orderKey('2021-03-04T23:30:00-08:00', '2021-03-04T23:30:00')).toBe('2021-03-05T07:30:00');
    expect(orderKey('2021-03-04', '2021-03-04')).toBe('2021-03-04');
    expect(orderKey(null, null)).toBeNull();
  });
});

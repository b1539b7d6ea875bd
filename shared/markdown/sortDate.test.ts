import { describe, expect, it } from 'vitest';
import { dateSortKey, instantOf } from './sortDate';

describe('dateSortKey: the post list orders by the instant when an offset is written', () => {
  it('sorts 23:30 at -08:00 after 01:00 at +01:00 the next day, as the export does', () => {
    const west = dateSortKey('2021-03-04T23:30:00-08:00');
    const east = dateSortKey('2021-03-05T01:00:00+01:00');
    expect(west).toBe('2021-03-05T07:30:00');
    expect(east).toBe('2021-03-05T00:00:00');
    expect((west ?? '') > (east ?? '')).toBe(true);
    expect(dateSortKey('2021-03-04 23:30 +0530')).toBe(instantOf('2021-03-04 23:30 +0530')?.slice(0, -1));
  });

  it('keeps dates without an offset as written', () => {
    expect(dateSortKey('2021-03-04T23:30:00')).toBe('2021-03-04T23:30:00');
    expect(dateSortKey('2021-03-04')).toBe('2021-03-04');
    expect(dateSortKey('2021-3-4 9:05')).toBe('2021-03-04T09:05:00');
    expect(dateSortKey('July 8, 2022')).toBe('2022-07-08');
    expect(dateSortKey('2017-02-29T10:00:00+01:00')).toBe('2017-02-29T10:00:00');
  });
});

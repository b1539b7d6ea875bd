import { describe, expect, it } from 'vitest';
import { readableDate } from './dates';

describe('readableDate', () => {
  it('reads the date shapes blogs write, as the day written', () => {
    expect(readableDate('2016-05-26')).toEqual({ iso: '2016-05-26', text: '26 May 2016' });
    expect(readableDate('2024-05-01T10:00:00Z')).toEqual({ iso: '2024-05-01', text: '1 May 2024' });
    // Jekyll's own shape, a space before the offset: the day written, not the day in UTC.
    expect(readableDate('2017-04-05 16:16:01 -0800')).toEqual({ iso: '2017-04-05', text: '5 April 2017' });
    expect(readableDate('2021-03-04T23:30:00-08:00')).toEqual({ iso: '2021-03-04', text: '4 March 2021' });
    // One-digit months and days (Hexo), padded for machines.
    expect(readableDate('2015-11-3')).toEqual({ iso: '2015-11-03', text: '3 November 2015' });
    expect(readableDate('2018-7-24 23:31:06')).toEqual({ iso: '2018-07-24', text: '24 July 2018' });
  });

  it('keeps the words of a date written for people, and gives its day to machines', () => {
    expect(readableDate('Jun 19 2024')).toEqual({ iso: '2024-06-19', text: 'Jun 19 2024' });
    expect(readableDate(' 8 July 2022 ')).toEqual({ iso: '2022-07-08', text: '8 July 2022' });
    expect(readableDate('February 29, 2023')).toBeNull();
  });

  it("names the month in the post's own language, the day unchanged", () => {
    expect(readableDate('2016-05-26', 'fr')).toEqual({ iso: '2016-05-26', text: '26 mai 2016' });
    expect(readableDate('2016-05-26', 'de-AT')?.text).toMatch(/^26\. Mai 2016$/);
    expect(readableDate('2016-05-26', 'ja')?.text).toBe('2016年5月26日');
    // The written day, not the day in UTC or in this machine's zone.
    expect(readableDate('2021-03-04T23:30:00-08:00', 'es')).toEqual({ iso: '2021-03-04', text: '4 de marzo de 2021' });
    // The Gregorian day written, whatever calendar the language or the tag would choose (review 25).
    expect(readableDate('2024-03-05', 'th')?.text).toBe('5 มีนาคม 2024');
    expect(readableDate('2024-03-05', 'fa-IR')?.text).toBe('۵ مارس ۲۰۲۴');
    expect(readableDate('2024-03-05', 'ar-u-ca-islamic')?.text).toBe('5 مارس 2024');
    expect(readableDate('2024-03-05', 'fr-CA')?.text).toBe('5 mars 2024');
    // A year before 1000 keeps its English reading, padded as written (Intl would write "99").
    expect(readableDate('0099-01-02', 'fr')?.text).toBe('2 January 0099');
    // A language whose month names the preview's runtime lacks (Chromium's trimmed ICU data wrote
    // "March 5, 2024" or "2024 M03 5") reads in English, in the preview and the export alike.
    for (const lang of ['cy', 'kk', 'eu', 'x-klingon'])
      expect(readableDate('2024-03-05', lang)?.text, lang).toBe('5 March 2024');
    // English, no language, an undetermined one, and one no runtime knows read as before.
    for (const lang of ['en', 'en-US', undefined, 'und', 'qaa', 'zz'])
      expect(readableDate('2016-05-26', lang)?.text, String(lang)).toBe('26 May 2016');
    // Words the author wrote stay theirs.
    expect(readableDate('Jun 19 2024', 'fr')?.text).toBe('Jun 19 2024');
  });

  it('leaves any other text, and days or times no calendar has, as written (null)', () => {
    for (const text of ['next tuesday', '26/11/2026', '2017-02-29', '2017-02-28 25:00', '2017-13-01', ''])
      expect(readableDate(text), text).toBeNull();
  });
});

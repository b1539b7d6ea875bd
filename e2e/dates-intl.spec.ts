/**
 * A post's date in its own language is written by Intl in the preview (the browser's ICU data) and
 * in the export (Node's): for every language shared/markdown/dates.ts localizes, both must write
 * the same words, or the preview would not be the page (review 25: Chromium's trimmed data wrote
 * Welsh as "March 5, 2024" and Kazakh as "2024 M03 5" where Node wrote their own words).
 */
import { DAY_FORMAT, LOCALIZED_DATE_LANGUAGES, readableDate } from '../shared/markdown/dates';
import { test, expect } from './fixtures';

// eslint-disable-next-line no-empty-pattern -- Playwright passes fixtures first; none are needed here
test.beforeEach(({}, testInfo) => {
  testInfo.skip(
    testInfo.project.metadata.mode !== 'browser',
    "It compares the browser's ICU with this Node's; the desktop app's export runs in Electron's main process instead.",
  );
});

const DAYS = ['2024-03-05', '2023-11-28', '2016-05-26', '2020-02-29'];

test('the browser writes every localized date as the export does', async ({ page }) => {
  const languages = [...LOCALIZED_DATE_LANGUAGES];
  expect(languages.length).toBeGreaterThan(40);
  const inBrowser = await page.evaluate(
    ({ languages, days, options }) =>
      languages.map((language) =>
        days.map((day) => {
          const [year, month, date] = day.split('-').map(Number);
          const instant = new Date(0);
          instant.setUTCFullYear(year ?? 0, (month ?? 1) - 1, date ?? 1);
          return new Intl.DateTimeFormat(language, options).format(instant);
        }),
      ),
    { languages, days: DAYS, options: DAY_FORMAT },
  );
  const inNode = languages.map((language) => DAYS.map((day) => readableDate(day, language)?.text));
  for (const [i, language] of languages.entries()) {
    expect(inBrowser[i], language).toEqual(inNode[i]);
    // Its own words, not the English reading.
    expect(inNode[i]?.[0], language).not.toBe('5 March 2024');
  }
});

/**
 * Dates as the author wrote them, read the same way by the backend, the form and the pages: an ISO
 * date (with or without a time) reads as "26 May 2016" (or in the words of the post's own
 * language), its calendar day taken as written, never shifted to another time zone; any other text
 * is shown as the author wrote it. Nothing here depends on a time zone: the only `Date` made is a
 * UTC day, formatted in UTC.
 */

/** The months, in English (the site's language, and a post's that names none). */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A date's day (`2016-05-26`, also `2015-11-3` or `2017-04-05 16:16:01 -0800`, the shapes blogs
 * write) and its reading ("26 May 2016"), or null for any other text and for a date or time no
 * calendar has (`2017-02-29 11:00:00`): that is shown as written, never given to machines as a date.
 * The day is the one written, whatever the offset. A date written for people (`Jun 19 2024`,
 * `8 July 2022`) keeps its words, and gets its day for machines.
 */
export function readableDate(written: string, lang?: string): { iso: string; text: string } | null {
  const human = humanDay(written.trim());
  if (human !== null) return { iso: human, text: written.trim() };
  const [, year, month, day] = ISO_LIKE.exec(written.trim()) ?? [];
  const name = month === undefined ? undefined : MONTH_NAMES[Number(month) - 1];
  if (year === undefined || day === undefined || name === undefined) return null;
  if (!validDay(Number(year), Number(month), Number(day)) || calendarWarning(written) !== undefined) return null;
  const text = localDay(Number(year), Number(month), Number(day), lang) ?? `${Number(day)} ${name} ${year}`;
  return { iso: `${year}-${pad(month)}-${pad(day)}`, text };
}

/**
 * The languages whose dates are written in their own words: those whose month names the preview
 * (Chromium's ICU data) and the export (Node's, full) write alike, letter for letter, checked in
 * Chromium by e2e/dates-intl.spec.ts. Chromium carries trimmed data: in Welsh or Kazakh it wrote
 * "March 5, 2024" or "2024 M03 5" where Node wrote the language's own words (review 25). A tag's
 * region and extensions are left out (`fr-CA` reads as `fr`, `th-u-ca-buddhist` as `th`): the
 * day is always the Gregorian day written.
 */
// prettier-ignore
export const LOCALIZED_DATE_LANGUAGES: ReadonlySet<string> = new Set([
  'af', 'am', 'ar', 'bg', 'bn', 'ca', 'cs', 'da', 'de', 'el', 'es', 'et', 'fa', 'fi', 'fil', 'fr', 'gu', 'he',
  'hi', 'hr', 'hu', 'id', 'it', 'ja', 'kn', 'ko', 'lt', 'lv', 'ml', 'mr', 'ms', 'nb', 'nl', 'no', 'pl', 'pt',
  'ro', 'ru', 'sk', 'sl', 'sr', 'sr-Latn', 'sv', 'sw', 'ta', 'te', 'th', 'tr', 'uk', 'ur', 'vi', 'zh',
  'zh-Hans', 'zh-Hant',
]);

/**
 * A day in the words of a post's own language (`lang`, a BCP 47 tag as ./lang.ts reads it): "26 mai
 * 2016" in French, "26. Mai 2016" in German, by the runtime's Intl, in the Gregorian calendar.
 * Null (the English reading) for English, for no language, and for a language outside
 * LOCALIZED_DATE_LANGUAGES; also for a year before 1000, which Intl would write unpadded ("99").
 */
function localDay(year: number, month: number, day: number, lang: string | undefined): string | null {
  if (lang === undefined || year < 1000) return null;
  const key = localizedKey(lang);
  if (key === null) return null;
  const instant = new Date(0);
  instant.setUTCFullYear(year, month - 1, day);
  if (Number.isNaN(instant.getTime())) return null;
  try {
    return dayFormat(key).format(instant);
  } catch {
    // A runtime without this language's data after all: the English reading.
    return null;
  }
}

/** A language tag → its key in LOCALIZED_DATE_LANGUAGES, or null: read once per tag (making an Intl.Locale cost more than the rest of a date). */
const LOCALIZED_KEYS = new Map<string, string | null>();

function localizedKey(lang: string): string | null {
  let key = LOCALIZED_KEYS.get(lang);
  if (key === undefined) {
    key = null;
    try {
      const locale = new Intl.Locale(lang);
      const named = locale.script === undefined ? locale.language : `${locale.language}-${locale.script}`;
      if (LOCALIZED_DATE_LANGUAGES.has(named)) key = named;
    } catch {
      // Not a tag Intl reads: the English reading.
    }
    // Posts name a handful of languages; a blog naming endless ones is not kept.
    if (LOCALIZED_KEYS.size < 1024) LOCALIZED_KEYS.set(lang, key);
  }
  return key;
}

/** How a localized day is written: the Gregorian day, in UTC (the day written, never shifted). */
export const DAY_FORMAT: Readonly<Intl.DateTimeFormatOptions> = {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
  calendar: 'gregory',
};

const DAY_FORMATS = new Map<string, Intl.DateTimeFormat>();

/** One formatter per language: making one costs far more than using it. */
function dayFormat(key: string): Intl.DateTimeFormat {
  let format = DAY_FORMATS.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(key, DAY_FORMAT);
    DAY_FORMATS.set(key, format);
  }
  return format;
}

function pad(part: string | undefined): string {
  return (part ?? '').padStart(2, '0');
}

const MONTH_PREFIXES = MONTH_NAMES.map((name) => name.slice(0, 3).toLowerCase());

/** The month a name's first three letters say, 1–12, or 0. */
function monthIndex(name: string): number {
  return MONTH_PREFIXES.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** The day (`YYYY-MM-DD`) of a date written for people: `Jul 08 2022`, `July 8, 2022`, `8 July 2022`; else null. */
export function humanDay(text: string): string | null {
  const monthFirst = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(text);
  const dayFirst = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/.exec(text);
  const parts = monthFirst
    ? [monthFirst[3], monthFirst[1], monthFirst[2]]
    : dayFirst
      ? [dayFirst[3], dayFirst[2], dayFirst[1]]
      : null;
  if (parts === null) return null;
  const [year = '', monthName = '', day = ''] = parts;
  const month = monthIndex(monthName);
  if (month === 0 || !validDay(Number(year), month, Number(day))) return null;
  return `${year}-${pad(String(month))}-${pad(day)}`;
}

/** A date or date-time in the YAML/ISO shapes blogs use (its parts captured). */
export const ISO_LIKE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?(?:[ \t]*(?:Z|z|[+-]\d{1,2}(?::?\d{2})?))?)?$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether a calendar has that day. */
export function validDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** 'not a valid calendar date' when the text looks like a date that no calendar has (2017-02-29). */
export function calendarWarning(text: string): string | undefined {
  const m = ISO_LIKE.exec(text.trim());
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s] = m;
  const timeOk = h === undefined || (Number(h) < 24 && Number(mi) < 60 && (s === undefined || Number(s) < 61));
  return validDay(Number(y), Number(mo), Number(d)) && timeOk ? undefined : 'not a valid calendar date';
}

/**
 * A post's date as readers see it, in the preview and the exported pages alike: an ISO date (with
 * or without a time) reads as "26 May 2016", its calendar day taken as written, never shifted to
 * another time zone; any other text is shown as the author wrote it.
 */

/** The months, in English (the exported pages' language). */
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

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** An ISO date's day (`2016-05-26`) and its reading ("26 May 2016"), or null for any other text. */
export function readableDate(written: string): { iso: string; text: string } | null {
  const [, year, month, day] = ISO.exec(written.trim()) ?? [];
  const name = month === undefined ? undefined : MONTH_NAMES[Number(month) - 1];
  if (year === undefined || day === undefined || name === undefined || Number(day) < 1 || Number(day) > 31) return null;
  return { iso: `${year}-${month}-${day}`, text: `${Number(day)} ${name} ${year}` };
}

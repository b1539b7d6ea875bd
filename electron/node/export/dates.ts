/** Dates as readers and feed readers see them (shared/markdown/dates.ts: the preview reads them the same way). */
import { calendarWarning, ISO_LIKE, readableDate } from '../../../shared/markdown/dates';
import { escapeHtml } from '../../../shared/markdown/render';

/** A `<time>` element for an ISO date, else the escaped text (an impossible date too: it has no machine reading). */
export function dateHtml(written: string): string {
  const date = readableDate(written);
  return date === null ? escapeHtml(written) : `<time datetime="${date.iso}">${date.text}</time>`;
}

/** The offset at the end of a date-time (`Z`, `-08:00`, `+0530`, `+8`), its sign, hours and minutes. */
const OFFSET = /(?:[Zz]|([+-])(\d{1,2}):?(\d{2})?)$/;

/**
 * The instant of a date written with a time and an offset (`2021-03-04T23:30:00-08:00`), in UTC as
 * `2021-03-05T07:30:00Z`; null for a date without an offset (its wall clock is all there is), for
 * any other text, and for a date no calendar has. Date.UTC does only arithmetic here: nothing
 * depends on the time zone of the machine that exports.
 */
export function instantOf(written: string): string | null {
  const text = written.trim();
  const m = ISO_LIKE.exec(text);
  const offset = OFFSET.exec(text);
  if (m === null || offset === null || m[4] === undefined || calendarWarning(text) !== undefined) return null;
  const [, y, mo, d, h, mi, s, frac] = m;
  const [, sign, oh, om] = offset;
  const shift = sign === undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om ?? 0));
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi) - shift, Number(s ?? 0));
  // Date.UTC reads years 0–99 as 1900–1999; a blog's years are four digits, but say what was written.
  if (Number.isNaN(ms) || Number(y) < 100) return null;
  const fraction = frac === undefined ? '' : frac;
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, `${fraction}Z`);
}

/**
 * The key the export orders posts by: the instant (as `YYYY-MM-DDTHH:MM:SS`, UTC) when the date
 * has an offset, else the list's key of the wall clock as written (read as UTC, as the feed reads it).
 */
export function orderKey(written: string | null, sortKey: string | null): string | null {
  const instant = written === null ? null : instantOf(written);
  return instant === null ? sortKey : instant.slice(0, -1);
}

/**
 * A post's date for machine-readable fields (the feed's `<updated>`): its instant when an offset
 * is written, its wall clock read as UTC otherwise; null for a date no calendar has (2017-02-29),
 * or text that is not a date, so the caller falls back to something true.
 */
export function machineTime(written: string | null, sortKey: string | null): string | null {
  if (written !== null && calendarWarning(written) !== undefined) return null;
  const instant = written === null ? null : instantOf(written);
  if (instant !== null) return instant;
  if (sortKey !== null && /^\d{4}-\d{2}-\d{2}$/.test(sortKey)) return `${sortKey}T00:00:00Z`;
  if (sortKey !== null && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/.test(sortKey)) return `${sortKey}Z`;
  return null;
}

/** The warning for a post whose date no calendar has, or undefined. */
export function dateWarning(written: string | null): string | undefined {
  if (written === null || calendarWarning(written) === undefined) return undefined;
  return `the date "${written}" is not a valid calendar date: it is shown as written and left out of the feed, the sitemap and the page's machine-readable date.`;
}

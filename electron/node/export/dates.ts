/** Dates as readers and feed readers see them (shared/markdown/dates.ts: the preview reads them the same way). */
import { calendarWarning, readableDate } from '../../../shared/markdown/dates';
import { instantOf } from '../../../shared/markdown/sortDate';
import { escapeHtml } from '../../../shared/markdown/escape';

/**
 * A `<time>` element for an ISO date, else the escaped text (an impossible date too: it has no
 * machine reading). `lang`, a post page's language, names the month in its words.
 */
export function dateHtml(written: string, lang?: string): string {
  const date = readableDate(written, lang);
  return date === null ? escapeHtml(written) : `<time datetime="${date.iso}">${escapeHtml(date.text)}</time>`;
}

/** The instant of a date written with an offset: the post list sorts by it too (shared/markdown/sortDate.ts). */
export { instantOf };

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
  return `the date "${written}" is not a valid calendar date: it is shown as written, the page and the sitemap give no machine-readable date, and the feed leaves the post out.`;
}

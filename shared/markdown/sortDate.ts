/**
 * The post list's reading of a date: the key it sorts by, worked out by string arithmetic only (no
 * `Date` object, so nothing depends on the time zone). The backend sorts the list with it and the
 * front-matter form warns with it, so a date the form accepts is a date the list can place.
 */
import { calendarWarning, humanDay, ISO_LIKE, validDay } from './dates';

/** The date (and time) at the start of a text that goes on with something else (`… 2023 -0800`). */
const ISO_PREFIX = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(?![\d:.])/;

function pad2(n: string): string {
  return n.padStart(2, '0');
}

function isoKey(m: RegExpExecArray): string {
  const [, y = '', mo = '', d = '', h, mi, s, frac] = m;
  const day = `${y}-${pad2(mo)}-${pad2(d)}`;
  if (h === undefined || mi === undefined) return day;
  return `${day}T${pad2(h)}:${mi}:${s ?? '00'}${frac ?? ''}`;
}

/**
 * A key that sorts dates as strings: `YYYY-MM-DD`, plus `THH:MM:SS[.fff]` when a time is
 * written. A date-time written with an offset sorts by its instant, in UTC (23:30 at -08:00 comes
 * after 01:00 at +01:00 the next day), as the export orders it; without an offset the wall-clock
 * time is all there is and is kept as written. Null when the text is not a recognisable date.
 */
export function dateSortKey(text: string): string | null {
  const trimmed = text.trim();
  const m = ISO_LIKE.exec(trimmed);
  if (m !== null) return instantOf(trimmed)?.slice(0, -1) ?? isoKey(m);
  const prefix = ISO_PREFIX.exec(trimmed);
  return prefix !== null ? isoKey(prefix) : humanDay(trimmed);
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

/** A Jekyll or Hexo post file's name: its date, then its slug (`2019-01-01-hello-world.md`). */
const DATED_NAME = /^(\d{4})-(\d{2})-(\d{2})-(.+)\.(?:md|markdown)$/i;

/**
 * The date a post's file name starts with, as Jekyll and Hexo name posts (`_posts/2019-01-01-title.md`),
 * `YYYY-MM-DD`; null for any other name or a day no calendar has. Those generators date such a
 * post by its name when the front matter gives no date.
 */
export function fileNameDate(id: string): string | null {
  const m = DATED_NAME.exec(id.slice(id.lastIndexOf('/') + 1));
  if (m === null) return null;
  const [, y = '', mo = '', d = ''] = m;
  return validDay(Number(y), Number(mo), Number(d)) ? `${y}-${mo}-${d}` : null;
}

/** The slug after the date of a dated file name (`hello-world` of `2019-01-01-hello-world.md`), or null. */
export function fileNameSlug(id: string): string | null {
  const m = DATED_NAME.exec(id.slice(id.lastIndexOf('/') + 1));
  return m === null || fileNameDate(id) === null ? null : (m[4] ?? null);
}
